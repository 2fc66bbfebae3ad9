"""Left side of the reading desk: search box and the library table."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.services.questions import QuestionService
from qe_desktop.ui.library_model import ROW_ROLE, LibraryModel

SEARCH_DEBOUNCE_MS = 250


class LibraryPanel(QWidget):
    question_selected = Signal(str)  # key
    search_changed = Signal(str)

    def __init__(self, service: QuestionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(service, self)
        self.search = QLineEdit()
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(self.tr("Search titles, questions, answers, notes…"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555;")
        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((70, 55, 85, 140, 110, 180, 260, 80, 60, 50)):
            self.table.setColumnWidth(column, width)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._apply_search)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def reload(self) -> None:
        self.model.reload()
        self._update_count()

    def _apply_search(self) -> None:
        self._debounce.stop()
        text = self.search.text()
        if text == self.model.current_filter.text:
            return
        self.model.set_filter(dataclasses.replace(self.model.current_filter, text=text))
        self.search_changed.emit(text)
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(self.tr("%n question(s)", "", self.model.total))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            index = rows[-1] if not index.isValid() else index
        if index.isValid():
            row = self.model.data(self.model.index(index.row(), 0), ROW_ROLE)
            if row is not None:
                self.question_selected.emit(row.key)

    def select_key(self, key: str) -> bool:
        row = self.model.row_of_key(key)
        while row < 0 and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of_key(key)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            return True
        return False

    def selected_keys(self) -> list[str]:
        keys = []
        for index in self.table.selectionModel().selectedRows():
            row = self.model.row_at(index.row())
            if row is not None:
                keys.append(row.key)
        return keys
