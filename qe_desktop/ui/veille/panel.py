"""The Veille panel: follows on the left, Nouveautés on the right.

Keyboard: J / K move down / up the list, Space marks the current item seen (or unseen
again), Enter opens its question. "Mark all as seen" clears the list of what is new.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.follows import FollowKind, FollowRow
from qe_desktop.ui.columns import row_table
from qe_desktop.ui.dialog_buttons import body_and_buttons
from qe_desktop.ui.dock_layout import turn_boxes
from qe_desktop.ui.veille.inbox_model import FOLLOW_LABELS, InboxModel, follow_label, tr

if TYPE_CHECKING:  # the sources and HTTP load on the first update, not at start-up
    from qe_desktop.services.veille import VeilleService

ALL_FOLLOWS = -1
# As a tab beside the side panel (the window below 1366×860, see dock_layout.py) the panel
# stacks: follows above the news, buttons one under another, only New / What / Title shown.
NARROW_WIDTH = 640
WIDE_ONLY_COLUMNS = (2, 3, 5, 6)  # Question, Author, Follow, Date
COLUMN_WIDTHS = (46, 130, 150, 150, 320, 200)
NARROW_WIDTHS = {1: 110, 4: 100}  # What, Title: the title then stretches to the edge


class FollowDialog(QDialog):
    """Choose what to follow: a kind and a value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Follow"))
        self.kind = QComboBox()
        for kind, label in FOLLOW_LABELS.items():
            self.kind.addItem(tr(label), kind.value)
        self.value = QLineEdit()
        self.value.setObjectName("followValue")
        self.value.setPlaceholderText(self.tr("e.g. Fabien Genet, santé, « eau potable »"))
        form = QFormLayout()
        form.addRow(self.tr("&Follow:"), self.kind)
        form.addRow(self.tr("&Value:"), self.value)
        body_and_buttons(self, form)
        self.setMinimumWidth(380)

    @property
    def chosen(self) -> tuple[FollowKind, str]:
        return FollowKind(self.kind.currentData()), self.value.text().strip()


class VeillePanel(QWidget):
    open_requested = Signal(str)  # question key
    update_requested = Signal()
    seen_changed = Signal()

    def __init__(self, service: VeilleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.model = InboxModel(self)
        self.update_button = QPushButton(self.tr("&Update now"))
        self.update_button.setObjectName("updateButton")
        self.update_button.clicked.connect(self.update_requested)
        self.mark_all_button = QPushButton(self.tr("Mark all as seen"))
        self.mark_all_button.setObjectName("markAllSeen")
        self.mark_all_button.clicked.connect(self.mark_all_seen)
        self.unseen_only = QCheckBox(self.tr("Unseen only"))
        self.unseen_only.setObjectName("inboxUnseenOnly")
        self.unseen_only.toggled.connect(self.reload)
        self.status = QLabel()
        self.status.setObjectName("veilleStatus")
        self.status.setStyleSheet("color: #555;")
        self.follows = QListWidget()
        self.follows.setObjectName("followList")
        self.follows.currentRowChanged.connect(lambda _row: self._reload_items())
        self.add_button = QPushButton(self.tr("&Follow…"))
        self.add_button.clicked.connect(self.add_follow)
        self.remove_button = QPushButton(self.tr("Stop following"))
        self.remove_button.clicked.connect(self.remove_follow)
        self.table = self._build_table()
        self._install_keys()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Follows")))
        left_layout.addWidget(self.follows, 1)
        self.follow_buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.follow_buttons.addWidget(self.add_button)
        self.follow_buttons.addWidget(self.remove_button)
        left_layout.addLayout(self.follow_buttons)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("inboxEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setMinimumWidth(120)  # wraps rather than widening a narrow dock
        self.empty_hint.setStyleSheet("color: #555; padding: 6px;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty_hint)
        right_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([260, 800])
        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top.addWidget(self.update_button)
        self.top.addWidget(self.status, 1)
        self.top.addWidget(self.unseen_only)
        self.top.addWidget(self.mark_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.top)
        layout.addWidget(self.splitter, 1)
        self.narrow = False

    def fit_width(self, width: int) -> None:
        """Lay the panel out for its dock's `width`: stacked, and fewer columns, when narrow."""
        narrow = width < NARROW_WIDTH
        if narrow == self.narrow:
            return
        self.narrow = narrow
        turn_boxes((self.top, self.follow_buttons), narrow=narrow)
        self.top.setStretchFactor(self.status, 0 if narrow else 1)  # no tall gap when stacked
        orientation = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        self.splitter.setOrientation(orientation)
        self.splitter.setSizes([120, 400] if narrow else [260, 800])
        for column in WIDE_ONLY_COLUMNS:
            self.table.setColumnHidden(column, narrow)
        for column, width in NARROW_WIDTHS.items():
            self.table.setColumnWidth(column, width if narrow else COLUMN_WIDTHS[column])

    def _build_table(self) -> QTableView:
        table = row_table(self.model, "inboxTable", QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        table.doubleClicked.connect(lambda index: self.open_current())
        return table

    def _install_keys(self) -> None:
        self._keys = {
            Qt.Key.Key_J: lambda: self.step(1),
            Qt.Key.Key_K: lambda: self.step(-1),
            Qt.Key.Key_Space: self.toggle_seen,
            Qt.Key.Key_Return: self.open_current,
            Qt.Key.Key_Enter: self.open_current,
        }
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """J / K / Space / Enter on the list (plain keys: no modifier)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            action = self._keys.get(Qt.Key(event.key()))
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if action is not None and plain:
                action()
                return True
        return super().eventFilter(watched, event)

    # -- content -------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.current_follow()
        rows = self._service.follows()
        blocked = self.follows.blockSignals(True)
        self.follows.clear()
        total_unseen = self._service.unseen_count()
        everything = QListWidgetItem(
            self.tr("All news (%1 unseen)").replace("%1", str(total_unseen))
        )
        everything.setData(Qt.ItemDataRole.UserRole, ALL_FOLLOWS)
        self.follows.addItem(everything)
        selected = 0
        for number, row in enumerate(rows, start=1):
            self.follows.addItem(self._follow_item(row))
            if row.id == current:
                selected = number
        self.follows.setCurrentRow(selected)
        self.follows.blockSignals(blocked)
        self._reload_items()

    def _follow_item(self, row: FollowRow) -> QListWidgetItem:
        text = follow_label(row.kind, row.value)
        if row.unseen:
            text += " — " + self.tr("%n unseen", "", row.unseen)
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, row.id)
        if row.unseen:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def current_follow(self) -> int | None:
        item = self.follows.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else ALL_FOLLOWS
        return None if value in (None, ALL_FOLLOWS) else int(value)

    def _reload_items(self) -> None:
        key = self.current_key()
        items = self._service.inbox(
            unseen_only=self.unseen_only.isChecked(), follow_id=self.current_follow()
        )
        self.model.set_rows(items)
        self._show_empty_hint(bool(items))
        row = next((n for n, i in enumerate(items) if i.question_key == key), 0)
        if items:
            self.table.selectRow(row)

    def _show_empty_hint(self, has_items: bool) -> None:
        """An empty list says what to do next rather than nothing."""
        if has_items:
            self.empty_hint.hide()
            return
        if self.follows.count() <= 1:  # only "All news": nothing followed yet
            text = self.tr(
                "Nothing is followed yet. Follow a question or its author from the Veille menu,"
                " or click Follow… to follow a ministry, a theme or a search."
            )
        elif self.unseen_only.isChecked():
            text = self.tr("Nothing new left to read. Untick Unseen only to see the rest.")
        else:
            text = self.tr(
                "No news yet. Update now looks for new questions and answers about what you follow."
            )
        self.empty_hint.setText(text)
        self.empty_hint.show()

    def current_key(self) -> str | None:
        item = self.model.item(self.table.currentIndex().row())
        return item.question_key if item is not None else None

    # -- actions -------------------------------------------------------------------------
    def step(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = self.table.currentIndex().row()
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        self.table.selectRow(row)

    def toggle_seen(self) -> None:
        item = self.model.item(self.table.currentIndex().row())
        if item is None:
            return
        self._service.mark_seen([item.id], seen=not item.seen)
        self.model.set_seen({item.id}, not item.seen)
        self._refresh_counts()
        if not item.seen:
            self.step(1)

    def open_current(self) -> None:
        item = self.model.item(self.table.currentIndex().row())
        if item is None:
            return
        if not item.seen:
            self._service.mark_seen([item.id])
            self.model.set_seen({item.id}, True)
            self._refresh_counts()
        self.open_requested.emit(item.question_key)

    def mark_all_seen(self) -> None:
        follow = self.current_follow()
        if follow is None:
            self._service.mark_seen(None)
        else:
            self._service.mark_seen([i.id for i in self.model.items()])
        self.reload()
        self.seen_changed.emit()

    def _refresh_counts(self) -> None:
        """Counts on the left follow what was just marked, without reloading the items."""
        rows = {r.id: r for r in self._service.follows()}
        for number in range(self.follows.count()):
            item = self.follows.item(number)
            follow_id = item.data(Qt.ItemDataRole.UserRole)
            if follow_id == ALL_FOLLOWS:
                unseen = str(self._service.unseen_count())
                item.setText(self.tr("All news (%1 unseen)").replace("%1", unseen))
            elif follow_id in rows:
                fresh = self._follow_item(rows[follow_id])
                item.setText(fresh.text())
                item.setFont(fresh.font())
        self.seen_changed.emit()

    def add_follow(self) -> None:
        dialog = FollowDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, value = dialog.chosen
        if value:
            self._service.follow(kind, value)
            self.reload()

    def remove_follow(self) -> None:
        follow = self.current_follow()
        if follow is not None:
            self._service.unfollow(follow)
            self.reload()
            self.seen_changed.emit()
