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
