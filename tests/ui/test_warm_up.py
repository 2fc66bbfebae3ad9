"""At start-up the rows come first: the first question opens once they are painted, and
language analyses wait until the window has settled (#25)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.ui import warm_up
from qe_desktop.ui.application import make_application
from qe_desktop.ui.main_window import OPEN_QUESTION_KEY, MainWindow


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm_up, "GRACE_MS", 50)
    monkeypatch.setattr(warm_up, "_released", False)
    monkeypatch.setattr(warm_up, "_counting", False)
    monkeypatch.setattr(warm_up, "_held", [])


def test_work_waits_for_the_grace_after_the_window_is_shown(qtbot, held: None) -> None:
    done: list[str] = []
    warm_up.after_start(lambda: done.append("coverage"))
    warm_up.after_start(lambda: done.append("suggestions"))
    QCoreApplication.processEvents()  # whatever is already due runs now
    assert done == []  # the window is not shown yet: nothing starts
    assert not warm_up._counting  # and no countdown is running: nothing will until it is
    warm_up.window_shown()
    assert done == []
    qtbot.waitUntil(lambda: done == ["coverage", "suggestions"], timeout=2_000)
    warm_up.after_start(lambda: done.append("later"))
    assert done[-1] == "later"  # settled: at once


def test_without_grace_work_runs_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm_up, "GRACE_MS", 0)
    monkeypatch.setattr(warm_up, "_released", False)
    done: list[int] = []
    warm_up.after_start(lambda: done.append(1))
    assert done == [1]


def test_at_start_up_the_first_question_opens_once_the_rows_are_painted(
    qtbot, sample_services: Services, settings: QSettings
) -> None:
    make_application()
    window = MainWindow(sample_services, settings)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.refresh(first_question_after_paint=True)
    first = window.library.model.row_at(0)
    assert first is not None
    assert window.library.selected_keys() == [first.key]  # selected, not opened yet
    assert window.reader.detail is None
    window.show()
    qtbot.waitUntil(lambda: window.reader.detail is not None)
    assert window.reader.detail is not None and window.reader.detail.key == first.key


def test_the_question_read_last_time_reopens_after_the_paint(
    qtbot, sample_services: Services, settings: QSettings
) -> None:
    make_application()
    last = sample_services.questions.rows(QuestionFilter(), Sort("number"))[-1].key
    settings.setValue(OPEN_QUESTION_KEY, last)
    window = MainWindow(sample_services, settings)
    qtbot.addWidget(window)
    window.restore_state()
    window.refresh(first_question_after_paint=True)
    window.show()
    qtbot.waitUntil(lambda: window.reader.detail is not None)
    assert window.reader.detail is not None and window.reader.detail.key == last
