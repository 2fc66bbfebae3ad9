"""Opening a library says what actually went wrong: damage, a lock, a permission."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import exc

from qe_desktop.storage import database as database_module
from qe_desktop.storage.database import CorruptDatabaseError, Database
from qe_desktop.storage.engine import LibraryUnavailableError


def _library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    Database(path).open().close()
    return path


def _failing_connect(message: str):
    def connect(*_args: object, **_kwargs: object):
        raise exc.OperationalError("PRAGMA integrity_check", {}, sqlite3.OperationalError(message))

    return connect


def test_a_locked_library_is_not_called_corrupt(tmp_path: Path, monkeypatch) -> None:
    database = Database(_library(tmp_path))
    monkeypatch.setattr(database.engine, "connect", _failing_connect("database is locked"))
    with pytest.raises(LibraryUnavailableError, match="verrouillée") as raised:
        database.check_integrity()
    assert "restaurez" not in str(raised.value)


def test_a_file_that_cannot_be_opened_names_the_permission(tmp_path: Path, monkeypatch) -> None:
    path = _library(tmp_path)
    monkeypatch.setattr(
        database_module.os, "access", lambda p, mode: mode != database_module.os.W_OK
    )
    with pytest.raises(LibraryUnavailableError, match="permission refusée") as raised:
        Database(path).open()
    assert "restaurez" not in str(raised.value)


def test_a_file_that_is_not_a_database_is_corrupt_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    path.write_bytes(b"this is not a database at all" * 200)
    before = path.read_bytes()
    with pytest.raises(CorruptDatabaseError, match="restaurez une sauvegarde"):
        Database(path).open()
    assert path.read_bytes() == before
