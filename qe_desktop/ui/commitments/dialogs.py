"""Dialogs of the commitment tracker: a status change, a due date, a follow-up question draft.

They only ask and show; the Commitments view hands the answers to CommitmentService.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.annotation import CommitmentStatus, DatePrecision, StatusChange
from qe_desktop.domain.due_input import parse_due_input
from qe_desktop.exporters.follow_up import write_follow_up
from qe_desktop.ui.commitments.labels import due_text, precision_text, status_text
from qe_desktop.ui.dialog_buttons import ok_cancel_buttons

QUOTE_CHARS = 400
DRAFT_FILTER = "Document Word (*.docx);;Texte (*.txt)"


def _quote_label(quote: str) -> QLabel:
    text = " ".join(quote.split())
    label = QLabel(f"« {text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + '…'} »")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("color: #343a40; font-style: italic;")
    return label


def _notice_label(text: str) -> QLabel:
    """Why the dialog is open again (a conflict or a failed save), above what was typed."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("background:#fff4e5;border:1px solid #f4a261;padding:4px")
    label.setVisible(bool(text))
    return label


class StatusDialog(QDialog):
    """Choose a new status and say why, with the evidence; the history is shown below."""

    def __init__(
        self,
        quote: str,
        current: CommitmentStatus,
        history: tuple[StatusChange, ...],
        parent: QWidget | None = None,
        notice: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Commitment status"))
        self.notice = _notice_label(notice)
        self.resize(620, 480)
        self.status_combo = QComboBox()
        for status in CommitmentStatus:
            self.status_combo.addItem(status_text(status), status.value)
        self.status_combo.setCurrentIndex(list(CommitmentStatus).index(current))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why: what was published, said or not done"))
        self.reason_edit.setFixedHeight(70)
        self.evidence_edit = QLineEdit()
        self.evidence_edit.setPlaceholderText(self.tr("Link, JO reference, document…"))
        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status_combo)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.tr("Evidence"), self.evidence_edit)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        headers = [self.tr("When"), self.tr("Who"), self.tr("Status"), self.tr("Why")]
        self.history.setHeaderLabels([*headers, self.tr("Evidence")])
        for change in reversed(history):  # newest first
            local = change.at.astimezone()
            item = QTreeWidgetItem(
                self.history,
                [
                    local.strftime("%d/%m/%Y %H:%M"),
                    change.author,
                    status_text(change.status),
                    change.reason,
                    change.evidence,
                ],
            )
            item.setToolTip(3, change.reason)
            item.setToolTip(4, change.evidence)
        for column in range(3):
            self.history.resizeColumnToContents(column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(_quote_label(quote))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history, 1)
        layout.addWidget(ok_cancel_buttons(self))

    def set_typed(self, status: CommitmentStatus, reason: str, evidence: str) -> None:
        """Put back what the user typed before a save that did not go through."""
        self.status_combo.setCurrentIndex(list(CommitmentStatus).index(status))
        self.reason_edit.setPlainText(reason)
        self.evidence_edit.setText(evidence)

    @property
    def chosen_status(self) -> CommitmentStatus:
        return CommitmentStatus(self.status_combo.currentData())

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    @property
    def evidence(self) -> str:
        return self.evidence_edit.text().strip()


class DueDateDialog(QDialog):
    """Correct a due date and its precision ("juin 2025" is the month, not the 30th)."""

    def __init__(
        self,
        quote: str,
        due: date | None,
        precision: DatePrecision,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Due date"))
        self.resize(520, 260)
        self.phrase_edit = QLineEdit()
        self.phrase_edit.setPlaceholderText(self.tr("juin 2025, fin 2025, T3 2026, 30/06/2025…"))
        self.phrase_edit.setToolTip(
            self.tr("Type the due date as the answer says it; the date and precision follow")
        )
        self.phrase_edit.setAccessibleName(self.tr("Due date, in words"))
        self.phrase_note = QLabel()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCurrentSection(QDateEdit.Section.DaySection)
        start = due or date.today()
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.precision_combo = QComboBox()
        for item in DatePrecision:
            self.precision_combo.addItem(precision_text(item), item.value)
        self.precision_combo.setCurrentIndex(list(DatePrecision).index(precision))
        self.undated_check = QCheckBox(self.tr("No due date"))
        self.undated_check.setChecked(due is None)
        self.preview = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Due (in words)"), self.phrase_edit)
        form.addRow("", self.phrase_note)
        form.addRow(self.tr("Due on"), self.date_edit)
        form.addRow(self.tr("Precision"), self.precision_combo)
        form.addRow("", self.undated_check)
        form.addRow(self.tr("Shown as"), self.preview)
        layout = QVBoxLayout(self)
        layout.addWidget(_quote_label(quote))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self))
        self.date_edit.dateChanged.connect(self._update)
        self.precision_combo.currentIndexChanged.connect(self._update)
        self.undated_check.toggled.connect(self._update)
        self.phrase_edit.textEdited.connect(self._phrase_typed)
        self._update()

    def _phrase_typed(self, text: str) -> None:
        """ "juin 2025" sets the 30th of June and the month precision, "fin 2025" the year."""
        found = parse_due_input(text, date.today())
        if found is None or found.due is None:
            self.phrase_note.setText(self.tr("Not understood yet") if text.strip() else "")
            return
        self.phrase_note.clear()
        self.undated_check.setChecked(False)
        due = found.due
        self.date_edit.setDate(QDate(due.year, due.month, due.day))
        self.precision_combo.setCurrentIndex(list(DatePrecision).index(found.precision))

    def _update(self) -> None:
        undated = self.undated_check.isChecked()
        self.date_edit.setEnabled(not undated)
        self.precision_combo.setEnabled(not undated)
        self.preview.setText(due_text(self.chosen_due, self.chosen_precision))

    @property
    def chosen_due(self) -> date | None:
        if self.undated_check.isChecked():
            return None
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    @property
    def chosen_precision(self) -> DatePrecision:
        if self.undated_check.isChecked():
            return DatePrecision.VAGUE
        return DatePrecision(self.precision_combo.currentData())


class FollowUpDialog(QDialog):
    """The follow-up question draft: edit it, copy it, or save it as .docx / .txt."""

    def __init__(self, draft: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Follow-up written question"))
        self.resize(720, 420)
        self.editor = QPlainTextEdit(draft)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        hint = QLabel(self.tr("A draft: read it and adapt it before tabling the question."))
        hint.setStyleSheet("color: #6c757d;")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.clicked.connect(self.choose_file)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(box)

    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text)
        self.copy_button.setText(self.tr("Copied"))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the draft"), "question-de-relance.docx", DRAFT_FILTER
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            write_follow_up(self.text, path)
        except OSError as error:
            QMessageBox.critical(self, self.tr("Save the draft"), str(error))
            return False
        return True
