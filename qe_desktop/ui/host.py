"""The main window as feature installers see it, declared below them.

Installers (annotations, commitments, analyses, team tools, backups) need the window's
services, panels and a few actions. Typing them against `MainWindow` would make each of
them import the module that imports them; typing them as `Any` would leave them
unchecked. `HostWindow` declares what they may use; `MainWindow` is one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from qe_desktop.services.container import Services
    from qe_desktop.ui.library_panel import LibraryPanel
    from qe_desktop.ui.reader.reader_panel import ReaderPanel


class HostWindow(QMainWindow):
    """A main window that shows one library: what every installer may rely on."""

    # key: a question the user opened (a click or key in the list, a link, a search
    # result, a news item), not one the window opened by itself (start-up, after an import)
    question_opened_by_user = Signal(str)

    services: Services
    settings: QSettings
    library: LibraryPanel
    reader: ReaderPanel
    quit_action: QAction
    preferences_action: QAction
    paste_action: QAction
    shortcuts_action: QAction  # set by the Help menu's installer

    def refresh(self) -> None:
        """Show the library as it is now (after an import, a restore, a sync)."""
        raise NotImplementedError

    def show_question(self, key: str, *, by_user: bool = False) -> bool:
        """Select and show one question; False when the library has no such key.

        `by_user`: the user asked for it (a link, a search result, a news item).
        """
        raise NotImplementedError

    def open_question(self, key: str) -> None:
        """Show a question even when the list's filters hide it."""
        raise NotImplementedError

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders as a background job, with progress and a report."""
        raise NotImplementedError

    def switch_library(self, services: Services) -> HostWindow:
        """Show another library in a new window; this one closes."""
        raise NotImplementedError
