"""Commitment suggestions in the reader: dashed passages of the answer, accepted or dismissed.

When a question is shown, the finder's suggestions (minus the dismissed ones and the
sentences already highlighted) are drawn dashed in the answer pane. They come from the
cache; when an answer has none cached yet, the worker computes them off the GUI thread
(loading the French model the first time) and the pane is redrawn when they are ready.
Right-clicking one offers: accept it as a commitment, accept it with another due date,
dismiss it; its tooltip says why it was suggested.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from qe_desktop.domain.annotation import AnnotationRecord, DatePrecision
from qe_desktop.domain.commitments import Suggestion
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.services.commitments import CommitmentService
from qe_desktop.ui.commitments.dialogs import DueDateDialog
from qe_desktop.ui.commitments.labels import due_text
from qe_desktop.ui.commitments.suggestion_worker import SuggestionWorker
from qe_desktop.ui.reader.reader_panel import ReaderPanel
from qe_desktop.ui.warm_up import after_start

Notify = Callable[[str], None]
Accepted = Callable[[AnnotationRecord], None]


class SuggestionController(QObject):
    changed = Signal()  # a suggestion became a commitment, or was dismissed

    def __init__(
        self,
        service: CommitmentService,
        reader: ReaderPanel,
        window: QWidget,
        notify: Notify,
        after_accept: Accepted | None = None,
    ) -> None:
        super().__init__(window)
        self.service = service
        self.reader = reader
        self.window = window
        self.notify = notify
        self.after_accept = after_accept
        self.key: str | None = None
        self.suggestions: list[Suggestion] = []
        self.worker = SuggestionWorker(service, self)
        self.worker.ready.connect(self._on_ready)
        reader.detail_shown.connect(self.on_detail_shown)
        reader.answer_pane.context_menu_requested.connect(self.extend_menu)

    # -- showing -------------------------------------------------------------------
    def on_detail_shown(self, detail: QuestionDetail | None) -> None:
        has_answer = detail is not None and bool(detail.record.answer_text)
        self.key = detail.key if detail is not None and has_answer else None
        self.reload()
        self._announce()

    def _on_ready(self, key: str) -> None:
        if key == self.key:
            self.reload()
            self._announce()

    def _announce(self) -> None:
        if self.suggestions:
            message = self.tr(
                "%n suggested commitment(s) in the answer (dashed): right-click to accept or "
                "dismiss.",
                "",
                len(self.suggestions),
            )
            self.notify(message)

    def reload(self) -> None:
        """Ask the service again (after an accept, a dismissal, a deleted highlight…)."""
        try:
            found = self.service.cached_suggestions(self.key) if self.key else []
        except LookupError:  # the question left the library meanwhile
            found = []
        if found is None and self.key is not None:
            if self.service.cache.model_loaded():  # within 300 ms once the model is in memory
                found = self.service.suggestions(self.key)
            else:  # loaded and computed off the GUI thread, once the window has settled
                after_start(partial(self._request, self.key))
        self.suggestions = found or []
        pane = self.reader.answer_pane
        pane.set_suggestion_spans([(s.start, s.end) for s in self.suggestions])

    def _request(self, key: str) -> None:
        if key == self.key:  # still the answer shown
            self.worker.request(key)

    def suggestion_at(self, offset: int) -> Suggestion | None:
        return next((s for s in self.suggestions if s.start <= offset < s.end), None)

    # -- context menu of the answer pane ----------------------------------------------
    def extend_menu(self, menu: QMenu, offset: int) -> None:
        suggestion = self.suggestion_at(offset) if offset >= 0 else None
        if suggestion is None:
            return
        menu.addSeparator()
        title = self.tr("Suggested commitment, due %1 (confidence %2 %)")
        title = title.replace("%1", due_text(suggestion.due, suggestion.precision))
        header = menu.addAction(title.replace("%2", str(round(suggestion.confidence * 100))))
        header.setEnabled(False)
        kind = self.tr("firm") if suggestion.kind == "firm" else self.tr("hedged")
        header.setToolTip(f"{kind} : {suggestion.explanation}")
        accept = menu.addAction(self.tr("Accept as a commitment"))
        accept.triggered.connect(lambda: self.accept(suggestion))
        other = menu.addAction(self.tr("Accept with another due date…"))
        other.triggered.connect(lambda: self.accept_with_date(suggestion))
        dismiss = menu.addAction(self.tr("Dismiss the suggestion"))
        dismiss.triggered.connect(lambda: self.dismiss(suggestion))

    # -- gestures ------------------------------------------------------------------------
    def accept(
        self,
        suggestion: Suggestion,
        due: date | None = None,
        precision: DatePrecision | None = None,
    ) -> AnnotationRecord | None:
        if self.key is None:
            return None
        try:
            record = self.service.accept(self.key, suggestion, due=due, precision=precision)
        except (ValueError, LookupError) as error:
            self.notify(str(error))
            self.reload()
            return None
        if self.after_accept is not None:
            self.after_accept(record)
        self.reload()
        self.changed.emit()
        commitment = record.commitment
        when = due_text(commitment.due_date, commitment.precision) if commitment else ""
        self.notify(self.tr("Commitment recorded, due %1.").replace("%1", when))
        return record

    def accept_with_date(self, suggestion: Suggestion) -> DueDateDialog:
        due, precision = suggestion.due, suggestion.precision
        dialog = DueDateDialog(suggestion.sentence, due, precision, self.window)
        dialog.accepted.connect(
            lambda: self.accept(suggestion, dialog.chosen_due, dialog.chosen_precision)
        )
        dialog.open()
        return dialog

    def dismiss(self, suggestion: Suggestion) -> None:
        if self.key is None:
            return
        try:
            self.service.dismiss(self.key, suggestion)
        except LookupError as error:
            self.notify(str(error))
        self.reload()
        self.changed.emit()
        self.notify(self.tr("Suggestion dismissed: it will not be offered again."))
