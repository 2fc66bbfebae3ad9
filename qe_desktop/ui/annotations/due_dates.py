"""Due dates of Engagement highlights in the window: shown before Ctrl+1, set or changed after.

The decisions (a suggestion's date, else the date grammar on the passage) live in
CommitmentService, shared with the command line; this only shows and asks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from qe_desktop.domain.annotation import AnnotationRecord, DatePrecision
from qe_desktop.services.annotations import ConflictError
from qe_desktop.services.disk import describe_failure
from qe_desktop.ui.commitments.dialogs import DueDateDialog
from qe_desktop.ui.commitments.labels import due_text

if TYPE_CHECKING:
    from qe_desktop.ui.annotations.controller import AnnotationController

log = logging.getLogger(__name__)
PREVIEW_DELAY_MS = 250


class DueDates(QObject):
    def __init__(self, controller: AnnotationController) -> None:
        super().__init__(controller)
        self.c = controller
        self.dialog: DueDateDialog | None = None
        self._preview = QTimer(self)  # the due date an Engagement would get, shown early
        self._preview.setSingleShot(True)
        self._preview.setInterval(PREVIEW_DELAY_MS)
        self._preview.timeout.connect(self.preview)
        for pane in (controller.reader.question_pane, controller.reader.answer_pane):
            pane.selectionChanged.connect(self._preview.start)

    def preview(self) -> None:
        """Before Ctrl+1: the due date an Engagement over the selection would get."""
        pane = self.c.pane_with_selection()
        span = pane.selected_span() if pane else None
        part = self.c.reader.part_of(pane)
        if self.c.key is None or span is None or part is None:
            return
        try:
            proposal = self.c.services.commitments.propose_due(self.c.key, part, *span)
        except Exception:  # only a hint: never in the way of the selection
            log.debug("no due date preview", exc_info=True)
            return
        if proposal is not None and proposal.due is not None:
            due = due_text(proposal.due, proposal.precision)
            text = self.tr("As a commitment (Ctrl+1): due %1").replace("%1", due)
            if proposal.phrase:
                text += f" (« {proposal.phrase} »)"
            self.c.notify(text)

    def edit(self, record: AnnotationRecord) -> DueDateDialog:
        """Set or change the due date of an Engagement highlight."""
        commitment = record.commitment
        due = commitment.due_date if commitment else None
        precision = commitment.precision if commitment else DatePrecision.VAGUE
        if commitment is None and self.c.key is not None:
            proposal = self.c.services.commitments.propose_due(
                self.c.key, record.part, record.selector.start, record.selector.end
            )
            if proposal is not None:
                due, precision = proposal.due, proposal.precision
        dialog = DueDateDialog(record.selector.exact, due, precision, self.c.window)
        dialog.accepted.connect(lambda: self._save(record, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save(self, record: AnnotationRecord, dialog: DueDateDialog) -> None:
        try:
            saved = self.c.services.commitments.set_due(
                record.id, dialog.chosen_due, dialog.chosen_precision, record.version
            )
        except ConflictError:
            self.c.notify(self.tr("Someone else changed this highlight meanwhile: look again."))
            self.c.refresh()
            return
        except Exception as error:
            log.warning("saving a due date failed", exc_info=True)
            self.c.notify(self.tr("Not saved: %1").replace("%1", describe_failure(error)))
            return
        self.c.refresh()
        self.c.panel.select_annotation(saved.id)
