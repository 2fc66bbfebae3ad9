"""The Analyses window and the reader's similar-questions strip, on the crafted library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.services.container import Services
from qe_desktop.ui.analyses.analyses_view import KEY_ROLE, AnalysesView
from qe_desktop.ui.analyses.charts import BAND_COLORS, OVERDUE_COLOR
from qe_desktop.ui.application import make_application
from qe_desktop.ui.jobs import wait_for_jobs
from qe_desktop.ui.main_window import MainWindow
from tests.services import insights_library as crafted

SCREENSHOT = "analyses.png"


@pytest.fixture
def crafted_services(services: Services) -> Services:
    crafted.build(services)
    services.insights.refresh_fingerprints()
    return services


@pytest.fixture
def view(qtbot, crafted_services: Services) -> Iterator[AnalysesView]:
    make_application()
    widget = AnalysesView(crafted_services.insights, crafted_services.questions)
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    widget.set_filter(QuestionFilter())
    widget.show()
    yield widget
    wait_for_jobs()


@pytest.fixture
def crafted_window(qtbot, crafted_services: Services, settings: QSettings) -> Iterator[MainWindow]:
    make_application()
    win = MainWindow(crafted_services, settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.refresh()
    win.show()
    yield win
    wait_for_jobs()


def _count_colour(image: QImage, colour: str) -> int:
    wanted = QColor(colour).rgb()
    return sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixel(x, y) == wanted
    )


def test_screenshot_of_the_analyses_view(view: AnalysesView, tmp_path: Path, qtbot) -> None:
    qtbot.waitExposed(view)
    path = tmp_path / SCREENSHOT
    assert view.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() >= 1000 and image.height() >= 600
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 17)
    }
    assert len(colours) > 20, "the screenshot looks blank"
    for band, colour in BAND_COLORS.items():
        if any(m.band(band) for m in view.overview.ministries):  # type: ignore[union-attr]
            assert _count_colour(image, colour) > 50, f"no {band.value} bar drawn"
    assert "30 question" in view.summary.text()


def test_every_chart_draws_its_bars(view: AnalysesView, tmp_path: Path) -> None:
    view.tabs.setCurrentWidget(view.overdue)
    image = view.grab().toImage()
    assert _count_colour(image, OVERDUE_COLOR) > 50
    assert len(view.overdue.bars) == 2  # two ministries have overdue questions
    assert len(view.monthly.bars) == 2 * len(view.overview.periods)  # type: ignore[union-attr]


def test_clicking_a_bar_lists_its_questions_and_opens_one(view: AnalysesView, qtbot) -> None:
    chart = view.overdue
    set_index, category = next(
        position
        for position, bar in chart.bars.items()
        if bar.category == crafted.PORTFOLIO[crafted.INTERIEUR]
    )
    chart.click(set_index, category)
    keys = [view.question_list.item(i).data(KEY_ROLE) for i in range(view.question_list.count())]
    assert sorted(keys) == sorted(crafted.KEYS[7:9])
    assert "2" in view.list_title.text()
    with qtbot.waitSignal(view.question_activated) as signal:
        view.question_list.itemDoubleClicked.emit(view.question_list.item(0))
    assert signal.args == [keys[0]]


def test_the_view_follows_the_filter(view: AnalysesView) -> None:
    view.set_filter(QuestionFilter(ministry=crafted.SANTE))
    assert view.overview is not None and view.overview.total == 6
    assert "Filtered like the library" in view.scope.text()


def test_copy_paste_tab_lists_the_groups(view: AnalysesView, qtbot) -> None:
    view.tabs.setCurrentIndex(view.tabs.count() - 1)
    qtbot.waitUntil(lambda: view.groups.topLevelItemCount() == 3, timeout=15_000)
    sizes = [view.groups.topLevelItem(i).text(0) for i in range(3)]
    assert sizes == ["5", "3", "2"]
    view.groups.setCurrentItem(view.groups.topLevelItem(0))
    assert view.question_list.count() == 5


def test_view_menu_opens_the_analyses_with_the_library_filter(crafted_window: MainWindow) -> None:
    window = crafted_window
    tools = window.analyses_tools
    assert tools.action in window.findChildren(type(tools.action))
    window.library.model.set_filter(QuestionFilter(ministry=crafted.INTERIEUR))
    tools.action.trigger()
    assert tools.view is not None and tools.view.isVisible()
    assert tools.view.overview is not None and tools.view.overview.total == 5
    window.library.model.set_filter(QuestionFilter())
    assert tools.view.overview.total == 30  # an open view follows the list


def test_reader_shows_copy_paste_answers_and_their_differences(
    crafted_window: MainWindow, qtbot
) -> None:
    window = crafted_window
    panel = window.analyses_tools.similar
    with qtbot.waitSignal(panel.updated, timeout=15_000):
        window.show_question(crafted.EDITED[0])
    assert panel.isVisible()
    assert "2 other question" in panel.answers_label.text()
    assert panel.related_label.isVisible()
    dialog = panel.open_duplicates(Part.ANSWER)
    assert dialog is not None and dialog.list.count() == 2
    html = dialog.diff.toHtml()
    assert "line-through" in html and "#d8f3dc" in html
    with qtbot.waitSignal(panel.updated, timeout=15_000):
        dialog.open_button.click()
    assert window.reader.detail is not None
    assert window.reader.detail.key in crafted.EDITED[1:]


def test_reader_strip_for_an_identical_answer_and_a_related_link(
    crafted_window: MainWindow, qtbot
) -> None:
    window = crafted_window
    panel = window.analyses_tools.similar
    with qtbot.waitSignal(panel.updated, timeout=15_000):
        window.show_question(crafted.COPY[0])
    assert "4 other question" in panel.answers_label.text()
    assert not panel.questions_label.isVisible()
    first_related = panel.result.related[0].key  # type: ignore[union-attr]
    with qtbot.waitSignal(panel.updated, timeout=15_000):
        panel.related_label.linkActivated.emit(f"q:{first_related}")
    assert window.reader.detail is not None and window.reader.detail.key == first_related


def test_no_strip_without_similar_questions(crafted_window: MainWindow, qtbot) -> None:
    window = crafted_window
    panel = window.analyses_tools.similar
    with qtbot.waitSignal(panel.updated, timeout=15_000):
        window.show_question(crafted.TEMPLATE_QUESTIONS[0])
    assert not panel.answers_label.isVisible()
    assert "1 other question" in panel.questions_label.text()
    window.reader.show_detail(None)
    assert not panel.isVisible()
