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
# The entry's fields stored as they are, in `import_log` columns of the same name (written
# by `record_import`, read back by `recent_imports`; a test checks they and the fields
# converted by hand are the whole entry).
SAME_FIELDS = (
    "started_at",
    "finished_at",
    "imported",
    "updated",
    "unchanged",
    "failed",
    "new_answers",
    "cancelled",
)


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
    failures = json.dumps([list(f) for f in entry.failures[:MAX_FAILURES]], ensure_ascii=False)
    same = {name: getattr(entry, name) for name in SAME_FIELDS}
    session.add(ImportLog(sources=sources, failures=failures, **same))


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
