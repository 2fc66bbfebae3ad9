"""When someone else saved first: show both versions and let the user choose.

Nothing is ever overwritten silently; the controller calls `choose_version`
(a module function, so tests can stand in for the user's choice).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from qe_desktop.domain.annotation import AnnotationRecord


class Choice(Enum):
    KEEP_MINE = "mine"
    TAKE_THEIRS = "theirs"


class ConflictDialog(QDialog):
    def __init__(self, mine: str, theirs: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = Choice.TAKE_THEIRS
        layout = QGridLayout(self)
        explanation = QLabel(
            self.tr(
                "Someone else saved this item while you were editing it. "
                "Choose the version to keep; the other one is discarded."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation, 0, 0, 1, 2)
        for column, (title, text) in enumerate(
            ((self.tr("Your version"), mine), (self.tr("Their version"), theirs))
        ):
            layout.addWidget(QLabel(f"<b>{title}</b>"), 1, column)
            view = QPlainTextEdit(text)
            view.setReadOnly(True)
            view.setMinimumWidth(260)
            layout.addWidget(view, 2, column)
        self.keep_mine_button = QPushButton(self.tr("Keep mine"))
        self.take_theirs_button = QPushButton(self.tr("Take theirs"))
        self.take_theirs_button.setDefault(True)
        self.keep_mine_button.clicked.connect(lambda: self._choose(Choice.KEEP_MINE))
        self.take_theirs_button.clicked.connect(lambda: self._choose(Choice.TAKE_THEIRS))
        layout.addWidget(self.keep_mine_button, 3, 0)
        layout.addWidget(self.take_theirs_button, 3, 1)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def choose_version(parent: QWidget | None, mine: str, theirs: str) -> Choice:
    """Ask the user; closing the dialog changes nothing that is stored (theirs stays)."""
    dialog = ConflictDialog(mine, theirs, parent)
    dialog.exec()
    return dialog.choice


def describe(record: AnnotationRecord | None, category_label: str = "") -> str:
    """A record as the user knows it: category, tags, note (for the conflict dialog)."""
    if record is None:
        return "—"
    if record.deleted:
        return QCoreApplication.translate("ConflictDialog", "(deleted)")
    lines = [category_label or record.category]
    if record.tags:
        lines.append("#" + " #".join(record.tags))
    lines.append("")
    lines.append(record.note)
    lines.append("")
    lines.append(f"— {record.creator}, {record.modified:%d/%m/%Y %H:%M}")
    return "\n".join(lines)
