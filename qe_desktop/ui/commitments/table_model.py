"""The Commitments table's model: immutable CommitmentRow records, already filtered and sorted.

The service filters and sorts in SQL (earliest due date first); the model only
shows the rows, and makes the overdue ones stand out (red, bold, tinted).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from qe_desktop.domain.commitment_tracking import CommitmentRow
from qe_desktop.ui.commitments.labels import (
    OVERDUE_BACKGROUND,
    OVERDUE_FOREGROUND,
    STATUS_COLORS,
    day_text,
    due_text,
    precision_text,
    status_text,
)
from qe_desktop.ui.labels import chamber_label

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_CHARS = 160

Index = QModelIndex | QPersistentModelIndex


class CommitmentTableModel(QAbstractTableModel):
    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("due", str(QT_TRANSLATE_NOOP("CommitmentTableModel", "Due"))),
        ("status", str(QT_TRANSLATE_NOOP("CommitmentTableModel", "Status"))),
        ("overdue", str(QT_TRANSLATE_NOOP("CommitmentTableModel", "Days late"))),
        ("ministry", str(QT_TRANSLATE_NOOP("CommitmentTableModel", "Ministry"))),
        ("question", str(QT_TRANSLATE_NOOP("CommitmentTableModel", "Question"))),
        ("quote", str(QT_TRANSLATE_NOOP("CommitmentTableModel", "Commitment"))),
        ("next_check", str(QT_TRANSLATE_NOOP("CommitmentTableModel", "Next check"))),
    ]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CommitmentRow] = []
        self._headers = [self.tr(label) for _, label in self.COLUMNS]  # lupdate: see COLUMNS
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def rows(self) -> list[CommitmentRow]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[CommitmentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, index: Index) -> CommitmentRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, annotation_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.annotation_id == annotation_id), -1)

    def column_of(self, name: str) -> int:
        return [column for column, _ in self.COLUMNS].index(name)

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        column = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.is_overdue:
                return QBrush(QColor(OVERDUE_FOREGROUND))
            if column == "status":
                return QBrush(QColor(STATUS_COLORS[row.status]).darker(115))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.is_overdue:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and (row.is_overdue or column == "status"):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "overdue":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- texts -------------------------------------------------------------------------
    def _text(self, row: CommitmentRow, column: str) -> str:
        if column == "due":
            return due_text(row.due_date, row.precision)
        if column == "status":
            return status_text(row.status)
        if column == "overdue":
            return str(row.days_overdue) if row.is_overdue else ""
        if column == "ministry":
            return row.ministry
        if column == "question":
            return question_text(row)
        if column == "quote":
            quote = " ".join(row.quote.split())
            return quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…"
        return day_text(row.next_check)

    def _tooltip(self, row: CommitmentRow, column: str) -> str | None:
        if column == "quote":
            return f"« {row.quote} »"
        if column == "due":
            precision = self.tr("Precision: %1").replace("%1", precision_text(row.precision))
            return f"{day_text(row.due_date)} — {precision}" if row.due_date else precision
        if column == "question":
            return f"{row.title}\n{row.question_key}" if row.title else row.question_key
        if column == "overdue" and row.is_overdue:
            return self.tr("%1 days past the due date").replace("%1", str(row.days_overdue))
        if column == "ministry":
            return row.ministry
        return None


def question_text(row: CommitmentRow) -> str:
    """ "Sénat n° 03038 · M. Fabien GENET", or without the number when it is unknown."""
    chamber = chamber_label(row.chamber)
    number = f" n° {row.number}" if row.number else ""
    return f"{chamber}{number} · {row.author}" if row.author else f"{chamber}{number}"
