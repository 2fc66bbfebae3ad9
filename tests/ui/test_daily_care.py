"""The daily check and backup run behind the window; a damaged library is reported."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from qe_desktop.services.library import CorruptDatabaseError
from qe_desktop.storage.backups import list_backups
from qe_desktop.ui.daily_care import start_daily_care
from tests.conftest import SEED


def test_the_daily_backup_is_taken_behind_the_shown_window(window, qtbot) -> None:
    library = window.services.database.path
    window.services.importing.import_paths([SEED])  # a new, empty library is not copied
    care = start_daily_care(window.services.backups, window)
    care.wait()
    assert [b.reason for b in list_backups(library)].count("quotidienne") == 1


class _DamagedLibrary:
    def daily(self) -> None:
        raise CorruptDatabaseError("La bibliothèque est endommagée : restaurez une sauvegarde.")


def test_a_damage_found_in_the_background_is_shown(
    window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    care = start_daily_care(_DamagedLibrary(), window)  # type: ignore[arg-type]
    care.wait()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "restaurez une sauvegarde" in shown[0]


class _FullDisk:
    def daily(self) -> None:
        raise OSError(28, "No space left on device")


def test_a_failed_daily_backup_is_logged_and_said_not_swallowed(
    window, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    care = start_daily_care(_FullDisk(), window)  # type: ignore[arg-type]
    care.wait()
    qtbot.waitUntil(lambda: "No space left" in window.statusBar().currentMessage(), timeout=5000)
    assert any("No space left" in r.getMessage() for r in caplog.records)
