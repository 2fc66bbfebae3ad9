"""Colleagues' changes without restarting: poll a cheap fingerprint, reload when it moves.

On a team library several assistants write at once. Every `interval_ms` the watcher asks
the services for the library's data version (one small query); when it differs from the
last one seen, `changed` is emitted and the window reloads what it shows. F5 does the
same at once. A failed check (server unreachable) is reported once, not every 30 s, and
checks then thin out (1, 2, 4… up to 10 periods apart): an unreachable server can make
a check wait for the connection timeout, and the window must not freeze every 30 s.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

logger = logging.getLogger(__name__)

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
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Remember the current state, then check periodically."""
        self.acknowledge()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def acknowledge(self) -> None:
        """What the window shows now is up to date (after a reload or our own change)."""
        self._seen = self._read()

    def check(self) -> bool:
        """True (and `changed` emitted) when the library moved since last seen."""
        if not self._active():
            return False
        if self._skip > 0:
            self._skip -= 1
            return False
        current = self._read()
        if current is None or current == self._seen:
            return False
        self._seen = current
        self.changed.emit()
        return True

    def _read(self) -> object:
        try:
            value = self._probe()
        except Exception as error:  # network down, server restarted: try again later
            logger.warning("Library unreachable; retrying later", exc_info=not self._failing)
            self._backoff = min(max(1, 2 * self._backoff), MAX_BACKOFF_PERIODS)
            self._skip = self._backoff
            if not self._failing:
                self._failing = True
                self.failed.emit(str(error))
            return None
        self._failing = False
        self._backoff = 0
        return value
