"""Analyses as a new user met them: titles, plurals, questions not ids, scope, closing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from qe_desktop.domain.insights import DelayBand, MinistryFigures
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.ui.analyses.analyses_view import AnalysesView
from qe_desktop.ui.analyses.charts import _top
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.resources import resource
from tests.services import insights_library as crafted
from tests.ui.test_analyses import crafted_services, crafted_window, view  # noqa: F401


def test_tab_title_plurals_and_question_lines(view: AnalysesView) -> None:  # noqa: F811  # noqa: F811
    assert view.tabs.tabText(1) == "Per month"  # the crafted library spans a few months
    french = QTranslator()
    assert french.load(str(resource("translations", "qe_desktop_fr.qm")))
    QCoreApplication.installTranslator(french)
    try:
        view.set_filter(QuestionFilter(keys=(crafted.KEYS[0],)))
        assert view.summary.text().startswith("<b>1 question · 1 répondue")
        view.set_filter(QuestionFilter())
        assert view.summary.text().startswith("<b>30 questions · 24 répondues")
        assert view.tabs.tabText(1) == "Par mois"
    finally:
        QCoreApplication.removeTranslator(french)
        view.refresh()
    chart = view.overdue
    position = next(iter(chart.bars))
    chart.click(*position)
    first = view.question_list.item(0).text()
    assert first.startswith("No. ") and " — " in first  # a number and a title, not a key
    assert not any(key in first for key in crafted.KEYS)


def test_copy_paste_tab_explains_itself(view: AnalysesView, qtbot) -> None:  # noqa: F811
    about = view.findChild(type(view.summary), "copyPasteAbout")
    assert about is not None and "copy-pasted" in about.text()
    view.set_filter(QuestionFilter(keys=(crafted.KEYS[20],)))
    view.tabs.setCurrentIndex(view.tabs.count() - 1)
    qtbot.waitUntil(lambda: "no copy-paste" in view.group_status.text(), timeout=15_000)


def test_escape_and_ctrl_w_close_the_view(view: AnalysesView, qtbot) -> None:  # noqa: F811
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    view.show()
    qtbot.keyClick(view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not view.isVisible()


def test_the_scope_is_shown_with_one_click_to_the_whole_library(
    crafted_window: MainWindow,  # noqa: F811
) -> None:
    window = crafted_window
    window.library.search.setText("maternité")
    window.library._apply_search()
    shown = window.analyses_tools.show_analyses()
    assert "maternité" in shown.scope.text()
    assert shown.scope_button.isVisible()
    narrowed = shown.overview.total if shown.overview else 0
    shown.scope_button.click()
    assert shown.overview is not None and shown.overview.total == 30 > narrowed
    assert shown.scope.text() == "Whole library."
    window.library.search.setText("retraite")
    window.library._apply_search()  # the list changes: the whole library stays
    assert shown.overview.total == 30
    shown.scope_button.click()  # back to the list's filter
    assert "retraite" in shown.scope.text()


def test_no_bar_for_questions_without_a_ministry_unless_asked() -> None:
    def figures(ministry: str, answered: int) -> MinistryFigures:
        bands = tuple((band, 0) for band in DelayBand)
        return MinistryFigures(ministry, answered, answered, None, 0, 0, 0, bands)

    ministries = [figures("", 9), figures("Intérieur", 3)]
    assert [m.ministry for m in _top(ministries, "answered")] == ["Intérieur"]
    assert [m.ministry for m in _top(ministries, "answered", True)] == ["Intérieur", ""]
