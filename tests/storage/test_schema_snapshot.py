"""A new library created from the schema snapshot is the library the migrations build."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine

from qe_desktop.services.library import open_library
from qe_desktop.storage import schema_snapshot
from qe_desktop.storage.engine import make_engine, to_url
from qe_desktop.storage.schema import alembic_config, current_revision, upgrade_to_head
from qe_desktop.storage.schema_snapshot import (
    create_from_snapshot,
    dump_schema,
    snapshot_revision,
)

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "qe_desktop" / "storage" / "migrations" / "schema_sqlite.sql"
REGENERATE = "run `.venv/bin/python tools/schema_snapshot.py` after adding a migration"


def _engine(path: Path) -> tuple[Engine, str]:
    url = to_url(path)
    return make_engine(url), url


def _migrate(path: Path, revision: str = "head") -> None:
    """Alembic alone, one migration after the other (the way libraries were created)."""
    engine, _ = _engine(path)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    engine.dispose()


def _schema(path: Path) -> dict[str, Any]:
    """Everything SQLite knows of a library's structure, and the contents of its tables."""
    with sqlite3.connect(path) as connection:
        objects = sorted(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        tables = [name for kind, name, _, sql in objects if kind == "table"]
        indexes = [name for kind, name, _, _ in objects if kind == "index"]
        found: dict[str, Any] = {"objects": objects}
        for table in tables:
            quoted = f'"{table}"'
            found[f"columns {table}"] = connection.execute(
                f"PRAGMA table_xinfo({quoted})"
            ).fetchall()
            found[f"foreign keys {table}"] = connection.execute(
                f"PRAGMA foreign_key_list({quoted})"
            ).fetchall()
            found[f"indexes {table}"] = sorted(
                connection.execute(f"PRAGMA index_list({quoted})").fetchall()
            )
            if table != "question_search":  # the FTS table reads its content table
                found[f"rows {table}"] = sorted(
                    connection.execute(f"SELECT * FROM {quoted}").fetchall(), key=repr
                )
        for index in indexes:
            found[f"index {index}"] = connection.execute(
                f'PRAGMA index_xinfo("{index}")'
            ).fetchall()
        for pragma in ("user_version", "application_id", "journal_mode", "page_size"):
            found[pragma] = connection.execute(f"PRAGMA {pragma}").fetchone()
    connection.close()
    return found


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library built by running every migration, once for the module."""
    path = tmp_path_factory.mktemp("migrated") / "migrated.sqlite"
    _migrate(path)
    return path


def test_the_snapshot_is_at_the_head_of_the_migrations() -> None:
    from qe_desktop.storage.revisions import scripted_head

    assert snapshot_revision() == scripted_head(), REGENERATE


def test_the_snapshot_is_what_the_migrations_write(migrated: Path) -> None:
    with sqlite3.connect(migrated) as connection:
        revision = current_revision(_engine(migrated)[0])
        assert revision is not None
        written = dump_schema(connection, revision)
    connection.close()
    assert written == SNAPSHOT.read_text(encoding="utf-8"), REGENERATE


def test_a_new_library_has_the_migrated_schema(migrated: Path, tmp_path: Path) -> None:
    created = tmp_path / "created.sqlite"
    open_library(created).close()
    expected = _schema(migrated)
    actual = _schema(created)
    actual.pop("rows categories")  # seeded by `open_library`, not by the schema
    expected.pop("rows categories")
    assert actual == expected
    assert any(kind == "trigger" and name == "question_search_ai" for kind, name, *_ in
               actual["objects"])  # fmt: skip


def test_a_new_library_is_created_without_loading_alembic(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from qe_desktop.services.library import open_library
        open_library(sys.argv[1]).close()
        print("alembic" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "new.sqlite")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.split() == ["False"]


def test_a_migration_newer_than_the_snapshot_is_applied_on_top(
    migrated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot one revision behind (a migration added, the snapshot not rewritten yet):
    the new library is created from it, then Alembic runs the missing migration."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    previous = ScriptDirectory.from_config(alembic_config()).get_revision(head).down_revision
    assert isinstance(previous, str)
    older = tmp_path / "older.sqlite"
    _migrate(older, previous)
    with sqlite3.connect(older) as connection:
        old_snapshot = dump_schema(connection, previous)
    connection.close()
    monkeypatch.setattr(schema_snapshot, "_snapshot_text", lambda: old_snapshot)

    created = tmp_path / "created.sqlite"
    engine, url = _engine(created)
    backup = upgrade_to_head(engine, url)
    assert current_revision(engine) == head
    engine.dispose()
    assert backup is None  # a library created a moment ago holds nothing to save
    assert _schema(created) == _schema(migrated)


def test_the_last_migration_goes_down_and_up_again_on_a_new_library(
    migrated: Path, tmp_path: Path
) -> None:
    created = tmp_path / "created.sqlite"
    engine, url = _engine(created)
    upgrade_to_head(engine, url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "-1")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    engine.dispose()
    assert _schema(created) == _schema(migrated)


def test_a_file_that_already_has_tables_is_left_to_alembic(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE legacy (id INTEGER PRIMARY KEY)")
    connection.isolation_level = None
    assert create_from_snapshot(connection) is None
    tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
    connection.close()
    assert tables == ["legacy"]


def test_an_unreadable_snapshot_falls_back_to_the_migrations(
    migrated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema_snapshot, "_snapshot_text", lambda: "")
    created = tmp_path / "created.sqlite"
    open_library(created).close()
    expected, actual = _schema(migrated), _schema(created)
    actual.pop("rows categories")
    expected.pop("rows categories")
    assert actual == expected
