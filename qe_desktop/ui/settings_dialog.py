"""Preferences: interface language and the name that signs annotations.

Both live in QSettings ("ui/language", "user/name"). The language is read once, when
the application starts (Qt installs translators before widgets are built), and the
dialog says so; the user name applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from qe_desktop.services.locations import default_user_name
from qe_desktop.ui.dialog_buttons import body_and_buttons
from qe_desktop.ui.fields import room_for_placeholders

LANGUAGE_KEY = "ui/language"
USER_NAME_KEY = "user/name"
DEFAULT_LANGUAGE = "fr"
# Each language is named in itself, so anyone can find theirs.
LANGUAGES = (("fr", "Français"), ("en", "English"))


def saved_language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in dict(LANGUAGES) else DEFAULT_LANGUAGE


def saved_user_name(settings: QSettings) -> str:
    """The name chosen in the preferences, else the operating system's user name."""
    value = str(settings.value(USER_NAME_KEY, "") or "").strip()
    return value or default_user_name()


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(saved_language(settings)))
        language_note = QLabel(self.tr("The new language is used from the next start."))
        language_note.setWordWrap(True)
        language_note.setStyleSheet("color: #555;")
        self.user_name = QLineEdit(saved_user_name(settings))
        self.user_name.setObjectName("userName")
        self.user_name.setPlaceholderText(default_user_name())
        user_note = QLabel(self.tr("Signs your highlights, notes and status changes."))
        user_note.setWordWrap(True)
        user_note.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", language_note)
        form.addRow(self.tr("Your &name:"), self.user_name)
        form.addRow("", user_note)
        from qe_desktop.ui.veille.preferences import VeillePreferences

        self.veille = VeillePreferences(settings, form, self)
        body_and_buttons(self, form)
        room_for_placeholders(self)
        self.setMinimumWidth(420)

    @property
    def chosen_language(self) -> str:
        return str(self.language.currentData())

    @property
    def chosen_user_name(self) -> str:
        return self.user_name.text().strip() or default_user_name()

    def accept(self) -> None:
        if not self.veille.valid():
            return
        self.veille.save(self._settings)
        self._settings.setValue(LANGUAGE_KEY, self.chosen_language)
        self._settings.setValue(USER_NAME_KEY, self.user_name.text().strip())
        self._settings.sync()
        super().accept()
