"""Small editors of the side panel: tags with completion, Markdown with a preview."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QUrl, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from qe_desktop.domain.annotation import sorted_tags


def split_tags(text: str) -> tuple[str, ...]:
    """ "IA, budget,  IA" -> ("IA", "budget"): trimmed, no duplicates, in typing order."""
    seen: dict[str, None] = {}
    for piece in text.split(","):
        name = " ".join(piece.split())
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


class TagsEdit(QLineEdit):
    """Comma-separated tags; completes the tag being typed from the library's tags."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Tags, separated by commas"))
        self._names = QStringListModel(self)
        self.completer_popup = QCompleter(self._names, self)
        self.completer_popup.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_popup.setWidget(self)
        self.completer_popup.activated.connect(self._insert)
        self.textEdited.connect(self._complete)

    def set_known_tags(self, names: Iterable[str]) -> None:
        self._names.setStringList(list(sorted_tags(set(names))))

    def tags(self) -> tuple[str, ...]:
        return split_tags(self.text())

    def set_tags(self, tags: Iterable[str]) -> None:
        self.setText(", ".join(tags))

    def _current_prefix(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(",", 1)[-1].lstrip()

    def _complete(self) -> None:
        prefix = self._current_prefix()
        self.completer_popup.setCompletionPrefix(prefix)
        if prefix and self.completer_popup.completionCount() > 0:
            self.completer_popup.complete()
        elif (popup := self.completer_popup.popup()) is not None:
            popup.hide()

    def _insert(self, name: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        self.setText(f"{head}{name}, {after.lstrip(', ')}".rstrip())
        self.setCursorPosition(len(head) + len(name) + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer_popup.popup()
        if (
            popup is not None
            and popup.isVisible()
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.ignore()  # the completer takes it
            return
        super().keyPressEvent(event)


class FocusOutPlainTextEdit(QPlainTextEdit):
    """A plain text editor that says when it loses the focus (time to save)."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class OfflineBrowser(QTextBrowser):
    """Rendered Markdown that never fetches an image or follows a link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        return None


class MarkdownEdit(QTabWidget):
    """A Markdown note: a "Write" tab and a "Preview" tab rendered by Qt (no network)."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = FocusOutPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Note (Markdown: **bold**, *italic*, - lists)"))
        self.editor.focus_lost.connect(self.focus_lost)
        self.preview = OfflineBrowser()
        self.addTab(self.editor, self.tr("Write"))
        self.addTab(self.preview, self.tr("Preview"))
        self.setDocumentMode(True)
        # Tall enough for "É" at any zoom: an unselected tab keeps its accent.
        metrics = self.tabBar().fontMetrics()
        accent = metrics.boundingRect("ÉÀÇ").height()
        self.tabBar().setStyleSheet(
            f"QTabBar::tab {{ min-height: {accent + 8}px; padding: 2px 10px; }}"
        )
        self.currentChanged.connect(self._render)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        self._render()

    def _render(self) -> None:
        if self.currentWidget() is self.preview:
            self.preview.setMarkdown(self.editor.toPlainText())
