"""The log file: every import, export, backup and migration, failures with their reason."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qe_desktop.app import main
from qe_desktop.services import importing, logs
from qe_desktop.services.container import Services

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SEED = SAMPLES / "senat" / "genet-2025-ia-services-publics.txt"


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "journaux"
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(folder))
    logs.configure_logging()
    yield folder
    logs.shutdown_logging()


def log_text(folder: Path) -> str:
    for handler in logging.getLogger("qe_desktop").handlers:
        handler.flush()
    return (folder / logs.LOG_FILE).read_text(encoding="utf-8")


def test_the_commands_leave_their_trace_in_the_log(
    tmp_path: Path, log_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.sqlite")
    broken = tmp_path / "QANR5L17QE1.json"
    broken.write_text('{"question": ', encoding="utf-8")
    assert main(["--db", db, "import", str(SEED)]) == 0  # a new library: no backup yet
    assert main(["--db", db, "import", str(SAMPLES)]) == 0
    assert main(["--db", db, "import", str(broken)]) == 1
    assert main(["--db", db, "export", "--format", "csv", "-o", str(tmp_path / "a.csv")]) == 0
    assert main(["--db", db, "backups", "create"]) == 0
    text = log_text(log_dir)
    assert f"New library {db} created at " in text
    assert "Backup (avant-import)" in text
    assert "Import: 9 importée(s), 0 mise(s) à jour, 1 inchangée(s), 0 en échec in " in text
    assert f"Import failed: {broken}: JSON invalide ou tronqué" in text
    assert "Export csv to " in text and "10 question(s)" in text
    assert "Backup (manuelle)" in text


def test_a_sync_is_logged_with_its_outcome(tmp_path: Path, log_dir: Path) -> None:
    here, there = str(tmp_path / "ici.sqlite"), str(tmp_path / "la.sqlite")
    assert main(["--db", here, "import", str(SAMPLES)]) == 0
    assert main(["--db", here, "sync", "--with", there]) == 0
    text = log_text(log_dir)
    assert f"Sync with {there}: started" in text
    assert f"Sync with {there}: Synchronisation avec" in text and "10 question(s)" in text


def test_the_bulk_insert_fallback_says_why(
    services: Services, log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*_args: object) -> None:
        raise RuntimeError("insertion groupée refusée")

    monkeypatch.setattr(importing, "insert_new", failing)
    report = services.importing.import_paths([SAMPLES])
    assert report.imported == 10  # one by one instead
    text = log_text(log_dir)
    assert "Bulk insert of" in text
    assert "RuntimeError: insertion groupée refusée" in text


def test_a_failed_operation_is_logged_and_raised(log_dir: Path) -> None:
    log = logging.getLogger("qe_desktop.test")
    with pytest.raises(OSError), logs.logged(log, "Copie"):
        raise OSError("disque plein")
    text = log_text(log_dir)
    assert "Copie: started" in text
    assert "Copie: failed after" in text and "OSError: disque plein" in text


def test_an_unwritable_log_folder_is_said_and_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(blocker / "journaux"))
    try:
        assert logs.configure_logging() is None
    finally:
        logs.shutdown_logging()
    assert "journal impossible" in capsys.readouterr().err


def test_a_hard_crash_is_in_the_log_at_the_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "journaux"
    env = {**os.environ, logs.LOG_DIR_VARIABLE: str(folder)}
    crash = (
        "from qe_desktop.services.logs import configure_logging, enable_fault_handler\n"
        "import ctypes\n"
        "configure_logging(); enable_fault_handler(); ctypes.string_at(0)\n"
    )
    done = subprocess.run([sys.executable, "-c", crash], env=env, check=False, timeout=60)
    assert done.returncode != 0  # killed by the segfault
    assert "Fatal Python error" in (folder / logs.FAULT_FILE).read_text(encoding="utf-8")
    restart = "from qe_desktop.services.logs import configure_logging; configure_logging()"
    subprocess.run([sys.executable, "-c", restart], env=env, check=True, timeout=60)
    text = (folder / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "The previous run crashed hard" in text and "Fatal Python error" in text
    assert (folder / logs.FAULT_FILE).read_text(encoding="utf-8") == ""


def test_an_uncaught_error_on_the_command_line_goes_to_the_log(tmp_path: Path) -> None:
    folder = tmp_path / "journaux"
    env = {**os.environ, logs.LOG_DIR_VARIABLE: str(folder)}
    code = (
        "import sys; from qe_desktop import __main__ as m; from qe_desktop import app\n"
        "def broken(argv): raise LookupError('panne en ligne de commande')\n"
        "app.main = broken; sys.exit(m.main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "LookupError: panne en ligne de commande" in done.stderr
    text = (folder / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "CRITICAL qe_desktop.crash" in text and "panne en ligne de commande" in text
