"""Team library in the window: connect without storing the password, refresh, synchronise."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from qe_desktop.domain.annotation import Part
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.ui.jobs import wait_for_jobs
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.refresh import RefreshWatcher
from qe_desktop.ui.team_dialog import SETTINGS_KEY, TeamLibraryDialog
from tests.conftest import SAMPLES, SEED

SECRET = "n3-jamais-st0cke"


def test_dialog_connects_with_the_password_but_remembers_the_url_without_it(
    qtbot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = TeamLibraryDialog(settings)
    qtbot.addWidget(dialog)
    dialog.host.setText("pg.bureau.local")
    dialog.port.setValue(5433)
    dialog.database.setText("qe_equipe")
    dialog.user.setText("anne")
    dialog.password.setText(SECRET)
    assert SECRET in dialog.connection_url()
    dialog.accept()
    settings.sync()
    remembered = str(settings.value(SETTINGS_KEY))
    assert remembered == "postgresql+psycopg://anne@pg.bureau.local:5433/qe_equipe"
    assert SECRET not in Path(settings.fileName()).read_text(encoding="utf-8")

    again = TeamLibraryDialog(settings)
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value()) == ("pg.bureau.local", 5433)
    assert (again.database.text(), again.user.text(), again.password.text()) == (
        "qe_equipe",
        "anne",
        "",
    )


def test_dialog_without_a_database_name_stays_open(qtbot, settings: QSettings) -> None:
    dialog = TeamLibraryDialog(settings)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != TeamLibraryDialog.DialogCode.Accepted
    assert settings.value(SETTINGS_KEY) is None


def test_watcher_signals_a_change_once_and_an_unreachable_server_once(qtbot) -> None:
    state = {"version": 1, "fail": False}

    def probe() -> int:
        if state["fail"]:
            raise OSError("server closed the connection")
        return state["version"]

    watcher = RefreshWatcher(probe, interval_ms=10_000)
    watcher.start()
    assert watcher.timer.isActive()
    assert not watcher.check()
    state["version"] = 2
    with qtbot.waitSignal(watcher.changed, timeout=1_000):
        assert watcher.check()
    assert not watcher.check()  # already seen
    state["fail"] = True
    with qtbot.waitSignal(watcher.failed, timeout=1_000):
        watcher.check()
    with qtbot.assertNotEmitted(watcher.failed):
        for _ in range(5):
            watcher.check()
    watcher.stop()


def test_an_unreachable_server_is_asked_less_and_less_often(qtbot) -> None:
    calls: list[int] = []
    state = {"fail": True}

    def probe() -> int:
        calls.append(1)
        if state["fail"]:
            raise OSError("timeout expired")
        return 1

    watcher = RefreshWatcher(probe, interval_ms=10_000)
    asked = []
    for _ in range(12):
        before = len(calls)
        watcher.check()
        asked.append(len(calls) - before)
    assert asked == [1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0]  # periods skipped: 1, 2, 4, 8...
    state["fail"] = False
    while not watcher.check() and len(calls) < 30:
        pass
    assert [watcher.check() for _ in range(3)] == [False, False, False]
    before = len(calls)
    watcher.check()
    assert len(calls) == before + 1  # back to every period once it answers


def test_polling_starts_when_the_window_shows_not_when_it_is_built(
    services: Services, settings: QSettings, qtbot
) -> None:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    assert not window.team_tools.watcher.timer.isActive()  # constructors do no I/O
    window.show()
    assert window.team_tools.watcher.timer.isActive()


def test_colleagues_question_appears_on_refresh_without_restarting(
    window: MainWindow, services: Services, qtbot
) -> None:
    action = window.team_tools.refresh_action
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert window.team_tools.watcher.timer.interval() == 30_000
    assert window.stack.currentWidget() is window.welcome
    colleague = Services.build(open_library(services.database.url), "bruno")
    colleague.importing.import_paths([SEED])
    colleague.database.close()

    assert window.team_tools.watcher.check()  # what the 30-second timer does
    assert window.stack.currentWidget() is window.desk
    assert window.library.model.rowCount() == 1
    action.trigger()
    assert "refreshed" in window.statusBar().currentMessage().lower() or (
        "rafraîchie" in window.statusBar().currentMessage()
    )


def test_a_colleagues_highlight_on_the_open_question_appears_own_edits_do_not_reopen(
    window: MainWindow, services: Services, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = services.importing.import_paths([SEED]).keys[0]
    window.refresh()
    window.show_question(key)
    tools = window.annotation_tools
    assert tools.controller.records == []
    window.team_tools.watcher.acknowledge()

    colleague = Services.build(open_library(services.database.url), "bruno")
    theirs = colleague.annotations.create(key, Part.ANSWER, 0, 20, "chiffre", note="Bruno")
    colleague.database.close()
    assert window.team_tools.watcher.check()
    assert [r.id for r in tools.controller.records] == [theirs.id]

    reopened: list[str] = []
    monkeypatch.setattr(window, "open_question", reopened.append)
    mine = services.annotations.create(key, Part.ANSWER, 30, 40, "chiffre")
    tools.controller.refresh()  # what the window does after its own save
    assert window.team_tools.watcher.check()  # the library moved...
    assert reopened == []  # ...but the reader already shows it: left alone
    assert mine.id in [r.id for r in tools.controller.records]


def test_switch_library_shows_the_other_library_in_a_new_window(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:
    other = Services.build(open_library(tmp_path / "equipe.sqlite"), "anne")
    other.importing.import_paths([SAMPLES / "an"])
    successor = window.switch_library(other)
    qtbot.addWidget(successor)
    assert successor.isVisible() and not window.isVisible()
    assert successor.services is other
    assert successor.library.model.rowCount() == 3
    assert "equipe.sqlite" in successor.statusBar().currentMessage()


def test_open_team_library_uses_the_typed_address(
    window: MainWindow, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = str(tmp_path / "equipe.sqlite")
    monkeypatch.setattr(window.team_tools, "ask_location", lambda title="": target)
    with qtbot.waitSignal(window.team_tools.opened, timeout=30_000) as done:
        assert window.team_tools.open_team_library() is not None
    opened = done.args[0]
    assert opened.database.path == Path(target)
    assert window.successor.services is opened
    qtbot.addWidget(window.successor)


def test_synchronise_shows_a_report_and_the_imported_questions(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:
    team = Services.build(open_library(tmp_path / "equipe.sqlite"), "bruno")
    team.importing.import_paths([SEED])
    team.database.close()
    with qtbot.waitSignal(window.team_tools.synchronized, timeout=30_000) as done:
        window.team_tools.synchronize_with(str(tmp_path / "equipe.sqlite"))
        assert not window.team_tools.sync_action.isEnabled()  # one at a time
    report = done.args[0]
    assert report.here.questions_added == 1
    assert window.team_tools.sync_action.isEnabled()
    assert window.library.model.rowCount() == 1
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "Synchronisation" in boxes[-1].text()
    for box in boxes:
        box.close()


@pytest.mark.postgres
def test_status_bar_never_shows_the_password(pg_url: str, settings: QSettings, qtbot) -> None:
    from sqlalchemy.engine import make_url

    with_password = make_url(pg_url).set(password=SECRET).render_as_string(hide_password=False)
    services = Services.build(open_library(with_password), "anne")  # trust: password unused
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    label = window.statusBar().currentMessage()
    assert "***" in label and SECRET not in label
    services.database.close()


def test_a_failed_synchronisation_is_reported_and_can_be_retried(
    window: MainWindow, tmp_path: Path, qtbot, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    garbage = tmp_path / "equipe.sqlite"
    garbage.write_bytes(b"ceci n'est pas une base" * 200)
    with qtbot.waitSignal(window.team_tools.sync_failed, timeout=30_000):
        window.team_tools.synchronize_with(str(garbage))
    assert shown and shown[0]
    assert window.team_tools.sync_action.isEnabled()


def test_the_timer_checks_in_the_background(qtbot) -> None:
    """A probe that waits (an unreachable server) never blocks the GUI thread."""
    import threading

    release = threading.Event()
    threads: list[str] = []
    state = {"version": 1}

    def probe() -> int:
        threads.append(threading.current_thread().name)
        if len(threads) > 1:
            release.wait(10)
        return state["version"]

    watcher = RefreshWatcher(probe, interval_ms=10_000)
    watcher.start()  # reads the current state at once
    state["version"] = 2
    with qtbot.waitSignal(watcher.changed, timeout=10_000):
        watcher.poll()  # returns at once: the probe waits in its thread
        assert len(threads) <= 2
        release.set()
    assert threads[-1] != threading.main_thread().name
    wait_for_jobs()
