"""Undo and redo of create, edit, recolour and delete (Edit menu, Ctrl+Z, Ctrl+Shift+Z)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from qe_desktop.domain.annotation import AnnotationRecord
from qe_desktop.services.container import Services
from qe_desktop.ui.main_window import MainWindow
from tests.conftest import SAMPLES
from tests.ui.annotating import QUOTE, category_color, open_seed, painted, select, shortcut


def _highlight(window: MainWindow, services: Services) -> tuple[str, AnnotationRecord]:
    key = open_seed(window, services)
    select(window.reader.answer_pane, QUOTE)
    created = window.annotation_tools.controller.create("engagement")
    assert created is not None
    return key, created


def test_undo_and_redo_a_new_highlight_with_the_keyboard(
    qtbot, window: MainWindow, services: Services
) -> None:
    key, created = _highlight(window, services)
    pane = window.reader.answer_pane
    ctrl = Qt.KeyboardModifier.ControlModifier
    shortcut(qtbot, pane, Qt.Key.Key_Z, ctrl)
    assert services.annotations.for_question(key) == []
    assert pane.highlights == ()
    assert window.annotation_tools.panel.model.rowCount() == 0
    shortcut(qtbot, pane, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    [back] = services.annotations.for_question(key)
    assert (back.id, back.selector.exact) == (created.id, QUOTE)
    assert [h.id for h in pane.highlights] == [created.id]


def test_undo_and_redo_a_note_and_tags_edit(window: MainWindow, services: Services) -> None:
    _key, created = _highlight(window, services)
    tools = window.annotation_tools
    panel = tools.panel
    assert panel.select_annotation(created.id)
    panel.note_edit.set_text("Échéance : **juin 2025**")
    panel.tags_edit.setText("IA, suivi")
    panel.save_button.click()
    saved = services.annotations.get(created.id)
    assert (saved.note, saved.tags) == ("Échéance : **juin 2025**", ("IA", "suivi"))
    assert window.reader.answer_pane.highlights[0].has_note
    assert "Edit note" in tools.undo_action.text()
    tools.undo_action.trigger()
    undone = services.annotations.get(created.id)
    assert (undone.note, undone.tags) == ("", ())
    assert panel.note_edit.text() == ""
    assert not window.reader.answer_pane.highlights[0].has_note
    tools.redo_action.trigger()
    assert services.annotations.get(created.id).note == "Échéance : **juin 2025**"
    assert panel.tags_edit.tags() == ("IA", "suivi")


def test_undo_and_redo_a_recolour(window: MainWindow, services: Services) -> None:
    _key, created = _highlight(window, services)
    tools = window.annotation_tools
    panel = tools.panel
    panel.select_annotation(created.id)
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("important"))
    panel.category_combo.activated.emit(panel.category_combo.currentIndex())
    pane = window.reader.answer_pane
    span = (created.selector.start, created.selector.end)
    assert services.annotations.get(created.id).category == "important"
    assert (*span, category_color(services, "important")) in painted(pane)
    tools.undo_action.trigger()
    assert services.annotations.get(created.id).category == "engagement"
    assert (*span, category_color(services, "engagement")) in painted(pane)
    assert panel.category_combo.currentData() == "engagement"
    tools.redo_action.trigger()
    assert services.annotations.get(created.id).category == "important"


def test_undo_and_redo_a_delete(window: MainWindow, services: Services) -> None:
    key, created = _highlight(window, services)
    tools = window.annotation_tools
    tools.panel.select_annotation(created.id)
    tools.panel.note_edit.set_text("gardée")
    tools.panel.save_button.click()
    tools.panel.delete_button.click()
    assert services.annotations.for_question(key) == []
    tools.undo_action.trigger()
    [back] = services.annotations.for_question(key)
    assert (back.id, back.note) == (created.id, "gardée")
    assert [h.id for h in window.reader.answer_pane.highlights] == [created.id]
    tools.redo_action.trigger()
    assert services.annotations.for_question(key) == []
    # the whole history unwinds back to an empty question
    while tools.controller.undo_stack.canUndo():
        tools.undo_action.trigger()
    assert services.annotations.for_question(key) == []
    assert not tools.undo_action.isEnabled() and tools.redo_action.isEnabled()


def test_undo_of_a_change_in_another_question_still_applies(
    window: MainWindow, services: Services
) -> None:
    key, _created = _highlight(window, services)
    [other] = services.importing.import_paths([SAMPLES / "senat" / "qSEQ080203308.txt"]).keys
    window.refresh()
    window.open_question(other)
    window.annotation_tools.undo_action.trigger()
    assert services.annotations.for_question(key) == []
    assert key in window.statusBar().currentMessage()
