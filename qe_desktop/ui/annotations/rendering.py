"""How an annotation looks: colour swatches, hover text, and its span in a pane."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QTextDocument

from qe_desktop.domain.annotation import AnchorState, AnnotationRecord, Category, Part
from qe_desktop.ui.palette_colors import muted_text_color
from qe_desktop.ui.reader.text_pane import PaneHighlight

FALLBACK_COLOR = "#cccccc"
TOOLTIP_NOTE_CHARS = 600


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def color_icon(color: str, size: int = 16) -> QIcon:
    """A rounded colour swatch, for category buttons, menus and lists."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor(color).darker(160))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def category_map(categories: Iterable[Category]) -> dict[str, Category]:
    return {c.name: c for c in categories}


def category_label(name: str, categories: dict[str, Category]) -> str:
    category = categories.get(name)
    return category.label if category else name


def category_color(name: str, categories: dict[str, Category]) -> str:
    category = categories.get(name)
    return category.color if category else FALLBACK_COLOR


def markdown_html(note: str) -> str:
    """A Markdown note as HTML fragment (Qt's own Markdown reader: no network, no script)."""
    document = QTextDocument()
    document.setMarkdown(note)
    html = document.toHtml()
    body = html.find("<body")
    return html[html.find(">", body) + 1 : html.rfind("</body>")] if body >= 0 else html


@lru_cache(maxsize=2048)
def markdown_plain(note: str) -> str:
    """A Markdown note as read, without its marks (for one-line excerpts)."""
    document = QTextDocument()
    document.setMarkdown(note)
    return document.toPlainText()


def tooltip_html(record: AnnotationRecord, categories: dict[str, Category]) -> str:
    parts = [f"<b>{escape(category_label(record.category, categories))}</b>"]
    if record.tags:
        parts[0] += " · " + escape(", ".join(record.tags))
    if record.anchor_state is AnchorState.REVIEW:
        before = escape(record.previous_exact or "", quote=False)
        warning = escape(translate("Annotations", "To check: the text changed."))
        label = escape(translate("Annotations", "Before:"))
        parts.append(f"<i>{warning}</i><br>{label} «{before}»")
    if record.note:
        note = record.note
        if len(note) > TOOLTIP_NOTE_CHARS:
            note = note[:TOOLTIP_NOTE_CHARS] + "…"
        parts.append(markdown_html(note))
    parts.append(f"<span style='color:{muted_text_color()}'>{escape(record.creator)}</span>")
    return "<qt>" + "<br>".join(parts) + "</qt>"


def pane_highlights(
    records: Sequence[AnnotationRecord], categories: Sequence[Category], part: Part
) -> list[PaneHighlight]:
    """The placed (not orphan) highlights of one part, ready for TextPane.set_highlights."""
    by_name = category_map(categories)
    return [
        PaneHighlight(
            id=r.id,
            start=r.selector.start,
            end=r.selector.end,
            color=category_color(r.category, by_name),
            tooltip=partial(tooltip_html, r, by_name),
            has_note=bool(r.note.strip()),
            review=r.anchor_state is AnchorState.REVIEW,
        )
        for r in records
        if r.part is part and not r.deleted and r.anchor_state is not AnchorState.ORPHAN
    ]
