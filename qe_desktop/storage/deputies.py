"""AN deputies (AMO): names, seats and current groups for the acteurRef questions carry."""

from __future__ import annotations

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from qe_desktop.domain.deputy import DeputyRecord, OrganeRecord
from qe_desktop.storage.mapping import DEPUTY_FIELDS, deputy_from_row
from qe_desktop.storage.models import Deputy, Organe, Question
from qe_desktop.storage.upserts import row_for


def upsert_deputy(session: Session, deputy: DeputyRecord) -> int:
    """Store a deputy and name the AN questions that refer to them; returns questions named.

    Questions that give no constituency get the deputy's seat.
    """
    row = row_for(session, Deputy, ref=deputy.ref)
    for name in DEPUTY_FIELDS:
        setattr(row, name, getattr(deputy, name))
    mine = (Question.chamber == "an", Question.author_ref == deputy.ref)
    result = session.execute(
        update(Question)
        .where(*mine)
        .values(author_name=deputy.full_name, author_civility=deputy.civility)
    )
    if deputy.constituency:
        session.execute(
            update(Question)
            .where(*mine, Question.constituency == "")
            .values(constituency=deputy.constituency)
        )
    return int(getattr(result, "rowcount", 0) or 0)


def upsert_organe(session: Session, organe: OrganeRecord) -> None:
    """Store a political group or body from the AN open data, replacing what was known."""
    row = row_for(session, Organe, ref=organe.ref)
    row.kind = organe.kind
    row.label = organe.label
    row.abbrev = organe.abbrev


def _statement() -> Select[Deputy, Organe]:
    return select(Deputy, Organe).outerjoin(Organe, Organe.ref == Deputy.group_ref)


def _record(row: Deputy, organe: Organe | None) -> DeputyRecord:
    return deputy_from_row(row, organe.label if organe else "", organe.abbrev if organe else "")


def deputy_for(session: Session, ref: str) -> DeputyRecord | None:
    """The deputy behind an AN acteurRef, with their group today, or None if unknown."""
    found = session.execute(_statement().where(Deputy.ref == ref)).first()
    return None if found is None else _record(found[0], found[1])


def deputies_for(session: Session, refs: set[str]) -> dict[str, DeputyRecord]:
    """The known deputies among these references (one query)."""
    rows = session.execute(_statement().where(Deputy.ref.in_(sorted(refs)))).all()
    return {row.ref: _record(row, organe) for row, organe in rows}


def known_deputies(session: Session) -> dict[str, DeputyRecord]:
    """Every stored deputy by reference (a few thousand at most: one query)."""
    rows = session.execute(_statement()).all()
    return {row.ref: _record(row, organe) for row, organe in rows}
