"""Write `qe_desktop/storage/migrations/schema_sqlite.sql`: the schema a new library gets.

Run after adding a migration (`tests/storage/test_schema_snapshot.py` fails until then):

    .venv/bin/python tools/schema_snapshot.py

The migrations run one by one on a temporary SQLite file, then its `sqlite_master`
is written out in creation order.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qe_desktop.storage.engine import make_engine, to_url  # noqa: E402
from qe_desktop.storage.schema import current_revision, upgrade_to_head  # noqa: E402
from qe_desktop.storage.schema_snapshot import SNAPSHOT_FILE, dump_schema  # noqa: E402

TARGET = ROOT / "qe_desktop" / "storage" / "migrations" / SNAPSHOT_FILE


def migrated_schema(folder: Path) -> str:
    """The snapshot text of a library migrated to head by Alembic alone."""
    path = folder / "migrated.sqlite"
    url = to_url(path)
    engine = make_engine(url)
    upgrade_to_head(engine, url, snapshot=False)
    revision = current_revision(engine)
    engine.dispose()
    assert revision is not None
    with sqlite3.connect(path) as connection:
        text = dump_schema(connection, revision)
    connection.close()
    return text


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        text = migrated_schema(Path(folder))
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)} written ({text.count(';')} statements)")


if __name__ == "__main__":
    main()
