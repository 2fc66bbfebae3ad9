"""Conversions between ORM rows and domain records (the ORM never leaves storage).

No SQLAlchemy import at run time: the command line's standard-library read path
(`storage/reader.py`) maps its rows with `record_from_row` too.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.domain.question import (
    Author,
    Chamber,
    Closing,
    ClosingKind,
    QuestionRecord,
    record_hash,
    text_digest,
)
from qe_desktop.domain.status import Timing

if TYPE_CHECKING:
    from qe_desktop.storage.models import Question

# The record's fields stored as they are, in columns of the same name: written by
# `record_values`, read back by `record_from_row` (a test checks that with the fields
# built by hand, they are every field of the record and every column of the row).
_FIELDS_FROM_RECORD = (
    "qtype",
    "legislature",
    "number",
    "uid",
    "url",
    "title",
    "rubrique",
    "analysis",
    "ministry_asked",
    "ministry_assigned",
    "assigned_on",
    "published_on",
    "question_page",
    "answer_ministry",
    "answered_on",
    "answer_page",
    "answer_text",
    "answer_note",
    "signaled_on",
    "erratum",
    "recalls",
)

# The author's fields and the question columns that store them.
AUTHOR_COLUMNS = {
    "name": "author_name",
    "civility": "author_civility",
    "constituency": "constituency",
    "group": "group",
    "ref": "author_ref",
}
# A deputy's fields stored as they are, in `deputies` columns of the same name (written by
# `storage.deputies.upsert_deputy`, read back by `deputy_from_row`).
DEPUTY_FIELDS = (
    "civility",
    "first_name",
    "last_name",
    "department",
    "department_number",
    "district",
    "group_ref",
)


def display_ministry(row: Question) -> str:
    """The ministry a list shows: the one that answered, else assigned, else asked."""
    return row.answer_ministry or row.ministry_assigned or row.ministry_asked or ""


def record_from_row(row: Question) -> QuestionRecord:
    """The question row as the domain's record, the form imports and exports share."""
    closing = None
    if row.closing_kind:
        closing = Closing(ClosingKind(row.closing_kind), row.closing_label or "", row.closed_on)
    renewed = tuple(date.fromisoformat(d) for d in row.renewed_on.split(",") if d)
    same = {name: getattr(row, name) for name in _FIELDS_FROM_RECORD}
    return QuestionRecord(
        chamber=Chamber(row.chamber),
        question_text=row.question_text,
        themes=tuple(t for t in row.themes.split("\n") if t),
        author=Author(**{name: getattr(row, column) for name, column in AUTHOR_COLUMNS.items()}),
        closing=closing,
        renewed_on=renewed,
        source=row.source_file,
        **same,
    )


def deputy_from_row(row: Any, group: str, group_abbrev: str) -> DeputyRecord:
    """A deputies row (ORM or plain) with its group's names, as the domain's record."""
    same = {name: getattr(row, name) for name in DEPUTY_FIELDS}
    return DeputyRecord(row.ref, group=group, group_abbrev=group_abbrev, **same)


def record_from_values(values: dict[str, Any]) -> QuestionRecord:
    """The record whose `record_values` these are (a bulk import's question, after a pickle)."""
    return record_from_row(cast("Question", SimpleNamespace(**values)))


def merge_records(old: QuestionRecord, new: QuestionRecord) -> QuestionRecord:
    """New values win; a value the new import lacks never erases one we had."""
    from dataclasses import fields, replace

    changes: dict[str, object] = {}
    for f in fields(QuestionRecord):
        value = getattr(new, f.name)
        if value in (None, "", ()) and f.name != "source":
            continue
        if f.name == "author":
            value = _merge_author(old.author, new.author)
        changes[f.name] = value
    return replace(old, **changes)  # type: ignore[arg-type]


def _merge_author(old: Author, new: Author) -> Author:
    return Author(
        name=new.name or old.name,
        civility=new.civility or old.civility,
        constituency=new.constituency or old.constituency,
        group=new.group or old.group,
        ref=new.ref or old.ref,
    )


def record_values(record: QuestionRecord) -> dict[str, Any]:
    """Column values for a record (everything derived from it included), minus id and key."""
    values: dict[str, Any] = {name: getattr(record, name) for name in _FIELDS_FROM_RECORD}
    timing = Timing.of_record(record, date.today())
    values.update({column: getattr(record.author, name) for name, column in AUTHOR_COLUMNS.items()})
    values.update(
        chamber=record.chamber.value,
        themes="\n".join(record.themes),
        question_text=record.question_text,
        closing_kind=record.closing.kind.value if record.closing else None,
        closing_label=record.closing.label if record.closing else None,
        closed_on=record.closing.on if record.closing else None,
        renewed_on=",".join(d.isoformat() for d in record.renewed_on),
        source_file=record.source,
        ministry=record.answer_ministry or record.ministry_assigned or record.ministry_asked or "",
        answered=record.answered_on is not None or bool(record.answer_text),
        deadline=timing.deadline,
        delay_days=timing.delay_days,
    )
    question_hash, answer_hash = text_digest(record.question_text), text_digest(record.answer_text)
    values.update(
        content_hash=record_hash(record, question_hash, answer_hash),
        question_hash=question_hash,
        answer_hash=answer_hash,
    )
    return values


def apply_record(row: Question, record: QuestionRecord, key: str) -> None:
    """Write a record's fields (and everything derived from them) onto a row."""
    row.key = row.key or key
    for name, value in record_values(record).items():
        setattr(row, name, value)
