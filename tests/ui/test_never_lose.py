"""Never lose a word in the window (issue #18): due dates kept, typed text kept, versions shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu
from sqlalchemy.exc import OperationalError

from qe_desktop.domain.annotation import CommitmentStatus, Part
from qe_desktop.services.container import Services
from qe_desktop.services.drafts import note_draft
from qe_desktop.ui.application import make_application
from qe_desktop.ui.main_window import MainWindow
from tests.services.versions_support import ANSWER, CUT, truncated_page, write
from tests.ui.annotating import QUOTE, open_seed, select, shortcut

CTRL = Qt.KeyboardModifier.ControlModifier
OTHER_KEY = "QANR5L14QE46830"


def _locked(*_args: object, **_kwargs: object) -> object:
    raise OperationalError("UPDATE question_notes", {}, Exception("database is locked"))


def test_ctrl_1_over_a_suggested_commitment_keeps_its_due_date(
    qtbot, window: MainWindow, services: Services
) -> None:
    """Loss 2: Ctrl+1 removed the suggestion and made an Engagement "sans date"."""
    key = open_seed(window, services)
    pane = window.reader.answer_pane
    select(pane, QUOTE)
    shortcut(qtbot, pane, Qt.Key.Key_1, CTRL)

    (row,) = services.commitments.list()
    assert row.question_key == key and row.due_date == date(2025, 6, 30)
    assert row.is_overdue  # the June 2025 roadmaps are late, as they should be
    assert services.commitments.suggestions(key) == []
    panel = window.annotation_tools.panel
    assert panel.due_button.isVisibleTo(panel) and "2025" in panel.due_label.text()


def test_the_proposed_due_date_is_shown_before_saving(
    qtbot, window: MainWindow, services: Services
) -> None:
    open_seed(window, services)
    select(window.reader.answer_pane, QUOTE)
    qtbot.waitUntil(lambda: "2025" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert "(Ctrl+1)" in message and "« d'ici juin 2025 »" in message
    assert services.commitments.list() == []  # nothing saved by looking


def test_a_highlight_due_date_is_set_from_its_menu_and_the_side_panel(
    window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    controller = window.annotation_tools.controller
    pane = window.reader.answer_pane
    start, _ = select(pane, "Convergence IA")
    record = controller.create("engagement")
    assert record is not None and record.commitment is not None
    assert record.commitment.due_date is None  # no deadline in that passage
    menu = QMenu()
    controller.extend_menu(pane, menu, start + 2)
    texts = [a.text() for a in menu.actions()]
    assert "Set the due date…" in texts
    window.annotation_tools.panel.due_button.click()
    dialog = controller.due_dates.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.undated_check.setChecked(False)
    dialog.date_edit.setDate(date(2025, 12, 31))
    dialog.accept()
    saved = services.annotations.get(record.id).commitment
    assert saved is not None and saved.due_date == date(2025, 12, 31)
    assert services.commitments.list()[0].question_key == key


def test_a_question_note_that_cannot_be_saved_is_kept_and_offered_back(
    sample_window: MainWindow, sample_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loss 3: the unsaved flag was cleared before the save; any error but a conflict lost it."""
    window, services = sample_window, sample_services
    key = "senat-20250130-fabien-genet-p246"
    window.show_question(key)
    panel = window.annotation_tools.panel
    box = panel.note_box
    monkeypatch.setattr(services.annotations, "save_question_note", _locked)
    panel.question_note.setPlainText("Relancer le cabinet en juin")
    panel.flush_question_note()
    assert box.dirty and panel.question_note.toPlainText() == "Relancer le cabinet en juin"
    assert box.retry_button.isVisibleTo(panel) and "locked" not in box.status.text()
    assert "occupée" in box.status.text()
    assert services.drafts.get(note_draft(key)).text == "Relancer le cabinet en juin"  # type: ignore[union-attr]

    window.show_question(OTHER_KEY)  # the save fails again: the draft waits
    assert panel.question_note.toPlainText() == ""
    window.show_question(key)
    assert panel.question_note.toPlainText() == "Relancer le cabinet en juin"
    assert box.retry_button.isVisibleTo(panel) and box.discard_button.isVisibleTo(panel)

    monkeypatch.undo()
    box.retry_button.click()
    assert not box.dirty
    assert services.annotations.question_note(key)[0] == "Relancer le cabinet en juin"
    assert services.drafts.get(note_draft(key)) is None


def test_a_draft_typed_before_a_crash_is_offered_back(
    qtbot, sample_services: Services, settings: QSettings
) -> None:
    key = "senat-20250130-fabien-genet-p246"
    sample_services.drafts.put(note_draft(key), "tapé juste avant la panne", 0)
    make_application()
    window = MainWindow(sample_services, settings)  # the next start
    qtbot.addWidget(window)
    window.refresh()
    window.show()
    window.show_question(key)
    panel = window.annotation_tools.panel
    assert panel.question_note.toPlainText() == "tapé juste avant la panne"
    assert panel.note_box.dirty
    panel.note_box.discard_button.click()
    assert panel.question_note.toPlainText() == ""
    assert sample_services.drafts.get(note_draft(key)) is None


def test_a_highlight_note_that_cannot_be_saved_stays_in_the_editor(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_seed(window, services)
    controller = window.annotation_tools.controller
    select(window.reader.answer_pane, "Convergence IA")
    first = controller.create("chiffre")
    select(window.reader.answer_pane, QUOTE)
    second = controller.create("important")
    assert first is not None and second is not None
    panel = window.annotation_tools.panel
    panel.select_annotation(first.id)
    monkeypatch.setattr(services.annotations, "update", _locked)
    panel.note_edit.set_text("chiffre à vérifier auprès de la DINUM")
    panel.save_button.click()
    assert panel.note_edit.text() == "chiffre à vérifier auprès de la DINUM"
    assert panel.save_button.text() == "Retry" and "occupée" in panel.edit_status.text()
    panel.select_annotation(second.id)  # leaving it: the draft is kept
    panel.select_annotation(first.id)
    assert panel.note_edit.text() == "chiffre à vérifier auprès de la DINUM"
    monkeypatch.undo()
    panel.save_button.click()
    assert services.annotations.get(first.id).note == "chiffre à vérifier auprès de la DINUM"
    assert panel.edit_status.text() == ""


def test_a_status_change_refused_by_a_conflict_keeps_the_reason_and_evidence(
    window: MainWindow, services: Services
) -> None:
    """Loss 3: on a conflict the Engagements view dropped the reason and evidence typed."""
    key = open_seed(window, services)
    (suggestion,) = services.commitments.suggestions(key)
    record = services.commitments.accept(key, suggestion)
    view = window.commitment_tools.show_view()
    view.select(record.id)
    dialog = view.change_status()
    assert dialog is not None
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("rompu"))
    dialog.reason_edit.setPlainText("Aucune feuille de route publiée au salon Vivatech")
    dialog.evidence_edit.setText("https://vivatech.com/programme-2025")
    services.commitments.change_status(  # a colleague, meanwhile
        record.id, CommitmentStatus.KEPT, "Publiées", "https://numerique.gouv.fr", record.version
    )
    dialog.accept()

    again = view.dialog
    assert again is not None and again is not dialog and again.isVisible()
    assert again.reason == "Aucune feuille de route publiée au salon Vivatech"
    assert again.evidence == "https://vivatech.com/programme-2025"
    assert again.chosen_status is CommitmentStatus.BROKEN
    assert again.notice.isVisibleTo(again) and "https://numerique.gouv.fr" in again.notice.text()
    again.accept()  # based on the current version now: saved
    saved = services.annotations.get(record.id).commitment
    assert saved is not None and saved.status is CommitmentStatus.BROKEN
    assert saved.history[-1].evidence == "https://vivatech.com/programme-2025"


def test_a_held_update_is_shown_compared_and_applied_in_the_reader(
    window: MainWindow, services: Services, tmp_path: Path
) -> None:
    key = open_seed(window, services)
    report = services.importing.import_paths([write(tmp_path, "copie.txt", truncated_page())])
    window.show_report(report)
    assert window.report_box is not None
    assert "la nouvelle version est plus courte" in window.report_box.text()
    window.open_question(key)
    bar = window.reader.version_bars[Part.ANSWER]
    assert bar.banner.isVisibleTo(window) and bar.pending is not None
    assert "plus courte" in bar.banner_text.text()
    assert bar.button.text().startswith("Version of ")
    assert bar.menu.actions()[0].text().endswith("(to check, 59 characters)")
    versions = window.annotation_tools.versions
    dialog = versions.show_version(bar.pending)
    assert "line-through" in dialog.browser.toHtml()
    dialog.close()
    bar.apply_button.click()
    assert window.reader.answer_pane.canonical == CUT
    assert not bar.banner.isVisibleTo(window)
    earlier = bar.menu.actions()[0]
    assert "earlier" in earlier.text()
    earlier.trigger()
    assert versions.dialog is not None and ANSWER[-40:] in versions.dialog.browser.toPlainText()


def test_a_highlight_note_typed_before_a_crash_is_offered_back(
    qtbot,
    window: MainWindow,
    services: Services,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = open_seed(window, services)
    select(window.reader.answer_pane, "Convergence IA")
    record = window.annotation_tools.controller.create("chiffre")
    assert record is not None
    window.annotation_tools.panel.note_edit.set_text("montant à demander au cabinet")
    draft = f"annotation:{record.id}"
    qtbot.waitUntil(lambda: services.drafts.get(draft) is not None)  # written as typed
    # the crash: this window never saves anything again (not even when it is closed)
    monkeypatch.setattr(window.annotation_tools.controller, "commit_pending", lambda: None)

    again = MainWindow(services, settings)  # the next start, without any save
    qtbot.addWidget(again)
    again.refresh()
    again.show()
    again.show_question(key)
    panel = again.annotation_tools.panel
    assert panel.select_annotation(record.id)
    assert panel.note_edit.text() == "montant à demander au cabinet"
    assert "draft" in panel.edit_status.text()
    panel.save_button.click()
    assert services.annotations.get(record.id).note == "montant à demander au cabinet"
    assert services.drafts.get(draft) is None
