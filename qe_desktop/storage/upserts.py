"""Insert-if-missing that survives a colleague inserting the same row at the same moment.

On a team library two clients may create the same tag (or seed the same default
categories) concurrently; a plain INSERT would make one of them fail on the unique
constraint. Both dialects know INSERT … ON CONFLICT DO NOTHING: the loser simply
finds the winner's row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session


def insert_missing(session: Session, model: type[Any], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert the rows whose unique keys are not taken yet; leave existing rows alone."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    statement: Any
    if dialect == "postgresql":  # imported on demand: the PostgreSQL dialect is slow to load
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(model).on_conflict_do_nothing()
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(model).on_conflict_do_nothing()
    session.execute(statement, [dict(row) for row in rows])
