"""Question and answer side by side (stacked when the window is narrow), with highlights."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from qe_desktop.domain.annotation import AnnotationRecord, Category, Part
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.ui.annotations.rendering import pane_highlights
from qe_desktop.ui.reader.header import ReaderHeader
from qe_desktop.ui.reader.text_pane import TextPane
from qe_desktop.ui.reader.versions import VersionsBar

NARROW_WIDTH = 640  # below this, question and answer stack (each pane keeps ~320 px)


def _titled(bar: VersionsBar, pane: TextPane) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(bar)
    layout.addWidget(pane)
    return box


class ReaderPanel(QWidget):
    zoom_changed = Signal(int)
    detail_shown = Signal(object)  # the QuestionDetail now on screen, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: QuestionDetail | None = None
        self.header = ReaderHeader()
        self.question_pane = TextPane()
        self.answer_pane = TextPane()
        self.question_pane.setObjectName("questionPane")
        self.answer_pane.setObjectName("answerPane")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("readerSplitter")
        # the title of each text, with the version shown and any update held for review
        self.version_bars = {
            Part.QUESTION: VersionsBar(self.tr("Question")),
            Part.ANSWER: VersionsBar(self.tr("Answer")),
        }
        self.splitter.addWidget(_titled(self.version_bars[Part.QUESTION], self.question_pane))
        self.splitter.addWidget(_titled(self.version_bars[Part.ANSWER], self.answer_pane))
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self._layout = layout
        self._zoom = 0
        self.show_detail(None)

    def add_strip(self, widget: QWidget) -> None:
        """Add a strip under the panes (related questions, duplicates…)."""
        self._layout.addWidget(widget)

    def show_detail(
        self,
        detail: QuestionDetail | None,
        search_words: tuple[str, ...] = (),
        search_phrases: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.detail = detail
        self.header.show_detail(detail)
        if detail is None:
            self.question_pane.show_text("", self.tr("Select a question in the list."))
            self.answer_pane.show_text("", "")
            self.detail_shown.emit(None)
            return
        r = detail.record
        self.question_pane.show_text(
            r.question_text, self.tr("The text of this question is not available.")
        )
        self.answer_pane.show_text(r.answer_text or "", self._no_answer_text(detail))
        self.show_annotations(detail.annotations, detail.categories)
        self.highlight(search_words, search_phrases)
        self.detail_shown.emit(detail)

    def show_annotations(
        self, records: Sequence[AnnotationRecord], categories: Sequence[Category]
    ) -> None:
        """Draw the highlights of the open question (orphans have no place to be drawn)."""
        for part in Part:
            self.pane_for(part).set_highlights(pane_highlights(records, categories, part))

    def pane_for(self, part: Part) -> TextPane:
        return self.question_pane if part is Part.QUESTION else self.answer_pane

    def part_of(self, pane: object) -> Part | None:
        if pane is self.question_pane:
            return Part.QUESTION
        if pane is self.answer_pane:
            return Part.ANSWER
        return None

    def _no_answer_text(self, detail: QuestionDetail) -> str:
        r = detail.record
        if r.answer_note:
            return r.answer_note
        if detail.status.value in ("withdrawn", "lapsed"):
            label = r.closing.label if r.closing and r.closing.label else ""
            return self.tr("No answer: the question is closed.") + (f" ({label})" if label else "")
        if detail.deadline is None:
            return self.tr("No answer yet.")
        deadline = detail.deadline.strftime("%d/%m/%Y")
        if detail.status.value == "overdue":
            return self.tr("No answer yet. The deadline (%1) has passed.").replace("%1", deadline)
        return self.tr("No answer yet. The minister has until %1 to answer.").replace(
            "%1", deadline
        )

    def highlight(self, words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...] = ()) -> None:
        """Mark the searched words, and each searched phrase as one span."""
        self.question_pane.highlight_terms(words, phrases)
        self.answer_pane.highlight_terms(words, phrases)

    def zoom(self, steps: int) -> None:
        self._zoom += steps
        self.question_pane.zoom(steps)
        self.answer_pane.zoom(steps)
        self.zoom_changed.emit(self._zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < NARROW_WIDTH
        wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
        super().resizeEvent(event)
