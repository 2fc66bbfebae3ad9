"""Team-library tools of the main window: open a team library, synchronise, refresh (F5).

`install_team_tools` is called once from the window's `_build_actions`; the decisions
live in services (SyncService, ChangeService), this module only asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog

from qe_desktop.services.container import Services
from qe_desktop.services.library import (
    open_library,
)
from qe_desktop.ui.host import HostWindow
from qe_desktop.ui.jobs import BackgroundCall, Job
from qe_desktop.ui.refresh import RefreshWatcher

if TYPE_CHECKING:
    from qe_desktop.services.sync_report import SyncReport

STATUS_MS = 10_000


def open_services(location: str, like: Services) -> Services:
    """Services on another library, signed by the same user, writing PDFs the same way."""
    from qe_desktop.ui.pdf_export import write_pdf

    database = open_library(location)
    return Services.build(database, like.user, pdf_writer=write_pdf)


class TeamTools(QObject):
    opened = Signal(object)  # Services of the team library, once the window switched
    synchronized = Signal(object)  # SyncReport, once shown
    sync_failed = Signal(str)

    def __init__(
        self,
        window: HostWindow,
        opener: Callable[[str, Services], Services] = open_services,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._opener = opener
        self.open_action = QAction(self.tr("Open a &team library…"), window)
        self.open_action.triggered.connect(self.open_team_library)
        self.sync_action = QAction(self.tr("S&ynchronize with the team library…"), window)
        self.sync_action.triggered.connect(self.synchronize)
        self._sync = BackgroundCall(self)
        self._sync.done.connect(self._synchronized)
        self._sync.failed.connect(self._sync_failed)
        self._sync_progress: QProgressDialog | None = None
        self.refresh_action = QAction(self.tr("&Refresh"), window)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh_now)
        for action in (self.open_action, self.sync_action, self.refresh_action):
            window.addAction(action)
        self.watcher = RefreshWatcher(
            lambda: self.window.services.changes.data_version(),
            self,
            active=window.isVisible,
        )
        self.watcher.changed.connect(lambda: self.reload(everything=False))
        self.watcher.failed.connect(self._report_unreachable)

    def install(self, file_menu: QMenu, view_menu: QMenu) -> None:
        file_menu.addSeparator()
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.sync_action)
        view_menu.addAction(self.refresh_action)
        self.window.installEventFilter(self)  # polling starts when the window first shows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        showing = watched is self.window and event.type() == QEvent.Type.Show
        if showing and not self.watcher.timer.isActive():
            self.watcher.start()  # what is on screen now is the baseline
        return False

    # -- refresh ---------------------------------------------------------------
    def reload(self, everything: bool = True) -> None:
        """Show the library as it is now, colleagues' changes included.

        The list is always re-read. The open question is re-opened (saving what is being
        typed first, as when switching question) on F5, or when it changed underneath:
        a reload after one's own edits must not disturb the reader.
        """
        self.window.refresh()
        shown = self.window.reader.detail
        if shown is not None and (everything or self._changed_underneath(shown.key)):
            self.window.open_question(shown.key)
        self.watcher.acknowledge()

    def _changed_underneath(self, key: str) -> bool:
        try:
            now = self.window.services.questions.detail(key)
        except LookupError:  # deleted meanwhile: the list reload shows it is gone
            return False
        shown = self.window.reader.detail
        tools = getattr(self.window, "annotation_tools", None)
        if tools is None or shown is None:
            return bool(now != shown)
        controller = tools.controller
        _, note_version = self.window.services.annotations.question_note(key)
        return bool(
            now.record != shown.record
            or list(now.annotations) != controller.records
            or note_version != getattr(controller, "_note_version", note_version)
        )

    def refresh_now(self) -> None:
        self.reload()
        self.window.statusBar().showMessage(self.tr("Library refreshed."), STATUS_MS)

    def _report_unreachable(self, reason: str) -> None:
        first_line = reason.strip().splitlines()[0] if reason.strip() else ""
        message = self.tr("The library cannot be reached: %1").replace("%1", first_line)
        self.window.statusBar().showMessage(message, STATUS_MS)

    # -- open a team library ----------------------------------------------------
    def ask_location(self, title: str = "") -> str | None:
        from qe_desktop.ui.team_dialog import TeamLibraryDialog  # opened rarely

        dialog = TeamLibraryDialog(self.window.settings, self.window, title)
        if dialog.exec() != TeamLibraryDialog.DialogCode.Accepted:
            return None
        return dialog.connection_url()

    def open_team_library(self) -> Job | None:
        """Connect and migrate as a job (a server can take seconds to answer, or time out);
        the window switches to the team library when it is ready (`opened`)."""
        location = self.ask_location()
        if location is None:
            return None
        like = self.window.services
        busy = QProgressDialog(self.tr("Connecting to the team library…"), "", 0, 0, self.window)
        busy.setWindowTitle(self.tr("Open a team library"))
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(400)

        def opened(services: object) -> None:
            busy.reset()
            assert isinstance(services, Services)
            self.window.switch_library(services)
            self.opened.emit(services)

        def failed(message: str) -> None:
            busy.reset()
            QMessageBox.critical(self.window, self.tr("Cannot open the library"), message)

        job = Job("open-team-library", lambda _context: self._opener(location, like), self)
        job.succeeded.connect(opened)
        job.failed.connect(failed)
        return job.start()

    # -- synchronise -------------------------------------------------------------
    def synchronize(self) -> None:
        location = self.ask_location(self.tr("Synchronize with the team library"))
        if location is not None:
            self.synchronize_with(location)

    def synchronize_with(self, location: str) -> None:
        """Synchronise off the GUI thread: the window keeps painting while a large
        library is exchanged over the network; the report is shown when it is done."""
        if self._sync.busy:
            return
        sync = self.window.services.sync
        self.sync_action.setEnabled(False)
        progress = QProgressDialog(
            self.tr("Synchronizing with the team library…"), "", 0, 0, self.window
        )
        progress.setWindowTitle(self.tr("Synchronization"))
        progress.setCancelButton(None)  # a merge is not stopped halfway
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        self._sync_progress = progress
        self._sync.start(lambda: sync.sync_with(location))

    def _end_sync(self) -> None:
        self.sync_action.setEnabled(True)
        if self._sync_progress is not None:
            self._sync_progress.close()
            self._sync_progress.deleteLater()
            self._sync_progress = None

    def _synchronized(self, report: object) -> None:
        self._end_sync()
        from qe_desktop.services.sync_report import SyncReport  # loaded with the sync service

        assert isinstance(report, SyncReport)
        self.reload()
        self.show_report(report)
        self.synchronized.emit(report)

    def _sync_failed(self, message: str) -> None:
        self._end_sync()
        QMessageBox.critical(self.window, self.tr("Synchronization failed"), message)
        self.sync_failed.emit(message)

    def show_report(self, report: SyncReport) -> QMessageBox:
        icon = QMessageBox.Icon.Warning if report.conflicts else QMessageBox.Icon.Information
        box = QMessageBox(
            icon,
            self.tr("Synchronization"),
            report.summary(),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        if report.conflicts:
            box.setDetailedText("\n\n".join(c.describe() for c in report.conflicts))
        box.open()
        self.window.statusBar().showMessage(report.summary(), STATUS_MS)
        return box


def install_team_tools(window: HostWindow, file_menu: QMenu, view_menu: QMenu) -> TeamTools:
    """Add the team-library tools to the main window (called once, from _build_actions)."""
    tools = TeamTools(window)
    tools.install(file_menu, view_menu)
    return tools
