"""The history of imports: when, from what, with which result (Fichier > Historique des imports)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qe_desktop.storage.import_log_values import SAME_FIELDS, log_values
from qe_desktop.storage.import_log_values import ImportEntry as ImportEntry  # its former home
from qe_desktop.storage.models import ImportLog


def record_import(session: Session, entry: ImportEntry) -> None:
    """Append one import to the history (the id of `entry` is ignored)."""
    session.add(ImportLog(**log_values(entry)))


def recent_imports(session: Session, limit: int = 200) -> list[ImportEntry]:
    """The latest imports, newest first."""
    rows = session.scalars(select(ImportLog).order_by(ImportLog.id.desc()).limit(limit))
    return [
        ImportEntry(
            id=row.id,
            sources=tuple(_json_list(row.sources)),
            failures=tuple((str(f[0]), str(f[1])) for f in _json_list(row.failures) if len(f) == 2),
            **{name: getattr(row, name) for name in SAME_FIELDS},
        )
        for row in rows
    ]


def _json_list(text: str) -> list[Any]:
    try:
        value = json.loads(text or "[]")
    except ValueError:  # a row written by hand: shown as one source
        return [text]
    return value if isinstance(value, list) else [value]
