"""Crash reports in the window: a French dialog with the report, Qt's messages to the log.

PySide6 hands an exception raised in a slot to `sys.excepthook` and carries on; the hook
(`services.logs.install_exception_hooks`) logs the report and passes it here. Reports
from other threads cross to the GUI thread through a queued signal. One dialog at a
time: later reports are appended to the one already open.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.services.logs import install_exception_hooks, log_folder

qt_logger = logging.getLogger("qe_desktop.qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CrashDialog(QDialog):
    """What went wrong, the report to copy, and the way to the log folder."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("qe-desktop ran into an error"))
        self.setMinimumSize(640, 420)
        intro = QLabel(
            self.tr(
                "An unexpected error occurred. What was already saved is safe; the action "
                "in progress may not have finished. The report below has been written to "
                "the log. Copy it to send it to whoever looks after qe-desktop."
            )
        )
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy the report"))
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button = QPushButton(self.tr("Open the &logs folder"))
        self.folder_button.clicked.connect(open_log_folder)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report)
        layout.addWidget(buttons)

    def add_report(self, report: str) -> None:
        self.report.appendPlainText("\n" + "-" * 60 + "\n" + report)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class CrashReporter(QObject):
    """Shows reports in the GUI thread, whichever thread they come from."""

    reported = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.previous_message_handler: object = None
        self.reported.connect(self._show)  # queued when emitted from another thread

    @Slot(str)
    def _show(self, report: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report)
            return
        self.dialog = CrashDialog(report, QApplication.activeWindow())
        self.dialog.setModal(True)
        self.dialog.show()
        self.dialog.raise_()


def install_crash_reporter(app: QApplication) -> CrashReporter:
    """From now on, uncaught exceptions show the dialog and Qt's messages go to the log."""
    reporter = CrashReporter(app)
    install_exception_hooks(reporter.reported.emit)
    reporter.previous_message_handler = qInstallMessageHandler(_qt_message)
    return reporter


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.category})" if context.category not in (None, "default") else ""
    level = _LEVELS.get(kind, logging.WARNING)
    qt_logger.log(level, "%s%s", message, where)
    if level >= logging.ERROR:  # what Qt printed before; its warnings stay in the log
        sys.stderr.write(f"{message}\n")


def open_log_folder() -> bool:
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
