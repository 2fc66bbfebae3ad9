"""Tells a question the user opened from one the window opened by itself.

The window opens a question on its own at start-up, after an import or when a filter
leaves the selected one out; the user opens one by a click or a key in the list, a link,
a search result or a news item. Only the latter counts as read (the Veille's unseen news).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

USER_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
    }
)


class UserInput(QObject):
    """Whether a view is handling the user's click or key right now.

    A click or a key changes the view's selection while Qt delivers it, so whatever the
    selection opens meanwhile was asked for by the user; `active` falls back once the
    event loop is idle again.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.active = False
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_EVENTS and not self.active:
            self.active = True
            QTimer.singleShot(0, self, self._settle)
        return False

    def _settle(self) -> None:
        self.active = False
