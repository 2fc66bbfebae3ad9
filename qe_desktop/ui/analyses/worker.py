"""Run one service call off the GUI thread and hand its result back to the GUI thread.

Running threads are kept by a janitor that lives as long as the application, not by
the widget that asked: closing a window while a lookup runs must never destroy a
running QThread (Qt aborts the process when that happens).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

logger = logging.getLogger(__name__)


class _Call(QObject):
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # shown to the user, never swallowed
            logger.error("Background work failed", exc_info=True)
            self.failed.emit(str(error))
            return
        self.done.emit(result)


class _Janitor(QObject):
    """Holds threads until they have finished, then lets Qt delete them."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.running: dict[QThread, _Call] = {}

    def adopt(self, thread: QThread, call: _Call) -> None:
        self.running[thread] = call
        thread.finished.connect(self._finished)

    @Slot()
    def _finished(self) -> None:
        for thread in [t for t in self.running if t.isFinished()]:
            call = self.running.pop(thread)
            call.deleteLater()
            thread.deleteLater()

    def wait_all(self, msecs: int) -> bool:
        return all(thread.wait(msecs) for thread in list(self.running))


_janitor: _Janitor | None = None


def _the_janitor() -> _Janitor:
    global _janitor
    if _janitor is None:
        _janitor = _Janitor()
        _janitor.destroyed.connect(_forget_janitor)
    return _janitor


def _forget_janitor() -> None:
    global _janitor
    _janitor = None


def wait_for_background_work(msecs: int = 30_000) -> bool:
    """Block until every background call has ended (tests, quitting)."""
    return _janitor.wait_all(msecs) if _janitor is not None else True


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
        thread = QThread(_the_janitor())
        call = _Call(work)
        call.moveToThread(thread)
        thread.started.connect(call.run)
        call.done.connect(self._on_done)
        call.failed.connect(self._on_failed)
        # Direct: QThread.quit is thread-safe, and a queued quit would wait for the GUI
        # thread, which may itself be waiting for this thread (wait_for_background_work).
        call.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        call.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        _the_janitor().adopt(thread, call)
        thread.start()

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
