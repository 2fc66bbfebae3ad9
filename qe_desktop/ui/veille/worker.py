"""An update off the GUI thread, with progress and Cancel (the import worker's pattern)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Job = Callable[[Callable[[int, int | None, str], None], Callable[[], bool]], object]


class JobWorker(QObject):
    progress = Signal(int, int, str)  # done, total (0 = unknown), what
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(
                lambda done, total, name: self.progress.emit(
                    min(done, 2**31 - 1), min(total or 0, 2**31 - 1), name
                ),
                self._cancel.is_set,
            )
        except Exception as error:  # shown to the user and logged, never swallowed
            log.exception("veille job failed")
            self.failed.emit(str(error))
            return
        self.finished.emit(result)


class _Relay(QObject):
    """Lives in the GUI thread: the worker's signals reach the callbacks there."""

    def __init__(
        self,
        on_progress: Callable[[int, int, str], None],
        on_finished: Callable[[object], None],
        on_failed: Callable[[str], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._progress, self._finished, self._failed = on_progress, on_finished, on_failed

    @Slot(int, int, str)
    def progress(self, done: int, total: int, name: str) -> None:
        self._progress(done, total, name)

    @Slot(object)
    def finished(self, result: object) -> None:
        self._finished(result)

    @Slot(str)
    def failed(self, message: str) -> None:
        self._failed(message)


def start_job(
    job: Job,
    on_progress: Callable[[int, int, str], None],
    on_finished: Callable[[object], None],
    on_failed: Callable[[str], None],
    parent: QObject,
) -> tuple[QThread, JobWorker]:
    thread = QThread(parent)
    worker = JobWorker(job)
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
