"""The first thing an empty library shows: how to get questions in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

TEXT_WIDTH = 560


class WelcomePanel(QWidget):
    import_requested = Signal()
    folder_requested = Signal()
    samples_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to qe-desktop"))
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        text = QLabel(
            self.tr(
                "Your library is empty. Import written questions (Sénat pages, "
                "Assemblée nationale open data) or start with the sample questions."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A wrapped label placed with an alignment gets no height-for-width: fix both.
        text.setFixedWidth(TEXT_WIDTH)
        text.setMinimumHeight(text.heightForWidth(TEXT_WIDTH))
        self.text = text
        self.import_button = QPushButton(self.tr("Import…"))
        self.folder_button = QPushButton(self.tr("Import a folder…"))
        self.samples_button = QPushButton(self.tr("Load the sample questions"))
        for button in (self.import_button, self.folder_button, self.samples_button):
            button.setMinimumWidth(280)
            button.setMinimumHeight(36)
        self.import_button.clicked.connect(self.import_requested)
        self.folder_button.clicked.connect(self.folder_requested)
        self.samples_button.clicked.connect(self.samples_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (title, text, self.import_button, self.folder_button, self.samples_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        layout.setSpacing(14)
