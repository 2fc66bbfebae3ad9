"""The Export dialog: which questions, format, options and file; runs off the GUI thread."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.exporters.formats import ExportFormat
from qe_desktop.services.exporting import (
    ExportOptions,
    ExportResult,
    ExportService,
    Scope,
)
from qe_desktop.ui.jobs import Job, JobContext
from qe_desktop.ui.labels import count_text

FOLDER_SETTING = "export/folder"
FORMAT_SETTING = "export/format"


class ScopeChoice(Enum):
    CURRENT = "current"
    SELECTED = "selected"
    FILTER = "filter"
    ALL = "all"


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult, once a file is written

    def __init__(
        self,
        service: ExportService,
        *,
        current_key: str | None = None,
        selected_keys: list[str] | None = None,
        current_filter: QuestionFilter | None = None,
        sort: Sort | None = None,
        settings: QSettings | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self._service = service
        self._current_key = current_key
        self._selected = list(selected_keys or [])
        self._filter = current_filter or QuestionFilter()
        self._sort = sort
        self._settings = settings
        self._folder = folder or self._remembered_folder()
        self._path_edited = False
        self._job: Job | None = None
        self.last_result: ExportResult | None = None
        self.message_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_scope())
        layout.addWidget(self._build_format())
        layout.addWidget(self._build_output())
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self._choose_default_scope()
        self._on_format_changed()

    # -- construction ------------------------------------------------------------
    def _build_scope(self) -> QGroupBox:
        box = QGroupBox(self.tr("Questions"))
        column = QVBoxLayout(box)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[ScopeChoice, QRadioButton] = {}
        counts = {
            ScopeChoice.CURRENT: 1 if self._current_key else 0,
            ScopeChoice.SELECTED: len(self._selected),
            ScopeChoice.FILTER: self._service.count(self._filter),
            ScopeChoice.ALL: self._service.count(None),
        }
        texts = {
            ScopeChoice.CURRENT: self.tr("Current question"),
            ScopeChoice.SELECTED: self.tr("Selected questions (%1)"),
            ScopeChoice.FILTER: self.tr("Questions in the current list (%1)"),
            ScopeChoice.ALL: self.tr("The whole library (%1)"),
        }
        for choice in ScopeChoice:
            button = QRadioButton(texts[choice].replace("%1", count_text(counts[choice])))
            button.setEnabled(counts[choice] > 0)
            self.scope_group.addButton(button)
            self.scope_buttons[choice] = button
            column.addWidget(button)
            button.toggled.connect(self._on_scope_toggled)
        return box

    def _build_format(self) -> QGroupBox:
        box = QGroupBox(self.tr("Format and options"))
        form = QFormLayout(box)
        self.format_combo = QComboBox()
        for fmt in self._service.available_formats():
            self.format_combo.addItem(fmt.label, fmt.value)
        remembered = self._settings.value(FORMAT_SETTING) if self._settings else None
        index = self.format_combo.findData(remembered or ExportFormat.DOCX.value)
        self.format_combo.setCurrentIndex(max(index, 0))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title taken from the questions"))
        self.question_text_check = QCheckBox(self.tr("Include the text of the questions"))
        self.question_text_check.setChecked(True)
        self.only_annotated_check = QCheckBox(self.tr("Only the annotated passages"))
        self.commitments_check = QCheckBox(self.tr("Table of commitments"))
        self.commitments_check.setChecked(True)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Title:"), self.title_edit)
        for check in (self.question_text_check, self.only_annotated_check, self.commitments_check):
            form.addRow("", check)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.title_edit.editingFinished.connect(self._refresh_path)
        return box

    def _build_output(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(self.tr("File:")))
        self.path_edit = QLineEdit()
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        line.addWidget(self.path_edit, 1)
        line.addWidget(self.browse_button)
        return row

    def _remembered_folder(self) -> Path:
        saved = self._settings.value(FOLDER_SETTING) if self._settings else None
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents or Path.home())

    def _choose_default_scope(self) -> None:
        if len(self._selected) > 1:
            choice = ScopeChoice.SELECTED
        elif self._current_key:
            choice = ScopeChoice.CURRENT
        elif self._filter != QuestionFilter():
            choice = ScopeChoice.FILTER
        else:
            choice = ScopeChoice.ALL
        self.scope_buttons[choice].setChecked(True)

    # -- state -------------------------------------------------------------------
    @property
    def format(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def set_format(self, fmt: ExportFormat) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt.value))

    def scope(self) -> Scope:
        choice = next(c for c, b in self.scope_buttons.items() if b.isChecked())
        if choice is ScopeChoice.CURRENT:
            return [self._current_key] if self._current_key else []
        if choice is ScopeChoice.SELECTED:
            return list(self._selected)
        if choice is ScopeChoice.FILTER:
            return self._filter
        return None

    def options(self) -> ExportOptions:
        return ExportOptions(
            title=self.title_edit.text().strip(),
            include_question_text=self.question_text_check.isChecked(),
            only_annotated=self.only_annotated_check.isChecked(),
            include_commitments=self.commitments_check.isChecked(),
        )

    def _on_format_changed(self) -> None:
        document = self.format.is_document
        for check in (self.question_text_check, self.only_annotated_check, self.commitments_check):
            check.setEnabled(document)
        if self._path_edited and self.path_edit.text():
            self.path_edit.setText(
                str(Path(self.path_edit.text()).with_suffix(self.format.extension))
            )
        else:
            self._refresh_path()

    def _on_scope_toggled(self, checked: bool) -> None:
        if checked:
            self._refresh_path()

    def _on_path_edited(self, _text: str) -> None:
        self._path_edited = True

    def _refresh_path(self) -> None:
        if self._path_edited:
            return
        name = self._service.default_file_name(
            self.scope(), self.format, self.title_edit.text().strip()
        )
        self.path_edit.setText(str(self._folder / name))

    def browse(self) -> None:
        fmt = self.format
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path_edit.text(), f"{fmt.label} (*{fmt.extension})"
        )
        if chosen:
            path = Path(chosen)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(fmt.extension)))
            self._path_edited = True

    # -- running -----------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        for widget in (self.export_button, self.browse_button, self.path_edit, self.format_combo):
            widget.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setText(self.tr("Cancel"))

    def start(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a file to write."))
            return
        path = Path(text).expanduser()
        if self._settings is not None:
            self._settings.setValue(FOLDER_SETTING, str(path.parent))
            self._settings.setValue(FORMAT_SETTING, self.format.value)
        self.last_result = None
        self._set_running(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Exporting…"))
        service, scope, fmt, options, sort = (
            self._service, self.scope(), self.format, self.options(), self._sort
        )  # fmt: skip

        def work(context: JobContext) -> ExportResult:
            return service.export(
                scope, fmt, path, options, context.progress, context.cancelled, sort
            )

        self._job = Job("export", work, self)
        self._job.progressed.connect(self._on_progress)
        self._job.succeeded.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        self._job.start()

    @property
    def running(self) -> bool:
        return self._job is not None and self._job.running

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        self.status.setText(self.tr("Exporting %1").replace("%1", name))

    def _join_thread(self) -> None:
        """Let the export's thread end before the dialog may go."""
        if self._job is not None:
            self._job.wait(10_000)

    def _on_finished(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self._join_thread()
        self._set_running(False)
        self.last_result = result
        if result.cancelled:
            self.status.setText(self.tr("Export cancelled: no file written."))
            return
        self.status.setText(str(result.path))
        self.exported.emit(result)
        self.message_box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export finished"),
            self.tr("File written:\n%1").replace("%1", str(result.path)),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.message_box.setInformativeText(result.summary())
        self.message_box.finished.connect(self.accept)
        self.message_box.open()

    def _on_failed(self, message: str) -> None:
        self._join_thread()
        self._set_running(False)
        self.status.setText(message)
        self.message_box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Export failed"), message,
            QMessageBox.StandardButton.Ok, self,
        )  # fmt: skip
        self.message_box.open()

    def _cancel_or_close(self) -> None:
        if self.running and self._job is not None:
            self._job.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _stop(self) -> None:
        if self.running and self._job is not None:
            self._job.cancel()
        self._join_thread()

    def reject(self) -> None:
        self._stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)
