"""The window's start: the first rows on screen first, then the services (#25).

Importing SQLAlchemy's ORM and the services' modules took about 0.9 s before the first
paint, more than the whole budget for the first rows. On a SQLite library at head the
window is first built with the list and an empty reader only, its first page read by
the standard library's `sqlite3` (`services.quick_read.first_rows`); once that page is
painted, the services are built and `MainWindow.attach` adds the menus, docks and
features, reads the list's pages again in full and opens the question due to open.
Anything else (PostgreSQL, a schema to migrate, a file that cannot be read light, a
filter or sort the light reader does not read) goes the way it always went: services
first, then the window.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.settings_dialog import saved_user_name
from qe_desktop.ui.warm_up import after_first_paint

if TYPE_CHECKING:
    from qe_desktop.services.container import Services
    from qe_desktop.services.quick_read import QuickQuestions
    from qe_desktop.ui.daily_care import DailyCare

logger = logging.getLogger(__name__)

EXIT_CANNOT_OPEN = 3
ATTACH_AT_THE_LATEST_MS = 2_000  # a window never painted (minimised) still gets its services


class Startup:
    """Opens the window on one library, first rows first; `attached` once all is in."""

    def __init__(
        self,
        location: str,
        settings: QSettings,
        build_services: Callable[[str], Services],
        *,
        background: bool = True,
    ) -> None:
        """`background=False` leaves out the daily check and the Veille's updates (the
        window probe measures the window alone, as it always did)."""
        self.location = location
        self.background = background
        self.settings = settings
        self.build_services = build_services
        self.window: MainWindow | None = None
        self.services: Services | None = None
        self.care: DailyCare | None = None
        self.exit_code: int | None = None  # set when the library cannot be opened
        self._light: QuickQuestions | None = None

    @property
    def attached(self) -> bool:
        """True once the services are in (or opening them failed: see `exit_code`)."""
        return self.exit_code is not None or (self.window is not None and self.window.attached)

    def build(self) -> MainWindow | None:
        """The window, state restored, not yet shown (None: the library cannot be opened)."""
        from qe_desktop.services.quick_read import first_rows

        self._light = first_rows(self.location)
        if self._light is not None:
            window = MainWindow(None, self.settings, first_rows=self._light)
            window.restore_state()
            model = window.library.model
            if self._light.reads(model.current_filter, model.current_sort):
                self.window = window
                return window
            window.deleteLater()  # a filter or sort only the services read: today's path
            self._drop_light()
        services = self._open_services()
        if services is None:
            return None
        self.window = MainWindow(services, self.settings)
        self.window.restore_state()
        return self.window

    def show(self) -> None:
        """Show the window: its rows read and painted, the rest attached right after."""
        window = self.window
        assert window is not None
        try:
            window.refresh(first_question_after_paint=True)  # the rows first, then the reader
        except Exception:  # a page the light reader cannot read: the services will
            if window.attached:
                raise
            logger.warning("First rows not read light; the services read them", exc_info=True)
            self._attach()
            window.refresh(first_question_after_paint=True)
        window.show()
        if window.attached:
            self._services_in()
            return
        shown: QWidget = window.welcome
        if window.stack.currentWidget() is window.desk:
            shown = window.library.table.viewport()
        after_first_paint(shown, self._attach)
        QTimer.singleShot(ATTACH_AT_THE_LATEST_MS, self._attach)

    def _attach(self) -> None:
        window = self.window
        if window is None or self.attached:
            return
        services = self._open_services()
        self._drop_light()
        if services is None:
            window.close()
            QApplication.quit()
            return
        window.attach(services)
        self._services_in()

    def _services_in(self) -> None:
        """What starts once the services are in: the day's check and backup, the Veille.

        The cyclic collector, off since `qe_desktop.__main__` started, comes on here:
        everything loaded so far (SQLAlchemy, the services, the window) lives as long
        as the window, so it is frozen first and collections never scan it again.
        """
        from qe_desktop.ui.daily_care import start_daily_care

        gc.freeze()
        gc.enable()
        window = self.window
        assert window is not None
        if not self.background:
            return
        self.care = start_daily_care(window.services.backups, window)
        window.veille_tools.start_schedule()  # an update soon, then every N hours

    def _drop_light(self) -> None:
        if self._light is not None:
            self._light.close()
            self._light = None

    def _open_services(self) -> Services | None:
        """The services, or None with the reason shown (`exit_code` set)."""
        from qe_desktop.services.library import (
            CorruptDatabaseError,
            LibraryUnavailableError,
            NewerDatabaseError,
        )

        try:
            services = self.build_services(self.location)
        except (NewerDatabaseError, CorruptDatabaseError, LibraryUnavailableError) as error:
            title = QCoreApplication.translate("Application", "Cannot open the library")
            _show_cannot_open(title, error)
            self.exit_code = EXIT_CANNOT_OPEN
            return None
        services.current_user.name = saved_user_name(self.settings)
        self.services = services
        return services

    def wait(self) -> None:
        """Let the day's check and backup end (after the event loop)."""
        if self.care is not None:
            self.care.wait()


def _show_cannot_open(title: str, error: Exception) -> None:
    """The French reason; a server's own (English) words only behind "Show Details…"."""
    detail = str(getattr(error, "detail", "") or "")
    if not detail:
        QMessageBox.critical(None, title, str(error))
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, str(error))
    box.setDetailedText(detail)
    box.exec()
