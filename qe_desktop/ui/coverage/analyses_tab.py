"""The « Couverture » tab of Analyses: share of fully answered demands, per ministry and per year.

Figures come from the coverage cache (answers analysed so far, see `library_fill`); each
bar's tooltip gives the counts behind the percentage.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from qe_desktop.services.coverage import CoverageService, ShareRow
from qe_desktop.ui.analyses.charts import short_ministry

TOP_MINISTRIES = 12
BAR_COLOR = "#2a9d8f"


def _percent_axis() -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setLabelFormat("%d %%")
    axis.setTickCount(6)
    return axis


class CoverageTab(QWidget):
    def __init__(self, service: CoverageService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageTab")
        self.service = service
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.by_ministry = QChartView()
        self.by_year = QChartView()
        for view in (self.by_ministry, self.by_year):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(360, 260)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.by_ministry)
        splitter.addWidget(self.by_year)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self.ministries: list[ShareRow] = []
        self.years: list[ShareRow] = []

    def refresh(self) -> None:
        self.ministries = self.service.share_by_ministry()
        self.years = self.service.share_by_year()
        demands = sum(row.demands for row in self.years)
        answered = sum(row.answered for row in self.years)
        pending = self.service.pending()
        text = self.tr("%1 demands in the analysed answers, %2 % fully answered.")
        text = text.replace("%1", str(demands))
        text = text.replace("%2", str(round(100 * answered / demands)) if demands else "—")
        if pending:
            text += " " + self.tr("%1 answers are still to be analysed.").replace(
                "%1", str(pending)
            )
        self.note.setText(text)
        top = sorted(self.ministries, key=lambda r: (-r.demands, r.label))[:TOP_MINISTRIES]
        self.by_ministry.setChart(
            self._chart(self.tr("Demands fully answered, by ministry"), top[::-1], horizontal=True)
        )
        self.by_year.setChart(
            self._chart(self.tr("Demands fully answered, by year of answer"), self.years)
        )

    def _chart(self, title: str, rows: Sequence[ShareRow], *, horizontal: bool = False) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        bar_set = QBarSet(self.tr("fully answered"))
        bar_set.setColor(QColor(BAR_COLOR))
        for row in rows:
            bar_set.append(round(100 * row.share, 1))
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        series.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([short_ministry(r.label, 34) if horizontal else r.label for r in rows])
        font = categories.labelsFont()
        font.setPointSizeF(max(6.5, font.pointSizeF() - 2))
        categories.setLabelsFont(font)  # ministry names and thirty years must fit
        if not horizontal and len(rows) > 12:
            categories.setLabelsAngle(-90)
        values = _percent_axis()
        chart.addAxis(
            categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        )
        chart.addAxis(
            values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        )
        series.attachAxis(categories)
        series.attachAxis(values)
        tips = [f"{r.label}\n{r.answered} / {r.demands}" for r in rows]
        bar_set.hovered.connect(
            lambda on, index: self.setToolTip(tips[index] if on and index < len(tips) else "")
        )
        return chart


def add_coverage_tab(tabs: QTabWidget, service: CoverageService) -> CoverageTab:
    """Append the tab to the Analyses view's tabs; it refreshes whenever it is shown."""
    tab = CoverageTab(service)
    tabs.addTab(tab, QCoreApplication.translate("CoverageTab", "Coverage"))
    tabs.currentChanged.connect(lambda index: tab.refresh() if tabs.widget(index) is tab else None)
    return tab
