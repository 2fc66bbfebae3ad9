"""How two library columns are drawn: status as a coloured pill, title with its search excerpt.

Both read plain values from the model (STATUS_ROLE, SNIPPET_ROLE) and only paint:
no data is fetched here.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from qe_desktop.domain.status import Status
from qe_desktop.ui.labels import STATUS_COLORS
from qe_desktop.ui.library_model import SNIPPET_ROLE, STATUS_ROLE

Index = QModelIndex | QPersistentModelIndex

MATCH_BACKGROUND = "#fff3a3"
_MARK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def snippet_segments(snippet: str) -> list[tuple[str, bool]]:
    """Split a `[[term]]`-marked excerpt into (text, is_match) runs, on one line."""
    flat = " ".join(snippet.split())
    segments: list[tuple[str, bool]] = []
    position = 0
    for match in _MARK.finditer(flat):
        if match.start() > position:
            segments.append((flat[position : match.start()], False))
        if match.group(1):
            segments.append((match.group(1), True))
        position = match.end()
    if position < len(flat):
        segments.append((flat[position:], False))
    return segments


class _CellDelegate(QStyledItemDelegate):
    def _draw_background(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """The cell's usual background and selection, without its text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)


class StatusBadgeDelegate(_CellDelegate):
    """The status as a rounded pill in the status colour, white text."""

    H_PADDING = 7
    MARGIN = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(STATUS_ROLE)  # a str once through QVariant
        if value not in Status._value2member_map_:
            super().paint(painter, option, index)
            return
        status = Status(value)
        self._draw_background(painter, option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
        font.setBold(True)
        metrics = QFontMetrics(font)
        cell: QRect = option.rect
        height = min(metrics.height() + 4, cell.height() - 4)
        room = cell.width() - 2 * self.MARGIN
        width = min(metrics.horizontalAdvance(text) + 2 * self.H_PADDING + 2, room)
        pill = QRect(cell.left() + self.MARGIN, 0, max(width, 0), height)
        pill.moveTop(cell.top() + (cell.height() - height) // 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLORS[status]))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        inner = pill.adjusted(self.H_PADDING - 1, 0, -self.H_PADDING + 1, 0)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignCenter), elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 2 * (self.H_PADDING + self.MARGIN), hint.height())


class TitleSnippetDelegate(_CellDelegate):
    """The title, and under it (while searching) the excerpt with matched words marked."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        snippet = str(index.data(SNIPPET_ROLE) or "")
        cell: QRect = option.rect
        title_font = QFont(option.font)
        if not snippet or cell.height() < 2 * QFontMetrics(title_font).height():
            super().paint(painter, option, index)
            return
        self._draw_background(painter, option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        area = cell.adjusted(4, 2, -4, -2)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title_metrics = QFontMetrics(title_font)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(text_color)
        top_line = QRect(area.left(), area.top(), area.width(), title_metrics.height())
        painter.drawText(
            top_line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()),
        )
        snippet_font = QFont(title_font)
        snippet_font.setPointSizeF(max(title_font.pointSizeF() * 0.9, 7.0))
        line = QRect(
            area.left(), top_line.bottom() + 1, area.width(), area.bottom() - top_line.bottom()
        )
        muted = text_color if selected else QColor("#5c636a")
        self._draw_snippet(painter, line, snippet, snippet_font, muted)
        painter.restore()

    @staticmethod
    def _draw_snippet(
        painter: QPainter, line: QRect, snippet: str, font: QFont, color: QColor
    ) -> None:
        plain = QFontMetrics(font)
        bold_font = QFont(font)
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        x = line.left()
        baseline = line.top() + (line.height() + plain.ascent() - plain.descent()) // 2
        for text, is_match in snippet_segments(snippet):
            metrics = bold if is_match else plain
            room = line.right() - x
            if room <= metrics.horizontalAdvance("…"):
                break
            shown = text
            if metrics.horizontalAdvance(text) > room:
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(shown)
            if is_match:
                mark = QRect(x, line.top() + 1, width, line.height() - 2)
                painter.fillRect(mark, QColor(MATCH_BACKGROUND))
                painter.setPen(QColor("#1f1f1f"))
                painter.setFont(bold_font)
            else:
                painter.setPen(color)
                painter.setFont(font)
            painter.drawText(x, baseline, shown)
            x += width
            if shown != text:
                break
