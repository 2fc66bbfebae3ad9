"""Secondary text follows the system palette (dark or high-contrast), never a fixed grey."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.reader.header import header_html


def test_the_reader_header_takes_its_grey_from_the_palette(
    sample_window: MainWindow, qtbot
) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#a1b2c3"))
    app.setPalette(dark)
    try:
        detail = sample_window.reader.detail
        assert detail is not None
        html = header_html(detail)
        assert "#a1b2c3" in html
        assert "#555" not in html and "#333" not in html
    finally:
        app.setPalette(before)
