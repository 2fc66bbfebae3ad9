"""`search`, `list` and `show` without SQLAlchemy: the question service's answers, read with
the standard library's `sqlite3` (`storage/reader.py`), for a command line that answers
in a blink (#25).

Only a SQLite library already at head, readable and writable, that had its daily
backup today takes this path; anything else (a team library on PostgreSQL, a schema
to migrate, a file to check and back up, a permission problem) returns None and the
command runs on the full services, which migrate, back up and explain errors.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Protocol

from qe_desktop.domain.number_search import number_reference
from qe_desktop.domain.search_terms import parse_terms
from qe_desktop.domain.views import (
    QuestionDetail,
    QuestionFilter,
    QuestionNotFound,
    QuestionRow,
    Sort,
)
from qe_desktop.services.serialize import LISTING_TITLE_CHARS, listing_line
from qe_desktop.storage.backups import has_backup_since
from qe_desktop.storage.reader import LibraryReader, ReaderUnavailable

__all__ = [
    "ListSource",
    "QuestionReading",
    "QuickQuestions",
    "QuickServices",
    "ReadingServices",
    "first_rows",
    "quick_services",
]


class QuestionReading(Protocol):
    """What `search`, `list` and `show` ask of the questions (`QuestionService` has it too)."""

    def rows(
        self, flt: QuestionFilter, sort: Sort, offset: int = 0, limit: int = 200
    ) -> list[QuestionRow]:
        """One page of the library list."""
        ...

    def count(self, flt: QuestionFilter, up_to: int | None = None) -> int:
        """How many questions the filter keeps (at most `up_to`)."""
        ...

    def search(self, query: str, limit: int = 20) -> list[QuestionRow]:
        """Ranked full-text results, a typed number's questions first."""
        ...

    def listing(self, flt: QuestionFilter, sort: Sort, limit: int | None) -> list[str]:
        """The lines `qe-desktop list` prints (`serialize.listing_line`); None: all."""
        ...

    def detail(self, key: str) -> QuestionDetail:
        """One question in full, or QuestionNotFound."""
        ...


class ListSource(Protocol):
    """What the window's list reads: `QuestionService`, or `QuickQuestions` for the
    first rows painted before SQLAlchemy and the services load (#25).
    """

    def rows(
        self, flt: QuestionFilter, sort: Sort, offset: int = 0, limit: int = 200
    ) -> list[QuestionRow]:
        """One page of the library list."""
        ...

    def count(self, flt: QuestionFilter, up_to: int | None = None) -> int:
        """How many questions the filter keeps (at most `up_to`)."""
        ...

    def total(self) -> int:
        """How many questions the library holds."""
        ...

    def position(
        self, flt: QuestionFilter, sort: Sort, key: str, within: int | None = None
    ) -> int | None:
        """Where a question stands in the list (None: not known here; -1: too far down)."""
        ...


class ReadingServices(Protocol):
    """The services `search`, `list` and `show` use (`Services` has them too)."""

    @property
    def questions(self) -> QuestionReading:
        """The questions, to list, search and show."""
        ...


class QuickQuestions:
    """`QuestionService`'s reading methods over a `LibraryReader` (same rules, same rows)."""

    def __init__(self, reader: LibraryReader, today: Callable[[], date] = date.today) -> None:
        self._reader = reader
        self._today = today

    def _by_number(self, flt: QuestionFilter) -> QuestionFilter:
        """As `services.questions._by_number`: a number alone lists that number's questions."""
        ref = number_reference(flt.text) if flt.text and not flt.keys else None
        if ref is None:
            return flt
        keys = self._reader.keys_by_number(ref)
        return dataclasses.replace(flt, text="", keys=tuple(keys)) if keys else flt

    def rows(
        self, flt: QuestionFilter, sort: Sort, offset: int = 0, limit: int = 200
    ) -> list[QuestionRow]:
        """One page of the library list; a question number typed alone finds that question."""
        return self._reader.rows(self._by_number(flt), sort, offset, limit, self._today())

    def count(self, flt: QuestionFilter, up_to: int | None = None) -> int:
        """How many questions the list shows under this filter (at most `up_to`)."""
        return self._reader.count(self._by_number(flt), self._today(), up_to)

    def listing(self, flt: QuestionFilter, sort: Sort, limit: int | None) -> list[str]:
        """`serialize.listing_line` of each row, made by SQLite: 30,000 lines with no
        record built (0.35 s of CPU down to 0.16 s on 100,000 questions, #25).
        `limit=None`: every row, without counting them first.
        """
        flt = self._by_number(flt)
        if not parse_terms(flt.text).empty:  # searched rows carry their ranking: as rows
            shown = self.count(flt) if limit is None else limit
            return [listing_line(row) for row in self.rows(flt, sort, limit=shown)]
        every = -1  # SQLite's "no limit"
        return self._reader.listing(
            flt, sort, every if limit is None else limit, self._today(), LISTING_TITLE_CHARS
        )

    def total(self) -> int:
        """How many questions the library holds."""
        return self._reader.total()

    def position(
        self, flt: QuestionFilter, sort: Sort, key: str, within: int | None = None
    ) -> int | None:
        """Not read here: the window looks only in the pages at hand until its services load."""
        return None

    def reads(self, flt: QuestionFilter, sort: Sort) -> bool:
        """True when this filter and sort are read here (the light commands' ones)."""
        return self._reader.reads(flt, sort)

    def close(self) -> None:
        """Let go of the library file."""
        self._reader.close()

    def keys_by_number(self, text: str) -> list[str]:
        """The questions a typed number designates ("11177", "n° 11177", "S 03038")."""
        ref = number_reference(text)
        return [] if ref is None else self._reader.keys_by_number(ref)

    def search(self, query: str, limit: int = 20) -> list[QuestionRow]:
        """As `QuestionService.search`: a number's questions first, then the text matches."""
        numbered = self.rows(QuestionFilter(text=query), Sort("rank"), limit=limit)
        if not self.keys_by_number(query):
            return numbered
        found = self._reader.rows(QuestionFilter(text=query), Sort("rank"), 0, limit, self._today())
        seen = {row.key for row in numbered}
        return [*numbered, *(row for row in found if row.key not in seen)][:limit]

    def detail(self, key: str) -> QuestionDetail:
        """Everything `show` prints about one question."""
        found = self._reader.detail(key, self._today())
        if found is None:
            raise QuestionNotFound(key)
        return found


@dataclasses.dataclass(frozen=True)
class QuickServices:
    """The light commands' services: the questions, read-only."""

    questions: QuickQuestions
    reader: LibraryReader

    def close(self) -> None:
        """Let go of the library file."""
        self.reader.close()


def _library_file(location: str) -> Path | None:
    """The file of a SQLite library (as `storage.engine.to_url` reads a location)."""
    if "://" in location:  # a server, or a URL spelt out: the services handle it
        return None
    return Path(location).expanduser().resolve()


def first_rows(location: str) -> QuickQuestions | None:
    """The window's first page, read before SQLAlchemy loads, or None: today's path.

    A SQLite library at head that this user may write; a server, a schema to
    migrate or a file that cannot be opened goes through the services, which
    migrate and explain. Unlike the command line, the day's first opening reads
    light too: the window runs its daily check and backup once shown, either way.
    """
    path = _library_file(location)
    if path is None or not path.is_file():
        return None
    if not (os.access(path, os.R_OK | os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    try:
        reader = LibraryReader.open(path)
    except ReaderUnavailable:
        return None
    return QuickQuestions(reader)


def quick_services(location: str) -> QuickServices | None:
    """The light read path for this library, or None when the full services must run."""
    path = _library_file(location)
    if path is None or not path.is_file():
        return None
    if not (os.access(path, os.R_OK | os.W_OK) and os.access(path.parent, os.W_OK)):
        return None  # the services explain the permission problem
    midnight = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if not has_backup_since(path, "quotidienne", midnight):
        return None  # the day's first opening: integrity check and backup first
    try:
        reader = LibraryReader.open(path)
    except ReaderUnavailable:
        return None
    return QuickServices(QuickQuestions(reader), reader)
