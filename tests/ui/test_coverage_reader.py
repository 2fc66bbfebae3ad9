"""Answer coverage in the reader: the strip, demands underlined, hover/click links both ways."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qe_desktop.domain.coverage import Addressed
from qe_desktop.ui.jobs import wait_for_jobs
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.reader.text_pane import TextPane

SEED_KEY = "senat-20250130-fabien-genet-p246"


def _open_with_coverage(window: MainWindow, key: str) -> None:
    window.show_question(key)
    wait_for_jobs()
    for _ in range(3):
        QApplication.processEvents()


def _point_in(pane: TextPane, start: int, end: int) -> QPoint:
    """A viewport point over the middle of a span, scrolled into view first."""
    middle = (start + end) // 2
    cursor = pane._cursor(middle, middle)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    QApplication.processEvents()
    return pane.cursorRect(pane._cursor(middle, middle)).center() + QPoint(1, 0)


def _move_mouse(window: MainWindow, pane: TextPane, point: QPoint) -> None:
    """Move the mouse over `point` of a pane so that Qt sees a move there, whatever came before.

    The move goes to the test's own window, not through the shared pointer: offscreen, the
    pointer hands it to the first open window under it, and a window an earlier test left
    open took it (the Analyses window of `test_analyses.py`, until garbage collected). It
    passes through another point first: Qt drops a move to where the pointer already is
    (this test run twice in one process, same window geometry).
    """
    aside = QPoint(0, 0) if point != QPoint(0, 0) else QPoint(1, 1)
    for target in (aside, point):
        QTest.mouseMove(window.windowHandle(), pane.viewport().mapTo(window, target))
        QApplication.processEvents()


def test_seed_question_shows_its_demands_with_verdicts(sample_window: MainWindow) -> None:
    _open_with_coverage(sample_window, SEED_KEY)
    controller = sample_window.coverage_tools.controller
    strip = sample_window.coverage_tools.strip
    demands = controller.coverage.demands
    assert len(demands) >= 2  # "clarifier ses intentions" and "assurer … la bonne prise en compte"
    assert strip.isVisible()
    assert len(strip.chips) == len(demands)
    assert str(len(demands)) in strip.summary.text()
    assert all(d.addressed in Addressed for d in demands)
    assert any(d.evidence for d in demands)
    marks = sample_window.reader.question_pane.coverage_marks
    assert [(m.start, m.end) for m in marks] == [(d.demand.start, d.demand.end) for d in demands]
    assert all(m.underline for m in marks)


def test_hover_and_click_link_a_demand_and_its_evidence(sample_window: MainWindow) -> None:
    _open_with_coverage(sample_window, SEED_KEY)
    controller = sample_window.coverage_tools.controller
    question = sample_window.reader.question_pane
    answer = sample_window.reader.answer_pane
    index, demand = next((i, d) for i, d in enumerate(controller.coverage.demands) if d.evidence)
    evidence = [(e.start, e.end) for e in demand.evidence]

    point = _point_in(question, demand.demand.start, demand.demand.end)
    _move_mouse(sample_window, question, point)
    assert controller.hovered == index
    assert [(m.start, m.end) for m in answer.coverage_marks] == evidence
    assert all(m.active for m in answer.coverage_marks)

    QTest.mouseClick(question.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert controller.pinned == index
    assert answer.flashing == (evidence[0][0], evidence[-1][1])
    assert sample_window.coverage_tools.strip.chips[index].isChecked()

    # And back: clicking a passage of the answer shows the demand it serves.
    controller.pin(None)
    assert answer.coverage_marks == ()
    start, end = evidence[0]
    point = _point_in(answer, start, end)
    QTest.mouseClick(answer.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert controller.pinned == index
    assert question.flashing == (demand.demand.start, demand.demand.end)
    assert [(m.start, m.end) for m in answer.coverage_marks] == evidence


def test_clicking_a_chip_pins_the_demand(sample_window: MainWindow) -> None:
    _open_with_coverage(sample_window, SEED_KEY)
    tools = sample_window.coverage_tools
    tools.strip.chips[0].click()
    assert tools.controller.pinned == 0
    tools.strip.chips[0].click()
    assert tools.controller.pinned is None


def test_the_window_does_not_import_spacy_at_start() -> None:
    """The French model loads in a background call the first time it is needed, never at start."""
    import subprocess
    import sys

    code = (
        "import sys; from qe_desktop.app import main; import qe_desktop.ui.main_window; "
        "import qe_desktop.ui.coverage.window_setup; "
        "sys.exit(1 if 'spacy' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=120).returncode == 0


def test_an_uncached_question_is_analysed_off_the_gui_thread(
    sample_window: MainWindow, monkeypatch
) -> None:
    tools = sample_window.coverage_tools
    monkeypatch.setattr(type(tools.controller.service), "model_loaded", staticmethod(lambda: False))
    sample_window.show_question(SEED_KEY)
    assert (
        tools.controller.worker.busy or tools.controller.coverage.demands
    )  # cached: shown at once
    wait_for_jobs()
    for _ in range(3):
        QApplication.processEvents()
    assert tools.controller.coverage.demands
