"""Fixtures for window tests: a real MainWindow on a real temporary library."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from qe_desktop.services.container import Services
from qe_desktop.ui.application import make_application
from qe_desktop.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, services: Services, settings: QSettings) -> Iterator[MainWindow]:
    make_application()
    win = MainWindow(services, settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.refresh()
    win.show()
    yield win


@pytest.fixture
def sample_window(qtbot, sample_services: Services, settings: QSettings) -> Iterator[MainWindow]:
    make_application()
    win = MainWindow(sample_services, settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.refresh()
    win.show()
    yield win


@pytest.fixture(autouse=True)
def _join_background_work() -> Iterator[None]:
    """Let background calls (e.g. the answer coverage of an opened question) end with the test."""
    yield
    from qe_desktop.ui.jobs import wait_for_jobs

    wait_for_jobs()
