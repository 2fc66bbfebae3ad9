"""Imports off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from qe_desktop.services.importing import ImportReport, ImportService


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
            self.failed.emit(str(error))
            return
        self.finished.emit(report)


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
    worker.progress.connect(on_progress)
    worker.finished.connect(on_finished)
    worker.failed.connect(on_failed)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return thread, worker
