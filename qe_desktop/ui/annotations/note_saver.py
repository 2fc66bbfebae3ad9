"""Saving the open question's free note: conflicts settled, failures kept as drafts.

The text typed is written to the drafts file (user data folder) before every save
and dropped only once the library has it; a failed save keeps the text in the
editor with the reason and Retry, or — when another question is opening — leaves
the draft to be offered back when this question is opened again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from qe_desktop.services.annotations import ConflictError
from qe_desktop.services.container import Services
from qe_desktop.services.disk import describe_failure
from qe_desktop.services.drafts import note_draft
from qe_desktop.ui.annotations import conflict_dialog
from qe_desktop.ui.annotations.side_panel import SidePanel

log = logging.getLogger(__name__)


class QuestionNoteSaver(QObject):
    def __init__(
        self,
        services: Services,
        panel: SidePanel,
        window: QWidget,
        notify: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.services = services
        self.panel = panel
        self.window = window
        self.notify = notify
        self.key: str | None = None  # the question whose note the editor holds
        self.shown: str | None = None
        self.version = 0
        self.switching = False  # another question is opening: failures become drafts
        panel.question_note_changed.connect(self.save)
        panel.note_box.draft.connect(self.keep_draft)
        panel.note_box.discard_requested.connect(self.discard)

    def load(self, key: str | None) -> None:
        """Show the note of `key`, or the draft typed for it and never saved."""
        text, self.version = self.services.annotations.question_note(key) if key else ("", 0)
        self.key = self.shown = key
        self.panel.set_question_note(text)
        self.panel.question_note.setEnabled(key is not None)
        draft = self.services.drafts.get(note_draft(key)) if key else None
        if draft is not None and draft.text != text:  # typed, never saved: offer it back
            self.version = draft.version  # a colleague's save since then is a conflict
            self.panel.note_box.restore_draft(draft.text)
        elif draft is not None and key is not None:
            self.services.drafts.drop(note_draft(key))

    def save(self, text: str) -> None:
        key = self.key
        if key is None:
            return
        version = self.version
        self.services.drafts.put(note_draft(key), text, version)  # dropped once saved
        while True:
            try:
                self.version = self.services.annotations.save_question_note(key, text, version)
            except ConflictError as conflict:
                theirs = conflict.current if isinstance(conflict.current, str) else ""
                choice = conflict_dialog.choose_version(self.window, text, theirs)
                _, current = self.services.annotations.question_note(key)
                if choice is conflict_dialog.Choice.KEEP_MINE:
                    version = current
                    continue
                self.version = current
                self.services.drafts.drop(note_draft(key))
                if key == self.shown:
                    self.panel.set_question_note(theirs)
                self.notify(self.tr("Their version was kept."))
                return
            except Exception as error:  # locked, disk full, connection lost: keep the text
                log.warning("saving the note of %s failed", key, exc_info=True)
                reason = describe_failure(error)
                if self.switching:  # another question opens: the draft waits for this one
                    message = self.tr("The note of %1 was not saved (%2): kept as a draft.")
                    self.notify(message.replace("%1", key).replace("%2", reason))
                else:
                    self.panel.question_note_failed(reason)
                return
            self.services.drafts.drop(note_draft(key))
            self.panel.question_note_saved(self.tr("Saved"))
            return

    def keep_draft(self, text: str) -> None:
        """Written while the user types: a crash before the save loses nothing."""
        if self.key is not None:
            self.services.drafts.put(note_draft(self.key), text, self.version)

    def discard(self) -> None:
        if self.key is None:
            return
        self.services.drafts.drop(note_draft(self.key))
        text, self.version = self.services.annotations.question_note(self.key)
        self.panel.set_question_note(text)
