"""Ministry names on the Analyses charts at laptop sizes: Qt Charts cut them to "Min…" at
1366×768; they are now wrapped and shortened between words, the full name on hover."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QGraphicsTextItem, QToolTip

from qe_desktop.domain.insights import DelayBand, Granularity, MinistryFigures, Overview
from qe_desktop.ui.analyses.charts import BarChartView, DelayChart, OverdueChart
from qe_desktop.ui.application import make_application

NAMES = [
    "Ministère de l'économie, des finances et de la souveraineté industrielle et numérique",
    "Ministère de la transition écologique, de la biodiversité, de la forêt, de la mer et "
    "de la pêche",
    "Ministère du travail, de la santé, des solidarités et des familles",
    "Ministère de l'intérieur",
    "Ministère de l'agriculture et de la souveraineté alimentaire",
    "Ministère de l'éducation nationale",
    "Ministère auprès du ministre de l'intérieur et des outre-mer, chargé des outre-mer",
    "Ministère de la culture",
    "Ministère des armées et des anciens combattants",
    "Ministère de l'aménagement du territoire et de la décentralisation",
    "Ministère du partenariat avec les territoires et de la décentralisation",
    "Ministère de l'enseignement supérieur et de la recherche",
]


def _overview() -> Overview:
    ministries = tuple(
        MinistryFigures(
            name, 100 - i, 80 - i, 95.0 + i, 60, 20, 10 + i, tuple((b, 20) for b in DelayBand)
        )
        for i, name in enumerate(NAMES)
    )
    return Overview(1000, ministries[0], ministries, Granularity.MONTH, ())


def _axis_labels(chart: BarChartView) -> list[QGraphicsTextItem]:
    return [
        item
        for item in chart.scene().items()
        if isinstance(item, QGraphicsTextItem)
        and " ".join(item.toPlainText().split()) in chart.label_tips
    ]


def _shown(kind: type[BarChartView], width: int, qtbot) -> BarChartView:
    make_application()
    chart = kind()
    qtbot.addWidget(chart)
    chart.resize(width, 640)
    chart.show_overview(_overview())
    chart.show()
    qtbot.waitExposed(chart)
    return chart


# 940 px: the chart's width in the window at 1366×768 (docs/analyses-1366.png); 600: narrower.
@pytest.mark.parametrize("width", [940, 600])
@pytest.mark.parametrize("kind", [DelayChart, OverdueChart])
def test_ministry_names_are_not_cut_by_qt_and_say_their_full_name(
    kind: type[BarChartView], width: int, qtbot
) -> None:
    chart = _shown(kind, width, qtbot)
    drawn = [
        item.toPlainText() for item in chart.scene().items() if isinstance(item, QGraphicsTextItem)
    ]
    assert not [t for t in drawn if "..." in t and "Late" not in t and "retard" not in t], drawn
    assert not [t for t in drawn if t.startswith("Min…")]
    labels = _axis_labels(chart)
    assert len(labels) == len(NAMES), drawn
    tips = {chart.label_tips[" ".join(item.toPlainText().split())] for item in labels}
    assert {tip.split("\n")[0] for tip in tips} == set(NAMES)
    # every word a label keeps is the ministry's own, cut only between words
    for item in labels:
        text = " ".join(item.toPlainText().split())
        full = chart.label_tips[text].split("\n")[0]
        name_part = text.split(" median ")[0].split(" médiane ")[0].rstrip("…")
        assert name_part.casefold() in full.casefold(), (name_part, full)


def test_hovering_a_shortened_label_shows_the_full_name(qtbot) -> None:
    chart = _shown(OverdueChart, 600, qtbot)
    label = next(i for i in _axis_labels(chart) if "…" in i.toPlainText())
    full = chart.label_tips[" ".join(label.toPlainText().split())]
    assert "…" not in full and full in NAMES
    centre = chart.mapFromScene(label.sceneBoundingRect().center())
    event = QHelpEvent(QEvent.Type.ToolTip, centre, chart.viewport().mapToGlobal(centre))
    assert chart.viewportEvent(event)
    assert QToolTip.text() == full
    QToolTip.hideText()


def test_labels_are_fitted_again_when_the_chart_narrows(qtbot) -> None:
    """The list beside the chart can be widened: the labels follow the chart's new width."""
    chart = _shown(DelayChart, 1300, qtbot)
    wide = {" ".join(i.toPlainText().split()) for i in _axis_labels(chart)}
    chart.resize(600, 640)
    qtbot.waitUntil(
        lambda: {" ".join(i.toPlainText().split()) for i in _axis_labels(chart)} != wide
    )
    drawn = [i.toPlainText() for i in chart.scene().items() if isinstance(i, QGraphicsTextItem)]
    assert len(_axis_labels(chart)) == len(NAMES)
    assert not [t for t in drawn if "..." in t and "Late" not in t and "retard" not in t], drawn
