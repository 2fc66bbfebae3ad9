"""The window's first rows are painted before SQLAlchemy loads, then it works as ever (#25)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from qe_desktop.app import build_services
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.services.quick_read import first_rows
from qe_desktop.ui.application import make_application
from qe_desktop.ui.startup import Startup

ROOT = Path(__file__).resolve().parents[2]

# Builds and shows the window as `run_gui` does; records, at the list's first paint,
# which heavy modules were loaded; then waits for the services and opens a question.
PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings
    from qe_desktop.app import build_services
    from qe_desktop.ui.application import make_application
    from qe_desktop.ui.startup import Startup

    HEAVY = ("sqlalchemy", "alembic", "qe_desktop.storage.models", "qe_desktop.services.container")
    app = make_application()
    startup = Startup(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat),
                      build_services)
    window = startup.build()
    seen = {}

    class Paint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "loaded" not in seen:
                seen["rows"] = window.library.model.rowCount()
                seen["loaded"] = sorted(m for m in sys.modules if m.startswith(HEAVY))
            return False

    watcher = Paint()
    window.library.table.viewport().installEventFilter(watcher)
    startup.show()
    while not startup.attached:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    app.processEvents()
    seen["opened"] = window.reader.detail.key if window.reader.detail else ""
    seen["first_key"] = window.library.model.row_at(0).key
    print(json.dumps(seen), flush=True)
    import os
    os._exit(0)  # background jobs (suggestions) still running: only the figures matter
    """
)


def _library(sample_services: Services) -> str:
    assert sample_services.database.path is not None
    return str(sample_services.database.path)


def test_the_first_rows_are_painted_before_sqlalchemy_loads(
    sample_services: Services, tmp_path: Path
) -> None:
    db = _library(sample_services)
    total = sample_services.questions.total()
    sample_services.database.close()
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, db, str(tmp_path / "settings.ini")],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert probe.returncode == 0, probe.stderr
    seen = json.loads(probe.stdout.strip().splitlines()[-1])
    assert seen["rows"] == total
    assert seen["loaded"] == []  # nothing of the ORM or the services at the first paint
    assert seen["opened"] == seen["first_key"]  # then the first question opens, as before


def _start(db: str, settings: QSettings) -> Startup:
    make_application()
    startup = Startup(db, settings, build_services)
    window = startup.build()
    assert window is not None
    window.resize(1400, 860)
    startup.show()
    app = QApplication.instance()
    assert app is not None
    for _ in range(500):
        if startup.attached:
            break
        app.processEvents()
    assert startup.attached
    return startup


def _close(startup: Startup) -> None:
    assert startup.window is not None and startup.services is not None
    startup.window.close()
    startup.wait()
    from qe_desktop.ui.jobs import wait_for_jobs

    wait_for_jobs()
    startup.services.close()


def test_once_loaded_the_window_sorts_filters_and_opens_as_ever(
    qtbot, sample_services: Services, tmp_path: Path
) -> None:
    db = _library(sample_services)
    full = sample_services.questions
    expected = full.rows(QuestionFilter(), Sort("published_on", True), 0, 1000)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    startup = _start(db, settings)
    window = startup.window
    assert window is not None and window.attached
    model = window.library.model
    assert [model.row_at(n) for n in range(model.rowCount())] == expected  # coverage read
    assert window.reader.detail is not None and window.reader.detail.key == expected[0].key
    assert window.library.filters.choices["ministry"].count() > 0  # choices filled
    window.library.table.sortByColumn(model.column_of("number"), Qt.SortOrder.AscendingOrder)
    assert model.current_sort == Sort("number", False)
    assert model.row_at(0) == full.rows(QuestionFilter(), Sort("number", False), 0, 1)[0]
    model.set_filter(QuestionFilter(statuses=frozenset({Status.ANSWERED})))
    assert model.rowCount() == full.count(QuestionFilter(statuses=frozenset({Status.ANSWERED})))
    window.open_question(expected[-1].key)
    assert window.reader.detail is not None and window.reader.detail.key == expected[-1].key
    _close(startup)


def test_a_sort_the_light_reader_does_not_read_starts_the_usual_way(
    qtbot, sample_services: Services, tmp_path: Path
) -> None:
    db = _library(sample_services)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("library/sort", "ministry asc")
    startup = Startup(db, settings, build_services)
    window = startup.build()
    assert window is not None and window.attached  # services first, as before #25
    assert window.library.model.current_sort == Sort("ministry", False)
    startup.show()
    _close(startup)


def test_a_library_to_migrate_or_a_server_is_not_read_light(tmp_path: Path) -> None:
    import sqlite3

    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('0001_initial')")
    connection.close()
    assert first_rows(str(old)) is None
    assert first_rows("postgresql://someone@localhost/qe") is None
    assert first_rows(str(tmp_path / "missing.sqlite")) is None


def test_an_empty_library_shows_the_welcome_then_gets_its_services(
    qtbot, services: Services, tmp_path: Path
) -> None:
    assert services.database.path is not None
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    startup = _start(str(services.database.path), settings)
    window = startup.window
    assert window is not None
    assert window.stack.currentWidget() is window.welcome
    assert window.import_action.isEnabled()  # the menus are in
    _close(startup)


def test_services_that_cannot_open_after_the_first_rows_close_the_window_with_the_reason(
    qtbot, sample_services: Services, tmp_path: Path, monkeypatch
) -> None:
    """The light first page is read-only; a check that fails next is shown, nothing written."""
    from PySide6.QtWidgets import QMessageBox

    from qe_desktop.services.library import CorruptDatabaseError

    db = _library(sample_services)
    sample_services.database.close()
    before = Path(db).read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QApplication, "quit", lambda: None)

    def damaged(location: str) -> Services:
        raise CorruptDatabaseError(f"La bibliothèque {location} est illisible.")

    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    startup = Startup(db, settings, damaged)
    window = startup.build()
    assert window is not None and not window.attached
    startup.show()
    qtbot.waitUntil(lambda: startup.exit_code is not None, timeout=5_000)
    assert startup.exit_code == 3
    assert shown and db in shown[0]
    assert not window.isVisible()
    assert Path(db).read_bytes() == before


def test_a_team_library_that_cannot_be_reached_says_it_in_french_with_the_details_behind(
    qtbot, sample_services: Services, tmp_path: Path, monkeypatch
) -> None:
    """The server's English ("connection refused") is behind "Show Details…", not in the text."""
    from PySide6.QtWidgets import QMessageBox

    from qe_desktop.services.library import LibraryUnavailableError

    db = _library(sample_services)
    sample_services.database.close()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0
    )
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append((text, ""))
    )
    monkeypatch.setattr(QApplication, "quit", lambda: None)
    refused = 'connection to server at "10.0.0.5", port 5432 failed: Connection refused'

    def unreachable(location: str) -> Services:
        raise LibraryUnavailableError(
            "Impossible d'ouvrir la bibliothèque d'équipe : aucun serveur PostgreSQL ne répond.",
            detail=refused,
        )

    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    startup = Startup(db, settings, unreachable)
    assert startup.build() is not None
    startup.show()
    qtbot.waitUntil(lambda: startup.exit_code is not None, timeout=5_000)
    assert shown == [
        (
            "Impossible d'ouvrir la bibliothèque d'équipe : aucun serveur PostgreSQL ne répond.",
            refused,
        )
    ]
