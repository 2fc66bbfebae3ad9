"""Tables of rows: one way to build them, and column widths that never cut a header
("ours de retar") nor a short value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

HEADER_PADDING = 30  # the margins and the sort arrow
# Rows a content width is measured on: a screenful and more. Qt's default (1,000) asked
# the model for 49,000 values before the first rows were painted (#25).
FIT_ROWS = 100


def row_table(
    model: QAbstractItemModel, name: str, selection: QAbstractItemView.SelectionMode
) -> QTableView:
    """A read-only table of whole rows, one line each, as the library, the inbox and the
    commitments show them: the lists look and select alike."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def header_width(table: QTableView, column: int) -> int:
    """The width the column's header text needs, sort indicator included."""
    model = table.model()
    text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    metrics = table.horizontalHeader().fontMetrics()
    return metrics.horizontalAdvance(text) + HEADER_PADDING


def fit_columns(table: QTableView, widths: Mapping[int, int]) -> None:
    """Each column at its preferred width, widened to its header when that is longer."""
    for column, width in widths.items():
        if column >= 0:
            table.setColumnWidth(column, max(width, header_width(table, column)))


def fit_contents(table: QTableView, columns: Iterable[int]) -> None:
    """Widen short columns (numbers, dates, badges) to the rows shown, never narrow them."""
    table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    for column in columns:
        if column >= 0 and not table.isColumnHidden(column):
            needed = max(table.sizeHintForColumn(column), header_width(table, column))
            if needed > table.columnWidth(column):
                table.setColumnWidth(column, needed)
