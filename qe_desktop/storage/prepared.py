"""A question prepared for storage: its key and its row, computed where the files are read.

No SQLAlchemy here (nor anywhere this module imports): an import's reading process
starts before the importing process has loaded SQLAlchemy, and parses meanwhile. The
column tables below are checked against the ORM model by a test
(`tests/storage/test_prepared_rows.py`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from qe_desktop.domain.question import QuestionRecord, question_key, record_hash, text_digest
from qe_desktop.domain.status import answer_deadline, delay_days
from qe_desktop.storage.mapping import record_from_values

# The columns a prepared question carries, in table order: all but the id and the
# import time (the writer's, one per chunk).
COLUMNS = (
    "key",
    "uid",
    "chamber",
    "qtype",
    "legislature",
    "number",
    "url",
    "title",
    "rubrique",
    "analysis",
    "themes",
    "author_name",
    "author_civility",
    "author_ref",
    "constituency",
    "group",
    "ministry_asked",
    "ministry_assigned",
    "ministry",
    "assigned_on",
    "published_on",
    "question_page",
    "question_text",
    "answer_ministry",
    "answered_on",
    "answer_page",
    "answer_text",
    "answered",
    "answer_note",
    "closing_kind",
    "closing_label",
    "closed_on",
    "signaled_on",
    "renewed_on",
    "erratum",
    "recalls",
    "deadline",
    "delay_days",
    "notes_text",
    "annotation_count",
    "source_file",
    "content_hash",
    "question_hash",
    "answer_hash",
)
DATES = frozenset(
    ("assigned_on", "published_on", "answered_on", "closed_on", "signaled_on", "deadline")
)
BOOLEANS = frozenset(("answered",))
INDEX = {name: position for position, name in enumerate(COLUMNS)}


def sql_value(value: Any) -> Any:
    """A column value as SQLite stores it (SQLAlchemy's format): a date as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


class PreparedQuestion:
    """A record with its key and column values computed (hashes included).

    Preparing is pure Python with no database: the import does it where it reads the
    files, so the writer has only SQL left to run. The values travel as one tuple in
    `COLUMNS` order, already in SQLite's form (dates as ISO text): a new question is
    written as it came, with no conversion in the writing process. The record and the
    values as Python objects are rebuilt only when the writer needs them (an update).
    """

    __slots__ = ("_record", "key", "row")

    def __init__(self, record: QuestionRecord | None, key: str, row: tuple[Any, ...]) -> None:
        self._record = record
        self.key = key
        self.row = row

    @property
    def values(self) -> dict[str, Any]:
        """The column values as Python objects (dates, booleans), by column name."""
        values = dict(zip(COLUMNS, self.row, strict=True))
        for name in DATES:
            if values[name] is not None:
                values[name] = date.fromisoformat(values[name])
        for name in BOOLEANS:
            values[name] = bool(values[name])
        return values

    def get(self, column: str) -> Any:
        """One column's value as stored (a date as ISO text)."""
        return self.row[INDEX[column]]

    @property
    def record(self) -> QuestionRecord:
        """The question as the domain's record (rebuilt from the values after a pickle)."""
        if self._record is None:
            self._record = record_from_values(self.values)
        return self._record

    @property
    def content_hash(self) -> str:
        """The hash that tells an unchanged question from an updated one on re-import."""
        return str(self.row[_CONTENT_HASH])

    @property
    def uid(self) -> str | None:
        """The AN uid, read without rebuilding the record."""
        uid: str | None = self.row[_UID]  # read for every question: no cast() call
        return uid

    @property
    def chamber(self) -> str:
        """The chamber's value ("an", "senat")."""
        chamber: str = self.row[_CHAMBER]
        return chamber

    @property
    def has_answer(self) -> bool:
        """Whether an answer text came with the question."""
        return bool(self.row[_ANSWER_TEXT])

    def __reduce__(self) -> tuple[Any, ...]:
        return (PreparedQuestion, (None, self.key, self.row))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PreparedQuestion):
            return NotImplemented
        return self.key == other.key and self.row == other.row

    __hash__ = None  # type: ignore[assignment]  # like the dataclass it was


_CONTENT_HASH, _UID, _CHAMBER = INDEX["content_hash"], INDEX["uid"], INDEX["chamber"]
_ANSWER_TEXT = INDEX["answer_text"]


def prepare(record: QuestionRecord) -> PreparedQuestion:
    """Compute a record's key and column values away from the database, off the writing thread.

    The row is built in `COLUMNS` order at once, not through `record_values`' dict (#25:
    preparing was a fifth of the reader's CPU); `tests/storage/test_prepared_rows.py`
    checks it against `record_values` column by column.
    """
    key = question_key(record)
    author, closing = record.author, record.closing
    published_on, answered_on, signaled_on = (
        record.published_on,
        record.answered_on,
        record.signaled_on,
    )
    question_text, answer_text = record.question_text, record.answer_text
    question_hash, answer_hash = text_digest(question_text), text_digest(answer_text)
    deadline = answer_deadline(published_on, signaled_on, record.qtype)
    ministry_assigned, answer_ministry = record.ministry_assigned, record.answer_ministry
    row = (
        key,
        record.uid,
        record.chamber.value,
        record.qtype,
        record.legislature,
        record.number,
        record.url,
        record.title,
        record.rubrique,
        record.analysis,
        "\n".join(record.themes),
        author.name,
        author.civility,
        author.ref,
        author.constituency,
        author.group,
        record.ministry_asked,
        ministry_assigned,
        answer_ministry or ministry_assigned or record.ministry_asked or "",
        _iso(record.assigned_on),
        _iso(published_on),
        record.question_page,
        question_text,
        answer_ministry,
        _iso(answered_on),
        record.answer_page,
        answer_text,
        answered_on is not None or bool(answer_text),
        record.answer_note,
        closing.kind.value if closing else None,
        closing.label if closing else None,
        _iso(closing.on) if closing else None,
        _iso(signaled_on),
        ",".join([day.isoformat() for day in record.renewed_on]),
        record.erratum,
        record.recalls,
        _iso(deadline),
        delay_days(published_on, answered_on),
        "",
        0,
        record.source,
        record_hash(record, question_hash, answer_hash),
        question_hash,
        answer_hash,
    )
    return PreparedQuestion(record, key, row)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
