"""Imports off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from qe_desktop.services.importing import ImportReport, ImportService

logger = logging.getLogger(__name__)


class ImportWorker(QObject):
    progress = Signal(int, int, str)  # done, total (0 = unknown), current file
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, service: ImportService, paths: list[Path]) -> None:
        super().__init__()
        self._service = service
        self._paths = paths
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            report = self._service.import_paths(
                self._paths,
                lambda done, total, name: self.progress.emit(done, total or 0, name),
                self._cancel.is_set,
            )
        except Exception as error:  # reported to the user, never swallowed
            logger.error("Import failed", exc_info=True)
            self.failed.emit(str(error))
            return
        self.finished.emit(report)


class _Relay(QObject):
    """Lives in the GUI thread, so the worker's signals reach the callbacks there (queued)."""

    def __init__(
        self,
        on_progress: Callable[[int, int, str], None],
        on_finished: Callable[[ImportReport], None],
        on_failed: Callable[[str], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._progress, self._finished, self._failed = on_progress, on_finished, on_failed

    @Slot(int, int, str)
    def progress(self, done: int, total: int, name: str) -> None:
        self._progress(done, total, name)

    @Slot(object)
    def finished(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self._finished(report)

    @Slot(str)
    def failed(self, message: str) -> None:
        self._failed(message)


def start_import(
    service: ImportService,
    paths: list[Path],
    on_progress: Callable[[int, int, str], None],
    on_finished: Callable[[ImportReport], None],
    on_failed: Callable[[str], None],
    parent: QObject,
) -> tuple[QThread, ImportWorker]:
    thread = QThread(parent)
    worker = ImportWorker(service, paths)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    relay = _Relay(on_progress, on_finished, on_failed, parent)
    worker.progress.connect(relay.progress)
    worker.finished.connect(relay.finished)
    worker.failed.connect(relay.failed)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.start()
    return thread, worker
