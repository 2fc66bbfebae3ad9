"""Background language analyses wait until the window has settled after its start (#25).

Opening the first question used to start, at once, the French pipeline's load (spaCy,
seconds of CPU) for its answer's coverage and suggested commitments, then the
library-wide suggestion pass: all of it competing with the first rows' painting and the
first clicks on a two-core machine. `after_start` holds such work until `GRACE_MS`
after the window is first shown; then it runs as before. Screenshots release it at once;
tests set `QE_DESKTOP_WARM_UP_MS=0` (tests/conftest.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

GRACE_MS = int(os.environ.get("QE_DESKTOP_WARM_UP_MS", "4000"))

_held: list[Callable[[], None]] = []
_released = False
_counting = False


def after_start(call: Callable[[], None]) -> None:
    """Run `call` now if the window has settled, else once it has (in order)."""
    if _released or GRACE_MS <= 0:
        call()
    else:
        _held.append(call)


def window_shown() -> None:
    """The window is on screen: held work starts `GRACE_MS` from now."""
    global _counting
    if _released or _counting:
        return
    _counting = True
    QTimer.singleShot(GRACE_MS, release)


def release() -> None:
    """Run the held work and let any later work run at once."""
    global _released
    _released = True
    while _held:
        _held.pop(0)()


class _FirstPaint(QObject):
    """Runs a call once, just after a widget's first paint (then forgets the widget)."""

    def __init__(self, widget: QWidget, call: Callable[[], None]) -> None:
        super().__init__(widget)
        self._call: Callable[[], None] | None = call
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        call, self._call = self._call, None
        self.deleteLater()
        if call is not None:
            call()


def after_first_paint(widget: QWidget, call: Callable[[], None]) -> None:
    """Run `call` once `widget` has been painted (the window's first rows on screen)."""
    _FirstPaint(widget, call)
