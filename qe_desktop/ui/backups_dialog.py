"""Fichier > Restaurer une sauvegarde… : pick a backup, restore it, reload the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.services.backups import BackupService
from qe_desktop.storage.backups import Backup

if TYPE_CHECKING:
    from qe_desktop.ui.main_window import MainWindow

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class BackupsDialog(QDialog):
    """Lists the library's backups, newest first; OK restores the selected one."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.list = QListWidget()
        reasons = {
            "quotidienne": self.tr("daily"),
            "avant-import": self.tr("before an import"),
            "avant-migration": self.tr("before an update of the application"),
            "avant-restauration": self.tr("before a restore"),
            "manuelle": self.tr("manual"),
        }
        for backup in backups:
            local = backup.taken_at.astimezone()
            text = f"{local:%d/%m/%Y %H:%M} — {reasons.get(backup.reason, backup.reason)}"
            item = QListWidgetItem(f"{text} ({backup.size // 1024} Kio)")
            item.setData(PATH_ROLE, backup)
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        explanation = QLabel(
            self.tr(
                "The library will be replaced by the backup you choose. Its current state is "
                "saved first, so this can be undone by restoring that copy."
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        restore_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        restore_button.setText(self.tr("Restore"))
        restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def chosen(self) -> Backup | None:
        item = self.list.currentItem()
        backup = item.data(PATH_ROLE) if item is not None else None
        return backup if isinstance(backup, Backup) else None


def restore_from_window(window: MainWindow, service: BackupService) -> bool:
    if not service.available:
        QMessageBox.information(
            window,
            QCoreApplication.translate("BackupsUi", "Restore a backup"),
            QCoreApplication.translate(
                "BackupsUi", "A team library is backed up on its server (pg_dump)."
            ),
        )
        return False
    dialog = BackupsDialog(service.list(), window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return False
    chosen = dialog.chosen()
    assert chosen is not None
    try:
        safety = service.restore(chosen.path)
    except ValueError as error:
        QMessageBox.warning(
            window, QCoreApplication.translate("BackupsUi", "Restore a backup"), str(error)
        )
        return False
    window.reader.show_detail(None)
    window.refresh()
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "BackupsUi", "Backup restored; the previous state is kept in %1"
        ).replace("%1", str(safety)),
        15_000,
    )
    return True


def install_backups(window: MainWindow, file_menu: QMenu) -> QAction:
    action = QAction(QCoreApplication.translate("BackupsUi", "&Restore a backup…"), window)
    action.triggered.connect(lambda: restore_from_window(window, window.services.backups))
    file_menu.insertAction(window.preferences_action, action)
    return action
