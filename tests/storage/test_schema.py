"""The schema: migrations match the models, newer libraries are refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from qe_desktop.services.library import open_library
from qe_desktop.storage.database import CorruptDatabaseError, Database
from qe_desktop.storage.models import Base
from qe_desktop.storage.schema import NewerDatabaseError, head_revision, include_object


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrated_schema_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_new_library_is_at_head_with_wal_and_foreign_keys(database: Database) -> None:
    with database.engine.connect() as connection:
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
        busy = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert revision == head_revision()
    assert journal == "wal"
    assert foreign_keys == 1
    assert busy and busy >= 5000


def test_default_categories_are_seeded_in_french(services) -> None:
    detail_categories = services.questions  # the service hands categories with each question
    assert detail_categories is not None
    with services.database.read() as session:
        from qe_desktop.storage.categories import list_categories

        labels = [c.label for c in list_categories(session)]
    assert labels == ["Engagement", "Chiffre", "Élusion", "À relancer", "Important"]


def test_library_written_by_a_newer_version_is_refused_and_left_unchanged(db_path: Path) -> None:
    open_library(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = _digest(db_path)
    with pytest.raises(NewerDatabaseError, match="version plus récente"):
        open_library(db_path)
    assert _digest(db_path) == before


def test_existing_file_is_backed_up_before_migrating(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE legacy (id INTEGER PRIMARY KEY)")
        connection.execute("INSERT INTO legacy VALUES (1)")
    connection.close()
    database = open_library(db_path)
    backup = database.backup_made
    database.close()
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT id FROM legacy").fetchall() == [(1,)]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert "questions" not in tables  # the copy is the state before the migration


def test_reopening_an_up_to_date_library_makes_no_backup(db_path: Path) -> None:
    open_library(db_path).close()
    database = open_library(db_path)
    assert database.backup_made is None
    database.close()


def test_a_file_that_is_not_a_database_is_reported_and_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"this is not a sqlite file" * 100)
    before = _digest(db_path)
    with pytest.raises(CorruptDatabaseError, match="restaurez une sauvegarde"):
        open_library(db_path)
    assert _digest(db_path) == before
