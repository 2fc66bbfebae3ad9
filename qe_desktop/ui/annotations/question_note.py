"""The free note of the open question: saved as the user types, never lost on an error.

The "unsaved" flag is cleared only when the controller reports a successful save
(`saved`); a failed save keeps the text in the editor with the reason and a Retry
button. While the user types, the text is handed out (`draft`) to be written to the
drafts file, so that a crash loses nothing either; a draft found again is shown
with Retry and Discard.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qe_desktop.ui.annotations.editors import FocusOutPlainTextEdit

NOTE_SAVE_DELAY_MS = 1500
DRAFT_DELAY_MS = 300


class QuestionNoteBox(QGroupBox):
    save_requested = Signal(str)  # after a pause, on focus out, or on Retry
    draft = Signal(str)  # the text typed so far (not saved yet)
    discard_requested = Signal()  # forget the draft, show the saved note again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Note on the question"), parent)
        self.dirty = False
        self.editor = FocusOutPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Free note, saved as you type"))
        self.editor.setMaximumHeight(110)
        self.editor.setMinimumHeight(36)  # small screens: the editor's buttons stay in view
        self.editor.textChanged.connect(self._typed)
        self.editor.focus_lost.connect(self.flush)
        self.status = QLabel()
        self.status.setStyleSheet("color:#666")
        self.status.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.clicked.connect(self.retry)
        self.discard_button = QPushButton(self.tr("Discard the draft"))
        self.discard_button.clicked.connect(self.discard_requested.emit)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._write_draft)
        self._show_buttons(retry=False, discard=False)

    def _show_buttons(self, *, retry: bool, discard: bool) -> None:
        self.retry_button.setVisible(retry)
        self.discard_button.setVisible(discard)

    def set_text(self, text: str) -> None:
        """Show a saved note (another question opened, or their version kept)."""
        self._save_timer.stop()
        self._draft_timer.stop()
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self.dirty = False
        self.status.clear()
        self._show_buttons(retry=False, discard=False)

    def restore_draft(self, text: str) -> None:
        """Offer back a note that was typed but never saved (a crash, a failed save)."""
        self.set_text(text)
        self.dirty = True
        self.status.setText(self.tr("Unsaved draft found: it is not in the library yet."))
        self._show_buttons(retry=True, discard=True)

    def saved(self, message: str) -> None:
        self.dirty = False
        self.status.setText(message)
        self._show_buttons(retry=False, discard=False)

    def failed(self, reason: str) -> None:
        """The save did not go through: the text stays, the user can retry."""
        self.dirty = True
        self.status.setText(self.tr("Not saved: %1").replace("%1", reason))
        self._show_buttons(retry=True, discard=False)

    def _typed(self) -> None:
        self.dirty = True
        self.status.setText(self.tr("Not saved yet…"))
        self._save_timer.start()
        self._draft_timer.start()

    def _write_draft(self) -> None:
        if self.dirty:
            self.draft.emit(self.editor.toPlainText())

    def flush(self) -> None:
        """Save now if something was typed (also before another question opens).

        `dirty` stays set until the controller says the save succeeded.
        """
        self._save_timer.stop()
        if self.dirty:
            self._draft_timer.stop()
            self.save_requested.emit(self.editor.toPlainText())

    def retry(self) -> None:
        self.dirty = True
        self.flush()
