"""Fichier > Historique des imports… : what came in, when, and what was refused."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.services.import_history import ImportEntry, ImportHistory
from qe_desktop.ui.host import HostWindow

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ImportHistoryDialog(QDialog):
    """The latest imports, newest first; the selected one's failures below."""

    def __init__(self, entries: list[ImportEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import history"))
        self.entries = entries
        headers = [
            self.tr("Date"), self.tr("Sources"), self.tr("New"), self.tr("Updated"),
            self.tr("Unchanged"), self.tr("Failed"),
        ]  # fmt: skip
        self.table = QTableWidget(len(entries), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Past imports"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        for row, entry in enumerate(entries):
            when = entry.started_at.astimezone().strftime("%d/%m/%Y %H:%M")
            if entry.cancelled:
                when += " " + self.tr("(interrupted)")
            sources = ", ".join(entry.sources)
            values = [when, sources, entry.imported, entry.updated, entry.unchanged, entry.failed]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(sources if column == 1 else "")
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setAccessibleName(self.tr("Failures of the selected import"))
        self.details.setPlaceholderText(self.tr("Select an import to see what was refused."))
        self.table.currentCellChanged.connect(lambda row, *_: self.show_details(row))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        self.resize(820, 480)
        if entries:
            self.table.selectRow(0)

    def show_details(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            self.details.clear()
            return
        entry = self.entries[row]
        if not entry.failures:
            self.details.setPlainText(self.tr("Nothing was refused."))
            return
        self.details.setPlainText("\n".join(f"{s} : {r}" for s, r in entry.failures))


def show_import_history(window: QWidget, history: ImportHistory) -> ImportHistoryDialog:
    dialog = ImportHistoryDialog(history.recent(), window)
    dialog.open()
    return dialog


def install_import_history(window: HostWindow, file_menu: QMenu) -> QAction:
    """Fichier > Historique des imports…, before the preferences."""
    text = QCoreApplication.translate("ImportHistoryDialog", "Import &history…")
    action = QAction(text, file_menu)
    action.triggered.connect(lambda: show_import_history(window, window.services.import_history))
    file_menu.insertAction(window.preferences_action, action)
    return action
