"""The coverage fill of the status bar: a job with progress, a result and a Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtWidgets import QMainWindow

from qe_desktop.services.coverage import CoverageService
from qe_desktop.ui.coverage.library_fill import LibraryFill
from qe_desktop.ui.jobs import wait_for_jobs


class FakeCoverage:
    """Three answers to analyse; `hold` keeps the fill running until released."""

    def __init__(self) -> None:
        self.hold = threading.Event()
        self.hold.set()
        self.stopped = False
        self.entered = threading.Event()

    def pending(self) -> int:
        return 3

    def fill(self, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
        self.entered.set()
        done = 0
        for _ in range(3):
            self.hold.wait(5)
            if cancelled():
                self.stopped = True
                return done
            done += 1
            progress(done, 3)
        return done


_WINDOWS: list[QMainWindow] = []  # the status bar's window lives as long as the test


def _fill(qtbot: Any, service: FakeCoverage, after: Callable[[], None]) -> LibraryFill:
    window = QMainWindow()
    qtbot.addWidget(window)
    _WINDOWS[:] = [window]
    return LibraryFill(cast(CoverageService, service), window.statusBar(), after)


def test_the_fill_reports_progress_then_how_many_answers_it_analysed(qtbot: Any) -> None:
    analysed: list[str] = []
    fill = _fill(qtbot, FakeCoverage(), lambda: analysed.append("after"))
    with qtbot.waitSignal(fill.finished, timeout=5_000) as finished:
        fill.start()
    assert finished.args == [3]
    assert analysed == ["after"]
    assert fill.bar.maximum() == 3 and fill.bar.value() == 3
    assert not fill.box.isVisible() and not fill.running


def test_cancel_stops_the_fill_and_it_does_not_start_again(qtbot: Any) -> None:
    service = FakeCoverage()
    service.hold.clear()
    fill = _fill(qtbot, service, lambda: None)
    fill.start()
    assert fill.running
    assert service.entered.wait(5)
    fill.cancel()
    service.hold.set()
    assert wait_for_jobs(5_000)
    qtbot.waitUntil(lambda: not fill.running, timeout=5_000)
    assert service.stopped and fill.stopped_by_user
    fill.schedule()
    assert not fill.timer.isActive()  # stopped until the next start of the application


def test_stop_joins_the_running_fill_before_the_window_goes(qtbot: Any) -> None:
    service = FakeCoverage()
    service.hold.clear()
    fill = _fill(qtbot, service, lambda: None)
    fill.start()
    assert service.entered.wait(5)
    threading.Timer(0.2, service.hold.set).start()  # the answer in hand ends a moment later
    fill.stop()
    assert service.stopped and not fill.running  # joined, not left running at exit
    assert not fill.stopped_by_user  # the next start of the application fills again
