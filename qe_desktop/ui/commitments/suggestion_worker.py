"""Loads the French model and computes suggestions off the GUI thread, then fills the cache.

The first time an opened answer has no cached suggestions, `request(key)` starts one
background thread: it loads spaCy (seconds), computes that answer (`ready(key)` tells
the controller to redraw), then runs the library-wide pass that caches every other
answer, stopping as soon as `stop()` is called (window closing) or another answer is
requested (that one is served first, then the pass resumes).
"""

from __future__ import annotations

import logging
import queue
import threading

from PySide6.QtCore import QObject, Signal

from qe_desktop.services.commitments import CommitmentService

log = logging.getLogger(__name__)


class SuggestionWorker(QObject):
    ready = Signal(str)  # suggestions of this question are now cached
    filled = Signal(int)  # the background pass cached this many answers

    def __init__(self, service: CommitmentService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._requests: queue.Queue[str] = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._starting = threading.Lock()
        self.fill_library = True

    def request(self, key: str) -> None:
        self._requests.put(key)
        with self._starting:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="qe-suggestions", daemon=True
                )
                self._thread.start()

    def stop(self) -> None:
        """Cancel the background pass and wait for the current answer (at most one)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _serve(self) -> None:
        while not self._requests.empty() and not self._stop.is_set():
            key = self._requests.get()
            try:
                self._service.suggestions(key)
            except LookupError:
                continue
            except Exception:
                log.exception("commitment suggestions failed for %s", key)
                continue
            self.ready.emit(key)

    def _run(self) -> None:
        self._serve()
        if not self.fill_library:
            self._serve()  # a request queued while the first was served
            return
        try:
            done = self._service.cache.fill(
                cancelled=lambda: self._stop.is_set() or not self._requests.empty(),
            )
            while not self._stop.is_set() and not self._requests.empty():
                self._serve()
                done += self._service.cache.fill(
                    cancelled=lambda: self._stop.is_set() or not self._requests.empty()
                )
        except Exception:
            log.exception("background commitment suggestions failed")
            return
        self.filled.emit(done)
