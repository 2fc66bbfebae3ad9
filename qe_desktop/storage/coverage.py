"""The coverage cache: one row per analysed pair of texts, joined to questions by text hashes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from qe_desktop.domain.coverage import COVERAGE_VERSION, Coverage
from qe_desktop.storage.models import CoverageCache, Question


@dataclass(frozen=True, slots=True)
class Pending:
    """A question whose current texts have no coverage yet."""

    key: str
    question_text: str
    answer_text: str


@dataclass(frozen=True, slots=True)
class CoverageLine:
    """One answered question and its coverage, for listings (`qe-desktop coverage`)."""

    key: str
    ministry: str
    answered_on: str | None
    demands: int
    answered: int
    treated: int
    share: float | None


def join_condition() -> ColumnElement[bool]:
    """Questions to their current coverage row (a changed text simply finds none)."""
    return and_(
        CoverageCache.question_hash == Question.question_hash,
        CoverageCache.answer_hash == Question.answer_hash,
        CoverageCache.version == COVERAGE_VERSION,
    )


def share_expression() -> Any:
    """The question's current coverage share, as a correlated scalar (NULL: not analysed)."""
    return (
        select(CoverageCache.share)
        .where(join_condition())
        .correlate(Question)
        .limit(1)
        .scalar_subquery()
    )


def incomplete_condition() -> ColumnElement[bool]:
    """Answers that leave at least one demand not fully answered."""
    return (
        exists()
        .where(join_condition(), CoverageCache.answered < CoverageCache.demands)
        .correlate(Question)
    )


def cached_payload(session: Session, question_hash: str, answer_hash: str) -> str | None:
    """Coverage already computed for these two texts with the current algorithm, if any."""
    query = select(CoverageCache.payload).where(
        CoverageCache.question_hash == question_hash,
        CoverageCache.answer_hash == answer_hash,
        CoverageCache.version == COVERAGE_VERSION,
    )
    return session.scalars(query).first()


def store(
    session: Session, question_hash: str, answer_hash: str, coverage: Coverage, payload: str
) -> None:
    """Remember a result (a concurrent writer may have stored it already: then keep theirs)."""
    if cached_payload(session, question_hash, answer_hash) is not None:
        return
    session.add(
        CoverageCache(
            question_hash=question_hash,
            answer_hash=answer_hash,
            version=COVERAGE_VERSION,
            demands=len(coverage.demands),
            answered=coverage.answered,
            treated=coverage.treated,
            share=coverage.share,
            payload=payload,
        )
    )


def pending(session: Session, limit: int) -> list[Pending]:
    """Answered questions whose current texts were never analysed (oldest answers first)."""
    query = (
        select(Question.key, Question.question_text, Question.answer_text)
        .outerjoin(CoverageCache, join_condition())
        .where(
            CoverageCache.id.is_(None),
            Question.answer_text.is_not(None),
            Question.answer_text != "",
        )
        .order_by(Question.id)
        .limit(limit)
    )
    return [Pending(k, q or "", a or "") for k, q, a in session.execute(query)]


def pending_count(session: Session) -> int:
    """How many answered questions still lack a coverage, to show the progress of the backlog."""
    query = (
        select(func.count())
        .select_from(Question)
        .outerjoin(CoverageCache, join_condition())
        .where(
            CoverageCache.id.is_(None),
            Question.answer_text.is_not(None),
            Question.answer_text != "",
        )
    )
    return int(session.scalar(query) or 0)


def lines(session: Session, ministry: str | None = None) -> list[CoverageLine]:
    """Analysed questions, least covered first."""
    query = (
        select(
            Question.key,
            Question.ministry,
            Question.answered_on,
            CoverageCache.demands,
            CoverageCache.answered,
            CoverageCache.treated,
            CoverageCache.share,
        )
        .join(CoverageCache, join_condition())
        .order_by(CoverageCache.share.is_(None), CoverageCache.share, Question.key)
    )
    if ministry:
        query = query.where(Question.ministry.ilike(f"%{_escape(ministry)}%", escape="\\"))
    return [
        CoverageLine(k, m or "", d.isoformat() if d else None, n, a, t, s)
        for k, m, d, n, a, t, s in session.execute(query)
    ]


def share_by_ministry(session: Session) -> list[tuple[str, int, int]]:
    """(ministry, demands, fully answered demands) over analysed answers."""
    query = (
        select(Question.ministry, func.sum(CoverageCache.demands), func.sum(CoverageCache.answered))
        .join(CoverageCache, join_condition())
        .where(CoverageCache.demands > 0)
        .group_by(Question.ministry)
        .order_by(Question.ministry)
    )
    return [(str(m or ""), int(d or 0), int(a or 0)) for m, d, a in session.execute(query)]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
