"""One read-only text (question or answer) with search-term highlighting.

The pane never loads anything from outside: links are not followed and every
resource request is refused, so a hostile page cannot reach the network.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from qe_desktop.ui.reader.offsets import to_qt

SEARCH_HIGHLIGHT = "#fff3a3"
PARAGRAPH_SPACING = 9  # pixels between paragraphs: the layout of the official text


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def find_terms(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of whole words matching any search word, accent- and case-insensitively."""
    if not words:
        return []
    folded_words = {_fold(w) for w in words if w}
    spans = []
    for match in re.finditer(r"\w+", text):
        if _fold(match.group()) in folded_words:
            spans.append((match.start(), match.end()))
    return spans


class TextPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self._text = ""
        self._search_selections: list[QTextEdit.ExtraSelection] = []
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(14)

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        return None  # no image, style sheet or anything else is ever fetched

    @property
    def canonical(self) -> str:
        return self._text

    def show_text(self, text: str, placeholder: str = "") -> None:
        self._text = text
        if text:
            self.setPlainText(text)
            spacing = QTextBlockFormat()
            spacing.setBottomMargin(PARAGRAPH_SPACING)
            cursor = QTextCursor(self.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(spacing)
        else:
            self.setHtml(f"<p style='color:#6c757d'><i>{placeholder}</i></p>")
            self._text = ""
        self._search_selections = []
        self.setExtraSelections([])

    def highlight_terms(self, words: tuple[str, ...]) -> int:
        """Highlight search words; returns how many places were marked."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(SEARCH_HIGHLIGHT))
        fmt.setFontWeight(QFont.Weight.Bold)
        selections = []
        for start, end in find_terms(self._text, words):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(to_qt(self._text, start))
            cursor.setPosition(to_qt(self._text, end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        self._search_selections = selections
        self.setExtraSelections(selections)
        return len(selections)

    def zoom(self, steps: int) -> None:
        if steps > 0:
            self.zoomIn(steps)
        elif steps < 0:
            self.zoomOut(-steps)
