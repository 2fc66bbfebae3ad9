"""Puts the Veille into the main window: the Nouveautés dock, the Veille menu, the reader's
"Follow" actions, the library's "unseen" filter, scheduled updates and tray notices.

The main window calls `install_veille` once; `start_schedule` is called by the
application once the window is shown (never in tests or screenshots).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSystemTrayIcon,
)

from qe_desktop.domain.follows import FollowKind
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.ui.dock_layout import scrolling
from qe_desktop.ui.host import HostWindow
from qe_desktop.ui.jobs import Job
from qe_desktop.ui.veille.panel import VeillePanel
from qe_desktop.ui.veille.worker import Progress, start_job

if TYPE_CHECKING:  # the sources and HTTP (httpx) load on the first update, not at start-up
    from qe_desktop.services.veille_report import UpdateReport

INTERVAL_KEY = "veille/interval_hours"
SOURCES_KEY = "veille/sources_file"
DEFAULT_INTERVAL_HOURS = 6
START_DELAY_MS = 5_000
STATUS_MS = 10_000
NOTHING = ("\x00",)  # a key no question has: "unseen only" with nothing unseen lists nothing


def interval_hours(settings: QSettings) -> int:
    try:
        return max(0, int(str(settings.value(INTERVAL_KEY, DEFAULT_INTERVAL_HOURS))))
    except ValueError:
        return DEFAULT_INTERVAL_HOURS


def sources_file(settings: QSettings) -> Path | None:
    value = str(settings.value(SOURCES_KEY, "") or "").strip()
    return Path(value) if value else None


class VeilleUi(QObject):
    def __init__(self, window: HostWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = self.window.services.veille
        self.panel = VeillePanel(self.service)
        self.dock = QDockWidget(self.tr("News"), window)
        self.dock.setObjectName("veilleDock")
        self.area = scrolling(self.panel)  # never wider than the window allows
        self.area.installEventFilter(self)  # narrow as a tab beside the side panel: restacked
        self.dock.setWidget(self.area)
        self.show_action = self.dock.toggleViewAction()
        self.show_action.setText(self.tr("&News"))
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        window.addAction(self.show_action)
        self.update_action = self._action(  # F5 is Affichage > Rafraîchir
            self.tr("&Update from the official sites"), "Shift+F5"
        )
        self.update_action.triggered.connect(lambda: self.update_now())
        self.follow_question_action = self._action(self.tr("Follow this &question"), "Ctrl+Shift+F")
        self.follow_question_action.triggered.connect(self.follow_question)
        self.follow_author_action = self._action(self.tr("Follow the &author"), None)
        self.follow_author_action.triggered.connect(self.follow_author)
        self.unseen_filter = QCheckBox(self.tr("Unseen"))
        self.unseen_filter.setObjectName("libraryUnseenFilter")
        self.unseen_filter.setToolTip(self.tr("Only the questions with unseen news"))
        self.unseen_filter.toggled.connect(self.apply_unseen_filter)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.update_now(quiet=True))
        self.tray: QSystemTrayIcon | None = None
        self._job: Job | None = None
        self._progress: QProgressDialog | None = None
        self._fetched: set[str] = set()  # pages asked for in this session
        self.fetch_on_open = False  # the running app only (start_schedule), not screenshots
        self.panel.update_requested.connect(lambda: self.update_now())
        self.panel.open_requested.connect(self.open_question)
        self.panel.seen_changed.connect(self._seen_changed)
        self.dock.visibilityChanged.connect(self._visibility_changed)
        self.window.reader.detail_shown.connect(self._detail_shown)
        self.window.question_opened_by_user.connect(self._opened_by_user)
        self._detail_shown(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area and event.type() == QEvent.Type.Resize:
            self.panel.fit_width(self.area.width())
        return False

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.panel.reload()

    def _action(self, text: str, shortcut: str | None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        self.window.addAction(action)
        return action

    def install(self, view_menu: QMenu) -> None:
        window = self.window
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        menu = window.menuBar().addMenu(self.tr("&Veille"))
        for action in (self.update_action, self.show_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.follow_question_action)
        menu.addAction(self.follow_author_action)
        view_menu.addAction(self.show_action)
        window.library.extra_tools.addWidget(self.unseen_filter)
        configured = sources_file(window.settings)
        if configured is not None:  # else the service's own (the built-in table)
            self.service.sources_file = configured

    # -- schedule ------------------------------------------------------------------------
    def start_schedule(self) -> None:
        """An update soon after start, then every N hours (Preferences; 0: never)."""
        self.fetch_on_open = True
        self.apply_preferences()
        if interval_hours(self.window.settings):
            QTimer.singleShot(START_DELAY_MS, lambda: self.update_now(quiet=True))

    def apply_preferences(self) -> None:
        settings = self.window.settings
        self.service.sources_file = sources_file(settings)
        hours = interval_hours(settings)
        if hours:
            self.timer.start(hours * 3_600_000)
        else:
            self.timer.stop()

    # -- updating ------------------------------------------------------------------------
    def update_now(self, quiet: bool = False) -> bool:
        """Start an update in the background (quiet: no dialog, a tray notice at the end)."""
        if self._job is not None:
            return False
        progress = None
        if not quiet:
            progress = QProgressDialog(
                self.tr("Asking the official sites…"), self.tr("Cancel"), 0, 0, self.window
            )
            progress.setWindowTitle(self.tr("Update"))
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(300)
        self._progress = progress

        def on_progress(done: int, total: int, name: str) -> None:
            if progress is None:
                return
            progress.setMaximum(total)
            progress.setValue(min(done, total) if total else 0)
            progress.setLabelText(name or self.tr("Updating…"))

        def job(report_progress: Progress, cancelled: Callable[[], bool]) -> object:
            return self.service.update(progress=report_progress, cancelled=cancelled)

        self._job = start_job(job, on_progress, self._finished, self._failed, self)
        if progress is not None:
            progress.canceled.connect(self._job.cancel)
        self.window.statusBar().showMessage(self.tr("Updating from the official sites…"))
        return True

    def wait(self, ms: int = 60_000) -> None:
        """Block until the running update ends (tests)."""
        if self._job is not None:
            self._job.wait(ms)

    def stop(self) -> None:
        """Closing the window: cancel a running update (a partial download is resumed next
        time) and join its thread before Qt destroys it."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait(30_000)

    def _join(self) -> None:
        if self._job is not None:
            self._job.wait(10_000)
        self._job = None
        if self._progress is not None:
            self._progress.reset()
            self._progress = None

    def _finished(self, result: object) -> None:
        quiet = self._progress is None
        self._join()
        QTimer.singleShot(0, self._fetch_missing_text)
        from qe_desktop.services.veille_report import UpdateReport

        assert isinstance(result, UpdateReport)
        self.last_report = result
        window = self.window
        window.statusBar().showMessage(result.summary(), STATUS_MS)
        self.panel.status.setText(result.summary())
        if result.imported or result.updated:
            window.refresh()
        self.panel.reload()
        self._seen_changed()
        if result.new_items:
            self.notify(result)
        failed = [s.message for s in result.sources if s.status == "failed"]
        failed += [f"{f.source} : {f.reason}" for f in result.failures]
        if failed and not quiet:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Update"),
                result.summary(),
                QMessageBox.StandardButton.Ok,
                window,
            )
            box.setDetailedText("\n".join(failed[:200]))
            box.open()

    def _failed(self, message: str) -> None:
        quiet = self._progress is None
        self._join()
        self._fetch_missing_text()
        self.window.statusBar().showMessage(message, STATUS_MS)
        if not quiet:
            QMessageBox.critical(self.window, self.tr("Update failed"), message)

    def notify(self, report: UpdateReport) -> None:
        """A system-tray notice ("3 new answers for your follows")."""
        parts = []
        if report.new_answers:
            parts.append(self.tr("%Ln new answer(s)", "", report.new_answers))
        if report.new_questions:
            parts.append(self.tr("%Ln new question(s)", "", report.new_questions))
        others = report.deadlines + report.commitments
        if others:
            parts.append(self.tr("%n deadline(s) or commitment(s)", "", others))
        message = ", ".join(parts) + " " + self.tr("for your follows")
        self.last_notice = message
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.window.windowIcon(), self)
            self.tray.messageClicked.connect(self.show_news)
            self.tray.show()
        self.tray.showMessage("qe-desktop", message)

    def show_news(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.reload()
        self.panel.table.setFocus()

    # -- reading and following -----------------------------------------------------------
    def open_question(self, key: str) -> None:
        self.window.show_question(key, by_user=True)

    def _opened_by_user(self, key: str) -> None:
        """The user read a question: its news are seen. The "unseen" filter is not applied
        again here (the row would leave the list under the user's click); it is next time."""
        if self.service.mark_question_seen(key) and self.dock.isVisible():
            self.panel.reload()

    def _detail_shown(self, detail: QuestionDetail | None) -> None:
        self._detail = detail
        has = detail is not None
        self.follow_question_action.setEnabled(has)
        name = detail.author_display if detail is not None else ""
        self.follow_author_action.setEnabled(bool(name))
        text = self.tr("Follow %1").replace("%1", name) if name else self.tr("Follow the &author")
        self.follow_author_action.setText(text)
        self._fetch_missing_text()

    def _fetch_missing_text(self) -> None:
        """A Sénat question known from the CSV only: its page is fetched in the background
        (once per session; after the running job when there is one)."""
        detail = self.window.reader.detail
        if not self.fetch_on_open or detail is None or detail.record.chamber.value != "senat":
            return
        if detail.record.question_text or not detail.record.url:
            return
        if self._job is None and detail.key not in self._fetched:
            self._fetched.add(detail.key)
            self._fetch_text(detail.key)

    def _fetch_text(self, key: str) -> None:

        def job(_progress: Progress, _cancelled: Callable[[], bool]) -> bool:
            return bool(self.service.fetch_text(key))

        def done(result: object) -> None:
            self._join()
            reader = self.window.reader
            if result and reader.detail is not None and reader.detail.key == key:
                self.window.open_question(key)
            self._fetch_missing_text()

        self._job = start_job(job, lambda *a: None, done, self._failed, self)

    def follow_question(self) -> None:
        if self._detail is not None:
            self._follow(FollowKind.QUESTION, self._detail.key)

    def follow_author(self) -> None:
        if self._detail is None:
            return
        author = self._detail.record.author
        self._follow(FollowKind.AUTHOR, author.name or author.ref)

    def _follow(self, kind: FollowKind, value: str) -> None:
        self.service.follow(kind, value)
        self.window.statusBar().showMessage(self.tr("Followed: %1").replace("%1", value), STATUS_MS)
        if self.dock.isVisible():
            self.panel.reload()

    # -- library filter ------------------------------------------------------------------
    def apply_unseen_filter(self, on: bool) -> None:
        keys = (tuple(self.service.unseen_keys()) or NOTHING) if on else None
        self.window.library.set_only_keys(keys)

    def _seen_changed(self) -> None:
        if self.unseen_filter.isChecked():
            self.apply_unseen_filter(True)


def install_veille(window: HostWindow, view_menu: QMenu) -> VeilleUi:
    """Add the Veille to the main window (called once, from _build_actions)."""
    tools = VeilleUi(window)
    tools.install(view_menu)
    return tools
