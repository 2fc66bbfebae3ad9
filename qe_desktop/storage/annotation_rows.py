"""Plain annotation, commitment and event rows as domain records (no SQLAlchemy).

One mapping for the ORM's rows (`storage/annotations.py`) and the standard library's
(`storage/reader.py`, the command line's read path): both hand rows with attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qe_desktop.domain.annotation import (
    AnchorState,
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
    Selector,
    StatusChange,
)


def change_of(e: Any) -> StatusChange:
    """One commitment event (ORM row or plain row) as a status change."""
    return StatusChange(CommitmentStatus(e.status), e.author, e.at, e.reason, e.evidence)


def commitment_of(c: Any, history: Iterable[StatusChange]) -> CommitmentRecord:
    """One commitment (ORM row or plain row) with its history, as the domain sees it."""
    return CommitmentRecord(
        due_date=c.due_date,
        precision=DatePrecision(c.precision),
        ministry=c.ministry,
        status=CommitmentStatus(c.status),
        evidence=c.evidence,
        next_check=c.next_check,
        history=tuple(history),
    )


def annotation_of(
    row: Any, question_key: str, tags: tuple[str, ...], commitment: CommitmentRecord | None
) -> AnnotationRecord:
    """One annotation row (ORM or plain) with its tags and commitment, as the domain sees it."""
    return AnnotationRecord(
        id=row.id,
        question_key=question_key,
        part=Part(row.part),
        selector=Selector(row.exact, row.prefix, row.suffix, row.start, row.end),
        category=row.category,
        text_hash=row.text_hash,
        creator=row.creator,
        created=row.created,
        modified=row.modified,
        note=row.note,
        tags=tags,
        anchor_state=AnchorState(row.anchor_state),
        previous_exact=row.previous_exact,
        commitment=commitment,
        deleted=row.deleted,
        version=row.version,
    )
