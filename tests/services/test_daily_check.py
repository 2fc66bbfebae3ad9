"""A large library opens at once; its full integrity check waits for the daily backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qe_desktop.services.container import Services
from qe_desktop.services.library import CorruptDatabaseError, open_library
from qe_desktop.storage import database as database_module
from qe_desktop.storage.backups import list_backups
from tests.conftest import SAMPLES


def _damage_an_index(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_questions_identity'"
        ).fetchone()[0]
    connection.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xff" * 64)


def test_a_damaged_large_library_opens_but_is_never_backed_up(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services.build(open_library(db_path), "testeur")
    assert services.importing.import_paths([SAMPLES]).ok
    services.database.close()
    _damage_an_index(db_path)
    monkeypatch.setattr(database_module, "CHECK_ON_OPEN_MAX_BYTES", 0)  # "large"
    before = list_backups(db_path)

    opened = Services.build(open_library(db_path), "testeur")  # header and schema: fine
    with pytest.raises(CorruptDatabaseError, match="restaurez une sauvegarde"):
        opened.backups.daily()
    opened.database.close()

    assert [b for b in list_backups(db_path) if b.reason == "quotidienne"] == [
        b for b in before if b.reason == "quotidienne"
    ]


def test_a_small_damaged_library_is_refused_at_opening(db_path: Path) -> None:
    services = Services.build(open_library(db_path), "testeur")
    assert services.importing.import_paths([SAMPLES]).ok
    services.database.close()
    _damage_an_index(db_path)
    with pytest.raises(CorruptDatabaseError):
        open_library(db_path)
