"""The Veille's rows in the Preferences: how often to update, and an own sources table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from qe_desktop.sources.errors import SourceError
from qe_desktop.sources.table import load_table
from qe_desktop.ui.veille.window_setup import (
    INTERVAL_KEY,
    SOURCES_KEY,
    interval_hours,
    sources_file,
)

MAX_HOURS = 24 * 7


class VeillePreferences(QObject):
    def __init__(self, settings: QSettings, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.interval = QSpinBox()
        self.interval.setObjectName("veilleInterval")
        self.interval.setRange(0, MAX_HOURS)
        self.interval.setSuffix(self.tr(" h"))
        self.interval.setSpecialValueText(self.tr("never"))
        self.interval.setValue(interval_hours(settings))
        self.sources = QLineEdit(str(sources_file(settings) or ""))
        self.sources.setObjectName("veilleSources")
        self.sources.setPlaceholderText(self.tr("the official sites (built in)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.sources, 1)
        line.addWidget(browse)
        form.addRow(self.tr("&Update the news every:"), self.interval)
        form.addRow(self.tr("Sources &table:"), row)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Sources table"), "", self.tr("JSON (*.json)")
        )
        if name:
            self.sources.setText(name)

    def valid(self) -> bool:
        """A sources table that cannot be read is refused with the reason, in French."""
        text = self.sources.text().strip()
        if not text:
            return True
        try:
            load_table(Path(text))
        except SourceError as error:
            QMessageBox.warning(self._parent, self.tr("Sources table"), str(error))
            return False
        return True

    def save(self, settings: QSettings) -> None:
        settings.setValue(INTERVAL_KEY, self.interval.value())
        settings.setValue(SOURCES_KEY, self.sources.text().strip())
