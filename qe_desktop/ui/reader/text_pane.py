"""One read-only text (question or answer) with search terms and highlights drawn on it.

The pane never loads anything from outside: links are not followed and every
resource request is refused, so a hostile page cannot reach the network.
Highlights are drawn as extra selections over the canonical text, so the text
itself (and the offsets that annotations refer to) is never altered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from qe_desktop.domain.folding import fold
from qe_desktop.ui.palette_colors import muted_text_color
from qe_desktop.ui.reader.offsets import from_qt, to_qt

SEARCH_HIGHLIGHT = "#fff3a3"
FLASH_COLOR = "#ff7b00"
FLASH_MS = 900
PARAGRAPH_SPACING = 9  # pixels between paragraphs: the layout of the official text
NOTE_MARKER = "✎"


def find_terms(
    text: str, words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...] = ()
) -> list[tuple[int, int]]:
    """Spans of whole words matching any search word, accent- and case-insensitively, and
    of each searched phrase as one span: its words in a row, what lies between them
    included ("numérique responsable" is one mark, not two), as the search matched it.
    """
    folded_words = {fold(w) for w in words if w}
    folded_phrases = sorted(
        {tuple(fold(w) for w in phrase) for phrase in phrases if phrase}, key=len, reverse=True
    )
    if not folded_words and not folded_phrases:
        return []
    tokens = [(fold(m.group()), m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    folded = [token for token, _, _ in tokens]
    spans = []
    at = 0
    while at < len(tokens):
        for phrase in folded_phrases:
            if tuple(folded[at : at + len(phrase)]) == phrase:
                spans.append((tokens[at][1], tokens[at + len(phrase) - 1][2]))
                at += len(phrase)
                break
        else:
            if folded[at] in folded_words:
                spans.append((tokens[at][1], tokens[at][2]))
            at += 1
    return spans


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def _inside[S: _Spanned](marks: Iterable[S], size: int) -> tuple[S, ...]:
    """The marks that lie within a text of `size` code points (the others are dropped)."""
    return tuple(m for m in marks if 0 <= m.start < m.end <= size)


def _innermost[S: _Spanned](marks: Iterable[S], offset: int) -> S | None:
    """The shortest mark covering `offset`: the one drawn on top of the others there."""
    covering = [m for m in marks if m.start <= offset < m.end]
    return min(covering, key=lambda m: m.end - m.start, default=None)


@dataclass(frozen=True, slots=True)
class PaneHighlight:
    """A coloured span of the canonical text (code points), as the pane draws it."""

    id: str
    start: int
    end: int
    color: str  # "#rrggbb"
    # Rich text shown on hover, or what makes it: a note's Markdown is rendered when the
    # mouse rests on it, not for each of 300 highlights when a question opens (#25).
    tooltip: str | Callable[[], str] = ""
    has_note: bool = False
    review: bool = False  # re-anchored with edits: drawn hatched, to be checked


class TextPane(QTextBrowser):
    context_menu_requested = Signal(QMenu, int)  # the menu about to open, code-point offset

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self._text = ""
        self._search_selections: list[QTextEdit.ExtraSelection] = []
        self._highlights: tuple[PaneHighlight, ...] = ()
        # The highlights' selections, built once per text and set of highlights: suggestions,
        # coverage and search terms redraw several times as a question opens (#25).
        self._highlight_selections: list[QTextEdit.ExtraSelection] | None = None
        self._flash: tuple[int, int] | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(14)

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        return None  # no image, style sheet or anything else is ever fetched

    @property
    def canonical(self) -> str:
        return self._text

    @property
    def highlights(self) -> tuple[PaneHighlight, ...]:
        return self._highlights

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
            self.setHtml(f"<p style='color:{muted_text_color()}'><i>{placeholder}</i></p>")
            self._text = ""
        self._search_selections = []
        self._highlights = ()
        self._highlight_selections = None
        self._flash = None
        self._apply_selections()

    # -- drawing -------------------------------------------------------------------
    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_qt(self._text, start))
        cursor.setPosition(to_qt(self._text, end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(start, end)
        selection.format = fmt
        return selection

    def highlight_terms(
        self, words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...] = ()
    ) -> int:
        """Highlight search words and phrases; returns how many places were marked."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(SEARCH_HIGHLIGHT))
        fmt.setFontWeight(QFont.Weight.Bold)
        spans = find_terms(self._text, words, phrases)
        self._search_selections = [self._selection(start, end, fmt) for start, end in spans]
        self._apply_selections()
        return len(self._search_selections)

    def set_highlights(self, highlights: Sequence[PaneHighlight]) -> None:
        """Draw these highlights (replacing the previous ones); spans outside the text are
        dropped."""
        self._highlights = _inside(highlights, len(self._text))
        self._highlight_selections = None
        self._apply_selections()

    def _highlight_format(self, highlight: PaneHighlight) -> QTextCharFormat:
        fmt = QTextCharFormat()
        color = QColor(highlight.color)
        if highlight.review:
            fmt.setBackground(QBrush(color.darker(115), Qt.BrushStyle.BDiagPattern))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor("#c1121f"))
        else:
            fmt.setBackground(color)
        if highlight.has_note and not highlight.review:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(color.darker(170))
        fmt.setProperty(QTextFormat.Property.UserProperty, highlight.id)
        return fmt

    def _apply_selections(self) -> None:
        if self._highlight_selections is None:
            self._highlight_selections = [
                self._selection(h.start, h.end, self._highlight_format(h)) for h in self._highlights
            ]
        selections = list(self._highlight_selections)
        selections[:0] = self._suggestion_selections()  # dashed, under the highlights
        selections[:0] = self._coverage_selections()  # demands and their evidence (ui/coverage)
        selections.extend(self._search_selections)
        if self._flash is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(FLASH_COLOR))
            fmt.setForeground(QColor("white"))
            selections.append(self._selection(*self._flash, fmt))
        self.setExtraSelections(selections)
        self.viewport().update()

    def flash(self, start: int, end: int, duration_ms: int = FLASH_MS) -> None:
        """Scroll to a span and make it blink briefly, so the eye finds it."""
        start, end = max(0, start), min(end, len(self._text))
        if start >= end:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_qt(self._text, start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        top = self.cursorRect(cursor).top()
        bottom = self.cursorRect(self._cursor(end, end)).bottom()
        bar = self.verticalScrollBar()
        middle = (top + bottom) // 2 - self.viewport().height() // 2
        bar.setValue(bar.value() + (middle if bottom - top < self.viewport().height() else top))
        self._flash = (start, end)
        self._apply_selections()
        self._flash_timer.start(duration_ms)

    @property
    def flashing(self) -> tuple[int, int] | None:
        return self._flash

    def _end_flash(self) -> None:
        self._flash = None
        self._apply_selections()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        noted = [h for h in self._highlights if h.has_note]
        if noted:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for highlight in noted:
                self._paint_note_badge(painter, highlight)
            painter.end()

    def _paint_note_badge(self, painter: QPainter, highlight: PaneHighlight) -> None:
        """A small pencil badge at the top right of the highlight's end: it has a note."""
        rect = self.cursorRect(self._cursor(highlight.end, highlight.end))
        size = max(13, rect.height() * 3 // 5)
        badge = QRect(rect.left() - size // 3, rect.top() - size // 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(highlight.color).darker(185))
        painter.drawEllipse(badge)
        font = painter.font()
        font.setPixelSize(max(8, size - 3))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, NOTE_MARKER)

    # -- reading positions -----------------------------------------------------------
    def offset_at(self, viewport_pos: QPoint) -> int:
        """Code-point offset of the character under a point of the viewport."""
        return from_qt(self._text, self.cursorForPosition(viewport_pos).position())

    def highlight_at(self, offset: int) -> PaneHighlight | None:
        """The innermost highlight covering this offset (the shortest one)."""
        return _innermost(self._highlights, offset)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as canonical code-point offsets, trimmed of spaces."""
        cursor = self.textCursor()
        if not self._text or not cursor.hasSelection():
            return None
        start = from_qt(self._text, cursor.selectionStart())
        end = from_qt(self._text, cursor.selectionEnd())
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        self.setTextCursor(self._cursor(start, end))

    # -- events ----------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            highlight = self.highlight_at(self.offset_at(event.pos())) if self._text else None
            tip = highlight.tooltip if highlight is not None else ""
            if callable(tip):
                tip = tip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        offset = self.offset_at(event.pos()) if self._text else -1  # viewport coordinates
        self.context_menu_requested.emit(menu, offset)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def zoom(self, steps: int) -> None:
        if steps > 0:
            self.zoomIn(steps)
        elif steps < 0:
            self.zoomOut(-steps)

    # -- commitment suggestions (qe_desktop/ui/commitments): dashed, under highlights ------
    def set_suggestion_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        """Mark suggested passages of the text shown now (dashed underline, faint tint).

        The spans belong to this text: once another text is shown they are not drawn.
        """
        size = len(self._text)
        kept = tuple((start, end) for start, end in spans if 0 <= start < end <= size)
        self._suggestions = (self._text, kept)
        self._apply_selections()

    @property
    def suggestion_spans(self) -> tuple[tuple[int, int], ...]:
        text, spans = getattr(self, "_suggestions", ("", ()))
        return spans if text == self._text else ()

    def _suggestion_selections(self) -> list[QTextEdit.ExtraSelection]:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffead2"))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor("#e76f51"))
        return [self._selection(start, end, fmt) for start, end in self.suggestion_spans]

    # -- answer coverage (qe_desktop/ui/coverage): demands underlined, evidence tinted ------
    def set_coverage_marks(self, marks: Sequence[CoverageMark]) -> None:
        """Draw coverage marks over the text shown now (dropped once another text is shown)."""
        self._coverage = (self._text, _inside(marks, len(self._text)))
        self._apply_selections()

    @property
    def coverage_marks(self) -> tuple[CoverageMark, ...]:
        text, marks = getattr(self, "_coverage", ("", ()))
        return marks if text == self._text else ()

    def _coverage_selections(self) -> list[QTextEdit.ExtraSelection]:
        selections = []
        for mark in self.coverage_marks:
            fmt = QTextCharFormat()
            color = QColor(mark.color)
            if mark.underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(color)
            if mark.active:
                tint = QColor(color)
                tint.setAlpha(70)
                fmt.setBackground(tint)
            selections.append(self._selection(mark.start, mark.end, fmt))
        return selections


@dataclass(frozen=True, slots=True)
class CoverageMark:
    """A demand (underlined) or a piece of evidence, tinted when its link is active."""

    start: int
    end: int
    color: str
    demand: int  # index of the demand it belongs to
    underline: bool = False
    active: bool = False
