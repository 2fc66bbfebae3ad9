"""Commitment queries: the Commitments view (filtered and sorted in SQL) and dismissals.

Every live Engagement highlight is a commitment, even before anyone gave it a date:
a highlight made with the toolbar has no `commitments` row yet, so the list joins
that table with an outer join and falls back to "à vérifier" and the question's
ministry.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import (
    COMMITMENT_CATEGORY,
    AnchorState,
    CommitmentStatus,
    DatePrecision,
    Part,
)
from qe_desktop.domain.commitment_tracking import (
    CommitmentFilter,
    CommitmentRow,
    days_overdue,
    month_bounds,
)
from qe_desktop.storage.models import Annotation, Commitment, DismissedSuggestion, Question

OPEN_STATUSES = tuple(s.value for s in CommitmentStatus if s.is_open)


def _status() -> ColumnElement[str]:
    return func.coalesce(Commitment.status, CommitmentStatus.TO_CHECK.value)


def _ministry() -> ColumnElement[str]:
    return func.coalesce(func.nullif(Commitment.ministry, ""), Question.ministry)


def _base_query() -> Select[Any]:
    query: Select[Any] = (
        select(  # type: ignore[assignment]
            Annotation.id,
            Annotation.version,
            Annotation.exact,
            Annotation.anchor_state,
            Question.key,
            Question.chamber,
            Question.number,
            Question.title,
            Question.rubrique,
            Question.author_civility,
            Question.author_name,
            Question.author_ref,
            _ministry().label("ministry"),
            Commitment.due_date,
            Commitment.precision,
            _status().label("status"),
            Commitment.next_check,
        )
        .join(Question, Question.id == Annotation.question_id)
        .outerjoin(Commitment, Commitment.annotation_id == Annotation.id)
        .where(Annotation.deleted.is_(False))
        .where(or_(Commitment.id.is_not(None), Annotation.category == COMMITMENT_CATEGORY))
    )
    return query


def _filtered(query: Select[Any], flt: CommitmentFilter, today: date) -> Select[Any]:
    if flt.overdue:
        query = query.where(
            and_(
                _status().in_(OPEN_STATUSES),
                Commitment.due_date.is_not(None),
                Commitment.due_date < today,
            )
        )
    if flt.ministry:
        query = query.where(_ministry() == flt.ministry)
    if flt.status is not None:
        query = query.where(_status() == flt.status.value)
    if flt.due_this_month:
        first, last = month_bounds(today)
        query = query.where(Commitment.due_date.between(first, last))
    if flt.question_key:
        query = query.where(Question.key == flt.question_key)
    return query


def commitment_rows(session: Session, flt: CommitmentFilter, today: date) -> list[CommitmentRow]:
    """The commitments matching `flt`, earliest due date first (undated ones last)."""
    query = _filtered(_base_query(), flt, today).order_by(
        Commitment.due_date.is_(None),
        Commitment.due_date,
        Question.key,
        Annotation.start,
        Annotation.id,
    )
    return [_to_row(m, today) for m in session.execute(query).mappings()]


def _to_row(m: Any, today: date) -> CommitmentRow:
    status = CommitmentStatus(m["status"])
    name = m["author_name"] or m["author_ref"]
    return CommitmentRow(
        annotation_id=m["id"],
        version=m["version"],
        question_key=m["key"],
        chamber=m["chamber"],
        number=m["number"],
        title=m["title"] or m["rubrique"] or "",
        author=f"{m['author_civility']} {name}".strip(),
        ministry=m["ministry"] or "",
        quote=m["exact"],
        due_date=m["due_date"],
        precision=DatePrecision(m["precision"] or DatePrecision.VAGUE.value),
        status=status,
        days_overdue=days_overdue(m["due_date"], status, today),
        next_check=m["next_check"],
        anchor_state=m["anchor_state"],
    )


def commitment_ministries(session: Session) -> list[str]:
    """The ministries that made the live commitments (the ministry filter's choices)."""
    query = _base_query().with_only_columns(_ministry().label("ministry")).distinct()
    return sorted({m for m in session.scalars(query) if m})


def engagement_spans(session: Session, question_id: int) -> list[tuple[int, int]]:
    """Where the answer already carries a live Engagement highlight (or a commitment)."""
    query = (
        select(Annotation.start, Annotation.end)
        .outerjoin(Commitment, Commitment.annotation_id == Annotation.id)
        .where(
            Annotation.question_id == question_id,
            Annotation.part == Part.ANSWER.value,
            Annotation.deleted.is_(False),
            Annotation.anchor_state != AnchorState.ORPHAN.value,
            or_(Annotation.category == COMMITMENT_CATEGORY, Commitment.id.is_not(None)),
        )
    )
    return [(int(start), int(end)) for start, end in session.execute(query)]


def dismissed_hashes(session: Session, question_key: str) -> set[str]:
    """Sentences of a question the user dismissed, so they are not suggested again."""
    query = select(DismissedSuggestion.sentence_hash).where(
        DismissedSuggestion.question_key == question_key
    )
    return set(session.scalars(query))


def add_dismissal(
    session: Session, question_key: str, digest: str, sentence: str, by: str, at: datetime
) -> bool:
    """Remember a dismissed sentence; False when it was already dismissed."""
    if digest in dismissed_hashes(session, question_key):
        return False
    row = DismissedSuggestion(
        question_key=question_key,
        sentence_hash=digest,
        sentence=sentence,
        dismissed_by=by,
        dismissed_at=at,
    )
    try:
        with session.begin_nested():  # a colleague may dismiss it at the same moment
            session.add(row)
    except IntegrityError:
        return False
    return True
