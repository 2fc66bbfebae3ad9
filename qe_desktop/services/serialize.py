"""JSON shapes of the command line contract (DESIGN §6)."""

from __future__ import annotations

from datetime import date, datetime
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


def row_json(row: QuestionRow) -> dict[str, Any]:
    """A list row as `list --json` gives it."""
    return {
        "key": row.key,
        "chamber": row.chamber,
        "legislature": row.legislature,
        "number": row.number,
        "title": row.title,
        "author": row.author,
        "group": row.group,
        "ministry": row.ministry,
        "published_on": _iso(row.published_on),
        "answered_on": _iso(row.answered_on),
        "status": row.status.value,
        "delay_days": row.delay_days,
        "annotation_count": row.annotation_count,
        "snippet": row.snippet,
    }


def commitment_row_json(row: CommitmentRow) -> dict[str, Any]:
    """One commitment of `qe-desktop commitments --json`."""
    return {
        "annotation_id": row.annotation_id,
        "question_key": row.question_key,
        "chamber": row.chamber,
        "number": row.number,
        "title": row.title,
        "author": row.author,
        "ministry": row.ministry,
        "quote": row.quote,
        "due_date": _iso(row.due_date),
        "precision": row.precision.value,
        "status": row.status.value,
        "status_label": row.status.label,
        "days_overdue": row.days_overdue,
        "overdue": row.is_overdue,
        "next_check": _iso(row.next_check),
        "anchor_state": row.anchor_state,
    }


def suggestion_json(suggestion: Suggestion) -> dict[str, Any]:
    """One suggestion of `qe-desktop commitments --suggest KEY --json`."""
    return {
        "start": suggestion.start,
        "end": suggestion.end,
        "sentence": suggestion.sentence,
        "due_date": _iso(suggestion.due),
        "precision": suggestion.precision.value,
        "confidence": suggestion.confidence,
        "cues": list(suggestion.cues),
        "kind": suggestion.kind,
        "explanation": suggestion.explanation,
    }
