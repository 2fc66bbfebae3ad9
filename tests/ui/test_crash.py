"""An uncaught exception in a slot or a thread: the report in the log, the dialog shown."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    QTranslator,
    qInstallMessageHandler,
    qWarning,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from qe_desktop.services import logs
from qe_desktop.services.container import Services
from qe_desktop.ui.application import make_application
from qe_desktop.ui.crash import CrashReporter, install_crash_reporter
from qe_desktop.ui.daily_care import start_daily_care
from qe_desktop.ui.main_window import MainWindow

FRENCH = Path(__file__).resolve().parents[2] / "resources" / "translations" / "qe_desktop_fr.ts"


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "journaux"
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(folder))
    assert logs.configure_logging() == folder / logs.LOG_FILE
    yield folder
    logs.shutdown_logging()


@pytest.fixture
def reporter(qtbot, log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CrashReporter]:
    """Our hooks instead of pytest-qt's for one test; everything restored after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app = make_application()
    installed = install_crash_reporter(app)
    yield installed
    qInstallMessageHandler(installed.previous_message_handler)  # type: ignore[arg-type]
    if installed.dialog is not None:
        installed.dialog.close()


def log_text(log_dir: Path) -> str:
    for handler in logging.getLogger("qe_desktop").handlers:
        handler.flush()
    return (log_dir / logs.LOG_FILE).read_text(encoding="utf-8")


@pytest.fixture
def french(tmp_path: Path) -> Iterator[None]:
    """The French catalogue, compiled from the .ts here (no dependency on `make`)."""
    qm = tmp_path / "fr.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(FRENCH), "-qm", str(qm)], check=True)
    make_application()
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown_in_french(
    qtbot, french: None, reporter: CrashReporter, log_dir: Path
) -> None:
    button = QPushButton("Appliquer")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise ValueError("panne provoquée dans un slot")

    button.clicked.connect(broken_slot)
    button.click()  # PySide6 hands the exception to sys.excepthook and goes on
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "qe-desktop a rencontré une erreur"
    assert dialog.copy_button.text().replace("&", "") == "Copier le rapport"
    shown = dialog.report.toPlainText()
    assert "ValueError: panne provoquée dans un slot" in shown
    assert "broken_slot" in shown  # the traceback, not just the message
    logged = log_text(log_dir)
    assert "CRITICAL qe_desktop.crash" in logged
    assert "Uncaught exception" in logged
    assert "ValueError: panne provoquée dans un slot" in logged
    dialog.copy_button.click()
    assert "panne provoquée dans un slot" in QGuiApplication.clipboard().text()


@pytest.mark.qt_no_exception_capture
def test_a_crash_in_another_thread_reaches_the_dialog_and_the_log(
    qtbot, reporter: CrashReporter, log_dir: Path
) -> None:
    def broken_work() -> None:
        raise RuntimeError("panne dans un fil de travail")

    worker = threading.Thread(target=broken_work, name="travail")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    assert "Thread: travail" in reporter.dialog.report.toPlainText()
    assert "RuntimeError: panne dans un fil de travail" in log_text(log_dir)
    # a second crash is added to the open dialog, not a new window
    worker = threading.Thread(target=broken_work, name="second")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "Thread: second" in reporter.dialog.report.toPlainText())


def test_qt_messages_go_to_the_log(qtbot, reporter: CrashReporter, log_dir: Path) -> None:
    qWarning("avertissement de Qt pour le journal")
    assert "WARNING qe_desktop.qt" in log_text(log_dir)
    assert "avertissement de Qt pour le journal" in log_text(log_dir)


def test_help_menu_opens_the_log_folder(
    qtbot, services: Services, tmp_path: Path, log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "qe_desktop.ui.crash.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    make_application()
    win = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    menus = [action.text() for action in win.menuBar().actions()]
    assert menus[-1] == "&Help"
    win.open_logs_action.trigger()
    assert opened == [str(log_dir)]
    assert log_dir.is_dir()


class _FullDisk:
    def daily(self) -> None:
        raise OSError(28, "No space left on device")


def test_the_daily_backup_that_fails_says_so_in_the_log(window, qtbot, log_dir: Path) -> None:
    care = start_daily_care(_FullDisk(), window)  # type: ignore[arg-type]
    care.wait()
    text = log_text(log_dir)
    assert "job daily-care failed" in text and "No space left on device" in text
