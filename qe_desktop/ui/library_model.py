"""The library table's model: immutable rows, read from the service by windows.

Sorting and filtering are done by the database. The model knows how many rows the
list has (one count query; a quoted phrase, COUNT_STEP matches at a time) and reads
the pages of rows the view shows, whatever their depth: scrolling to the end of
100,000 questions reads the last page only.
It keeps the most recently shown pages (MAX_PAGES), never the whole list.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from qe_desktop.domain.search_terms import parse_terms
from qe_desktop.domain.views import QuestionFilter, QuestionRow, Sort
from qe_desktop.ui.labels import STATUS_COLORS, chamber_label, status_label

if TYPE_CHECKING:  # the first rows may come from the light reader, before the services
    from qe_desktop.services.quick_read import ListSource

__all__ = [
    "FAR_DOWN",
    "NOT_LISTED",
    "PAGE_SIZE",
    "ROW_ROLE",
    "SNIPPET_ROLE",
    "STATUS_COLORS",
    "STATUS_ROLE",
    "LibraryModel",
]

PAGE_SIZE = 200
NOT_LISTED = -1  # `row_of_key`: the question is not in the list
FAR_DOWN = -2  # `row_of_key(within=…)`: listed, farther than asked from both ends
MAX_PAGES = 50  # pages kept (10,000 rows); older ones are read again when scrolled back to
# A quoted phrase is counted this many matches at a time: counting all of them walks the
# words' positions in every question holding both (150 ms at 1,000,000 questions, #25).
# The list says "more than 1,000" and grows as it is scrolled to its end (fetchMore).
COUNT_STEP = 1_000
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the Status value ("answered"…), for the badge
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # search excerpt with [[ ]] around matches

Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    # Most useful first: the library panel is narrow, the rest is a scroll away.
    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("number", str(QT_TRANSLATE_NOOP("LibraryModel", "No."))),
        ("status", str(QT_TRANSLATE_NOOP("LibraryModel", "Status"))),
        ("title", str(QT_TRANSLATE_NOOP("LibraryModel", "Title"))),
        ("published_on", str(QT_TRANSLATE_NOOP("LibraryModel", "Published"))),
        ("chamber", str(QT_TRANSLATE_NOOP("LibraryModel", "Chamber"))),
        ("author", str(QT_TRANSLATE_NOOP("LibraryModel", "Author"))),
        ("group", str(QT_TRANSLATE_NOOP("LibraryModel", "Group"))),
        ("ministry", str(QT_TRANSLATE_NOOP("LibraryModel", "Ministry"))),
        ("delay_days", str(QT_TRANSLATE_NOOP("LibraryModel", "Delay (d)"))),
        ("annotation_count", str(QT_TRANSLATE_NOOP("LibraryModel", "Notes"))),
        ("coverage", str(QT_TRANSLATE_NOOP("LibraryModel", "Coverage"))),
    ]
    HEADER_TIPS: ClassVar[dict[str, str]] = {
        "delay_days": str(
            QT_TRANSLATE_NOOP(
                "LibraryModel", "Days between publication of the question and the answer"
            )
        ),
        "annotation_count": str(QT_TRANSLATE_NOOP("LibraryModel", "Number of annotations")),
        "coverage": str(
            QT_TRANSLATE_NOOP(
                "LibraryModel", "Share of the question's demands the answer fully answers"
            )
        ),
    }

    def __init__(self, service: ListSource, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._pages: OrderedDict[int, list[QuestionRow]] = OrderedDict()
        self._total = 0
        self._more = False  # a phrase search counted only so far: more rows may follow
        self._filter = QuestionFilter()
        self._sort = Sort()
        self._headers = [self.tr(label) for _, label in self.COLUMNS]  # lupdate: see COLUMNS
        self._header_tips = {name: self.tr(tip) for name, tip in self.HEADER_TIPS.items()}

    # -- loading -----------------------------------------------------------
    @property
    def service(self) -> ListSource:
        """Where the rows are read from."""
        return self._service

    @property
    def current_filter(self) -> QuestionFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    @property
    def counted_all(self) -> bool:
        """False while a phrase search is counted only so far (`total` is then "at least")."""
        return not self._more

    @property
    def current_sort(self) -> Sort:
        return self._sort

    @property
    def searching(self) -> bool:
        """True when a full-text search narrows the rows (they then carry snippets)."""
        return not parse_terms(self._filter.text).empty

    def column_of(self, name: str) -> int:
        names = [column for column, _ in self.COLUMNS]
        return names.index(name) if name in names else -1

    def set_filter(self, flt: QuestionFilter, *, reload: bool = True) -> None:
        self._filter = flt
        if reload:
            self.reload()

    def set_sort(self, sort: Sort, *, reload: bool = True) -> None:
        self._sort = sort
        if reload:
            self.reload()

    def use_service(self, service: ListSource) -> None:
        """Read from `service` from now on; the pages at hand are read again from it.

        At start-up the first page comes from the light reader (no coverage share);
        once the services are in, the same rows are read again in full, in place:
        no reset, the selection and the scroll position stay.
        """
        self._service = service
        numbers = list(self._pages)
        self._pages.clear()
        for number in numbers:
            self._page(number)
        if numbers and self._total:
            last = min(max(numbers) * PAGE_SIZE + PAGE_SIZE, self._total) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, len(self.COLUMNS) - 1))

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        if parse_terms(self._filter.text).phrases:
            self._total, self._more = self._count_up_to(COUNT_STEP)
        else:
            self._total, self._more = self._service.count(self._filter), False
        if self._total:
            self._page(0)
        self.endResetModel()

    def refresh_key(self, key: str, annotations: int) -> None:
        """Read again the page showing question `key` if its note count is not `annotations`.

        The row count and the order stay as they are until the next reload: a
        highlight added under a "with notes" filter does not make rows jump.
        """
        for number, rows in list(self._pages.items()):
            shown = next((row for row in rows if row.key == key), None)
            if shown is not None:
                if shown.annotation_count == annotations:
                    return
                del self._pages[number]
                fresh = self._page(number)
                first = number * PAGE_SIZE
                last = min(first + max(len(rows), len(fresh)), self._total) - 1
                if last >= first:
                    self.dataChanged.emit(
                        self.index(first, 0), self.index(last, len(self.COLUMNS) - 1)
                    )
                return

    def _effective_sort(self) -> Sort:
        sort = self._sort
        if self._filter.text and sort.column == "published_on" and sort.descending:
            sort = Sort("rank")  # with a search, best matches first unless asked otherwise
        return sort

    def _page(self, number: int) -> list[QuestionRow]:
        """The rows of one page, read from the service unless recently shown."""
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        rows = self._service.rows(
            self._filter, self._effective_sort(), offset=number * PAGE_SIZE, limit=PAGE_SIZE
        )
        self._pages[number] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def _count_up_to(self, wanted: int) -> tuple[int, bool]:
        """Rows counted (at most `wanted`), and whether more follow."""
        counted = self._service.count(self._filter, wanted + 1)
        return min(counted, wanted), counted > wanted

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Every row is there from the start (pages are read when shown), except past
        # the part of a phrase search counted so far.
        return self._more and not parent.isValid()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The view reached the end of a phrase search counted so far: count one step more."""
        if not self.canFetchMore(parent):
            return
        total, self._more = self._count_up_to(self._total + COUNT_STEP)
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        wanted = Sort(self.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:  # the view re-sorts on setup; nothing to fetch for that
            self.set_sort(wanted)

    # -- access ------------------------------------------------------------
    def row_at(self, row: int) -> QuestionRow | None:
        if not 0 <= row < self._total:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None  # None: the list changed since

    def row_of_key(self, key: str, within: int | None = None) -> int:
        """The row showing question `key`, NOT_LISTED (-1) when it is not listed.

        Looked for in the pages at hand first, then asked of the database (two
        queries, at any depth); a search ranking is only looked for in the pages.
        With `within`, a question listed more than `within` rows from both ends is
        FAR_DOWN (-2): placing it would count the rows around it (#25).
        """
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.key == key:
                    return number * PAGE_SIZE + offset
        position = self._service.position(self._filter, self._effective_sort(), key, within)
        if position is not None and position < 0:
            return FAR_DOWN
        return NOT_LISTED if position is None or position >= self._total else position

    # -- Qt model API ------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(self.COLUMNS[section][0])
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
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QBrush(QColor(STATUS_COLORS[row.status]))
        if role == STATUS_ROLE:
            return row.status.value
        if role == SNIPPET_ROLE:
            return row.snippet
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            "delay_days",
            "annotation_count",
            "coverage",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def _tooltip(self, row: QuestionRow, column: str) -> str | None:
        snippet = row.snippet.replace("[[", "«").replace("]]", "»")
        if column == "title":
            return f"{row.title}\n\n{snippet}" if snippet else row.title
        if column in ("author", "group", "ministry") and getattr(row, column):
            return str(getattr(row, column))
        return snippet or None

    def _display(self, row: QuestionRow, column: str) -> str:
        if column == "number":
            return row.number or "—"
        if column == "chamber":
            return chamber_label(row.chamber)
        if column == "published_on":
            return row.published_on.strftime("%d/%m/%Y") if row.published_on else ""
        if column == "status":
            return status_label(row.status)
        if column == "delay_days":
            return "" if row.delay_days is None else str(row.delay_days)
        if column == "annotation_count":
            return str(row.annotation_count) if row.annotation_count else ""
        if column == "coverage":
            return "" if row.coverage is None else f"{round(100 * row.coverage)} %"
        return str(getattr(row, column) or "")
