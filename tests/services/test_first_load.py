"""A first load into an empty library commits unsynced, then leaves everything on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.corpus import write_corpus
from qe_desktop.services.importing import ImportService
from qe_desktop.services.library import open_library


def test_a_first_load_ends_with_the_log_copied_into_the_file(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 30, seed=4)
    db = tmp_path / "first.sqlite"
    database = open_library(db)
    report = ImportService(database, process_min_items=10**9).import_paths([corpus])
    wal = Path(f"{db}-wal")
    assert report.imported == 30
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed and truncated
    with database.write() as session:  # later writes are synced again
        level = session.connection().exec_driver_sql("PRAGMA synchronous").scalar()
    assert level == 1  # NORMAL
    database.close()
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM questions").fetchone() == (30,)
    connection.close()


def test_an_import_into_a_library_in_use_is_not_a_first_load(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 10, seed=4)
    database = open_library(tmp_path / "used.sqlite")
    service = ImportService(database, process_min_items=10**9)
    assert service._first_load()
    service.import_paths([corpus])
    assert not service._first_load()
    database.close()
