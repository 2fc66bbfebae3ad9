"""The Analyses window and the reader's similar-questions strip, wired into the main window.

`install_analyses` is called once from the window's `_build_actions`. Fingerprints of
changed texts are refreshed in the background whenever the library list reloads (after
an import, a synchronisation…), so the reader's lookups stay quick and complete.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from qe_desktop.ui.analyses.duplicates_panel import SimilarPanel
from qe_desktop.ui.host import HostWindow

if TYPE_CHECKING:  # imported when first shown: Qt Charts is not needed to start
    from qe_desktop.ui.analyses.analyses_view import AnalysesView
from qe_desktop.ui.jobs import BackgroundCall

logger = logging.getLogger(__name__)

REFRESH_DELAY_MS = 1_500
STARTUP_DELAY_MS = 20_000


class AnalysesTools(QObject):
    def __init__(self, window: HostWindow) -> None:
        super().__init__(window)
        self.window = window
        services = window.services
        self.action = QAction(self.tr("&Analyses"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+G"))  # G for graphs
        self.action.triggered.connect(self.show_analyses)
        window.addAction(self.action)
        self.view: AnalysesView | None = None
        self.similar = SimilarPanel(services.insights)
        window.reader.add_strip(self.similar)
        window.reader.detail_shown.connect(self.similar.show_detail)
        self.similar.question_requested.connect(self.open_question)
        self._fingerprints = BackgroundCall(self)
        self._fingerprints.done.connect(self._fingerprints_done)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(REFRESH_DELAY_MS)
        self._later.timeout.connect(self._refresh_if_changed)
        self._fingerprinted: object = None  # the library's data version when last looked at
        self._started = False
        window.library.model.modelReset.connect(self._library_reloaded)

    def install(self, view_menu: QMenu) -> None:
        view_menu.addSeparator()
        view_menu.addAction(self.action)

    def show_analyses(self) -> AnalysesView:
        if self.view is None:
            from qe_desktop.ui.analyses.analyses_view import AnalysesView

            services = self.window.services
            self.view = AnalysesView(services.insights, services.questions, self.window)
            self.view.setWindowFlag(Qt.WindowType.Window)
            self.view.resize(1200, 720)
            self.view.question_activated.connect(self.open_question)
            from qe_desktop.ui.coverage.analyses_tab import add_coverage_tab

            self.coverage_tab = add_coverage_tab(self.view.tabs, services.coverage)
        self.view.set_filter(self.window.library.model.current_filter)
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        return self.view

    def open_question(self, key: str) -> None:
        self.window.show_question(key, by_user=True)
        self.window.raise_()
        self.window.activateWindow()

    def _library_reloaded(self) -> None:
        if self.view is not None and self.view.isVisible():
            self.view.set_filter(self.window.library.model.current_filter)
        # At start-up the check waits until the window has settled (first scrolls and
        # filters are not slowed down); after a reload it runs soon, if needed.
        self._later.start(REFRESH_DELAY_MS if self._started else STARTUP_DELAY_MS)
        self._started = True

    def _refresh_if_changed(self) -> None:
        """A new filter or sort changes no text: look for stale fingerprints (a scan of
        every question, 0.8 s at 100,000) only when the library itself changed."""
        try:
            version: object = self.window.services.changes.data_version()
        except Exception:  # server unreachable: the refresh reports it
            logger.warning("Library version unreadable", exc_info=True)
            version = None
        if version is not None and version == self._fingerprinted:
            return
        self._fingerprinted = version
        self.refresh_fingerprints()

    def refresh_fingerprints(self) -> None:
        insights = self.window.services.insights
        self._fingerprints.start(insights.refresh_fingerprints)

    def _fingerprints_done(self, count: object) -> None:
        if count:
            self.similar.reload()


def install_analyses(window: HostWindow, view_menu: QMenu) -> AnalysesTools:
    """Add "View > Analyses" and the reader's similar-questions strip (called once)."""
    tools = AnalysesTools(window)
    tools.install(view_menu)
    return tools
