"""Archive entries already imported, told apart from changed ones without being read.

A re-import of an open-data legislature (30,000 to 100,000 entries) used to parse
every entry to find that nothing had changed. The zip's central directory gives each
entry's CRC-32 and size for free: an entry whose name, CRC and size are those stored
when it was last imported whole is skipped unread.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from qe_desktop.importers.errors import ImportFailure


class EntryMark(NamedTuple):
    """What identifies an archive entry's content: archive file name, entry name, CRC, size.

    A tuple: one per entry crosses from the reader process (a frozen dataclass pickles
    through `dataclasses.fields`, ten times slower).
    """

    archive: str
    entry: str
    crc: int
    size: int


# (archive file name, entry name) -> (CRC-32, size, questions it gave when imported)
type KnownEntries = Mapping[tuple[str, str], tuple[int, int, int]]


class UnchangedEntry(ImportFailure):
    """Not an error: an archive entry imported before and unchanged since, left unread."""

    def __init__(self, source: str, questions: int) -> None:
        super().__init__(source, "inchangée depuis le dernier import")
        self.questions = questions

    def __reduce__(self) -> tuple[object, ...]:  # type: ignore[override]
        return (UnchangedEntry, (self.source, self.questions))


def unchanged(known: KnownEntries, mark: EntryMark) -> int | None:
    """The number of questions an unchanged entry gave, or None when it must be read."""
    stored = known.get((mark.archive, mark.entry))
    if stored is None or stored[0] != mark.crc or stored[1] != mark.size:
        return None
    return stored[2]
