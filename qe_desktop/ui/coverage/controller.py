"""Answer coverage in the reader: demands underlined, evidence linked, gaps offered as Élusions.

When a question is shown, its coverage comes from the cache; when missing it is computed
on the GUI thread only if the French model is already in memory (tens of milliseconds),
otherwise in a background call, so opening the window never loads spaCy. Hovering a
demand lights its evidence in the answer; clicking pins it and scrolls the answer to it;
clicking an answer passage pins the demand it serves and shows it in the question.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from qe_desktop.domain.annotation import AnnotationRecord
from qe_desktop.domain.coverage import Coverage, DemandCoverage
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.services.coverage import CoverageService
from qe_desktop.ui.coverage.strip import VERDICT_COLORS, CoverageStrip
from qe_desktop.ui.jobs import BackgroundCall
from qe_desktop.ui.reader.reader_panel import ReaderPanel
from qe_desktop.ui.reader.text_pane import CoverageMark, TextPane
from qe_desktop.ui.warm_up import after_start

Notify = Callable[[str], None]
Accepted = Callable[[AnnotationRecord], None]


class CoverageController(QObject):
    def __init__(
        self,
        service: CoverageService,
        reader: ReaderPanel,
        strip: CoverageStrip,
        notify: Notify,
        after_accept: Accepted | None = None,
    ) -> None:
        super().__init__(reader)
        self.service = service
        self.reader = reader
        self.strip = strip
        self.notify = notify
        self.after_accept = after_accept
        self.key: str | None = None
        self.coverage = Coverage()
        self.suggested: list[DemandCoverage] = []
        self.pinned: int | None = None  # demand chosen by a click
        self.hovered: int | None = None  # demand under the mouse
        self.worker = BackgroundCall(self)
        self.worker.done.connect(self._computed)
        self.worker.failed.connect(self._failed)
        reader.detail_shown.connect(self.on_detail_shown)
        strip.demand_clicked.connect(self.toggle_pin)
        strip.elusion_accepted.connect(lambda i: self.accept_elusion(self.coverage.demands[i]))
        strip.elusion_dismissed.connect(lambda i: self.dismiss_elusion(self.coverage.demands[i]))
        for pane in (reader.question_pane, reader.answer_pane):
            pane.viewport().setMouseTracking(True)
            pane.viewport().installEventFilter(self)
        reader.question_pane.context_menu_requested.connect(self.extend_menu)

    @property
    def active(self) -> int | None:
        return self.hovered if self.hovered is not None else self.pinned

    # -- loading ---------------------------------------------------------------------
    def on_detail_shown(self, detail: QuestionDetail | None) -> None:
        self.key = detail.key if detail is not None else None
        self.coverage, self.suggested = Coverage(), []
        self.pinned = self.hovered = None
        if detail is None:
            self.strip.hide()
            self._draw()
            return
        if not detail.record.answer_text:
            self.strip.show_message(self.tr("no answer to compare with yet"))
            self._draw()
            return
        key = detail.key
        try:
            cached = self.service.cached(key)
        except LookupError:
            cached = None
        if cached is None and self.service.model_loaded():
            cached = self.service.compute(key)
        if cached is not None:
            self._show(cached)
            return
        self.strip.show_pending()
        self._draw()
        after_start(lambda: self._compute(key))

    def _compute(self, key: str) -> None:
        """Analyse off the GUI thread, unless another question was opened meanwhile."""
        if key == self.key:
            self.worker.start(lambda: (key, self.service.compute(key)))

    def _computed(self, result: object) -> None:
        if not isinstance(result, tuple) or len(result) != 2:
            return
        key, coverage = result
        if key == self.key and isinstance(coverage, Coverage):
            self._show(coverage)

    def _failed(self, message: str) -> None:
        self.strip.show_message(self.tr("coverage unavailable: %1").replace("%1", message))

    def _show(self, coverage: Coverage) -> None:
        self.coverage = coverage
        self._reload_suggestions()
        self._draw()

    def _reload_suggestions(self) -> None:
        try:
            self.suggested = self.service.elusions(self.key, self.coverage) if self.key else []
        except LookupError:
            self.suggested = []

    # -- drawing -----------------------------------------------------------------------
    def _suggested_indexes(self) -> frozenset[int]:
        return frozenset(self.coverage.demands.index(d) for d in self.suggested)

    def _draw(self) -> None:
        """Redraw the panes and the strip."""
        self._draw_panes()
        self.reader.question_pane.set_suggestion_spans(
            [(d.demand.start, d.demand.end) for d in self.suggested]
        )
        if self.key is not None and self.coverage.demands:
            self.strip.show_coverage(self.coverage, self._suggested_indexes(), self.pinned)

    def _draw_panes(self) -> None:
        """Demands underlined in the question; the active demand's evidence tinted in the answer."""
        active = self.active
        demands = self.coverage.demands
        self.reader.question_pane.set_coverage_marks(
            [
                CoverageMark(
                    d.demand.start, d.demand.end, VERDICT_COLORS[d.addressed], i, True, i == active
                )
                for i, d in enumerate(demands)
            ]
        )
        evidence: list[CoverageMark] = []
        if active is not None and active < len(demands):
            color = VERDICT_COLORS[demands[active].addressed]
            evidence = [
                CoverageMark(e.start, e.end, color, active, False, True)
                for e in demands[active].evidence
            ]
        self.reader.answer_pane.set_coverage_marks(evidence)

    # -- linking -------------------------------------------------------------------------
    def demand_at(self, pane: TextPane, offset: int) -> int | None:
        """The demand a point of either pane belongs to (a demand, or a piece of its evidence)."""
        if pane is self.reader.question_pane:
            return next(
                (
                    i
                    for i, d in enumerate(self.coverage.demands)
                    if d.demand.start <= offset < d.demand.end
                ),
                None,
            )
        serving = [
            i
            for i, d in enumerate(self.coverage.demands)
            if any(e.start <= offset < e.end for e in d.evidence)
        ]
        if not serving:
            return None
        return self.active if self.active in serving else serving[0]

    def hover(self, index: int | None) -> None:
        if index != self.hovered:
            self.hovered = index
            self._draw_panes()

    def toggle_pin(self, index: int) -> None:
        self.pin(None if self.pinned == index else index)

    def pin(self, index: int | None, from_answer: bool = False) -> None:
        """Select a demand: its evidence stays lit; the other pane scrolls to the link."""
        self.pinned = index
        self.hovered = None
        self._draw_panes()
        self.strip.set_active(index)
        if index is None:
            return
        demand = self.coverage.demands[index]
        if from_answer:
            self.reader.question_pane.flash(demand.demand.start, demand.demand.end)
        elif demand.evidence:
            self.reader.answer_pane.flash(demand.evidence[0].start, demand.evidence[-1].end)
        else:
            self.notify(self.tr("No passage of the answer treats this demand."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            pane = self._pane_of(watched)
        except RuntimeError:  # the panes are being destroyed (window closing)
            return False
        if pane is None or not self.coverage.demands or not isinstance(event, QMouseEvent):
            return False
        if event.type() == QEvent.Type.MouseMove and event.buttons() == Qt.MouseButton.NoButton:
            index = self.demand_at(pane, pane.offset_at(event.position().toPoint()))
            self.hover(
                index if pane is self.reader.question_pane else self.hovered_from_answer(index)
            )
        elif (
            event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
            and pane.selected_span() is None  # a drag selects text for a highlight: leave it
        ):
            index = self.demand_at(pane, pane.offset_at(event.position().toPoint()))
            if index is not None:
                self.pin(index, from_answer=pane is self.reader.answer_pane)
        return False

    def hovered_from_answer(self, index: int | None) -> int | None:
        """Hovering the answer does not switch demands (the lit passages would jump)."""
        return self.hovered

    def _pane_of(self, watched: QObject) -> TextPane | None:
        for pane in (self.reader.question_pane, self.reader.answer_pane):
            if watched is pane.viewport():
                return pane
        return None

    # -- Élusion suggestions ----------------------------------------------------------------
    def extend_menu(self, menu: QMenu, offset: int) -> None:
        demand = next((d for d in self.suggested if d.demand.start <= offset < d.demand.end), None)
        if demand is None:
            return
        menu.addSeparator()
        header = menu.addAction(self.tr("Demand left without answer"))
        header.setEnabled(False)
        accept = menu.addAction(self.tr("Mark as an Élusion"))
        accept.triggered.connect(lambda: self.accept_elusion(demand))
        dismiss = menu.addAction(self.tr("Dismiss the suggestion"))
        dismiss.triggered.connect(lambda: self.dismiss_elusion(demand))

    def accept_elusion(self, demand: DemandCoverage) -> AnnotationRecord | None:
        if self.key is None:
            return None
        try:
            record = self.service.accept_elusion(self.key, demand)
        except (ValueError, LookupError) as error:
            self.notify(str(error))
            return None
        if self.after_accept is not None:
            self.after_accept(record)
        self._reload_suggestions()
        self._draw()
        self.notify(self.tr("Élusion recorded in the question."))
        return record

    def dismiss_elusion(self, demand: DemandCoverage) -> None:
        if self.key is None:
            return
        try:
            self.service.dismiss_elusion(self.key, demand)
        except LookupError as error:
            self.notify(str(error))
        self._reload_suggestions()
        self._draw()
        self.notify(self.tr("Suggestion dismissed: it will not be offered again."))


def install_strip(reader: ReaderPanel, parent: QWidget | None = None) -> CoverageStrip:
    """Put the strip between the reader's header and its panes."""
    strip = CoverageStrip(parent)
    layout = reader.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(reader.splitter), strip)
    return strip
