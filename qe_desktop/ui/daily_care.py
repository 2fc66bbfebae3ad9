"""The daily integrity check and backup, run in the background once the window is shown.

On a library of 100,000 questions they take several seconds (the whole file is read,
then copied): the window must not wait for them. A damaged library is reported as
soon as the check finds it; it is never copied over the good backups.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from qe_desktop.services.backups import BackupService
from qe_desktop.services.library import CorruptDatabaseError

logger = logging.getLogger(__name__)


class DailyCare(QObject):
    """Runs `BackupService.daily` in a thread; `damaged` carries the French reason."""

    damaged = Signal(str)

    def __init__(self, backups: BackupService, window: QWidget) -> None:
        super().__init__(window)
        self._backups = backups
        self._window = window
        self._thread: threading.Thread | None = None
        self.damaged.connect(self._warn)  # queued: shown by the GUI thread

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="qe-daily-care", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Let a backup in progress finish (at exit: never leave half a copy)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            self._backups.daily()
        except CorruptDatabaseError as error:
            self.damaged.emit(str(error))
        except Exception:  # no backup today (disk full…): retried at the next start
            logger.error("Daily backup failed; retried at the next start", exc_info=True)

    @Slot(str)
    def _warn(self, reason: str) -> None:
        title = QCoreApplication.translate("Application", "Cannot open the library")
        QMessageBox.critical(self._window, title, reason)


def start_daily_care(backups: BackupService, window: QWidget) -> DailyCare:
    care = DailyCare(backups, window)
    care.start()
    return care
