"""Loads the French model and computes suggestions off the GUI thread, then fills the cache.

The first time an opened answer has no cached suggestions, `request(key)` starts one
background job (`ui/jobs.py`): it loads spaCy (seconds), computes that answer (`ready(key)`
tells the controller to redraw, in the GUI thread), then runs the library-wide pass that
caches every other answer, stopping as soon as `stop()` is called (window closing) or
another answer is requested (that one is served first, then the pass resumes). A request
that arrives as the job ends starts the next one.
"""

from __future__ import annotations

import logging
import queue
import threading

from PySide6.QtCore import QObject, Signal

from qe_desktop.services.commitments import CommitmentService
from qe_desktop.ui.jobs import Job, JobContext

log = logging.getLogger(__name__)


class SuggestionWorker(QObject):
    ready = Signal(str)  # suggestions of this question are now cached
    filled = Signal(int)  # the background pass cached this many answers

    def __init__(self, service: CommitmentService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._requests: queue.Queue[str] = queue.Queue()
        self._stop = threading.Event()
        self._job: Job | None = None
        self.fill_library = True

    def request(self, key: str) -> None:
        self._requests.put(key)
        self._start()

    def _start(self) -> None:
        if self._stop.is_set() or (self._job is not None and self._job.running):
            return
        self._job = Job("suggestions", self._run, self)
        self._job.progressed.connect(lambda _done, _total, key: self.ready.emit(key))
        self._job.succeeded.connect(self._ended)
        self._job.start()

    def _ended(self, done: object) -> None:
        if isinstance(done, int):
            self.filled.emit(done)
        if not self._requests.empty():  # asked for while the job was ending
            self._start()

    def stop(self) -> None:
        """Cancel the background pass and wait for the current answer (at most one)."""
        self._stop.set()
        if self._job is not None:
            self._job.cancel()
            self._job.wait()

    def _serve(self, context: JobContext) -> None:
        while not self._requests.empty() and not self._stop.is_set():
            key = self._requests.get()
            try:
                self._service.suggestions(key)
            except LookupError:
                continue
            except Exception:
                log.exception("commitment suggestions failed for %s", key)
                continue
            context.progress(0, 0, key)  # relayed to the GUI thread as `ready(key)`

    def _run(self, context: JobContext) -> int | None:
        self._serve(context)
        if not self.fill_library:
            self._serve(context)  # a request queued while the first was served
            return None

        def interrupted() -> bool:
            return self._stop.is_set() or not self._requests.empty()

        done = self._service.cache.fill(cancelled=interrupted)
        while not self._stop.is_set() and not self._requests.empty():
            self._serve(context)
            done += self._service.cache.fill(cancelled=interrupted)
        return done
