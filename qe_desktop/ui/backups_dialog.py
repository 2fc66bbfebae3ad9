"""Fichier > Restaurer une sauvegarde… : pick a backup, restore it, reload the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

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
    QProgressDialog,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.services.backups import Backup, BackupService
from qe_desktop.ui.dialog_buttons import ok_cancel_buttons
from qe_desktop.ui.jobs import Job

if TYPE_CHECKING:
    from qe_desktop.ui.reader.reader_panel import ReaderPanel

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
        buttons = ok_cancel_buttons(self)
        restore_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        restore_button.setText(self.tr("Restore"))
        restore_button.setEnabled(bool(backups))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def chosen(self) -> Backup | None:
        item = self.list.currentItem()
        backup = item.data(PATH_ROLE) if item is not None else None
        return backup if isinstance(backup, Backup) else None


class BackupWindow(Protocol):
    """What restoring needs of the main window (typed here, not imported: no cycle)."""

    @property
    def reader(self) -> ReaderPanel: ...
    @property
    def preferences_action(self) -> QAction: ...
    def refresh(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...


def restore_from_window(window: BackupWindow, service: BackupService) -> Job | None:
    """Ask which backup, then restore it as a job behind a modal busy dialog.

    Two full copies of the library file are made (the safety copy, then the restore):
    seconds on a large library, so never on the GUI thread.
    """
    parent = window if isinstance(window, QWidget) else None
    title = QCoreApplication.translate("BackupsUi", "Restore a backup")
    if not service.available:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate(
                "BackupsUi", "A team library is backed up on its server (pg_dump)."
            ),
        )
        return None
    dialog = BackupsDialog(service.list(), parent)
    chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    if chosen is None:
        return None
    busy = QProgressDialog(
        QCoreApplication.translate("BackupsUi", "Restoring the backup…"), "", 0, 0, parent
    )
    busy.setWindowTitle(title)
    busy.setCancelButton(None)  # a restore half done is worse than a wait: no Cancel
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)

    def restored(safety: object) -> None:
        busy.reset()
        window.reader.show_detail(None)
        window.refresh()
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "BackupsUi", "Backup restored; the previous state is kept in %1"
            ).replace("%1", str(safety)),
            15_000,
        )

    def failed(message: str) -> None:
        busy.reset()
        QMessageBox.warning(parent, title, message)

    path = chosen.path
    job = Job("restore-backup", lambda _context: service.restore(path), parent)
    job.succeeded.connect(restored)
    job.failed.connect(failed)
    return job.start()


def install_backups(window: BackupWindow, service: BackupService, file_menu: QMenu) -> QAction:
    action = QAction(QCoreApplication.translate("BackupsUi", "&Restore a backup…"), file_menu)
    action.triggered.connect(lambda: restore_from_window(window, service))
    file_menu.insertAction(window.preferences_action, action)
    return action
