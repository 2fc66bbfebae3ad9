"""Secondary text colours taken from the system palette, never fixed greys.

Rich text (the reader's header, annotation tooltips) once used `#555`-style greys, which
vanish on a dark or high-contrast palette. These follow the palette: a muted colour for
secondary lines, and in high contrast the palette's own text colour.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette


def high_contrast() -> bool:
    """Whether the system asks for high contrast (Qt 6.10+; False where Qt cannot tell)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def muted_text_color() -> str:
    """The colour of secondary text (delays, ministries, authors) as `#rrggbb`."""
    palette = QGuiApplication.palette()
    if high_contrast():
        return palette.color(QPalette.ColorRole.WindowText).name()
    return palette.color(QPalette.ColorRole.PlaceholderText).name()
