"""Rename and recolour the highlight categories (their stable names never change)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from qe_desktop.domain.annotation import Category
from qe_desktop.ui.annotations.rendering import color_icon
from qe_desktop.ui.dialog_buttons import body_and_buttons


class CategoriesDialog(QDialog):
    def __init__(self, categories: Sequence[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Highlight categories"))
        self._original = tuple(categories)
        self._colors = [c.color for c in categories]
        self.label_edits: list[QLineEdit] = []
        self.color_buttons: list[QPushButton] = []
        grid = QGridLayout()
        headers = (self.tr("Shortcut"), self.tr("Label"), self.tr("Colour"))
        for column, header in enumerate(headers):
            grid.addWidget(QLabel(f"<b>{header}</b>"), 0, column)
        for row, category in enumerate(self._original, start=1):
            shortcut = f"Ctrl+{row}" if row <= 9 else ""
            grid.addWidget(QLabel(shortcut), row, 0)
            edit = QLineEdit(category.label)
            edit.setMaxLength(60)
            self.label_edits.append(edit)
            grid.addWidget(edit, row, 1)
            button = QPushButton(category.color)
            button.setIcon(color_icon(category.color))
            button.clicked.connect(lambda _=False, i=row - 1: self.choose_color(i))
            self.color_buttons.append(button)
            grid.addWidget(button, row, 2)
        body_and_buttons(self, grid)

    def choose_color(self, index: int) -> None:
        color = QColorDialog.getColor(QColor(self._colors[index]), self, self.tr("Colour"))
        if color.isValid():
            self.set_color(index, color.name())

    def set_color(self, index: int, color: str) -> None:
        self._colors[index] = color
        self.color_buttons[index].setText(color)
        self.color_buttons[index].setIcon(color_icon(color))

    def changed_categories(self) -> list[Category]:
        """The categories whose label or colour the user changed (empty labels are kept)."""
        changed = []
        for category, edit, color in zip(
            self._original, self.label_edits, self._colors, strict=True
        ):
            label = " ".join(edit.text().split()) or category.label
            if (label, color) != (category.label, category.color):
                changed.append(Category(category.name, label, color, category.position))
        return changed
