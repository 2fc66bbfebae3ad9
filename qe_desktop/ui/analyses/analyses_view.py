"""The Analyses view: delays, volumes, overdue questions and copy-paste answers, as charts.

Everything follows the library's current filter. Clicking a bar lists the questions it
counts; double-clicking one opens it in the reader (`question_activated`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.insights import Bar, Chart, DelayBand, Granularity, Overview
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.insights import DuplicateGroup, InsightsService
from qe_desktop.services.questions import QuestionService
from qe_desktop.ui.analyses.charts import (
    DelayChart,
    MonthlyChart,
    OverdueChart,
    band_label,
    period_text,
    short_ministry,
)
from qe_desktop.ui.analyses.scope import describe_filter, question_line
from qe_desktop.ui.jobs import BackgroundCall
from qe_desktop.ui.labels import count_text

LIST_LIMIT = 500
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class AnalysesView(QWidget):
    question_activated = Signal(str)  # key

    def __init__(
        self,
        insights: InsightsService,
        questions: QuestionService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("analysesView")
        self.setWindowTitle(self.tr("Analyses"))
        self._insights = insights
        self._questions = questions
        self._filter = QuestionFilter()
        self.overview: Overview | None = None
        self.summary = QLabel()
        self.summary.setObjectName("analysesSummary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self._list_filter = QuestionFilter()  # the library list's, followed unless told not to
        self.following = True
        self.scope = QLabel()
        self.scope.setObjectName("analysesScope")
        self.scope.setWordWrap(True)
        self.scope_button = QPushButton()
        self.scope_button.setObjectName("analysesScopeButton")
        self.scope_button.clicked.connect(self._toggle_scope)
        self.unknown_check = QCheckBox(self.tr("Show questions without a ministry"))
        self.unknown_check.toggled.connect(self._show_unknown)
        self.delays = DelayChart()
        self.monthly = MonthlyChart()
        self.overdue = OverdueChart()
        self.groups = QTreeWidget()
        self.groups.setHeaderLabels([self.tr("Questions"), self.tr("Ministry"), self.tr("Title")])
        self.groups.setRootIsDecorated(False)
        self.groups.setColumnWidth(0, 90)
        self.groups.setColumnWidth(1, 220)
        self.group_part = QComboBox()
        self.group_part.addItem(self.tr("Near-identical answers"), Part.ANSWER.value)
        self.group_part.addItem(self.tr("Near-identical questions"), Part.QUESTION.value)
        self.group_status = QLabel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.delays, self.tr("Delays"))
        self.tabs.addTab(self.monthly, self.tr("Per month"))
        self.tabs.addTab(self.overdue, self.tr("Overdue"))
        self.tabs.addTab(self._groups_page(), self.tr("Copy-paste"))
        self.tabs.setAccessibleName(self.tr("Analyses charts"))
        self.list_title = QLabel(self.tr("Click a bar to list its questions."))
        self.list_title.setWordWrap(True)
        self.question_list = QListWidget()
        self.question_list.setObjectName("analysesQuestions")
        self.question_list.setAlternatingRowColors(True)
        self.question_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.question_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._background = BackgroundCall(self)
        self._background.done.connect(self._show_groups)
        self._background.failed.connect(self.group_status.setText)
        self._groups_stale = True
        for chart in (self.delays, self.monthly, self.overdue):
            chart.bar_clicked.connect(self.show_bar)
        self.question_list.itemActivated.connect(self._activate)
        self.question_list.itemDoubleClicked.connect(self._activate)
        self.groups.currentItemChanged.connect(self._group_selected)
        self.group_part.currentIndexChanged.connect(self._invalidate_groups)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._layout()

    def _groups_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        about = QLabel(
            self.tr(
                "Answers (or questions) whose texts are nearly the same: a ministry answering "
                "several questions with one copy-pasted text. Each line is one group; click it "
                "to list its questions."
            )
        )
        about.setWordWrap(True)
        about.setObjectName("copyPasteAbout")
        layout.addWidget(about)
        top = QHBoxLayout()
        top.addWidget(self.group_part)
        top.addWidget(self.group_status, 1)
        layout.addLayout(top)
        layout.addWidget(self.groups, 1)
        return page

    def _layout(self) -> None:
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        side_layout.addWidget(self.list_title)
        side_layout.addWidget(self.question_list, 1)
        hint = QLabel(self.tr("Double-click a question to open it in the reader."))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        side_layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 320])
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        scope = QHBoxLayout()
        scope.addWidget(self.scope, 1)
        scope.addWidget(self.scope_button)
        scope.addWidget(self.unknown_check)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(scope)
        layout.addWidget(splitter, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc and Ctrl+W close the window, as in any other secondary window."""
        closing = event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Close)
        ctrl_w = event.key() == Qt.Key.Key_W and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        if closing or ctrl_w:
            self.close()
            return
        super().keyPressEvent(event)

    # -- data ------------------------------------------------------------------------------
    @property
    def current_filter(self) -> QuestionFilter:
        return self._filter

    def set_filter(self, flt: QuestionFilter) -> None:
        """Follow the library's filter (no work when it did not change), unless the user
        chose the whole library."""
        self._list_filter = flt
        wanted = flt if self.following else QuestionFilter()
        if wanted == self._filter and self.overview is not None:
            self._update_scope()
            return
        self._filter = wanted
        self.refresh()

    def _toggle_scope(self) -> None:
        self.following = not self.following
        self.set_filter(self._list_filter)

    def _show_unknown(self, shown: bool) -> None:
        for chart in (self.delays, self.overdue):
            chart.show_unknown = shown
        if self.overview is not None:
            self.delays.show_overview(self.overview)
            self.overdue.show_overview(self.overview)

    def _update_scope(self) -> None:
        """Say which questions the figures count, with a one-click way to the other scope."""
        narrowed = self._list_filter != QuestionFilter()
        if self._filter == QuestionFilter():
            self.scope.setText(self.tr("Whole library."))
        else:
            what = describe_filter(self._filter)
            self.scope.setText(self.tr("Filtered like the library list: %1.").replace("%1", what))
        self.scope_button.setVisible(narrowed)
        self.scope_button.setText(
            self.tr("Whole library") if self.following else self.tr("Like the library list")
        )

    def refresh(self) -> None:
        overview = self._insights.overview(self._filter)
        self.overview = overview
        self.summary.setText(self._summary_text(overview))
        self._update_scope()
        by_year = overview.granularity is Granularity.YEAR
        self.tabs.setTabText(1, self.tr("Per year") if by_year else self.tr("Per month"))
        for chart in (self.delays, self.monthly, self.overdue):
            chart.show_overview(overview)
        self.question_list.clear()
        self.list_title.setText(self.tr("Click a bar to list its questions."))
        self._invalidate_groups()

    def _summary_text(self, overview: Overview) -> str:
        s = overview.summary
        median = "—" if s.median_delay is None else f"{s.median_delay:.0f}"
        share = "—" if s.share_in_time is None else f"{s.share_in_time:.0%}"
        parts = [
            self.tr("%Ln question(s)", "", overview.total),
            self.tr("%Ln answered", "", s.answered),
            self.tr("median delay %1 days").replace("%1", median),
            self.tr("%1 within the deadline").replace("%1", share),
        ]
        return f"<b>{escape(' · '.join(parts))}</b>"

    # -- questions behind a bar ------------------------------------------------------------
    def show_bar(self, bar: Bar) -> None:
        keys = self._insights.keys_for(bar, self._filter)
        self.list_title.setText(self._bar_title(bar, len(keys)))
        self._list_keys(keys)

    def _bar_title(self, bar: Bar, count: int) -> str:
        if bar.chart is Chart.MONTHLY:
            granularity = self.overview.granularity if self.overview else None
            what = period_text(bar.category, granularity) if granularity else bar.category
            series = self.tr("answered") if bar.series == "answered" else self.tr("not answered")
        elif bar.chart is Chart.OVERDUE:
            what, series = short_ministry(bar.category), self.tr("overdue")
        else:
            what, series = short_ministry(bar.category), band_label(DelayBand(bar.series))
        return (
            self.tr("%1 — %2: %Ln question(s)", "", count).replace("%1", what).replace("%2", series)
        )

    def _list_keys(self, keys: list[str]) -> None:
        self.question_list.clear()
        shown = keys[:LIST_LIMIT]
        rows = self._questions.rows(
            QuestionFilter(keys=tuple(shown)), Sort("published_on", True), limit=LIST_LIMIT
        )
        by_key = {row.key: row for row in rows}
        for key in shown:
            row = by_key.get(key)
            item = QListWidgetItem(question_line(row) if row else key)
            title = row.title if row else ""
            item.setToolTip(f"{title}\n{row.ministry if row else ''}\n{key}".strip())
            item.setData(KEY_ROLE, key)
            self.question_list.addItem(item)
        if len(keys) > LIST_LIMIT:
            more = QListWidgetItem(
                self.tr("… and %1 more").replace("%1", count_text(len(keys) - LIST_LIMIT))
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.question_list.addItem(more)

    def _activate(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.question_activated.emit(str(key))

    # -- copy-paste groups -----------------------------------------------------------------
    def _invalidate_groups(self) -> None:
        self._groups_stale = True
        self.groups.clear()
        if self.tabs.currentIndex() == self.tabs.count() - 1:
            self._load_groups()

    def _tab_changed(self, index: int) -> None:
        if index == self.tabs.count() - 1 and self._groups_stale:
            self._load_groups()

    def _load_groups(self) -> None:
        """Near-duplicate groups take a few seconds on a big library: computed off-thread."""
        self._groups_stale = False
        part = Part(self.group_part.currentData() or Part.ANSWER.value)
        flt = self._filter
        self.group_status.setText(self.tr("Looking for near-identical texts…"))
        self._background.start(lambda: self._insights.duplicate_groups(flt, part))

    def _show_groups(self, groups: list[DuplicateGroup]) -> None:
        self.groups.clear()
        for group in groups:
            item = QTreeWidgetItem(
                [count_text(len(group.keys)), short_ministry(group.ministry), group.title]
            )
            item.setToolTip(2, group.title)
            item.setData(0, KEY_ROLE, list(group.keys))
            self.groups.addTopLevelItem(item)
        questions = sum(len(g.keys) for g in groups)
        if not groups:
            self.group_status.setText(
                self.tr("No near-identical texts among these questions: no copy-paste found.")
            )
            return
        self.group_status.setText(
            self.tr("%Ln group(s)", "", len(groups))
            + " · "
            + self.tr("%Ln question(s)", "", questions)
        )

    def _group_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        keys = list(current.data(0, KEY_ROLE) or [])
        self.list_title.setText(self.tr("Near-identical texts: %Ln question(s)", "", len(keys)))
        self._list_keys(keys)
