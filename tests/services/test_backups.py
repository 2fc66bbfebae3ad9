"""Backups: taken before bulk imports and daily, listed, restored (and the restore undoable)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qe_desktop.app import main
from qe_desktop.domain.annotation import Part
from qe_desktop.services.container import Services
from tests.conftest import SAMPLES, SEED


def _count_questions(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM questions").fetchone()[0])


def test_bulk_import_is_preceded_by_a_consistent_backup(services: Services, db_path: Path) -> None:
    services.importing.import_paths([SEED])
    services.importing.import_paths([SAMPLES])  # within 5 minutes: one backup is enough
    [backup] = [b for b in services.backups.list() if b.reason == "avant-import"]
    with sqlite3.connect(backup.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_daily_backup_is_taken_once_a_day(services: Services) -> None:
    services.importing.import_paths([SEED])
    first = services.backups.daily()
    assert first is not None and first.exists()
    assert services.backups.daily() is None


def test_restore_brings_back_the_old_state_and_keeps_the_current_one(
    services: Services, db_path: Path
) -> None:
    key = services.importing.import_paths([SEED]).keys[0]
    snapshot = services.backups.create()
    answer = services.questions.detail(key).record.answer_text or ""
    services.annotations.create(key, Part.ANSWER, 0, 20, "important")
    services.importing.import_paths([SAMPLES])
    grown = _count_questions(db_path)
    assert grown > 1

    safety = services.backups.restore(snapshot)
    assert _count_questions(db_path) == 1
    assert services.annotations.for_question(key) == []
    assert answer == services.questions.detail(key).record.answer_text
    assert _count_questions(safety) == grown  # the state before the restore is kept


def test_backups_from_the_command_line(tmp_path: Path, capsys) -> None:
    db = tmp_path / "cli.sqlite"
    assert main(["--db", str(db), "import", str(SEED)]) == 0
    assert main(["--db", str(db), "backups", "create"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "backups", "list"]) == 0
    listing = capsys.readouterr().out
    assert "manuelle" in listing
    manual = next(line.split("\t")[-1] for line in listing.splitlines() if "manuelle" in line)
    assert main(["--db", str(db), "import", str(SAMPLES)]) == 0
    assert _count_questions(db) > 1
    assert main(["--db", str(db), "backups", "restore", manual.strip()]) == 0
    assert _count_questions(db) == 1


def test_a_damaged_backup_is_refused_and_nothing_changes(services: Services, db_path: Path) -> None:
    services.importing.import_paths([SEED])
    bad = db_path.parent / "backups" / "bibliotheque-manuelle-20200101T000000.sqlite"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"garbage" * 1000)
    try:
        services.backups.restore(bad)
    except ValueError as error:
        assert "bibliotheque-manuelle" in str(error)
    else:  # pragma: no cover - the test fails here
        raise AssertionError("a damaged backup was restored")
    assert _count_questions(db_path) == 1
