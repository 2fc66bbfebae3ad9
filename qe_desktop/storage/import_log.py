"""The history of imports: when, from what, with which result (Fichier > Historique des imports)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qe_desktop.storage.models import ImportLog

MAX_SOURCES_CHARS = 4_000  # a folder of 10,000 files is named, not listed
MAX_FAILURES = 200


@dataclass(frozen=True, slots=True)
class ImportEntry:
    """One past import, as the history window and `qe-desktop imports` show it."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    sources: tuple[str, ...]
    imported: int
    updated: int
    unchanged: int
    failed: int
    new_answers: int
    failures: tuple[tuple[str, str], ...]  # (source, reason)
    cancelled: bool


def record_import(session: Session, entry: ImportEntry) -> None:
    """Append one import to the history (the id of `entry` is ignored)."""
    sources = json.dumps(list(entry.sources), ensure_ascii=False)
    if len(sources) > MAX_SOURCES_CHARS:
        shown = [*entry.sources[:20], f"… et {len(entry.sources) - 20} autre(s)"]
        sources = json.dumps(shown, ensure_ascii=False)
    session.add(
        ImportLog(
            started_at=entry.started_at,
            finished_at=entry.finished_at,
            sources=sources,
            imported=entry.imported,
            updated=entry.updated,
            unchanged=entry.unchanged,
            failed=entry.failed,
            new_answers=entry.new_answers,
            failures=json.dumps(
                [list(f) for f in entry.failures[:MAX_FAILURES]], ensure_ascii=False
            ),
            cancelled=entry.cancelled,
        )
    )


def recent_imports(session: Session, limit: int = 200) -> list[ImportEntry]:
    """The latest imports, newest first."""
    rows = session.scalars(select(ImportLog).order_by(ImportLog.id.desc()).limit(limit))
    return [
        ImportEntry(
            id=row.id,
            started_at=row.started_at,
            finished_at=row.finished_at,
            sources=tuple(_json_list(row.sources)),
            imported=row.imported,
            updated=row.updated,
            unchanged=row.unchanged,
            failed=row.failed,
            new_answers=row.new_answers,
            failures=tuple((str(f[0]), str(f[1])) for f in _json_list(row.failures) if len(f) == 2),
            cancelled=row.cancelled,
        )
        for row in rows
    ]


def _json_list(text: str) -> list[Any]:
    try:
        value = json.loads(text or "[]")
    except ValueError:  # a row written by hand: shown as one source
        return [text]
    return value if isinstance(value, list) else [value]
