"""The annotations of the open question, as a list model of immutable records.

Filtering (category, tag, text, state) happens here: a question holds a few
dozen annotations at most, all already loaded for drawing the highlights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from qe_desktop.domain.annotation import AnchorState, AnnotationRecord, Category, Part
from qe_desktop.domain.folding import fold
from qe_desktop.ui.annotations.rendering import (
    category_color,
    category_label,
    color_icon,
    markdown_plain,
)

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_CHARS = 160
NOTE_CHARS = 120

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")

_Index = QModelIndex | QPersistentModelIndex


def short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def local_date(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y")


@dataclass(frozen=True, slots=True)
class PanelFilter:
    text: str = ""
    category: str | None = None
    tag: str | None = None
    state: AnchorState | None = None

    def accepts(self, record: AnnotationRecord) -> bool:
        if self.category is not None and record.category != self.category:
            return False
        if self.tag is not None and self.tag not in record.tags:
            return False
        if self.state is not None and record.anchor_state is not self.state:
            return False
        wanted = fold(self.text.strip())
        if not wanted:
            return True
        haystack = "\n".join((record.selector.exact, record.note, " ".join(record.tags)))
        return wanted in fold(haystack)


def state_label(state: AnchorState) -> str:
    if state is AnchorState.REVIEW:
        return translate("Annotations", "To check")
    if state is AnchorState.ORPHAN:
        return translate("Annotations", "Orphan")
    return ""


def _reading_order(record: AnnotationRecord) -> tuple[int, int, int]:
    """Question before answer, in text order; orphans (no place) at the end."""
    orphan = record.anchor_state is AnchorState.ORPHAN
    return (int(orphan), 0 if record.part is Part.QUESTION else 1, record.selector.start)


class AnnotationListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[AnnotationRecord] = []
        self._rows: list[AnnotationRecord] = []
        self._categories: dict[str, Category] = {}
        self._icons: dict[str, QIcon] = {}
        self._texts: dict[str, str] = {}  # display text by annotation id: views ask often
        self._filter = PanelFilter()

    # -- contents ------------------------------------------------------------------
    def set_records(
        self, records: Sequence[AnnotationRecord], categories: Sequence[Category]
    ) -> None:
        """New contents; rows keep their place (and the view its selection) when the same
        annotations are shown in the same order, only changed."""
        ordered = sorted((r for r in records if not r.deleted), key=_reading_order)
        rows = [r for r in ordered if self._filter.accepts(r)]
        same_rows = [r.id for r in rows] == [r.id for r in self._rows]
        if not same_rows:
            self.beginResetModel()
        self._all = ordered
        self._categories = {c.name: c for c in categories}
        self._icons = {}
        self._texts = {}
        self._rows = rows
        if not same_rows:
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 0))

    def set_filter(self, flt: PanelFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._rows = [r for r in self._all if flt.accepts(r)]
        self.endResetModel()

    @property
    def filter(self) -> PanelFilter:
        return self._filter

    @property
    def all_records(self) -> tuple[AnnotationRecord, ...]:
        return tuple(self._all)

    def record_at(self, row: int) -> AnnotationRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, annotation_id: str) -> int:
        for row, record in enumerate(self._rows):
            if record.id == annotation_id:
                return row
        return -1

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts.get(record.id)
            if text is None:
                text = self._texts[record.id] = self._display(record)
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(record.category)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.note or record.selector.exact
        if role == RECORD_ROLE:
            return record
        return None

    def _icon(self, category: str) -> QIcon:
        if category not in self._icons:
            self._icons[category] = color_icon(category_color(category, self._categories))
        return self._icons[category]

    def _display(self, record: AnnotationRecord) -> str:
        label = category_label(record.category, self._categories)
        state = state_label(record.anchor_state)
        first = f"[{state}] " if state else ""
        first += f"« {short(record.selector.exact, QUOTE_CHARS)} »"
        details = [label]
        if record.tags:
            details.append("#" + " #".join(record.tags))
        details.append(record.creator)
        details.append(local_date(record.modified))
        note = record.note.strip()
        last = "✎ " + short(markdown_plain(note), NOTE_CHARS) if note else ""
        return "\n".join([first, " · ".join(details), last])  # always three lines: see the view
