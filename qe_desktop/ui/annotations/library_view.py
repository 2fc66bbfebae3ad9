"""Every annotation of the library in one table: filter, search, jump to its question."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.annotation import AnchorState, AnnotationRecord, Category
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.annotations import AnnotationFilter
from qe_desktop.services.container import Services
from qe_desktop.ui.annotations.panel_model import RECORD_ROLE, local_date, short, state_label
from qe_desktop.ui.annotations.rendering import (
    category_color,
    category_label,
    color_icon,
    markdown_plain,
)
from qe_desktop.ui.columns import fit_columns

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")
SEARCH_DELAY_MS = 250

COLUMNS = ("question", "quote", "category", "note", "tags", "creator", "modified", "state")
HEADERS = {
    "question": QT_TRANSLATE_NOOP("AllAnnotations", "Question"),
    "quote": QT_TRANSLATE_NOOP("AllAnnotations", "Quote"),
    "category": QT_TRANSLATE_NOOP("AllAnnotations", "Category"),
    "note": QT_TRANSLATE_NOOP("AllAnnotations", "Note"),
    "tags": QT_TRANSLATE_NOOP("AllAnnotations", "Tags"),
    "creator": QT_TRANSLATE_NOOP("AllAnnotations", "Author"),
    "modified": QT_TRANSLATE_NOOP("AllAnnotations", "Modified"),
    "state": QT_TRANSLATE_NOOP("AllAnnotations", "State"),
}

COLUMN_WIDTHS = {
    "question": 190,
    "quote": 250,
    "category": 115,
    "note": 220,
    "tags": 100,
    "creator": 90,
    "modified": 85,
}

_Index = QModelIndex | QPersistentModelIndex


class AllAnnotationsModel(QAbstractTableModel):
    """Immutable annotation records, one per row, with the title of their question."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnotationRecord] = []
        self._titles: dict[str, str] = {}
        self._categories: dict[str, Category] = {}

    def set_rows(
        self,
        records: Sequence[AnnotationRecord],
        titles: dict[str, str],
        categories: Sequence[Category],
    ) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self._titles = dict(titles)
        self._categories = {c.name: c for c in categories}
        self.endResetModel()

    def record_at(self, row: int) -> AnnotationRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return translate("AllAnnotations", str(HEADERS[COLUMNS[section]]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "category":
            return color_icon(category_color(record.category, self._categories))
        if role == Qt.ItemDataRole.ToolTipRole and column in ("quote", "note"):
            return record.selector.exact if column == "quote" else record.note or None
        if role == Qt.ItemDataRole.UserRole and column == "modified":
            return record.modified.isoformat()  # sorts by time, not by the shown date
        if role == RECORD_ROLE:
            return record
        return None

    def _text(self, record: AnnotationRecord, column: str) -> str:
        if column == "question":
            return self._titles.get(record.question_key, record.question_key)
        if column == "quote":
            return short(record.selector.exact, 120)
        if column == "category":
            return category_label(record.category, self._categories)
        if column == "note":
            return short(markdown_plain(record.note), 120)
        if column == "tags":
            return ", ".join(record.tags)
        if column == "creator":
            return record.creator
        if column == "modified":
            return local_date(record.modified)
        return state_label(record.anchor_state)


class _SortProxy(QSortFilterProxyModel):
    def lessThan(self, left: _Index, right: _Index) -> bool:
        if COLUMNS[left.column()] == "modified":
            return str(left.data(Qt.ItemDataRole.UserRole)) < str(
                right.data(Qt.ItemDataRole.UserRole)
            )
        return super().lessThan(left, right)


class AllAnnotationsDialog(QDialog):
    jump_requested = Signal(object)  # AnnotationRecord

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("All annotations"))
        self.resize(1180, 600)
        self.model = AllAnnotationsModel(self)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search quotes, notes and tags"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.tag = QComboBox()
        self.creator = QComboBox()
        self.state = QComboBox()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (self.category, self.tag, self.creator, self.state):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.reload)
            filters.addWidget(combo)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's newest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fit_columns(self.table, {COLUMNS.index(c): w for c, w in COLUMN_WIDTHS.items()})
        self.table.doubleClicked.connect(self._on_double_click)
        self.count = QLabel()
        self.count.setStyleSheet("color:#666")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def current_filter(self) -> AnnotationFilter:
        return AnnotationFilter(
            text=self.search.text(),
            category=self.category.currentData(),
            tag=self.tag.currentData(),
            creator=self.creator.currentData(),
            anchor_state=AnchorState(state) if (state := self.state.currentData()) else None,
        )

    def refresh_choices(self) -> None:
        """Fill the filters from what the library holds (kept when still possible)."""
        annotations = self.services.annotations
        categories = [(c.label, c.name) for c in annotations.categories()]
        tags = [("#" + t, t) for t in annotations.tags()]
        creators = sorted(annotations.creators(), key=str.casefold)
        states = [(state_label(s), s.value) for s in (AnchorState.REVIEW, AnchorState.ORPHAN)]
        for combo, first, items in (
            (self.category, self.tr("All categories"), categories),
            (self.tag, self.tr("All tags"), tags),
            (self.creator, self.tr("All authors"), [(c, c) for c in creators]),
            (self.state, self.tr("All states"), states),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self._timer.stop()
        records, total = self.services.annotations.search_page(self.current_filter())
        keys = tuple(sorted({r.question_key for r in records}))
        titles: dict[str, str] = {}
        if keys:
            rows = self.services.questions.rows(QuestionFilter(keys=keys), Sort(), limit=len(keys))
            for row in rows:
                number = f"n° {row.number}" if row.number else ""
                titles[row.key] = " — ".join(x for x in (number, row.title) if x) or row.key
        self.model.set_rows(records, titles, self.services.annotations.categories())
        self.count.setText(self.tr("%n annotation(s)", "", total))

    def _on_double_click(self, index: QModelIndex) -> None:
        record = self.model.record_at(self.proxy.mapToSource(index).row())
        if record is not None:
            self.jump_requested.emit(record)
