"""Planner statistics never describe the full-text index's own tables (migration 0007).

A global ANALYZE on a new library recorded the index's data table as two rows long;
FTS5 then planned its inner queries for that size and every import slowed down
with each question written (100,000 questions: 2.5 times slower).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.storage.bulk import refresh_statistics
from qe_desktop.storage.schema import alembic_config
from tests.conftest import SAMPLES


def _analyzed_tables(db_path: Path) -> set[str]:
    with sqlite3.connect(db_path) as connection:
        found = connection.execute(
            "SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchone()
        tables = (
            {row[0] for row in connection.execute("SELECT tbl FROM sqlite_stat1")}
            if found
            else set()
        )
    connection.close()
    return tables


def test_a_new_library_and_its_imports_leave_the_search_index_unanalyzed(
    db_path: Path,
) -> None:
    services = Services.build(open_library(db_path), "testeur")
    assert not any(t.startswith("question_search") for t in _analyzed_tables(db_path))
    assert services.importing.import_paths([SAMPLES]).ok
    with services.database.write() as session:
        refresh_statistics(session)
    services.database.close()
    analyzed = _analyzed_tables(db_path)
    assert "questions" in analyzed  # the status and date indexes are described
    assert not any(t.startswith("question_search") for t in analyzed)


def test_statistics_left_by_a_global_analyze_are_forgotten_on_upgrade(db_path: Path) -> None:
    services = Services.build(open_library(db_path), "testeur")
    services.database.close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0006_status_indexes")
        connection.exec_driver_sql("ANALYZE")  # what 0006 used to run
    engine.dispose()
    assert "question_search_data" in _analyzed_tables(db_path)

    Services.build(open_library(db_path), "testeur").database.close()
    assert not any(t.startswith("question_search") for t in _analyzed_tables(db_path))
