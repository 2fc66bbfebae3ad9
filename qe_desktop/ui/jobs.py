"""The one way the window runs work off the GUI thread: a cancellable job with progress.

Every background task (imports, exports, restores, connecting to a team library, change
polls, the daily backup, analyses) is a `Job`: a plain function run in a `QThread`, whose
progress, result and failure are relayed to the GUI thread (queued signals of an object
living there), whose errors are logged and shown, never swallowed.

The threads belong to one registry that lives as long as the application, not to the
widget that asked: closing a window while a job runs must never destroy a running
QThread (Qt aborts the process). `wait_for_jobs()` joins them all before the library
closes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

log = logging.getLogger(__name__)


class JobContext:
    """What the work function sees of its job (called from the worker thread)."""

    def __init__(self, runner: _Runner, cancel: threading.Event) -> None:
        self._runner = runner
        self._cancel = cancel

    def progress(self, done: int, total: int | None = None, label: str = "") -> None:
        """Report progress (total None or 0 = unknown: a busy bar)."""
        self._runner.progressed.emit(done, total or 0, label)

    def cancelled(self) -> bool:
        """Whether the user asked to stop; long work checks it between steps."""
        return self._cancel.is_set()


class JobFailed(Exception):
    """Raise it from a job to fail with a message meant for the user (no traceback logged)."""


class _Runner(QObject):
    """Lives in the worker thread; its signals reach the job in the GUI thread (queued)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, name: str, work: Callable[[JobContext], Any], cancel: threading.Event):
        super().__init__()
        self._name = name
        self._work = work
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(JobContext(self, self._cancel))
        except JobFailed as error:
            log.warning("job %s failed: %s", self._name, error)
            self.failed.emit(str(error))
            return
        except Exception as error:  # logged with its traceback, then shown to the user
            log.exception("job %s failed", self._name)
            self.failed.emit(str(error) or type(error).__name__)
            return
        self.succeeded.emit(result)


class _Registry(QObject):
    """Holds running threads until they end, then lets Qt delete them."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.running: dict[QThread, _Runner] = {}

    def adopt(self, thread: QThread, runner: _Runner) -> None:
        self.running[thread] = runner
        thread.finished.connect(self._reap)

    @Slot()
    def _reap(self) -> None:
        for thread in [t for t in self.running if t.isFinished()]:
            runner = self.running.pop(thread)
            runner.deleteLater()
            thread.deleteLater()

    def wait_all(self, msecs: int) -> bool:
        return all(thread.wait(msecs) for thread in list(self.running))


_registry: _Registry | None = None


def _the_registry() -> _Registry:
    global _registry
    if _registry is None:
        _registry = _Registry()
        _registry.destroyed.connect(_forget_registry)
    return _registry


def _forget_registry() -> None:
    global _registry
    _registry = None


def wait_for_jobs(msecs: int = 30_000) -> bool:
    """Block until every job's thread has ended (before the library closes, in tests)."""
    return _registry.wait_all(msecs) if _registry is not None else True


class Job(QObject):
    """One run of `work(context)` in a thread; signals arrive in the GUI thread.

    `succeeded(result)` or `failed(message)` is emitted once, then `finished()`.
    """

    progressed = Signal(int, int, str)  # done, total (0 = unknown), label
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(
        self, name: str, work: Callable[[JobContext], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._work = work
        self._cancel = threading.Event()
        self._thread: QThread | None = None
        self._done = threading.Event()
        self._reported = False  # the result reached the GUI thread (the thread may still be ending)

    @property
    def running(self) -> bool:
        """False once the work has ended or its result was delivered: a listener of
        `succeeded`/`finished` must see the job as over, even while its thread winds down."""
        return self._thread is not None and not self._done.is_set() and not self._reported

    def start(self) -> Job:
        """Start the work (once); returns the job so calls can be chained."""
        if self._thread is not None:
            raise RuntimeError(f"job {self.name} already started")
        thread = QThread(_the_registry())
        thread.setObjectName(f"qe-job-{self.name}")
        runner = _Runner(self.name, self._work, self._cancel)
        runner.moveToThread(thread)
        thread.started.connect(runner.run)
        runner.progressed.connect(self._on_progressed)
        runner.succeeded.connect(self._on_succeeded)
        runner.failed.connect(self._on_failed)
        # Direct: QThread.quit is thread-safe, and a queued quit would wait for the GUI
        # thread, which may itself be waiting for this thread (wait_for_jobs).
        runner.succeeded.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        runner.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._done.set, Qt.ConnectionType.DirectConnection)
        _the_registry().adopt(thread, runner)
        self._thread = thread
        log.debug("job %s started", self.name)
        thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next check (it still reports how it ended)."""
        self._cancel.set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread ended (its result signals are delivered later, queued)."""
        return self._thread is None or self._done.wait(msecs / 1000)

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, label: str) -> None:
        self.progressed.emit(done, total, label)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._reported = True
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._reported = True
        self.failed.emit(message)
        self.finished.emit()


class BackgroundCall(QObject):
    """One call at a time; a new request while busy replaces the queued one and runs
    when the current call ends (whose result is then dropped as outdated)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self._queued: Callable[[], Any] | None = None

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, work: Callable[[], Any]) -> None:
        if self._busy:
            self._queued = work
            return
        self._busy = True
        job = Job(self.objectName() or "lookup", lambda _context: work(), self)
        job.succeeded.connect(self._on_done)
        job.failed.connect(self._on_failed)
        job.start()

    @Slot(object)
    def _on_done(self, result: object) -> None:
        if not self._next():
            self.done.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if not self._next():
            self.failed.emit(message)

    def _next(self) -> bool:
        """Start the queued call, if any; True when the finished result is outdated."""
        self._busy = False
        queued, self._queued = self._queued, None
        if queued is None:
            return False
        self.start(queued)
        return True
