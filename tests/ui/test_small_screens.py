"""What a new user hit first: small screens, cut texts, state lost at restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from qe_desktop.domain.annotation import Part
from qe_desktop.services.container import Services
from qe_desktop.ui.application import make_application
from qe_desktop.ui.columns import header_width
from qe_desktop.ui.main_window import FIRST_WINDOW_SHARE, MainWindow
from qe_desktop.ui.welcome import WelcomePanel
from tests.ui.test_desk_state import reopen

SEED_KEY = "senat-20250130-fabien-genet-p246"


def _shown_docks(window: MainWindow) -> list[QDockWidget]:
    """Docks the user sees: a tab behind another one is "visible" to Qt but off screen."""
    return [
        dock
        for dock in window.findChildren(QDockWidget)
        if dock.isVisible() and not dock.visibleRegion().isEmpty()
    ]


def _on_window(window: MainWindow, widget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720), (1920, 1080)])
def test_docks_never_overlap_and_save_stays_in_view(
    qtbot, sample_window: MainWindow, size: tuple[int, int]
) -> None:
    window = sample_window
    services = window.services
    answer = services.questions.detail(SEED_KEY).record.answer_text or ""
    created = services.annotations.create(SEED_KEY, Part.ANSWER, 3, 30, "engagement", note="n")
    window.show_question(SEED_KEY)
    window.open_question(SEED_KEY)  # with its new highlight
    window.commitment_tools.show_view()  # both docks open
    window.annotation_tools.panel.select_annotation(created.id)
    window.resize(*size)
    save = window.annotation_tools.panel.save_button
    qtbot.waitUntil(lambda: not save.visibleRegion().isEmpty())  # docks arranged, side raised
    assert answer and window.size().toTuple() == size  # no minimum size larger than the screen
    docks = _shown_docks(window)
    assert docks
    rects = [dock.geometry() for dock in docks]
    for i, first in enumerate(rects):
        assert window.rect().contains(first), docks[i].objectName()
        for second in rects[i + 1 :]:
            assert not first.intersects(second)
    assert save.isVisible() and not save.visibleRegion().isEmpty()
    assert save.visibleRegion().boundingRect().size() == save.size()  # not half hidden
    assert window.rect().contains(_on_window(window, save))
    commitments = window.commitment_tools.dock
    assert commitments.toggleViewAction().isChecked()  # still open (as a tab when small)
    if size[1] >= 1000:
        assert commitments in docks


def test_the_annotation_editor_shows_only_for_a_selected_highlight(
    sample_window: MainWindow,
) -> None:
    panel = sample_window.annotation_tools.panel
    sample_window.show_question(SEED_KEY)
    assert not panel.editor_box.isVisible()
    assert panel.empty_hint.isVisible()
    created = sample_window.services.annotations.create(SEED_KEY, Part.ANSWER, 3, 30, "chiffre")
    sample_window.open_question(SEED_KEY)
    panel.select_annotation(created.id)
    assert panel.editor_box.isVisible() and not panel.empty_hint.isVisible()


def test_the_first_window_takes_most_of_the_screen(
    qtbot, services: Services, settings: QSettings
) -> None:
    window = reopen(qtbot, services, settings)  # no saved geometry yet
    area = window.screen().availableGeometry()
    assert window.width() >= int(area.width() * FIRST_WINDOW_SHARE) - 1
    assert window.height() >= int(area.height() * FIRST_WINDOW_SHARE) - 1
    assert area.contains(window.geometry().center())


def test_the_welcome_text_is_not_cut(qtbot, tmp_path) -> None:
    make_application()
    panel = WelcomePanel()
    qtbot.addWidget(panel)
    panel.resize(1066, 668)
    with qtbot.waitExposed(panel):
        panel.show()
    qtbot.waitUntil(lambda: panel.text.height() >= panel.text.heightForWidth(panel.text.width()))
    assert panel.folder_button.isVisible()  # Import a folder…, next to Import…
    panel.grab().save(str(tmp_path / "welcome.png"))


def test_column_headers_are_not_cut(sample_window: MainWindow) -> None:
    table = sample_window.library.table
    for column in range(table.model().columnCount()):
        assert table.columnWidth(column) >= header_width(table, column) - 1, column
    sample_window.commitment_tools.show_view()
    commitments = sample_window.commitment_tools.view.table
    for column in range(commitments.model().columnCount()):
        if not commitments.isColumnHidden(column):
            assert commitments.columnWidth(column) >= header_width(commitments, column) - 1
    number = sample_window.library.model.column_of("number")
    assert table.columnWidth(number) >= table.sizeHintForColumn(number)


def test_the_search_and_the_open_question_survive_a_restart(
    qtbot, sample_window: MainWindow, settings: QSettings
) -> None:
    first = sample_window
    first.library.search.setText("intelligence")
    first.library._apply_search()
    first.show_question(SEED_KEY)
    first.close()

    second = reopen(qtbot, first.services, settings)
    assert second.library.search.text() == "intelligence"
    assert second.library.model.current_filter.text == "intelligence"
    assert second.reader.detail is not None and second.reader.detail.key == SEED_KEY
    assert QApplication.instance() is not None


def test_typing_a_number_opens_that_question(qtbot, sample_window: MainWindow) -> None:
    panel = sample_window.library
    number = sample_window.services.questions.detail("QANR5L14QE26562").record.number
    for typed in (number, f"QE {number}", f"n° {number}"):
        panel.search.setText(typed or "")
        panel._apply_search()
        assert panel.model.total == 1
        reader = sample_window.reader
        assert reader.detail is not None and reader.detail.key == "QANR5L14QE26562"
        panel.search.clear()
        panel._apply_search()


def test_numbers_sort_as_numbers_in_the_list(sample_window: MainWindow) -> None:
    panel = sample_window.library
    column = panel.model.column_of("number")
    panel.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    numbers = [panel.model.row_at(i).number for i in range(panel.model.rowCount())]
    values = [int(n) for n in numbers if n and n.isdigit()]
    assert values == sorted(values) and len(values) >= 5


def test_the_unselected_write_tab_keeps_its_accent(sample_window: MainWindow) -> None:
    editor = sample_window.annotation_tools.panel.note_edit
    editor.setCurrentIndex(1)  # "Write" is the unselected tab
    bar = editor.tabBar()
    capital = bar.fontMetrics().boundingRect("É").height()
    assert bar.tabRect(0).height() >= capital + 8
