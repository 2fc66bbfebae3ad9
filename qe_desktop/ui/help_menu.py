"""The Help menu: the way to the logs, for a user asked to send them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from qe_desktop.ui.crash import open_log_folder


def install_logs_action(window: QMainWindow, menu: QMenu) -> QAction:
    """Aide > Ouvrir le dossier des journaux."""
    action = QAction(QCoreApplication.translate("HelpMenu", "Open the &logs folder"), window)
    action.triggered.connect(open_log_folder)
    menu.addAction(action)
    return action
