"""Connecting to the team library: host, port, database, user; the password never stored.

The settings keep the address without its password. The password typed here is used
for this connection only; leave it empty to let PostgreSQL's own mechanisms answer
(~/.pgpass, a service file with PGSERVICE, or PGPASSWORD).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from qe_desktop.storage.engine import postgres_url, without_password

logger = logging.getLogger(__name__)

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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._load(str(settings.value(SETTINGS_KEY, "") or ""))

    def _load(self, remembered: str) -> None:
        if not remembered:
            return
        try:
            url = make_url(remembered)
        except Exception:  # a hand-edited settings file: start from empty fields
            logger.warning("Remembered team library unreadable", exc_info=True)
            return
        self.host.setText(url.host or str(url.query.get("host", "") or ""))
        self.port.setValue(url.port or DEFAULT_PORT)
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")

    def connection_url(self) -> str:
        """The URL to connect with (it may carry the typed password: never store it)."""
        return postgres_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.password.text() or None,
        )

    def remembered_url(self) -> str:
        return without_password(self.connection_url())

    def accept(self) -> None:
        if not self.database.text().strip():
            self.database.setFocus()
            return
        self.settings.setValue(SETTINGS_KEY, self.remembered_url())
        self.settings.sync()
        super().accept()
