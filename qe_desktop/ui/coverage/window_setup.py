"""Puts answer coverage into the main window: the strip above the reader and its links.

The main window calls `install_coverage` once. Accepted Élusions go through the
annotation tools when they are there (undo, side panel), like accepted commitments.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from qe_desktop.domain.annotation import AnnotationRecord
from qe_desktop.ui.annotations.commands import CreateCommand
from qe_desktop.ui.coverage.controller import CoverageController, install_strip
from qe_desktop.ui.coverage.library_fill import LibraryFill
from qe_desktop.ui.host import HostWindow

STATUS_MS = 8_000


class CoverageUi(QObject):
    def __init__(self, window: HostWindow) -> None:
        super().__init__(window)
        self.window = window
        reader = self.window.reader
        self.strip = install_strip(reader)
        service = self.window.services.coverage
        self.controller = CoverageController(
            service, reader, self.strip, self.notify, self._accepted
        )
        self.fill = LibraryFill(service, self.window.statusBar(), self._analysed)
        self.window.library.model.modelReset.connect(self.fill.schedule)

    def _analysed(self) -> None:
        """New coverage figures: the list shows them (keeping the current question)."""
        self.window.library.model.reload()

    def notify(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)

    def _accepted(self, record: AnnotationRecord) -> None:
        """An accepted Élusion: undoable like any new highlight, drawn at once."""
        tools = getattr(self.window, "annotation_tools", None)
        controller = getattr(tools, "controller", None)
        if controller is None:
            detail = self.window.services.questions.detail(record.question_key)
            self.window.reader.show_annotations(detail.annotations, detail.categories)
            return
        controller.undo_stack.push(
            CreateCommand(
                self.window.services.annotations, record, self.tr("Mark an Élusion"), controller
            )
        )
        controller.refresh()


def install_coverage(window: HostWindow) -> CoverageUi:
    return CoverageUi(window)
