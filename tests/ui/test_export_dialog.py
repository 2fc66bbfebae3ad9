"""The Export dialog writes real files off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionDetail, QuestionFilter
from qe_desktop.services.container import Services
from qe_desktop.services.exporting import ExportFormat, ExportService
from qe_desktop.ui.export_dialog import ExportDialog, ScopeChoice
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.pdf_export import write_pdf
from tests.conftest import SEED_TITLE
from tests.exporters.library import (
    AN_KEY,
    COMMITMENT_QUOTE,
    SEED_KEY,
    TYPOGRAPHY_NOTE,
    add_undated_commitment,
    annotate_samples,
)


@pytest.fixture
def library(sample_services: Services) -> Services:
    annotate_samples(sample_services)
    return sample_services


def _dialog(qtbot, service: ExportService, folder: Path, **kwargs: object) -> ExportDialog:
    dialog = ExportDialog(service, folder=folder, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _run(qtbot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_result is not None and not dialog.running, timeout=20_000)


# The title cut between words to fit 120 characters: never "…services publi.docx".
CUT_TITLE = SEED_TITLE.removesuffix(" publics")


def test_current_question_to_word(qtbot, library: Services, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, library.exporting, tmp_path, current_key=SEED_KEY)
    dialog.set_format(ExportFormat.DOCX)
    assert dialog.scope_buttons[ScopeChoice.CURRENT].isChecked()
    expected = tmp_path / f"Note de synthèse — QE du 30-01-2025 — {CUT_TITLE}.docx"
    assert Path(dialog.path_edit.text()) == expected  # the title, sanitized, and the extension
    _run(qtbot, dialog)
    note = docx.Document(str(expected))
    texts = [p.text for p in note.paragraphs]
    assert "QE du 30/01/2025 — " + SEED_TITLE in texts
    assert any(TYPOGRAPHY_NOTE in t for t in texts)
    assert [c.text for c in note.tables[-1].rows[1].cells][1] == COMMITMENT_QUOTE
    assert dialog.message_box is not None
    assert str(expected) in dialog.message_box.text()
    dialog.message_box.done(QMessageBox.StandardButton.Ok)
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_selected_questions_to_a_spreadsheet(qtbot, library: Services, tmp_path: Path) -> None:
    dialog = _dialog(
        qtbot, library.exporting, tmp_path, current_key=AN_KEY, selected_keys=[SEED_KEY, AN_KEY]
    )
    assert dialog.scope_buttons[ScopeChoice.SELECTED].isChecked()
    dialog.set_format(ExportFormat.XLSX)
    assert not dialog.only_annotated_check.isEnabled()  # document options only
    path = Path(dialog.path_edit.text())
    assert path.suffix == ".xlsx" and path.name.startswith("Annotations")
    _run(qtbot, dialog)
    rows = list(openpyxl.load_workbook(path)["Annotations"].iter_rows(values_only=True))
    assert {row[0] for row in rows[1:]} == {SEED_KEY, AN_KEY}
    assert len(rows) == 5


def test_filter_result_to_pdf(qtbot, library: Services, tmp_path: Path) -> None:
    from pypdf import PdfReader

    service = ExportService(library.questions, write_pdf)
    overdue = QuestionFilter(statuses=frozenset({Status.OVERDUE}))
    dialog = _dialog(qtbot, service, tmp_path, current_filter=overdue)
    assert dialog.scope_buttons[ScopeChoice.FILTER].isChecked()
    assert "(2)" in dialog.scope_buttons[ScopeChoice.FILTER].text()
    dialog.set_format(ExportFormat.PDF)
    dialog.title_edit.setText("Questions en retard")
    dialog.path_edit.setText(str(tmp_path / "retard.pdf"))
    dialog.path_edit.textEdited.emit("retard")
    _run(qtbot, dialog)
    reader = PdfReader(str(tmp_path / "retard.pdf"))
    text = " ".join(page.extract_text() for page in reader.pages).replace("\t", " ")
    assert "Questions en retard" in text
    assert "sans réponse, délai expiré le" in text


def test_changing_the_format_changes_the_extension(
    qtbot, library: Services, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, library.exporting, tmp_path, current_key=SEED_KEY)
    dialog.path_edit.setText(str(tmp_path / "ma note.docx"))
    dialog.path_edit.textEdited.emit("ma note")
    dialog.set_format(ExportFormat.MARKDOWN)
    assert dialog.path_edit.text() == str(tmp_path / "ma note.md")


def test_cancel_while_running_writes_nothing(
    qtbot, library: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = library.questions.detail
    gate = threading.Event()  # the export waits at its first question until Cancel is pressed

    def slow(key: str) -> QuestionDetail:
        gate.wait(10)
        return detail(key)

    monkeypatch.setattr(library.questions, "detail", slow)
    dialog = _dialog(qtbot, library.exporting, tmp_path)
    assert dialog.scope_buttons[ScopeChoice.ALL].isChecked()
    dialog.set_format(ExportFormat.MARKDOWN)
    path = Path(dialog.path_edit.text())
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.running, timeout=10_000)
    assert not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: dialog.last_result is not None and not dialog.running, timeout=20_000)
    assert dialog.last_result is not None and dialog.last_result.cancelled
    assert not path.exists()
    assert not list(tmp_path.glob("*.md")) and not list(tmp_path.glob(".*.tmp"))
    assert dialog.export_button.isEnabled()


def test_a_failure_is_shown_and_the_dialog_stays(qtbot, library: Services, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, library.exporting, tmp_path, current_key=SEED_KEY)
    dialog.path_edit.setText(str(tmp_path / "absent" / "note.docx"))
    dialog.path_edit.textEdited.emit("x")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message_box is not None, timeout=20_000)
    assert dialog.message_box is not None
    assert "Impossible d'écrire" in dialog.message_box.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_file_menu_opens_the_dialog_with_the_current_question(
    qtbot, sample_window: MainWindow, tmp_path: Path
) -> None:
    window = sample_window
    window.show_question(SEED_KEY)
    assert window.export_action.shortcut().toString()
    assert window.export_action in window.menuBar().actions()[0].menu().actions()
    dialog = window.open_export()
    qtbot.addWidget(dialog)
    assert dialog.scope_buttons[ScopeChoice.CURRENT].isChecked()
    assert SEED_TITLE[:40] in dialog.path_edit.text()


def test_the_folder_and_format_are_remembered(qtbot, library: Services, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    out = tmp_path / "exports"
    out.mkdir()
    first = _dialog(qtbot, library.exporting, out, current_key=SEED_KEY, settings=settings)
    first.set_format(ExportFormat.MARKDOWN)
    _run(qtbot, first)
    assert first.last_result is not None and first.last_result.path.parent == out
    second = ExportDialog(library.exporting, current_key=SEED_KEY, settings=settings)
    qtbot.addWidget(second)
    assert second.format is ExportFormat.MARKDOWN
    assert Path(second.path_edit.text()).parent == out


def test_calendar_export_says_what_it_left_out(qtbot, library: Services, tmp_path: Path) -> None:
    add_undated_commitment(library)
    dialog = _dialog(qtbot, library.exporting, tmp_path, current_key=SEED_KEY)
    dialog.set_format(ExportFormat.ICS)
    dialog.scope_buttons[ScopeChoice.ALL].setChecked(True)
    _run(qtbot, dialog)
    assert dialog.message_box is not None
    summary = dialog.message_box.informativeText()
    assert "1 engagement(s) exporté(s), 1 sans échéance ignoré(s)" in summary
    dialog.message_box.done(QMessageBox.StandardButton.Ok)
