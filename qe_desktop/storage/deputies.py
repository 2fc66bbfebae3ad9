"""AN deputies (AMO): names for the acteurRef that question records carry."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.storage.models import Deputy, Question


def upsert_deputy(session: Session, deputy: DeputyRecord) -> int:
    """Store a deputy and name the AN questions that refer to them; returns questions named."""
    row = session.get(Deputy, deputy.ref) or Deputy(ref=deputy.ref)
    row.civility = deputy.civility
    row.first_name = deputy.first_name
    row.last_name = deputy.last_name
    session.add(row)
    result = session.execute(
        update(Question)
        .where(Question.chamber == "an", Question.author_ref == deputy.ref)
        .values(author_name=deputy.full_name, author_civility=deputy.civility)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def deputies_for(session: Session, refs: set[str]) -> dict[str, DeputyRecord]:
    """The known deputies among these references (one query)."""
    rows = session.scalars(select(Deputy).where(Deputy.ref.in_(sorted(refs)))).all()
    return {r.ref: DeputyRecord(r.ref, r.civility, r.first_name, r.last_name) for r in rows}


def known_deputies(session: Session) -> dict[str, DeputyRecord]:
    """Every stored deputy by reference (a few thousand at most: one query)."""
    rows = session.execute(
        select(Deputy.ref, Deputy.civility, Deputy.first_name, Deputy.last_name)
    ).all()
    return {ref: DeputyRecord(ref, civility, first, last) for ref, civility, first, last in rows}
