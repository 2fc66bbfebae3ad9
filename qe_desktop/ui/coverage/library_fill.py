"""Analyses the library's answers in the background, with progress and Cancel in the status bar.

The coverage column and the « réponses incomplètes » filter read the cache; this job fills
it for answers never analysed (new imports, changed texts), a few seconds after the window
is up so start-up never waits for the French model. Cancelling stops it until the next
start of the application.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from qe_desktop.services.coverage import CoverageService
from qe_desktop.ui.jobs import Job, JobContext
from qe_desktop.ui.warm_up import after_start

START_DELAY_MS = 3_000


class LibraryFill(QObject):
    finished = Signal(int)  # how many answers were analysed

    def __init__(
        self, service: CoverageService, status_bar: QStatusBar, after: Callable[[], None]
    ) -> None:
        super().__init__(status_bar)
        self.service = service
        self.after = after
        self.stopped_by_user = False
        self._job: Job | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(START_DELAY_MS)
        self.timer.timeout.connect(lambda: after_start(self.start))
        self.box = QWidget()
        layout = QHBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Analysing the answers"))
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        status_bar.addPermanentWidget(self.box)
        self.box.hide()

    def schedule(self) -> None:
        """Start soon (restarting the delay), unless running or stopped by the user."""
        if not self.stopped_by_user and not self.running:
            self.timer.start()

    @property
    def running(self) -> bool:
        return self._job is not None and self._job.running

    def start(self) -> None:
        if self.stopped_by_user or self.running:
            return
        service = self.service

        def fill(context: JobContext) -> int:
            # Counting reads every answer and its hashes (seconds on 100,000 questions):
            # off the GUI thread, which only hears of it when there is work (#25).
            pending = service.pending()
            if not pending or context.cancelled():
                return 0
            context.progress(0, pending)
            return service.fill(progress=context.progress, cancelled=context.cancelled)

        self._job = Job("coverage-fill", fill, self)
        self._job.progressed.connect(self._show_progress)
        self._job.succeeded.connect(self._done)
        self._job.failed.connect(lambda _message: self._hide())
        self._job.start()

    def cancel(self) -> None:
        self.stopped_by_user = True
        if self._job is not None:
            self._job.cancel()
        self.timer.stop()
        self._hide()

    def stop(self) -> None:
        """The window goes: cancel the fill and wait for the answer in hand (the French
        model must not be running when the process ends: spaCy's BLAS aborts it).
        """
        self.timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job.wait()
        self._hide()

    def _show_progress(self, done: int, total: int, _label: str = "") -> None:
        if self.stopped_by_user:
            return
        self.box.show()
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _done(self, analysed: object) -> None:
        self._hide()
        count = analysed if isinstance(analysed, int) else 0
        if count:
            self.after()
        self.finished.emit(count)

    def _hide(self) -> None:
        self.box.hide()
