"""Puts the commitment tracker into the main window: the Commitments dock and the suggestions.

The main window calls `install_commitments` once; everything else about commitments
lives in this package. It talks to the annotation tools when they are there (undo of
an accepted suggestion, redraw after a change), and works without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from qe_desktop.domain.annotation import AnchorState, AnnotationRecord
from qe_desktop.ui.annotations.commands import CreateCommand
from qe_desktop.ui.commitments.suggestions import SuggestionController
from qe_desktop.ui.commitments.view import CommitmentsView
from qe_desktop.ui.dock_layout import scrolling
from qe_desktop.ui.host import HostWindow

if TYPE_CHECKING:
    from qe_desktop.ui.annotations.controller import AnnotationController

STATUS_MS = 8_000
DOCK_HEIGHT = 300


class CommitmentsUi(QObject):
    def __init__(self, window: HostWindow) -> None:
        super().__init__(window)
        self.window = window
        services = self.window.services
        self.view = CommitmentsView(services.commitments, lambda: services.exporting, self.notify)
        self.dock = QDockWidget(self.tr("Commitments"), window)
        self.dock.setObjectName("commitmentsDock")
        self.area = scrolling(self.view)  # never wider than the window allows
        self.area.installEventFilter(self)  # narrow as a tab beside the side panel: restacked
        self.dock.setWidget(self.area)
        self._sized = False
        self.suggestions = SuggestionController(
            services.commitments, self.window.reader, window, self.notify, self._accepted
        )
        self.show_action = self.dock.toggleViewAction()
        self.show_action.setText(self.tr("&Commitments"))
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        window.addAction(self.show_action)
        self.dock.visibilityChanged.connect(self._visibility_changed)
        self.view.open_requested.connect(self.open_commitment)
        self.view.changed.connect(self._commitment_edited)
        self.suggestions.changed.connect(self.reload_if_visible)
        controller = self._annotation_controller()
        if controller is not None:
            controller.changed.connect(self._annotations_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area and event.type() == QEvent.Type.Resize:
            self.view.fit_width(self.area.width())
        return False

    def install(self, view_menu: QMenu) -> None:
        window = self.window
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        view_menu.addSeparator()
        view_menu.addAction(self.show_action)

    def notify(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)

    def _annotation_controller(self) -> AnnotationController | None:
        tools = getattr(self.window, "annotation_tools", None)
        return cast("AnnotationController | None", getattr(tools, "controller", None))

    # -- keeping the view current ------------------------------------------------------
    def show_view(self) -> CommitmentsView:
        self.dock.show()
        self.dock.raise_()
        self.view.reload()
        return self.view

    def reload_if_visible(self) -> None:
        if self.dock.isVisible():
            self.view.reload()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            if not self._sized:  # a hidden dock ignores resizeDocks: size it when first shown
                self._sized = True
                QTimer.singleShot(0, self._size_dock)
            self.view.reload()

    def _size_dock(self) -> None:
        self.window.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _annotations_changed(self) -> None:
        self.suggestions.reload()  # a deleted Engagement highlight may be suggested again
        self.reload_if_visible()

    def _commitment_edited(self) -> None:
        controller = self._annotation_controller()
        if controller is not None:
            controller.refresh()

    def _accepted(self, record: AnnotationRecord) -> None:
        """An accepted suggestion: undoable like any new highlight, drawn at once."""
        controller = self._annotation_controller()
        if controller is None:
            self._redraw(record.question_key)
            return
        controller.undo_stack.push(
            CreateCommand(
                self.window.services.annotations,
                record,
                self.tr("Accept a suggested commitment"),
                controller,
            )
        )
        controller.refresh()

    def _redraw(self, key: str) -> None:
        reader = self.window.reader
        if reader.detail is not None and reader.detail.key == key:
            detail = self.window.services.questions.detail(key)
            reader.show_annotations(detail.annotations, detail.categories)

    # -- opening a commitment -----------------------------------------------------------
    def open_commitment(self, key: str, annotation_id: str) -> bool:
        """Show the question of a commitment and make its passage blink."""
        window = self.window
        window.show_question(key, by_user=True)
        reader = window.reader
        if reader.detail is None or reader.detail.key != key:
            window.open_question(key)
        record = self._record_shown(annotation_id)
        if record is None:  # changed since the question was opened (a colleague, the CLI)
            window.open_question(key)
            record = self._record_shown(annotation_id)
        if record is None:
            return False
        tools = getattr(window, "annotation_tools", None)
        if tools is not None:
            tools.panel.select_annotation(annotation_id)
        if record.anchor_state is AnchorState.ORPHAN:
            self.notify(self.tr("This commitment has no place in the current text."))
            return False
        reader.pane_for(record.part).flash(record.selector.start, record.selector.end)
        return True

    def _record_shown(self, annotation_id: str) -> AnnotationRecord | None:
        detail = self.window.reader.detail
        annotations = detail.annotations if detail is not None else ()
        return next((a for a in annotations if a.id == annotation_id), None)


def install_commitments(window: HostWindow, view_menu: QMenu) -> CommitmentsUi:
    """Add the commitment tracker to the main window (called once, from _build_actions)."""
    tools = CommitmentsUi(window)
    tools.install(view_menu)
    return tools
