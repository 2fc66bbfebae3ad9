"""PySide6 6.12 on Python 3.11 takes a reference from None at each void call: no crash."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel

from qe_desktop.ui.application import make_application
from qe_desktop.ui.none_guard import IMMORTAL_REFERENCES, none_is_fragile


def test_painting_a_hundred_thousand_cells_does_not_free_none(qtbot) -> None:
    make_application()
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    for _ in range(100_000):  # more void calls than None has references without the guard
        painter.setBrush(QColor("white"))
        label.setText("x")
    painter.end()
    if none_is_fragile():
        assert sys.getrefcount(None) > IMMORTAL_REFERENCES // 2
