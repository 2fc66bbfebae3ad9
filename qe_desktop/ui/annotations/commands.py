"""Undo/redo of highlight changes, as QUndoCommands that go through the service.

Each change is first made (and its conflicts settled) by the controller; the
command is pushed already done, so the stack's first redo() does nothing. Undo
and redo then put back a whole earlier state with AnnotationService.restore().
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from qe_desktop.domain.annotation import AnnotationRecord
from qe_desktop.services.annotations import AnnotationService

logger = logging.getLogger(__name__)


class Listener(Protocol):
    """Told after every undo/redo, to redraw, or why it could not be done."""

    def applied(self, record: AnnotationRecord) -> None: ...

    def failed(self, message: str) -> None: ...


class _DoneCommand(QUndoCommand):
    def __init__(self, service: AnnotationService, text: str, listener: Listener) -> None:
        super().__init__(text)
        self._service = service
        self._listener = listener
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change was made before the command was pushed
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], AnnotationRecord]) -> None:
        try:
            record = step()
        except Exception as error:  # question gone, database busy: say so, never crash
            logger.error("Annotation change failed", exc_info=True)
            self._listener.failed(str(error))
        else:
            self._listener.applied(record)

    def _redo(self) -> AnnotationRecord:
        raise NotImplementedError

    def _undo(self) -> AnnotationRecord:
        raise NotImplementedError

    def _delete(self, annotation_id: str) -> AnnotationRecord:
        current = self._service.get(annotation_id)
        return self._service.delete(annotation_id, current.version)


class CreateCommand(_DoneCommand):
    """A new highlight: undo deletes it (as a tombstone), redo brings it back."""

    def __init__(
        self, service: AnnotationService, created: AnnotationRecord, text: str, listener: Listener
    ) -> None:
        super().__init__(service, text, listener)
        self.created = created

    def _redo(self) -> AnnotationRecord:
        return self._service.restore(dataclasses.replace(self.created, deleted=False))

    def _undo(self) -> AnnotationRecord:
        return self._delete(self.created.id)


class UpdateCommand(_DoneCommand):
    """An edit of note and tags, or a new category: undo and redo swap the two states."""

    def __init__(
        self,
        service: AnnotationService,
        before: AnnotationRecord,
        after: AnnotationRecord,
        text: str,
        listener: Listener,
    ) -> None:
        super().__init__(service, text, listener)
        self.before = before
        self.after = after

    def _redo(self) -> AnnotationRecord:
        return self._service.restore(self.after)

    def _undo(self) -> AnnotationRecord:
        return self._service.restore(self.before)


class DeleteCommand(_DoneCommand):
    """A deleted highlight: undo restores it as it was, redo deletes it again."""

    def __init__(
        self, service: AnnotationService, before: AnnotationRecord, text: str, listener: Listener
    ) -> None:
        super().__init__(service, text, listener)
        self.before = before

    def _redo(self) -> AnnotationRecord:
        return self._delete(self.before.id)

    def _undo(self) -> AnnotationRecord:
        return self._service.restore(dataclasses.replace(self.before, deleted=False))
