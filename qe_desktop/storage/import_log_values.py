"""One line of the import history as stored, without SQLAlchemy.

`storage/import_log.record_import` (the services) and the first load of a new library
(`services/first_load.py`, plain `sqlite3`) store the same values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

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


def log_values(entry: ImportEntry) -> dict[str, object]:
    """The `import_log` columns of one import (the id of `entry` is ignored)."""
    sources = json.dumps(list(entry.sources), ensure_ascii=False)
    if len(sources) > MAX_SOURCES_CHARS:
        shown = [*entry.sources[:20], f"… et {len(entry.sources) - 20} autre(s)"]
        sources = json.dumps(shown, ensure_ascii=False)
    failures = json.dumps([list(f) for f in entry.failures[:MAX_FAILURES]], ensure_ascii=False)
    return {"sources": sources, "failures": failures, **{n: getattr(entry, n) for n in SAME_FIELDS}}
