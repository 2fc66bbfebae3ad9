"""The library table's model: immutable rows, fetched page by page from the service.

Sorting and filtering are done by the database; the model only holds the rows
the view has scrolled through so far (canFetchMore / fetchMore).
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, QuestionRow, Sort
from qe_desktop.services.questions import QuestionService

PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_COLORS = {
    Status.ANSWERED: "#2a9d8f",
    Status.PENDING: "#457b9d",
    Status.OVERDUE: "#d62828",
    Status.WITHDRAWN: "#6c757d",
    Status.LAPSED: "#8d99ae",
}

Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("number", "N°"),
        ("chamber", "Chamber"),
        ("published_on", "Published"),
        ("author", "Author"),
        ("group", "Group"),
        ("ministry", "Ministry"),
        ("title", "Title"),
        ("status", "Status"),
        ("delay_days", "Delay (days)"),
        ("annotation_count", "Notes"),
    ]

    def __init__(self, service: QuestionService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._rows: list[QuestionRow] = []
        self._total = 0
        self._filter = QuestionFilter()
        self._sort = Sort()
        self._headers = [self.tr(label) for _, label in self.COLUMNS]
        self._status_labels = {
            Status.ANSWERED: self.tr("answered"),
            Status.PENDING: self.tr("pending"),
            Status.OVERDUE: self.tr("overdue"),
            Status.WITHDRAWN: self.tr("withdrawn"),
            Status.LAPSED: self.tr("lapsed"),
        }

    # -- loading -----------------------------------------------------------
    @property
    def current_filter(self) -> QuestionFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, flt: QuestionFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._service.count(self._filter)
        self._rows = self._fetch(0)
        self.endResetModel()

    def _fetch(self, offset: int) -> list[QuestionRow]:
        sort = self._sort
        if self._filter.text and sort.column == "published_on" and sort.descending:
            sort = Sort("rank")  # with a search, best matches first unless asked otherwise
        return self._service.rows(self._filter, sort, offset=offset, limit=PAGE_SIZE)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._fetch(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort = Sort(self.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # -- access ------------------------------------------------------------
    def row_at(self, row: int) -> QuestionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_key(self, key: str) -> int:
        for i, row in enumerate(self._rows):
            if row.key == key:
                return i
        return -1

    # -- Qt model API ------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "title":
                return row.title
            if row.snippet:
                return row.snippet.replace("[[", "«").replace("]]", "»")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QBrush(QColor(STATUS_COLORS[row.status]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            "delay_days",
            "annotation_count",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: QuestionRow, column: str) -> str:
        if column == "number":
            return row.number or "—"
        if column == "chamber":
            return "AN" if row.chamber == "an" else "Sénat"
        if column == "published_on":
            return row.published_on.strftime("%d/%m/%Y") if row.published_on else ""
        if column == "status":
            return self._status_labels[row.status]
        if column == "delay_days":
            return "" if row.delay_days is None else str(row.delay_days)
        if column == "annotation_count":
            return str(row.annotation_count) if row.annotation_count else ""
        return str(getattr(row, column) or "")
