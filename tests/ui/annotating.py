"""Helpers for the annotation window tests: open the seed question, select, read colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from qe_desktop.services.container import Services
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.reader.offsets import from_qt
from qe_desktop.ui.reader.text_pane import TextPane
from tests.conftest import SEED

QUOTE = "l'ensemble des ministères présenteront d'ici juin 2025"
FIGURE = "Convergence IA"


def open_seed(window: MainWindow, services: Services) -> str:
    """Import the seed question and open it in the window; returns its key."""
    key = services.importing.import_paths([SEED]).keys[0]
    window.refresh()
    window.show_question(key)
    assert window.reader.detail is not None and window.reader.detail.key == key
    return key


def select(pane: TextPane, quote: str) -> tuple[int, int]:
    """Select a quote in a pane as a user would (focus, then a text selection)."""
    start = pane.canonical.index(quote)
    pane.setFocus()
    pane.select_span(start, start + len(quote))
    return start, start + len(quote)


def painted(pane: TextPane) -> list[tuple[int, int, str]]:
    """What the pane draws over its text: (start, end, background colour) in code points."""
    result = []
    for selection in pane.extraSelections():
        cursor = selection.cursor
        brush = selection.format.background()
        result.append(
            (
                from_qt(pane.canonical, cursor.selectionStart()),
                from_qt(pane.canonical, cursor.selectionEnd()),
                QColor(brush.color()).name(),
            )
        )
    return result


def category_color(services: Services, name: str) -> str:
    return next(c.color for c in services.annotations.categories() if c.name == name)


def shortcut(qtbot, widget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """Press a key chord, then let go of the modifiers (QTest leaves them held down
    for the whole application otherwise, which changes later clicks and selections)."""
    qtbot.keyClick(widget, key, modifiers)
    qtbot.keyRelease(widget, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)
