"""Text fields wide enough for their hint: a placeholder cut to "les sites officiels (inté…"
or "vide : ~/.pgpass, …" no longer tells the user what to type."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

# The field's frame, its inner margins and a clear button's room, in pixels.
FIELD_PADDING = 28


def placeholder_width(field: QLineEdit) -> int:
    """The width `field` needs to show its whole placeholder."""
    return field.fontMetrics().horizontalAdvance(field.placeholderText()) + FIELD_PADDING


def room_for_placeholders(parent: QWidget) -> None:
    """Give every text field of `parent` the minimum width of its (translated) placeholder."""
    for field in parent.findChildren(QLineEdit):
        if field.placeholderText():
            field.setMinimumWidth(max(field.minimumWidth(), placeholder_width(field)))
