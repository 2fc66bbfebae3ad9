"""JSON shapes of the command line contract (DESIGN §6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `search`, `list` and `show` load none of the commitment rules (#25)
    from qe_desktop.domain.annotation import AnnotationRecord
    from qe_desktop.domain.commitment_tracking import CommitmentRow
    from qe_desktop.domain.commitments import Suggestion
    from qe_desktop.domain.views import QuestionDetail, QuestionRow


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def annotation_json(annotation: AnnotationRecord) -> dict[str, Any]:
    """An annotation as the CLI's JSON output gives it."""
    data: dict[str, Any] = {
        "id": annotation.id,
        "part": annotation.part.value,
        "category": annotation.category,
        "exact": annotation.selector.exact,
        "start": annotation.selector.start,
        "end": annotation.selector.end,
        "note": annotation.note,
        "tags": list(annotation.tags),
        "creator": annotation.creator,
        "created": _iso(annotation.created),
        "modified": _iso(annotation.modified),
        "anchor_state": annotation.anchor_state.value,
    }
    if annotation.commitment is not None:
        c = annotation.commitment
        data["commitment"] = {
            "due_date": _iso(c.due_date),
            "precision": c.precision.value,
            "ministry": c.ministry,
            "status": c.status.value,
            "next_check": _iso(c.next_check),
            "evidence": c.evidence,
            "history": [
                {
                    "status": h.status.value,
                    "author": h.author,
                    "at": _iso(h.at),
                    "reason": h.reason,
                    "evidence": h.evidence,
                }
                for h in c.history
            ],
        }
    return data


def question_json(detail: QuestionDetail) -> dict[str, Any]:
    """A question and its annotations as `show --json` gives them."""
    r = detail.record
    return {
        "key": detail.key,
        "uri": detail.uri,
        "chamber": r.chamber.value,
        "type": r.qtype,
        "legislature": r.legislature,
        "number": r.number,
        "title": r.title or r.rubrique or "",
        "rubrique": r.rubrique,
        "author": detail.author_display,
        "author_ref": r.author.ref or None,
        "constituency": r.author.constituency,
        "group": r.author.group,
        "current_group": detail.current_group or None,
        "ministry": r.answer_ministry or r.ministry_assigned or r.ministry_asked or "",
        "ministry_asked": r.ministry_asked,
        "ministry_assigned": r.ministry_assigned,
        "answer_ministry": r.answer_ministry,
        "published_on": _iso(r.published_on),
        "question_page": r.question_page,
        "answered_on": _iso(r.answered_on),
        "answer_page": r.answer_page,
        "status": detail.status.value,
        "deadline": _iso(detail.deadline),
        "delay_days": detail.delay_days,
        "late": detail.late,
        "question_text": r.question_text,
        "answer_text": r.answer_text,
        "note": detail.note,
        "annotations": [annotation_json(a) for a in detail.annotations],
    }


LISTING_TITLE_CHARS = 70


def listing_line(row: QuestionRow) -> str:
    """One line of `qe-desktop list`: key, date, status, author, the title's start.

    `storage/reader.py` makes the same lines in SQL for the light path
    (`LibraryReader.listing`; a test keeps the two equal).
    """
    day = row.published_on  # not strftime: a sixth of a 30,000-line listing's time
    published = f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else "—"
    title = row.title[:LISTING_TITLE_CHARS]
    return f"{row.key}\t{published}\t{row.status.label}\t{row.author}\t{title}\n"


# The JSON fields of each row type, in output order: `name` is the attribute of that
# name, `name=path` another attribute (`status_label=status.label`). Values are made
# plain by `_plain`; tests/test_cli_json_fields.py holds the contract key by key.
ROW_FIELDS = (
    "key chamber legislature number title author group ministry published_on answered_on "
    "status delay_days annotation_count snippet"
)
COMMITMENT_FIELDS = (
    "annotation_id question_key chamber number title author ministry quote due_date "
    "precision status status_label=status.label days_overdue overdue=is_overdue next_check "
    "anchor_state"
)
SUGGESTION_FIELDS = "start end sentence due_date=due precision confidence cues kind explanation"


def _plain(value: object) -> Any:
    """A value as JSON holds it: dates in ISO 8601, enumerations by value, tuples as lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


@cache
def _getters(fields: str) -> tuple[tuple[str, Callable[[object], object]], ...]:
    pairs = (field.partition("=") for field in fields.split())
    return tuple((name, attrgetter(path or name)) for name, _, path in pairs)


def _picked(obj: object, fields: str) -> dict[str, Any]:
    """`obj`'s attributes named by `fields` (one of the tables above), as JSON values."""
    return {name: _plain(get(obj)) for name, get in _getters(fields)}


def row_json(row: QuestionRow) -> dict[str, Any]:
    """A list row as `list --json` gives it."""
    return _picked(row, ROW_FIELDS)


def commitment_row_json(row: CommitmentRow) -> dict[str, Any]:
    """One commitment of `qe-desktop commitments --json`."""
    return _picked(row, COMMITMENT_FIELDS)


def suggestion_json(suggestion: Suggestion) -> dict[str, Any]:
    """One suggestion of `qe-desktop commitments --suggest KEY --json`."""
    return _picked(suggestion, SUGGESTION_FIELDS)
