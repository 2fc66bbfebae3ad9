"""Small parts of the main window: importing a folder, the import report, Help menu.

Kept out of main_window.py so that it stays a composition of parts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.ui.host import HostWindow

if TYPE_CHECKING:
    from qe_desktop.services.importing import ImportReport

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")
SHOWN_FAILURES = 5  # reasons written in the report itself; the rest under "Show details"


def install_folder_import(window: HostWindow, menu: QMenu) -> QAction:
    """File > Import a folder…: every question file of a folder and its subfolders."""
    action = QAction(translate("WindowExtras", "Import a &folder…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+O"))
    action.triggered.connect(lambda: choose_folder(window))
    window.addAction(action)
    menu.insertAction(window.paste_action, action)
    return action


def choose_folder(window: HostWindow) -> None:
    folder = QFileDialog.getExistingDirectory(
        window, translate("WindowExtras", "Import a folder of questions")
    )
    if folder:
        window.import_paths([Path(folder)])


def report_box(parent: QWidget, report: ImportReport) -> QMessageBox:
    """The import report; with a few failures or held updates, they are in the text itself."""
    text = report.summary()
    held = report.held_lines()
    if held:
        text += "\n" + "\n".join(held[:SHOWN_FAILURES])
    failures = report.failures
    if failures:
        lines = [f"• {Path(f.source).name} : {f.reason}" for f in failures[:SHOWN_FAILURES]]
        if len(failures) > SHOWN_FAILURES:
            more = translate("WindowExtras", "… and %1 more (see the details)")
            lines.append(more.replace("%1", str(len(failures) - SHOWN_FAILURES)))
        text += "\n\n" + "\n".join(lines)
    if report.disk_full:
        icon = QMessageBox.Icon.Critical
    elif failures or held:
        icon = QMessageBox.Icon.Warning
    else:
        icon = QMessageBox.Icon.Information
    box = QMessageBox(
        icon,
        translate("WindowExtras", "Import report"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if len(failures) > SHOWN_FAILURES or len(held) > SHOWN_FAILURES:
        details = held + [f"{f.source} : {f.reason}" for f in failures[:200]]
        box.setDetailedText("\n".join(details))
    return box


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(action, keys) for every action of the window that has a shortcut, by name."""
    rows: dict[str, str] = {}
    actions: list[QAction] = list(window.actions())
    for menu in window.findChildren(QMenu):
        actions.extend(menu.actions())
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        name = name.split(" : ")[0].strip()
        if keys and name:
            rows.setdefault(name, ", ".join(keys))
    return sorted(rows.items(), key=lambda row: row[0].casefold())


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: every action reachable from the keyboard."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("WindowExtras", "Keyboard shortcuts"))
        rows = shortcut_rows(window)
        rows.append((translate("WindowExtras", "Next pane (list, question, answer)"), "F6"))
        rows.append((translate("WindowExtras", "Next field"), "Tab"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(translate("WindowExtras", "Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels(
            [translate("WindowExtras", "Action"), translate("WindowExtras", "Keys")]
        )
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("WindowExtras", "Every command, from the keyboard:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 620)


def install_help(window: HostWindow) -> QMenu:
    """Help menu: Keyboard shortcuts (F1)."""
    menu: QMenu = window.menuBar().addMenu(translate("WindowExtras", "&Help"))
    action = QAction(translate("WindowExtras", "&Keyboard shortcuts"), window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    action.triggered.connect(lambda: ShortcutsDialog(window).open())
    window.addAction(action)
    menu.addAction(action)
    window.shortcuts_action = action
    return menu
