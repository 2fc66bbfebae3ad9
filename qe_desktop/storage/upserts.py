"""Insert-if-missing: one row by its key, or many that survive a colleague inserting the
same rows at the same moment.

On a team library two clients may create the same tag (or seed the same default
categories) concurrently; a plain INSERT would make one of them fail on the unique
constraint. Both dialects know INSERT … ON CONFLICT DO NOTHING: the loser simply
finds the winner's row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from qe_desktop.storage.models import Base


def row_for[M: Base](session: Session, model: type[M], **key: Any) -> M:
    """The row with this one-column primary key, added to the session when there is none.

    The caller then sets its other columns the same way whether the row is new or not.
    """
    (value,) = key.values()
    row = session.get(model, value)
    if row is None:
        row = model(**key)
        session.add(row)
    return row


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
