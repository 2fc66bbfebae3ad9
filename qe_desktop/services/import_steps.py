"""The steps a reading process hands over, defined apart from the parsers (#25).

The writing process unpickles every `Input` it is sent: defined beside the parsers
(`import_reading`), the class made the writer import every parser, lxml included,
only to read a name and a count. Here it loads nothing but the small modules it names.
"""

from __future__ import annotations

from typing import NamedTuple

from qe_desktop.importers.entries import EntryMark
from qe_desktop.importers.errors import ImportFailure


class Input(NamedTuple):
    """The reader reached the `done`-th input (or found it unreadable).

    A tuple: one per input crosses from the reader process, and a frozen dataclass
    pickles through `dataclasses.fields` (1 s of CPU for 20,000 inputs).
    """

    done: int
    name: str
    failure: ImportFailure | None = None
    mark: EntryMark | None = None  # an archive entry: stored once all it gave is written
