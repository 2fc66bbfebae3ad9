"""The three charts of the Analyses view, built from an Overview; every bar knows its `Bar`.

Clicking a bar (or a stacked segment) emits the domain `Bar` it stands for, so the
view can ask the service for exactly the questions that bar counts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QHelpEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsTextItem, QToolTip, QWidget

from qe_desktop.domain.insights import (
    Answering,
    Bar,
    Chart,
    DelayBand,
    Granularity,
    MinistryFigures,
    Overview,
    PeriodFigures,
)
from qe_desktop.ui.labels import count_text

TOP_MINISTRIES = 12
LABEL_CHARS = 42
# Qt Charts elides a left axis's labels wider than about 40 % of the chart ("Min…" at
# 1366×768): the ministry names are wrapped and cut between words within this share.
LABEL_SHARE = 0.36
MIN_LABEL_PX = 120
# Words a shortened name must not end on ("Économie, des finances et de la…").
_DANGLING = {
    "de",
    "la",
    "le",
    "les",
    "du",
    "des",
    "et",
    "à",
    "au",
    "aux",
    "en",
    "pour",
    "l'",
    "d'",
    "l’",
    "d’",
    "avec",
    "chargé",
    "chargée",
    "auprès",
}

BAND_COLORS = {
    DelayBand.IN_TIME: "#2a9d8f",
    DelayBand.LATE_UNDER_6_MONTHS: "#e9c46a",
    DelayBand.LATE_UNDER_1_YEAR: "#f4a261",
    DelayBand.LATE_OVER_1_YEAR: "#d62828",
}
ANSWERED_COLOR = "#2a9d8f"
UNANSWERED_COLOR = "#8d99ae"
OVERDUE_COLOR = "#d62828"
_ARTICLE = r"(?:de la |de l'|de l’|des |du |de |aux |à la |au )?"
_MINISTRY_PREFIX = re.compile(
    rf"^(?:Minist[eè]re|Secr[ée]tariat d'[ÉE]tat)\s+(?:chargée? )?{_ARTICLE}", re.IGNORECASE
)


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def band_label(band: DelayBand) -> str:
    return {
        DelayBand.IN_TIME: translate("AnalysesCharts", "Within the deadline"),
        DelayBand.LATE_UNDER_6_MONTHS: translate("AnalysesCharts", "Late, under 6 months"),
        DelayBand.LATE_UNDER_1_YEAR: translate("AnalysesCharts", "Late, 6 to 12 months"),
        DelayBand.LATE_OVER_1_YEAR: translate("AnalysesCharts", "Late, over a year"),
    }[band]


def short_ministry(name: str, limit: int = LABEL_CHARS) -> str:
    """ "Ministère de la santé et de l'accès aux soins" -> "Santé et de l'accès aux soins"."""
    if not name:
        return translate("AnalysesCharts", "(no ministry)")
    short = _MINISTRY_PREFIX.sub("", name).strip() or name
    short = short[:1].upper() + short[1:]
    return short if len(short) <= limit else short[: limit - 1].rstrip() + "…"


def fit_lines(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """`text` on at most `lines` lines of `width` pixels, cut between words; the last
    line ends with "…" when the rest does not fit."""
    out: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if not current or metrics.horizontalAdvance(trial) <= width:
            current = trial
            continue
        out.append(current)
        if len(out) == lines:
            rest = " ".join([out.pop(), *words[index:]])
            elided = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
            cut = elided.rsplit(" ", 1)[0] if " " in elided else elided
            kept = cut.split(" ")
            while len(kept) > 1 and kept[-1].casefold().strip(",;:") in _DANGLING:
                kept.pop()  # "…des finances et de la…" ends on "…des finances…"
            cut = " ".join(kept).rstrip(" ,;:'’")
            out.append(cut if cut.endswith("…") else cut + "…")
            return out
        current = word
    out.append(current)
    return [
        line
        if metrics.horizontalAdvance(line) <= width
        else metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        for line in out
    ]


def rich_lines(lines: Sequence[str]) -> str:
    """Lines for a chart label: Qt Charts draws rich text, so several lines need <br>."""
    if len(lines) == 1:
        return lines[0]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def period_text(label: str, granularity: Granularity) -> str:
    if granularity is Granularity.YEAR or "-" not in label:
        return label
    year, month = label.split("-")
    name = QLocale().monthName(int(month), QLocale.FormatType.ShortFormat)
    return f"{name} {year[2:]}"


class BarChartView(QChartView):
    """A chart view whose bars report the `Bar` they stand for when clicked."""

    bar_clicked = Signal(object)  # Bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(420, 300)
        self.bars: dict[tuple[int, int], Bar] = {}  # (set index, category index) -> Bar
        self.show_unknown = False  # a "(no ministry)" bar only when the user asks for it
        self.tips: dict[tuple[int, int], str] = {}
        self.label_tips: dict[str, str] = {}  # an axis label as drawn -> the full name
        self._labels: list[str] = []
        self._overview: Overview | None = None
        self._label_width = 0

    def label_width(self) -> int:
        """Pixels a ministry's line may take on the left axis, for this view's width."""
        return max(MIN_LABEL_PX, int(self.width() * LABEL_SHARE))

    def show_overview(self, overview: Overview) -> None:
        """Draw the chart for `overview` (subclasses), remembered to redraw on resize."""
        self._overview = overview
        self._label_width = self.label_width()
        self.draw(overview)

    def draw(self, overview: Overview) -> None:
        raise NotImplementedError

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Labels fitted to the old width are fitted again to the new one."""
        super().resizeEvent(event)
        fitted = bool(self.label_tips)  # only the ministry charts fit labels to the width
        if (
            fitted
            and self._overview is not None
            and abs(self.label_width() - self._label_width) > 8
        ):
            self.show_overview(self._overview)

    def viewportEvent(self, event: QEvent) -> bool:
        """A shortened ministry label shows its full name when hovered."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.itemAt(event.pos())
            if isinstance(item, QGraphicsTextItem):
                shown = item.toPlainText().replace("\u200b", "")  # see ministry_label
                tip = self.label_tips.get(" ".join(shown.split()))
                if tip:
                    QToolTip.showText(event.globalPos(), tip, self)
                    return True
        return super().viewportEvent(event)

    def ministry_label(self, name: str, extra: str = "", lines: int = 2) -> str:
        """A ministry's axis label fitted to the room Qt gives it, its full name as tooltip;
        `extra` (its median delay) goes on a last line of its own."""
        metrics = QFontMetrics(self.font())
        width = self._label_width or self.label_width()
        name_lines = fit_lines(short_ministry(name, 10_000), metrics, width, lines)
        all_lines = [*name_lines, *fit_lines(extra, metrics, width, 1)] if extra else name_lines
        label = rich_lines(all_lines)
        while self._is_taken(label):
            label += "\u200b"  # a category axis drops a repeated label: keep each bar's own
        full = name or short_ministry(name)
        self.label_tips[" ".join(" ".join(all_lines).split())] = (
            f"{full}\n{extra}" if extra else full
        )
        self._labels.append(label)
        return label

    def _is_taken(self, label: str) -> bool:
        return label in self._labels

    def _bar_set(
        self, index: int, label: str, color: str, entries: Iterable[tuple[int, Bar, str]]
    ) -> QBarSet:
        """One coloured set of bars, each remembered with its target and its tooltip."""
        bar_set = QBarSet(label)
        bar_set.setColor(QColor(color))
        for category, (count, bar, tip) in enumerate(entries):
            bar_set.append(count)
            self.bars[(index, category)] = bar
            self.tips[(index, category)] = tip
        self._connect(index, bar_set)
        return bar_set

    def _show_horizontal(
        self, chart: QChart, series: QAbstractBarSeries, names: list[str], top: int, unit: str
    ) -> None:
        """Ministries down the left, counts along the bottom, then show the chart."""
        axis_y = QBarCategoryAxis()
        axis_y.append(names)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = _value_axis(top)
        axis_x.setTitleText(unit)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        self.setChart(chart)

    def _connect(self, index: int, bar_set: QBarSet) -> None:
        bar_set.clicked.connect(lambda category, s=index: self._clicked(s, category))
        bar_set.hovered.connect(lambda on, category, s=index: self._hovered(on, s, category))

    def _clicked(self, set_index: int, category: int) -> None:
        bar = self.bars.get((set_index, category))
        if bar is not None:
            self.bar_clicked.emit(bar)

    def _hovered(self, on: bool, set_index: int, category: int) -> None:
        if on and (set_index, category) in self.tips:
            QToolTip.showText(QCursor.pos(), self.tips[(set_index, category)], self)
        else:
            QToolTip.hideText()

    def _new_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.bars.clear()
        self.tips.clear()
        self.label_tips.clear()
        self._labels.clear()
        return chart

    def click(self, set_index: int, category: int) -> None:
        """What a mouse click on that bar does (tests and keyboard users)."""
        self._clicked(set_index, category)


def _value_axis(maximum: int) -> QValueAxis:
    """A count axis with whole-number ticks (no "0, 0, 1, 1, 2" on small counts)."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    top = max(maximum, 1)
    if top <= 10:
        axis.setRange(0, top)
        axis.setTickCount(top + 1)
    else:
        axis.setRange(0, top)
        axis.applyNiceNumbers()
    return axis


def _bar_width(categories: int) -> float:
    """Slim bars when there are few (one ministry must not fill the whole chart)."""
    return 0.7 if categories > 4 else 0.35 + 0.08 * categories


def _top(
    ministries: Sequence[MinistryFigures], key: str, unknown: bool = False
) -> list[MinistryFigures]:
    """The busiest ministries; questions without a ministry only when asked for."""
    known = [m for m in ministries if unknown or m.ministry]
    chosen = sorted(known, key=lambda m: (-getattr(m, key), m.ministry))[:TOP_MINISTRIES]
    return [m for m in chosen if getattr(m, key)][::-1]  # a horizontal chart draws bottom up


class DelayChart(BarChartView):
    """Answered questions per ministry, stacked by how long the answer took."""

    def draw(self, overview: Overview) -> None:
        chart = self._new_chart(translate("AnalysesCharts", "Answer delays by ministry"))
        ministries = _top(overview.ministries, "answered", self.show_unknown)
        names = 2 if len(ministries) <= 8 else 1  # under the name, the delay takes a line
        series = QHorizontalStackedBarSeries()
        for index, band in enumerate(DelayBand):
            entries = (
                (
                    count,
                    Bar(Chart.DELAYS, figures.ministry, band.value),
                    f"{figures.ministry}\n{band_label(band)} : "
                    f"{count_text(count)}{_names_tip(figures)}",
                )
                for figures, count in ((f, f.band(band)) for f in ministries)
            )
            series.append(self._bar_set(index, band_label(band), BAND_COLORS[band], entries))
        series.setBarWidth(_bar_width(len(ministries)))
        chart.addSeries(series)
        self._show_horizontal(
            chart,
            series,
            [self.ministry_label(m.ministry, _delay_text(m), lines=names) for m in ministries],
            max((m.answered for m in ministries), default=0),
            translate("AnalysesCharts", "answered questions"),
        )


def _names_tip(figures: MinistryFigures, shown: int = 8) -> str:
    """The ministries' own names grouped under a portfolio, for the bar's tooltip."""
    if not figures.names or figures.names == (figures.ministry,):
        return ""
    lines = [f"· {name}" for name in figures.names[:shown]]
    if len(figures.names) > shown:
        lines.append("…")
    return "\n" + "\n".join(lines)


def _delay_text(figures: MinistryFigures) -> str:
    """The line under a ministry's name: its median delay and share answered in time."""
    median = "—" if figures.median_delay is None else f"{figures.median_delay:.0f}"
    share = "—" if figures.share_in_time is None else f"{figures.share_in_time:.0%}"
    return (
        translate("AnalysesCharts", "median %1 d, %2 on time")
        .replace("%1", median)
        .replace("%2", share)
    )


class MonthlyChart(BarChartView):
    """Questions published per month (or year), answered versus not answered."""

    def draw(self, overview: Overview) -> None:
        by_year = overview.granularity is Granularity.YEAR
        title = (
            translate("AnalysesCharts", "Questions per year")
            if by_year
            else translate("AnalysesCharts", "Questions per month")
        )
        chart = self._new_chart(title)
        periods: Sequence[PeriodFigures] = overview.periods
        series = QStackedBarSeries()
        for index, (answering, label, color) in enumerate(
            (
                (Answering.ANSWERED, translate("AnalysesCharts", "Answered"), ANSWERED_COLOR),
                (
                    Answering.UNANSWERED,
                    translate("AnalysesCharts", "Not answered"),
                    UNANSWERED_COLOR,
                ),
            )
        ):
            counts = [
                period.answered if answering is Answering.ANSWERED else period.unanswered
                for period in periods
            ]
            entries = (
                (
                    count,
                    Bar(Chart.MONTHLY, period.label, answering.value),
                    f"{period_text(period.label, overview.granularity)} — {label} : "
                    f"{count_text(count)}",
                )
                for period, count in zip(periods, counts, strict=True)
            )
            series.append(self._bar_set(index, label, color, entries))
        series.setBarWidth(0.8)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([period_text(p.label, overview.granularity) for p in periods])
        if len(periods) > 14:
            axis_x.setLabelsAngle(-90)
            axis_x.setTruncateLabels(False)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = _value_axis(max((p.answered + p.unanswered for p in periods), default=0))
        axis_y.setTitleText(translate("AnalysesCharts", "questions"))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        self.setChart(chart)


class OverdueChart(BarChartView):
    """Questions still unanswered after their deadline, per ministry."""

    def draw(self, overview: Overview) -> None:
        chart = self._new_chart(translate("AnalysesCharts", "Overdue questions by ministry"))
        ministries = _top(overview.ministries, "overdue", self.show_unknown)
        series = QHorizontalBarSeries()
        entries = (
            (
                figures.overdue,
                Bar(Chart.OVERDUE, figures.ministry, "overdue"),
                f"{figures.ministry} : {figures.overdue}{_names_tip(figures)}",
            )
            for figures in ministries
        )
        label = translate("AnalysesCharts", "Overdue")
        series.append(self._bar_set(0, label, OVERDUE_COLOR, entries))
        series.setBarWidth(_bar_width(len(ministries)))
        chart.addSeries(series)
        chart.legend().hide()
        self._show_horizontal(
            chart,
            series,
            [self.ministry_label(m.ministry) for m in ministries],
            max((m.overdue for m in ministries), default=0),
            translate("AnalysesCharts", "overdue questions"),
        )
