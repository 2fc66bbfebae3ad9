"""Colleagues' changes without restarting: poll a cheap fingerprint, reload when it moves.

On a team library several assistants write at once. Every `interval_ms` the watcher asks
the services for the library's data version (one small query); when it differs from the
last one seen, `changed` is emitted and the window reloads what it shows. F5 does the
same at once. A failed check (server unreachable) is reported once, not every 30 s, and
checks then thin out (1, 2, 4… up to 10 periods apart): an unreachable server can make
a check wait for the connection timeout: the timer's checks run as background jobs, so
the window never waits for them (F5 checks at once, on the GUI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from qe_desktop.ui.jobs import BackgroundCall

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 30_000
MAX_BACKOFF_PERIODS = 10


class RefreshWatcher(QObject):
    changed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        probe: Callable[[], object],
        parent: QObject | None = None,
        interval_ms: int = POLL_INTERVAL_MS,
        active: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._probe = probe
        self._active = active
        self._seen: object = None
        self._failing = False
        self._backoff = 0  # periods to skip after the latest failure
        self._skip = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self._background = BackgroundCall(self)
        self._background.setObjectName("change-poll")
        self._background.done.connect(self._compare)
        self._background.failed.connect(self._failed)

    def start(self) -> None:
        """Remember the current state, then check periodically."""
        self.acknowledge()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def acknowledge(self) -> None:
        """What the window shows now is up to date (after a reload or our own change)."""
        ok, current = self._read()
        self._seen = current if ok else None

    def _due(self) -> bool:
        """Whether a check should run now (window active, not backing off)."""
        if not self._active():
            return False
        if self._skip > 0:
            self._skip -= 1
            return False
        return True

    def check(self) -> bool:
        """Check now, on this thread: True (and `changed` emitted) when the library moved."""
        if not self._due():
            return False
        ok, current = self._read()
        return ok and self._compare(current)

    def poll(self) -> None:
        """What the timer does: the same check, with the probe run as a background job."""
        if not self._background.busy and self._due():
            self._background.start(self._probe)

    def _compare(self, current: object) -> bool:
        self._failing = False
        self._backoff = 0
        if current is None or current == self._seen:
            return False
        self._seen = current
        self.changed.emit()
        return True

    def _read(self) -> tuple[bool, object]:
        try:
            return True, self._probe()
        except Exception as error:  # network down, server restarted: try again later
            log.warning("library unreachable; retrying later", exc_info=not self._failing)
            self._failed(str(error))
            return False, None

    def _failed(self, message: str) -> None:
        self._backoff = min(max(1, 2 * self._backoff), MAX_BACKOFF_PERIODS)
        self._skip = self._backoff
        if not self._failing:
            self._failing = True
            self.failed.emit(message)
