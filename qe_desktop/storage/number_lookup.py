"""Finding questions by number (the search box's "11177", "S 03038", "QANR5L16QE1234")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import Session

from qe_desktop.domain.number_search import NumberReference
from qe_desktop.storage.models import Question

SORT_WIDTH = 12  # digits a number is padded to, so that "5537" sorts before "46830"


def keys_by_number(session: Session, ref: NumberReference, limit: int = 50) -> list[str]:
    """Keys of the questions with that number, newest first (the official id first)."""
    by_number: Any = Question.number.in_(ref.numbers)
    if ref.chamber:
        by_number = by_number & (Question.chamber == ref.chamber)
    if ref.legislature is not None:
        by_number = by_number & (Question.legislature == ref.legislature)
    wanted: Any = or_(by_number, Question.uid == ref.uid) if ref.uid else by_number
    exact = (Question.uid == ref.uid) if ref.uid else literal(False)
    query = (
        select(Question.key)
        .where(wanted)
        .order_by(exact.desc(), Question.published_on.desc().nulls_last(), Question.id.desc())
        .limit(limit)
    )
    return [str(key) for key in session.scalars(query)]


def number_sort_value() -> Any:
    """Numbers compared as numbers, on SQLite and PostgreSQL alike, never failing on
    a letter ("0286S"): zeros stripped, then padded on the left to a fixed width.
    """
    bare = func.ltrim(Question.number, "0")
    padded = literal("0" * SORT_WIDTH).concat(bare)
    return func.substr(padded, func.length(bare) + 1)
