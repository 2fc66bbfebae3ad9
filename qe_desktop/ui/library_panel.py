"""Left side of the reading desk: search box, filters and the library table.

The panel turns what the user types and ticks into one QuestionFilter for the
model, and remembers filters, sort and columns in QSettings between sessions.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.views import Sort
from qe_desktop.ui.columns import fit_columns, fit_contents, row_table
from qe_desktop.ui.filter_bar import FilterBar, decode_filter, encode_filter
from qe_desktop.ui.labels import count_text
from qe_desktop.ui.library_delegates import StatusBadgeDelegate, TitleSnippetDelegate
from qe_desktop.ui.library_model import FAR_DOWN, NOT_LISTED, ROW_ROLE, LibraryModel

if TYPE_CHECKING:  # the list is painted before the services load (#25)
    from qe_desktop.services.questions import QuestionService
    from qe_desktop.services.quick_read import ListSource

SEARCH_DEBOUNCE_MS = 250
# A selected question is selected again after a sort or filter when it is listed within
# this many rows of either end (the rows the list keeps at hand: `MAX_PAGES` pages).
RESTORE_WITHIN = 10_000
COLUMN_WIDTHS = {
    "number": 58,
    "chamber": 66,
    "published_on": 82,
    "status": 92,
    "title": 320,
    "author": 150,
    "group": 120,
    "ministry": 220,
    "delay_days": 62,
    "annotation_count": 50,
}
SHORT_COLUMNS = ("number", "status", "published_on", "chamber", "delay_days", "annotation_count")
HEADER_KEY = "library/header"
SORT_KEY = "library/sort"
FILTER_KEY = "library/filter"
EXPANDED_KEY = "library/filters_expanded"
SEARCH_KEY = "library/search"


class LibraryPanel(QWidget):
    question_selected = Signal(str)  # key
    search_changed = Signal(str)

    def __init__(
        self,
        service: ListSource,
        parent: QWidget | None = None,
        *,
        choices: QuestionService | None = None,
    ) -> None:
        """`service` reads the rows; `choices` fills the filters' drop-downs (None: the
        light reader's first rows at start-up, until `use_service`, #25)."""
        super().__init__(parent)
        self._service = service
        self._selected_key = ""  # kept across reloads, to keep the reader on it
        self._quiet = False  # re-selecting after a reload does not reopen the question
        self._quiet_first = False  # at start-up: the first row opens once painted
        self._contents_fitted = False
        self._library_total: int | None = None  # questions in the library, for the count
        self.only_keys: tuple[str, ...] | None = None  # e.g. the Veille's "unseen" filter
        self.extra_tools = QHBoxLayout()  # filters other features add next to the search
        self.model = LibraryModel(service, self)
        self.search = QLineEdit()
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setToolTip(
            self.tr(
                "Searches titles, questions, answers and your notes (Ctrl+F). Accents and "
                "capitals do not matter; put a phrase in quotes to find it as is."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.filters = FilterBar(choices)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setStyleSheet("color: #555;")
        self.table = self._build_table()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._apply_search)
        self.filters.changed.connect(self._apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_reset)
        self.model.rowsInserted.connect(self._update_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.search, 1)
        top.addWidget(self.filters.more_button)
        top.addWidget(self.filters.clear_button)
        top.addLayout(self.extra_tools)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _build_table(self) -> QTableView:
        table = row_table(
            self.model, "libraryTable", QAbstractItemView.SelectionMode.ExtendedSelection
        )
        newest_first = (self.model.column_of("published_on"), Qt.SortOrder.DescendingOrder)
        table.horizontalHeader().setSortIndicator(*newest_first)  # the model's own default:
        table.setSortingEnabled(True)  # so enabling sorting queries nothing yet
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setItemDelegateForColumn(self.model.column_of("status"), StatusBadgeDelegate(table))
        table.setItemDelegateForColumn(self.model.column_of("title"), TitleSnippetDelegate(table))
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        fit_columns(table, {self.model.column_of(n): w for n, w in COLUMN_WIDTHS.items()})
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # show/hide columns
        header.customContextMenuRequested.connect(self._column_menu)
        return table

    # -- loading ---------------------------------------------------------------
    def use_service(self, service: QuestionService) -> None:
        """The questions' service: the list reads from it, the filters' choices come."""
        self._service = service
        self._library_total = None
        self.model.use_service(service)
        self.filters.use_service(service)

    def reload(self, choices_now: bool = True, *, open_first: bool = True) -> None:
        """Re-read choices and rows (after an import, at start-up).

        At start-up the drop-downs' choices (a scan of three indexes: 40 ms at 100,000
        questions) are read just after the first rows are painted. `open_first=False`
        selects the first row without opening it (the window opens it once painted).
        """
        self._library_total = None  # the library may have changed
        if choices_now:
            self.filters.refresh_choices()
        else:
            QTimer.singleShot(0, self.filters, self.filters.refresh_choices)
        self._quiet_first = not open_first
        try:
            self.model.reload()
        finally:
            self._quiet_first = False

    def open_selected(self) -> None:
        """Open the selected question (one selected quietly by `reload(open_first=False)`)."""
        if self._selected_key:
            self.question_selected.emit(self._selected_key)

    def _apply_search(self) -> None:
        self._debounce.stop()
        text = self.search.text()
        if text == self.model.current_filter.text:
            return
        self._apply_filters()
        self.search_changed.emit(text)

    def _apply_filters(self) -> None:
        flt = dataclasses.replace(self.filters.current(), text=self.search.text())
        if self.only_keys is not None:
            flt = dataclasses.replace(flt, keys=self.only_keys)
        self.model.set_filter(flt)

    def set_only_keys(self, keys: tuple[str, ...] | None) -> None:
        """List only these questions (None: no such restriction), on top of the filters."""
        self.only_keys = keys
        self._apply_filters()

    def _on_reset(self) -> None:
        """After new rows: row height for snippets, count, and a question to read.

        The selected question stays selected when it is still listed, without being
        opened again; otherwise the first row is opened. A question listed more than
        RESTORE_WITHIN rows from both ends stays open but unselected: finding its row
        would count the rows around it (244 ms for one 200,000 rows down, #25).
        """
        metrics = self.table.fontMetrics()
        lines = 2 if self.model.searching else 1
        self.table.verticalHeader().setDefaultSectionSize(lines * metrics.height() + 10)
        self._update_count()
        if not self._contents_fitted and self.model.rowCount() > 0:
            self._contents_fitted = True  # once: the user's own widths are kept afterwards
            fit_contents(self.table, [self.model.column_of(n) for n in SHORT_COLUMNS])
        key = self._selected_key
        row = self.model.row_of_key(key, within=RESTORE_WITHIN) if key else NOT_LISTED
        if row >= 0:
            self._quiet = True
            try:
                self.table.selectRow(row)
            finally:
                self._quiet = False
        elif row == FAR_DOWN:  # still listed, far down: it stays open, the list shows its top
            self._quiet = True
            try:
                self.table.clearSelection()
            finally:
                self._quiet = False
            self._selected_key = key
            self.table.scrollToTop()
            return
        elif self.model.rowCount() > 0:
            row = 0
            self._quiet = self._quiet_first
            try:
                self.table.selectRow(row)
            finally:
                self._quiet = False
        if row >= 0:
            self.table.scrollTo(self.model.index(row, 0))

    def _update_count(self, *_args: object) -> None:
        shown = self.model.total
        narrowed = self.model.searching or self.filters.active_count() > 0
        if narrowed:
            if self._library_total is None:  # counted once per reload: 37 ms at 1,000,000
                self._library_total = self._service.total()
            total = self._library_total
            if self.model.counted_all:
                text = self.tr("%Ln question(s) out of %1", "", shown)
            else:  # a phrase search is counted a step at a time (#25)
                text = self.tr("more than %Ln question(s) out of %1", "", shown)
            text = text.replace("%1", count_text(total))
        else:
            text = self.tr("%Ln question(s)", "", shown)
        self.count_label.setText(text)

    # -- selection -------------------------------------------------------------
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            index = rows[-1] if not index.isValid() else index
        if index.isValid():
            row = self.model.data(self.model.index(index.row(), 0), ROW_ROLE)
            if row is not None:
                self._selected_key = row.key
                if not self._quiet:
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

    def move_selection(self, step: int) -> None:
        """Select the row `step` away from the current one (fetching more if needed)."""
        current = self.table.currentIndex().row()
        target = max(current + step, 0) if current >= 0 else 0
        if target >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        target = min(target, self.model.rowCount() - 1)
        if target >= 0:
            self.table.selectRow(target)
            self.table.scrollTo(self.model.index(target, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field walk the list without leaving the field."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.move_selection(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)

    # -- columns ---------------------------------------------------------------
    def _column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            action = QAction(label, menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
            menu.addAction(action)
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    # -- settings --------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        sort = self.model.current_sort
        settings.setValue(SORT_KEY, f"{sort.column} {'desc' if sort.descending else 'asc'}")
        settings.setValue(FILTER_KEY, encode_filter(self.filters.current()))
        settings.setValue(EXPANDED_KEY, self.filters.expanded)
        settings.setValue(SEARCH_KEY, self.search.text())

    def restore_state(self, settings: QSettings) -> None:
        """Columns, sort, filters, the search and the filter fold-out as they were left."""
        header = settings.value(HEADER_KEY)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        self.filters.set_expanded(str(settings.value(EXPANDED_KEY, "false")).lower() == "true")
        flt = decode_filter(settings.value(FILTER_KEY))
        self.filters.set_filter(flt)
        text = str(settings.value(SEARCH_KEY, "") or "")
        blocked = self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(blocked)
        self.model.set_filter(dataclasses.replace(flt, text=text), reload=False)
        column_name, _, order = str(settings.value(SORT_KEY, "")).partition(" ")
        column = self.model.column_of(column_name)
        if column >= 0:
            self.model.set_sort(Sort(column_name, order == "desc"), reload=False)
            descending = Qt.SortOrder.DescendingOrder
            qt_order = descending if order == "desc" else Qt.SortOrder.AscendingOrder
            header_view = self.table.horizontalHeader()
            blocked = header_view.blockSignals(True)
            header_view.setSortIndicator(column, qt_order)
            header_view.blockSignals(blocked)
