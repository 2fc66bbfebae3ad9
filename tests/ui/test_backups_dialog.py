"""Restoring a backup from the window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from qe_desktop.domain.annotation import Part
from qe_desktop.services.annotations import AnnotationFilter
from qe_desktop.ui import backups_dialog
from qe_desktop.ui.main_window import MainWindow
from tests.conftest import SAMPLES, SEED


def test_restore_from_the_window_brings_the_old_library_back(
    sample_window: MainWindow, monkeypatch, qtbot
) -> None:
    window = sample_window
    services = window.services
    before = services.questions.total()
    snapshot = services.backups.create()
    services.importing.import_paths([SEED, SAMPLES])
    services.annotations.create(
        window.library.model.row_at(0).key, Part.QUESTION, 0, 10, "important"
    )
    monkeypatch.setattr(
        backups_dialog.BackupsDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    chosen = next(b for b in services.backups.list() if b.path == snapshot)
    monkeypatch.setattr(backups_dialog.BackupsDialog, "chosen", lambda self: chosen)
    assert window.restore_backup_action.text()
    job = backups_dialog.restore_from_window(window, services.backups)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert services.questions.total() == before
    assert services.annotations.search(AnnotationFilter()) == []
    assert window.library.model.rowCount() == before


def test_dialog_lists_backups_newest_first(qtbot, services) -> None:
    services.importing.import_paths([SEED])
    first = services.backups.create()
    second = services.backups.create()
    dialog = backups_dialog.BackupsDialog(services.backups.list())
    qtbot.addWidget(dialog)
    assert dialog.list.count() >= 2
    assert dialog.chosen().path == second
    assert first != second


def test_import_history_lists_the_imports_and_their_failures(
    sample_window: MainWindow, qtbot, tmp_path
) -> None:
    from qe_desktop.ui.import_history_dialog import show_import_history

    sample_window.services.importing.import_paths([tmp_path / "absent.txt"])
    dialog = show_import_history(sample_window, sample_window.services.import_history)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 2
    assert "absent.txt" in dialog.table.item(0, 1).text()
    assert dialog.table.item(0, 5).text() == "1"
    assert "absent.txt" in dialog.details.toPlainText()
    assert sample_window.import_history_action.text()
