"""Connecting to the team library: host, port, database, user; the password never stored.

The settings keep the address without its password. The password typed here is used
for this connection only; leave it empty to let PostgreSQL's own mechanisms answer
(~/.pgpass, a service file with PGSERVICE, or PGPASSWORD).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.services.library import TeamAddress
from qe_desktop.ui.dialog_buttons import ok_cancel_buttons
from qe_desktop.ui.fields import room_for_placeholders

SETTINGS_KEY = "team/url"
DEFAULT_PORT = 5432


class TeamLibraryDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(title or self.tr("Open a team library"))
        self.host = QLineEdit()
        self.host.setPlaceholderText("serveur.assemblee.local")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setPlaceholderText("qe_equipe")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: ~/.pgpass, PGSERVICE or PGPASSWORD"))
        form = QFormLayout()
        form.addRow(self.tr("&Server"), self.host)
        form.addRow(self.tr("&Port"), self.port)
        form.addRow(self.tr("&Database"), self.database)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("Pass&word"), self.password)
        note = QLabel(self.tr("The password is used for this connection only, never saved."))
        note.setWordWrap(True)
        self.buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        room_for_placeholders(self)
        self._load(str(settings.value(SETTINGS_KEY, "") or ""))

    def _load(self, remembered: str) -> None:
        if not remembered:
            return
        address = TeamAddress.parse(remembered)
        if address is None:  # a hand-edited settings file: start from empty fields
            return
        self.host.setText(address.host)
        self.port.setValue(address.port or DEFAULT_PORT)
        self.database.setText(address.database)
        self.user.setText(address.user)

    def connection_url(self) -> str:
        """The URL to connect with (it may carry the typed password: never store it)."""
        return self._address().url(self.password.text() or None)

    def remembered_url(self) -> str:
        return self._address().remembered()

    def _address(self) -> TeamAddress:
        return TeamAddress(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def accept(self) -> None:
        if not self.database.text().strip():
            self.database.setFocus()
            return
        self.settings.setValue(SETTINGS_KEY, self.remembered_url())
        self.settings.sync()
        super().accept()
