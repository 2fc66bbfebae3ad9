"""Docks that never overlap, down to a 1024×640 laptop screen.

Qt draws docks over one another when their minimum sizes add up to more than the
window has: at 1280×720 the Commitments dock hid the annotation editor's Save
button. Two rules keep them apart:
- a dock's contents scroll rather than impose their width or height (`scrolling`);
- below COMPACT_HEIGHT (or COMPACT_WIDTH) the bottom docks join the right dock as
  tabs, so each gets the full height; they go back when the window grows again.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget

COMPACT_HEIGHT = 860
COMPACT_WIDTH = 1100


def turn_boxes(boxes: Iterable[QBoxLayout], *, narrow: bool) -> None:
    """A dock's rows of controls stacked top to bottom when narrow, side by side when not."""
    direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
    for box in boxes:
        box.setDirection(direction)


def scrolling(content: QWidget, *, keep_width: bool = False) -> QScrollArea:
    """`content` in a frameless scroll area: the dock may be smaller than its minimum.

    With `keep_width` only the height scrolls: a narrow side panel keeps its width.
    """
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    if keep_width:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = area.verticalScrollBar().sizeHint().width()
        area.setMinimumWidth(content.minimumSizeHint().width() + bar)
    return area


class DockLayout(QObject):
    """Tabifies the bottom docks onto the side dock when the window is small."""

    def __init__(self, window: QMainWindow, side: QDockWidget, bottom: list[QDockWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.side = side
        self.bottom = bottom
        self._moved: list[QDockWidget] = []  # docks this class put beside the side dock
        window.installEventFilter(self)

    def add_bottom(self, dock: QDockWidget) -> None:
        """A bottom dock installed after this layout (the Nouveautés) joins the tabs too; in
        a large window it is a tab beside the first bottom dock rather than a strip of it."""
        if (
            self.bottom
            and not self.compact()
            and self.window.dockWidgetArea(dock) == self.window.dockWidgetArea(self.bottom[0])
        ):
            self.window.tabifyDockWidget(self.bottom[0], dock)
        self.bottom.append(dock)
        self.arrange()

    def compact(self) -> bool:
        size = self.window.size()
        return size.height() < COMPACT_HEIGHT or size.width() < COMPACT_WIDTH

    def arrange(self) -> None:
        window = self.window
        if self.compact():
            side_area = window.dockWidgetArea(self.side)
            for dock in self.bottom:
                bottom_area = Qt.DockWidgetArea.BottomDockWidgetArea
                if window.dockWidgetArea(dock) == bottom_area and not dock.isFloating():
                    shown = dock.isVisible()
                    window.addDockWidget(side_area, dock)
                    window.tabifyDockWidget(self.side, dock)
                    dock.setVisible(shown)
                    self._moved.append(dock)
                    QTimer.singleShot(0, self.side.raise_)  # the editor in front, Save in view
        elif self._moved:
            first: QDockWidget | None = None
            for dock in self._moved:
                shown = dock.toggleViewAction().isChecked()  # open, even as a tab behind
                window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
                if first is None:
                    first = dock
                else:  # tabs again: side by side, each was too narrow for its table
                    window.tabifyDockWidget(first, dock)
                dock.setVisible(shown)
            self._moved.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.arrange()
        return False
