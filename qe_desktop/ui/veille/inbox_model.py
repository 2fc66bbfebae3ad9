"""Nouveautés as a table: frozen inbox items from the veille service, unseen in bold."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from qe_desktop.domain.follows import EventKind, FollowKind, InboxItem

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "Veille"
EVENT_LABELS = {
    EventKind.NEW_QUESTION: QT_TRANSLATE_NOOP("Veille", "New question"),
    EventKind.NEW_ANSWER: QT_TRANSLATE_NOOP("Veille", "New answer"),
    EventKind.OVERDUE_COMMITMENT: QT_TRANSLATE_NOOP("Veille", "Overdue commitment"),
    EventKind.DEADLINE_PASSED: QT_TRANSLATE_NOOP("Veille", "Deadline passed"),
}
FOLLOW_LABELS = {
    FollowKind.AUTHOR: QT_TRANSLATE_NOOP("Veille", "Author"),
    FollowKind.MINISTRY: QT_TRANSLATE_NOOP("Veille", "Ministry"),
    FollowKind.THEME: QT_TRANSLATE_NOOP("Veille", "Theme"),
    FollowKind.SEARCH: QT_TRANSLATE_NOOP("Veille", "Search"),
    FollowKind.QUESTION: QT_TRANSLATE_NOOP("Veille", "Question"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("Veille", "New"),
    QT_TRANSLATE_NOOP("Veille", "What"),
    QT_TRANSLATE_NOOP("Veille", "Question"),
    QT_TRANSLATE_NOOP("Veille", "Author"),
    QT_TRANSLATE_NOOP("Veille", "Title"),
    QT_TRANSLATE_NOOP("Veille", "Follow"),
    QT_TRANSLATE_NOOP("Veille", "Date"),
)


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text or ""))


def follow_label(kind: FollowKind, value: str) -> str:
    return f"{tr(FOLLOW_LABELS[kind])} : {value}"


class InboxModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxItem] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content -------------------------------------------------------------------------
    def set_rows(self, rows: list[InboxItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> InboxItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def items(self) -> list[InboxItem]:
        return list(self._rows)

    def set_seen(self, ids: set[int], seen: bool) -> None:
        for row, item in enumerate(self._rows):
            if item.id in ids and item.seen != seen:
                self._rows[row] = dataclasses.replace(item, seen=seen)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.FontRole and not item.seen:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.title
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        values = (
            "" if item.seen else "●",
            tr(EVENT_LABELS[item.kind]),
            item.question_key,
            item.author,
            item.title,
            item.follow or QCoreApplication.translate("Veille", "Your notes"),
            item.at.astimezone().strftime("%d/%m/%Y %H:%M"),
        )
        return values[column]
