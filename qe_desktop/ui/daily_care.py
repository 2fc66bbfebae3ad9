"""The daily integrity check and backup, run as a background job once the window is shown.

On a library of 100,000 questions they take several seconds (the whole file is read,
then copied): the window must not wait for them. A damaged library is reported as
soon as the check finds it; it is never copied over the good backups. Any other failure
(a full disk…) is logged and said in the status bar: the backup is retried at the next start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from qe_desktop.services.backups import BackupService
from qe_desktop.services.library import CorruptDatabaseError
from qe_desktop.ui.jobs import Job, JobContext, JobFailed

log = logging.getLogger(__name__)
DAMAGED = "damaged:"


class DailyCare(QObject):
    """Runs `BackupService.daily` as a job; a damaged library is shown in a dialog."""

    def __init__(self, backups: BackupService, window: QMainWindow) -> None:
        super().__init__(window)
        self._backups = backups
        self._window = window
        self.job = Job("daily-care", self._run, self)
        self.job.failed.connect(self._failed)

    def start(self) -> None:
        self.job.start()

    def wait(self) -> None:
        """Let a backup in progress finish (at exit: never leave half a copy)."""
        self.job.wait()

    def _run(self, _context: JobContext) -> None:
        try:
            self._backups.daily()
        except CorruptDatabaseError as error:
            raise JobFailed(DAMAGED + str(error)) from error

    @Slot(str)
    def _failed(self, message: str) -> None:
        if message.startswith(DAMAGED):
            title = QCoreApplication.translate("Application", "Cannot open the library")
            QMessageBox.critical(self._window, title, message.removeprefix(DAMAGED))
            return
        log.warning("no daily backup today: %s", message)
        text = QCoreApplication.translate("Application", "No daily backup today: %1")
        self._window.statusBar().showMessage(text.replace("%1", message), 15_000)


def start_daily_care(backups: BackupService, window: QMainWindow) -> DailyCare:
    care = DailyCare(backups, window)
    care.start()
    return care
