"""In the reader: copy-paste answers, the same question asked by others, related questions.

A strip under the texts says "Identical (or near-identical) answer to N other questions";
the link opens a dialog listing them with the differences highlighted word by word.
Lookups run off the GUI thread, so moving through the list never waits for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.similarity import Likeness
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.services.insights import InsightsService, SimilarQuestion
from qe_desktop.ui.diff_html import ADDED_STYLE, REMOVED_STYLE, diff_html
from qe_desktop.ui.jobs import BackgroundCall

DEBOUNCE_MS = 150
TITLE_CHARS = 70
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class Similar:
    """What the strip shows for one question."""

    key: str
    answers: tuple[SimilarQuestion, ...]
    questions: tuple[SimilarQuestion, ...]
    related: tuple[SimilarQuestion, ...]


def look_up(insights: InsightsService, key: str) -> Similar:
    return Similar(
        key,
        tuple(insights.duplicate_answers(key)),
        tuple(insights.duplicate_questions(key)),
        tuple(insights.related(key)),
    )


def _short(text: str, limit: int = TITLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class DuplicatesDialog(QDialog):
    """The near-identical texts of one question, with the differences of the selected one."""

    question_requested = Signal(str)

    def __init__(
        self,
        insights: InsightsService,
        key: str,
        similar: tuple[SimilarQuestion, ...],
        part: Part,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._insights = insights
        self._key = key
        self._part = part
        if part is Part.ANSWER:
            self.setWindowTitle(self.tr("Near-identical answers"))
        else:
            self.setWindowTitle(self.tr("Near-identical questions"))
        self.resize(980, 620)
        self.list = QListWidget()
        for other in similar:
            item = QListWidgetItem(self._item_text(other))
            item.setToolTip(f"{other.key}\n{other.ministry}\n{other.title}")
            item.setData(KEY_ROLE, other.key)
            self.list.addItem(item)
        removed = self.tr("Struck through: only in %1.").replace("%1", key)
        added = self.tr("Highlighted: only in the selected question.")
        legend = QLabel(
            f"<span style='{REMOVED_STYLE}'>{escape(removed)}</span> "
            f"<span style='{ADDED_STYLE}'>{escape(added)}</span>"
        )
        legend.setWordWrap(True)
        self.diff = QTextBrowser()
        self.diff.setObjectName("duplicateDiff")
        self.diff.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(legend)
        right_layout.addWidget(self.diff, 1)
        splitter.addWidget(right)
        splitter.setSizes([330, 650])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            self.tr("Open this question"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open_selected)
        self.list.currentItemChanged.connect(self._show_diff)
        self.list.itemDoubleClicked.connect(lambda _item: self._open_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _item_text(self, other: SimilarQuestion) -> str:
        if other.likeness is Likeness.IDENTICAL:
            how = self.tr("identical")
        else:
            how = self.tr("%1% alike").replace("%1", f"{other.score * 100:.0f}")
        published = other.published_on.strftime("%d/%m/%Y") if other.published_on else ""
        return f"{other.key} — {how}\n{published} {_short(other.title, 50)}".strip()

    def _show_diff(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            self.diff.clear()
            return
        other = str(current.data(KEY_ROLE))
        pieces = self._insights.answer_diff(self._key, other, self._part)
        self.diff.setHtml(diff_html(pieces))

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.question_requested.emit(str(item.data(KEY_ROLE)))
            self.accept()


class SimilarPanel(QFrame):
    """The strip under the reader's texts."""

    question_requested = Signal(str)
    updated = Signal()  # a lookup result is on screen (tests wait for it)

    def __init__(self, insights: InsightsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._insights = insights
        self._key: str | None = None
        self.result: Similar | None = None
        self.answers_label = self._label("similarAnswers")
        self.questions_label = self._label("similarQuestions")
        self.related_label = self._label("relatedQuestions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        for label in (self.answers_label, self.questions_label, self.related_label):
            layout.addWidget(label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_lookup)
        self._background = BackgroundCall(self)
        self._background.done.connect(self._show)
        self._background.failed.connect(self._failed)
        self.dialog: DuplicatesDialog | None = None
        self.setVisible(False)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(self._link)
        label.setVisible(False)
        return label

    def show_detail(self, detail: QuestionDetail | None) -> None:
        """Called when the reader shows a question (or nothing)."""
        self._key = detail.key if detail is not None else None
        self.result = None
        if self._key is None:
            self._timer.stop()
            self.setVisible(False)
            return
        self._timer.start()

    def reload(self) -> None:
        """Look the open question up again (fingerprints were just refreshed)."""
        if self._key is not None:
            self._timer.start()

    def _start_lookup(self) -> None:
        key = self._key
        if key is not None:
            insights = self._insights
            self._background.start(lambda: look_up(insights, key))

    def _failed(self, message: str) -> None:
        self.setVisible(False)

    def _show(self, result: Similar) -> None:
        if result.key != self._key:
            return  # the reader moved on meanwhile
        self.result = result
        self._fill(
            self.answers_label,
            result.answers,
            self.tr(
                "Identical (or near-identical) answer to %Ln other question(s)",
                "",
                len(result.answers),
            ),
            "answers",
        )
        self._fill(
            self.questions_label,
            result.questions,
            self.tr(
                "Same question (or nearly) as %Ln other question(s)", "", len(result.questions)
            ),
            "questions",
        )
        if result.related:
            links = " · ".join(
                f"<a href='q:{escape(q.key)}'>{escape(q.key)}</a> {escape(_short(q.title, 48))}"
                for q in result.related
            )
            title = self.tr("Related questions:")
            self.related_label.setText(f"<b>{escape(title)}</b> {links}")
        self.related_label.setVisible(bool(result.related))
        self.setVisible(bool(result.answers or result.questions or result.related))
        self.updated.emit()

    def _fill(
        self, label: QLabel, similar: tuple[SimilarQuestion, ...], text: str, link: str
    ) -> None:
        if similar:
            label.setText(f"<a href='{link}'>{escape(text)}</a>")
        label.setVisible(bool(similar))

    def _link(self, href: str) -> None:
        if href.startswith("q:"):
            self.question_requested.emit(href[2:])
        elif href in ("answers", "questions"):
            self.open_duplicates(Part.ANSWER if href == "answers" else Part.QUESTION)

    def open_duplicates(self, part: Part) -> DuplicatesDialog | None:
        if self.result is None or self._key is None:
            return None
        similar = self.result.answers if part is Part.ANSWER else self.result.questions
        dialog = DuplicatesDialog(self._insights, self._key, similar, part, self)
        dialog.question_requested.connect(self.question_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
