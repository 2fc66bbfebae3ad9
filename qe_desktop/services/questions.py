"""Reading the library: list rows, counts, filter choices, one question in full."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import Category
from qe_desktop.domain.number_search import number_reference
from qe_desktop.domain.question import official_url, question_uri
from qe_desktop.domain.status import Timing
from qe_desktop.domain.views import (
    QuestionDetail,
    QuestionFilter,
    QuestionNotFound,
    QuestionRow,
    Sort,
)
from qe_desktop.services.serialize import listing_line
from qe_desktop.storage import questions as store
from qe_desktop.storage import questions_list as listing
from qe_desktop.storage.annotations import annotations_of
from qe_desktop.storage.categories import list_categories
from qe_desktop.storage.change_stamp import KeptCounts
from qe_desktop.storage.database import Database
from qe_desktop.storage.deputies import deputy_for
from qe_desktop.storage.mapping import record_from_row
from qe_desktop.storage.models import Question
from qe_desktop.storage.notes import note_of
from qe_desktop.storage.number_lookup import keys_by_number
from qe_desktop.storage.questions_position import position_of

__all__ = ["QuestionNotFound", "QuestionService", "question_by_key"]


def _by_number(session: Session, flt: QuestionFilter) -> QuestionFilter:
    """A search that is only a question number lists the questions with that number.

    Numbers are not words of the full-text index: "11177" would find nothing there.
    When no question has that number, the text search runs as typed.
    """
    ref = number_reference(flt.text) if flt.text and not flt.keys else None
    if ref is None:
        return flt
    keys = keys_by_number(session, ref)
    return dataclasses.replace(flt, text="", keys=tuple(keys)) if keys else flt


def question_by_key(session: Session, key: str) -> Question:
    """The stored question behind a key, or QuestionNotFound: what most use cases need first."""
    question = store.get_by_key(session, key)
    if question is None:
        raise QuestionNotFound(key)
    return question


class QuestionService:
    """Questions for the list and the reading pane, with their status as of today."""

    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self._db = database
        self._today = today
        self._counts = KeptCounts(database.changes.current)  # until the next write (#25)

    def rows(
        self, flt: QuestionFilter, sort: Sort, offset: int = 0, limit: int = 200
    ) -> list[QuestionRow]:
        """One page of the library list; a question number typed alone finds that question."""
        with self._db.read() as session:
            flt = _by_number(session, flt)
            return listing.list_rows(
                session, flt, sort, offset=offset, limit=limit, today=self._today()
            )

    def listing(self, flt: QuestionFilter, sort: Sort, limit: int | None) -> list[str]:
        """The lines `qe-desktop list` prints (`serialize.listing_line`); None: all rows."""
        shown = self.count(flt) if limit is None else limit
        return [listing_line(row) for row in self.rows(flt, sort, limit=shown)]

    def position(
        self, flt: QuestionFilter, sort: Sort, key: str, within: int | None = None
    ) -> int | None:
        """Where a question stands in a filtered, sorted list (None: not in it).

        With `within`: `FAR` (-1) when it is listed more than `within` rows from both ends.
        """
        with self._db.read() as session:
            flt = _by_number(session, flt)
            return position_of(session, flt, sort, key, today=self._today(), within=within)

    def count(self, flt: QuestionFilter, up_to: int | None = None) -> int:
        """How many questions the list shows under this filter (at most `up_to`).

        Kept until the library changes: switching back to a filter counts nothing again.
        """
        today = self._today()

        def counted() -> int:
            with self._db.read() as session:
                return listing.count_rows(session, _by_number(session, flt), today, up_to)

        return self._counts.get((flt, up_to, today), counted)

    def keys_by_number(self, text: str) -> list[str]:
        """The questions a typed number designates ("11177", "n° 11177", "S 03038")."""
        ref = number_reference(text)
        if ref is None:
            return []
        with self._db.read() as session:
            return keys_by_number(session, ref)

    def total(self) -> int:
        """Number of questions in the library (kept until it changes, as `count`)."""

        def counted() -> int:
            with self._db.read() as session:
                return listing.question_count(session)

        return self._counts.get("total", counted)

    def search(self, query: str, limit: int = 20) -> list[QuestionRow]:
        """Ranked full-text results with snippets; any input is safe.

        A number ("11177", "QE 11177") puts the questions with that number first,
        then whatever the text search finds.
        """
        numbered = self.rows(QuestionFilter(text=query), Sort("rank"), limit=limit)
        if not self.keys_by_number(query):
            return numbered
        with self._db.read() as session:
            found = listing.list_rows(
                session, QuestionFilter(text=query), Sort("rank"), limit=limit, today=self._today()
            )
        seen = {row.key for row in numbered}
        return [*numbered, *(row for row in found if row.key not in seen)][:limit]

    def filter_choices(self, column: str) -> list[str]:
        """The values a column's filter menu offers."""
        with self._db.read() as session:
            return listing.distinct_values(session, column)

    def legislatures(self) -> list[int]:
        """Legislatures in the library, latest first, for the filter menu."""
        with self._db.read() as session:
            return listing.legislatures(session)

    def tags(self) -> list[str]:
        """Tags in use on live annotations, for the tag filter."""
        with self._db.read() as session:
            return listing.tags_in_use(session)

    def categories(self) -> tuple[Category, ...]:
        """Highlight categories (stable name, user label), for the category filter."""
        with self._db.read() as session:
            return list_categories(session)

    def detail(self, key: str) -> QuestionDetail:
        """Everything the reading pane shows about one question."""
        with self._db.read() as session:
            row = store.get_by_key(session, key)
            if row is None:
                raise QuestionNotFound(key)
            record = record_from_row(row)
            timing = Timing.of_record(record, self._today())
            return QuestionDetail(
                id=row.id,
                key=row.key,
                uri=question_uri(row.key, official_url(record)),
                record=record,
                status=timing.status,
                deadline=timing.deadline,
                delay_days=timing.delay_days,
                late=timing.late,
                note=note_of(session, row.id),
                annotations=tuple(annotations_of(session, row.id)),
                categories=list_categories(session),
                deputy=deputy_for(session, record.author.ref) if record.author.ref else None,
            )
