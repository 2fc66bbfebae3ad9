"""Highlighting in the reader: shortcuts, toolbar, context menu, colours, notes, restart."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextFormat
from PySide6.QtWidgets import QMenu, QToolTip

from qe_desktop.domain.annotation import AnchorState, Part
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.reader.offsets import to_qt
from qe_desktop.ui.reader.text_pane import TextPane
from tests.ui.annotating import FIGURE, QUOTE, category_color, open_seed, painted, select, shortcut


def test_ctrl_2_highlights_the_selection_as_the_second_category(
    qtbot, window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    pane = window.reader.answer_pane
    start, end = select(pane, QUOTE)
    shortcut(qtbot, pane, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    [record] = services.annotations.for_question(key)
    assert record.selector.exact == QUOTE
    assert (record.part, record.category) == (Part.ANSWER, "chiffre")
    assert (start, end, category_color(services, "chiffre")) in painted(pane)
    assert window.annotation_tools.panel.model.rowCount() == 1


def test_without_a_selection_nothing_is_created_and_the_user_is_told(
    window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    window.annotation_tools.highlight_actions[0].trigger()
    assert services.annotations.for_question(key) == []
    assert "Select a passage" in window.statusBar().currentMessage()


def test_a_highlight_is_still_there_after_closing_and_reopening_the_library(
    qtbot, window: MainWindow, services: Services, settings, db_path: Path
) -> None:
    key = open_seed(window, services)
    start, end = select(window.reader.question_pane, "intelligence artificielle")
    window.annotation_tools.highlight_actions[0].trigger()  # the Engagement button
    window.close()
    services.database.close()

    reopened = Services.build(open_library(db_path), "testeur")
    again = MainWindow(reopened, settings)
    qtbot.addWidget(again)
    again.refresh()
    again.show_question(key)
    [record] = reopened.annotations.for_question(key)
    assert (record.part, record.selector.start, record.selector.end) == (Part.QUESTION, start, end)
    expected = (start, end, category_color(reopened, "engagement"))
    assert expected in painted(again.reader.question_pane)
    assert again.annotation_tools.panel.model.rowCount() == 1
    reopened.database.close()


def test_a_note_shows_a_marker_and_its_text_on_hover(
    qtbot, window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    pane = window.reader.answer_pane
    start = pane.canonical.index(QUOTE)
    services.annotations.create(
        key, Part.ANSWER, start, start + len(QUOTE), "engagement", note="Relancer **en juin**"
    )
    window.open_question(key)
    [highlight] = pane.highlights
    assert highlight.has_note
    pane.flash(start, start + len(QUOTE), duration_ms=10_000)  # scrolls it into view
    cursor = pane.textCursor()
    cursor.setPosition(to_qt(pane.canonical, start + 5))
    point = pane.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    pane.viewportEvent(event)
    assert "Relancer" in QToolTip.text() and "en juin" in QToolTip.text()
    assert "<b>en juin</b>" in QToolTip.text() or "font-weight" in QToolTip.text()
    outside = QPoint(2, 2)
    pane.viewportEvent(
        QHelpEvent(QEvent.Type.ToolTip, outside, pane.viewport().mapToGlobal(outside))
    )
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)


def test_context_menu_highlights_recolours_and_deletes(
    window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    controller = window.annotation_tools.controller
    pane = window.reader.answer_pane
    start, _ = select(pane, FIGURE)
    menu = QMenu()
    controller.extend_menu(pane, menu, start)
    texts = [a.text() for a in menu.actions()]
    assert "Highlight as Élusion" in texts
    next(a for a in menu.actions() if a.text() == "Highlight as Élusion").trigger()
    [record] = services.annotations.for_question(key)
    assert (record.selector.exact, record.category) == (FIGURE, "elusion")

    menu = QMenu()
    controller.extend_menu(pane, menu, start + 2)
    recolour = next(a.menu() for a in menu.actions() if a.text() == "Change category")
    next(a for a in recolour.actions() if a.text() == "Chiffre").trigger()
    assert services.annotations.get(record.id).category == "chiffre"
    assert (start, start + len(FIGURE), category_color(services, "chiffre")) in painted(pane)

    menu = QMenu()
    controller.extend_menu(pane, menu, start + 2)
    next(a for a in menu.actions() if a.text() == "Delete the highlight").trigger()
    assert services.annotations.for_question(key) == []
    assert pane.highlights == ()


def test_clicking_an_annotation_in_the_panel_flashes_it(
    qtbot, window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    start = window.reader.answer_pane.canonical.index(QUOTE)
    services.annotations.create(key, Part.ANSWER, start, start + len(QUOTE), "engagement")
    window.open_question(key)
    panel = window.annotation_tools.panel
    index = panel.model.index(0, 0)
    qtbot.mouseClick(
        panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualRect(index).center()
    )
    pane = window.reader.answer_pane
    assert pane.flashing == (start, start + len(QUOTE))
    assert any(color == "#ff7b00" for _, _, color in painted(pane))
    qtbot.waitUntil(lambda: pane.flashing is None, timeout=3000)


def _drawn_style(pane: TextPane, annotation_id: str) -> Qt.BrushStyle:
    """The background style of the selection that draws one highlight."""
    [style] = [
        s.format.background().style()
        for s in pane.extraSelections()
        if s.format.property(QTextFormat.Property.UserProperty) == annotation_id
    ]
    return style


def test_a_passage_to_check_is_drawn_differently_and_can_be_confirmed(
    window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    start = window.reader.answer_pane.canonical.index(QUOTE)
    created = services.annotations.create(key, Part.ANSWER, start, start + len(QUOTE), "chiffre")
    services.annotations.update(
        dataclasses.replace(
            created,
            anchor_state=AnchorState.REVIEW,
            previous_exact="l'ensemble des ministères présenteront d'ici mai 2025",
        )
    )
    window.open_question(key)
    pane = window.reader.answer_pane
    assert _drawn_style(pane, created.id) == Qt.BrushStyle.BDiagPattern
    panel = window.annotation_tools.panel
    assert panel.select_annotation(created.id)
    shown = panel.state_text.text()
    assert "mai 2025" in shown and "juin 2025" in shown  # old and new text
    assert panel.confirm_button.isVisibleTo(panel)
    panel.confirm_button.click()
    assert services.annotations.get(created.id).anchor_state is AnchorState.ANCHORED
    assert _drawn_style(pane, created.id) == Qt.BrushStyle.SolidPattern


def test_search_terms_and_highlights_are_drawn_together(
    window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    pane = window.reader.answer_pane
    start = pane.canonical.index(QUOTE)
    services.annotations.create(key, Part.ANSWER, start, start + len(QUOTE), "engagement")
    window.open_question(key)
    window.reader.highlight(("Vivatech",))
    colours = {color for _, _, color in painted(pane)}
    assert category_color(services, "engagement") in colours
    assert "#fff3a3" in colours


def test_the_list_counts_a_new_highlight_at_once_and_forgets_it_after_undo(
    qtbot, window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    model = window.library.model
    row = model.row_of_key(key)
    notes = model.index(row, model.column_of("annotation_count"))
    assert notes.data() == ""
    select(window.reader.answer_pane, QUOTE)
    with qtbot.waitSignal(model.dataChanged):
        window.annotation_tools.highlight_actions[1].trigger()
    assert model.index(row, model.column_of("annotation_count")).data() == "1"
    window.annotation_tools.undo_action.trigger()
    assert model.index(row, model.column_of("annotation_count")).data() == ""
