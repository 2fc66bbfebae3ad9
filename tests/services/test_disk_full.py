"""A full disk is a message, not a traceback: imports, exports and backups stop cleanly.

The disk is filled for real at SQLite's level (`PRAGMA max_page_count`: SQLite then
answers SQLITE_FULL, "database or disk is full", exactly as on a full disk), and by
an ENOSPC from the file system for exports and backups.
"""

from __future__ import annotations

import errno
import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from benchmarks.corpus import write_corpus
from qe_desktop.cli import parse, run
from qe_desktop.exporters import atomic
from qe_desktop.services import importing
from qe_desktop.services.container import Services
from qe_desktop.services.disk import DiskFullError, describe_failure, space_warning
from qe_desktop.services.exporting import ExportError
from qe_desktop.storage import backups as backup_store
from tests.conftest import SEED
from tests.services.versions_support import ANSWER, answer_of, page_with_answer


def _fill_the_disk(services: Services, spare_pages: int) -> None:
    """From now on the library cannot grow by more than `spare_pages` pages."""
    engine = services.database.engine
    with engine.connect() as connection:
        used = connection.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {int(used) + spare_pages}")


def _count(db: Path, query: str = "SELECT count(*) FROM questions") -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(query).fetchone()[0])


def test_an_import_onto_a_full_disk_stops_with_a_message_and_an_intact_library(
    services: Services, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 400, seed=11)
    services.importing.import_paths([SEED])
    monkeypatch.setattr(importing, "CHUNK_SIZE", 50)
    _fill_the_disk(services, spare_pages=400)

    report = services.importing.import_paths([corpus])

    assert report.disk_full and not report.ok
    stored = _count(db_path)
    assert 1 < stored < 401  # some chunks went in, whole, before the disk filled up
    assert report.imported == stored - 1
    assert report.summary() == (
        f"Disque plein : {stored - 1} question(s) importée(s), la bibliothèque est intacte."
    )
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.execute(
            "INSERT INTO question_search(question_search) VALUES ('integrity-check')"
        )
    assert _count(db_path, "SELECT count(*) FROM text_versions WHERE part = 'question'") == stored


def test_the_command_line_says_disk_full_and_exits_1(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 200, seed=5)
    monkeypatch.setattr(importing, "CHUNK_SIZE", 50)
    services.importing.import_paths([SEED])
    _fill_the_disk(services, spare_pages=10)
    out, err = io.StringIO(), io.StringIO()
    code = run(parse(["import", str(corpus)]), services, out, err)
    assert code == 1
    assert err.getvalue().startswith("Disque plein : ")
    assert "la bibliothèque est intacte" in err.getvalue()
    assert "Traceback" not in err.getvalue() + out.getvalue()


def _no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_an_export_onto_a_full_disk_leaves_the_previous_file(
    sample_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "exports").mkdir()
    target = tmp_path / "exports" / "note.md"
    target.write_text("version précédente", encoding="utf-8")
    monkeypatch.setattr(atomic.os, "fsync", _no_space)
    with pytest.raises(ExportError, match=r"^Disque plein : .*note\.md n'a pas été écrit"):
        sample_services.exporting.export(None, "md", target)
    assert target.read_text(encoding="utf-8") == "version précédente"
    assert [p.name for p in target.parent.iterdir()] == ["note.md"]  # no temporary file left
    out, err = io.StringIO(), io.StringIO()
    code = run(parse(["export", "-o", str(target)]), sample_services, out, err)
    assert code == 1 and err.getvalue().startswith("Disque plein")


class _FullTarget:
    """A SQLite connection whose backups fail as on a full disk."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self._real = real

    def backup(self, target: Any, **_: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def test_a_backup_onto_a_full_disk_is_a_message(
    services: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = services.importing.import_paths([SEED]).keys[0]
    real_connect = sqlite3.connect
    monkeypatch.setattr(
        backup_store.sqlite3, "connect", lambda *a, **k: _FullTarget(real_connect(*a, **k))
    )
    before = services.backups.list()
    with pytest.raises(DiskFullError, match=r"^Disque plein : la sauvegarde"):
        services.backups.create()
    assert services.backups.list() == before
    assert not list(db_path.parent.glob("backups/*.partial"))
    out, err = io.StringIO(), io.StringIO()
    assert run(parse(["backups", "create"]), services, out, err) == 1
    assert err.getvalue().startswith("Disque plein : la sauvegarde")
    edited = page_with_answer(ANSWER.replace("élabore actuellement", "a élaboré"))
    report = services.importing.import_text(edited, "maj.txt")  # no backup: no change
    assert report.disk_full and report.updated == 0
    assert answer_of(services, key) == ANSWER


def test_a_warning_before_a_bulk_import_when_space_is_obviously_short(db_path: Path) -> None:
    db_path.write_bytes(b"x" * 5_000_000)
    warning = space_warning(db_path, [SEED], free=1_000_000)
    assert warning is not None and "espace disque insuffisant" in warning
    assert "1 Mo" in warning and "5 Mo" in warning
    assert space_warning(db_path, [SEED], free=10**12) is None
    assert space_warning(None, [SEED], free=0) is None  # a team library: the server's disk
    assert describe_failure(sqlite3.OperationalError("database or disk is full")) == "disque plein"
    assert "occupée" in describe_failure(sqlite3.OperationalError("database is locked"))
