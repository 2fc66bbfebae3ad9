"""The commitment-suggestion cache: rows keyed by answer content hash, reference date, model.

Questions carry `answer_hash` (text_hash of the canonical answer), so the answers still
to compute are found with one anti-join, in id order, a batch at a time.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from qe_desktop.storage.models import Question, SuggestionCache


def reference_of(answered_on: date | None) -> str:
    """The answer date as a cache key part: due-date phrases are read relative to it."""
    return answered_on.isoformat() if answered_on else ""


def cached(session: Session, text_hash: str, reference: str, version: str) -> str | None:
    """The cached payload (JSON), or None when it was never computed."""
    row = session.get(SuggestionCache, (text_hash, reference, version))
    return row.payload if row is not None else None


def store(session: Session, rows: list[tuple[str, str, str, str]], at: datetime) -> None:
    """Add (text_hash, reference, version, payload) rows; ones already there are kept."""
    for text_hash, reference, version, payload in rows:
        if session.get(SuggestionCache, (text_hash, reference, version)) is None:
            session.add(
                SuggestionCache(
                    text_hash=text_hash,
                    reference=reference,
                    model_version=version,
                    payload=payload,
                    computed_at=at,
                )
            )
            session.flush()


def uncached_answers(
    session: Session, version: str, after_id: int, limit: int
) -> list[tuple[int, str, str, date | None]]:
    """(id, answer hash, answer text, answer date) of answers with no row for `version`."""
    query = (
        select(Question.id, Question.answer_hash, Question.answer_text, Question.answered_on)
        .outerjoin(
            SuggestionCache,
            and_(
                SuggestionCache.text_hash == Question.answer_hash,
                SuggestionCache.model_version == version,
            ),
        )
        .where(
            Question.id > after_id,
            Question.answer_text.is_not(None),
            Question.answer_text != "",
            SuggestionCache.text_hash.is_(None),
        )
        .order_by(Question.id)
        .limit(limit)
    )
    return [(int(i), h, t or "", d) for i, h, t, d in session.execute(query)]


def count_answers(session: Session) -> int:
    """Number of answered questions, to size the suggestion backlog."""
    from sqlalchemy import func

    query = select(func.count()).where(
        Question.answer_text.is_not(None), Question.answer_text != ""
    )
    return int(session.scalar(query) or 0)
