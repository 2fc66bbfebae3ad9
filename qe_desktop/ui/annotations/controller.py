"""Highlights of the open question: create, edit, recolour, delete, undo, settle conflicts.

The controller is the one place where the window's annotation gestures meet
AnnotationService. Every save names the version it was loaded at; when someone
else saved in between, the user sees both versions and chooses (never silently).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QWidget

from qe_desktop.domain.annotation import (
    COMMITMENT_CATEGORY,
    AnchorState,
    AnnotationRecord,
    Category,
    Part,
)
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.services.annotations import AnnotationService, ConflictError
from qe_desktop.services.container import Services
from qe_desktop.services.disk import describe_failure
from qe_desktop.services.drafts import annotation_draft
from qe_desktop.ui.annotations import conflict_dialog
from qe_desktop.ui.annotations.commands import CreateCommand, DeleteCommand, UpdateCommand
from qe_desktop.ui.annotations.due_dates import DueDates
from qe_desktop.ui.annotations.note_saver import QuestionNoteSaver
from qe_desktop.ui.annotations.panel_model import short
from qe_desktop.ui.annotations.question_note import DRAFT_DELAY_MS
from qe_desktop.ui.annotations.rendering import category_label, color_icon
from qe_desktop.ui.annotations.side_panel import SidePanel
from qe_desktop.ui.commitments.labels import due_text
from qe_desktop.ui.reader.reader_panel import ReaderPanel
from qe_desktop.ui.reader.text_pane import TextPane

Notify = Callable[[str], None]
log = logging.getLogger(__name__)


class AnnotationController(QObject):
    changed = Signal()  # annotations were created, edited or deleted somewhere
    categories_changed = Signal()

    def __init__(
        self,
        services: Services,
        reader: ReaderPanel,
        panel: SidePanel,
        window: QWidget,
        notify: Notify,
        open_question: Callable[[str], object],
    ) -> None:
        super().__init__(window)
        self.services = services
        self.reader = reader
        self.panel = panel
        self.window = window
        self.notify = notify
        self.open_question = open_question
        self.undo_stack = QUndoStack(self)
        self.dock: QDockWidget | None = None
        self.key: str | None = None
        self.records: list[AnnotationRecord] = []
        self.categories: tuple[Category, ...] = ()
        reader.detail_shown.connect(self.on_detail_shown)
        for pane in (reader.question_pane, reader.answer_pane):
            pane.context_menu_requested.connect(
                lambda menu, offset, pane=pane: self.extend_menu(pane, menu, offset)
            )
        panel.annotation_activated.connect(self.flash)
        panel.save_requested.connect(self.save_edits)
        panel.recolour_requested.connect(self.recolour)
        panel.delete_requested.connect(self.delete)
        panel.confirm_requested.connect(self.confirm)
        panel.reattach_requested.connect(self.reattach)
        panel.draft_for = self.annotation_draft
        self._draft_timer = QTimer(self)  # a highlight's note is kept as a draft as it is typed
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_annotation_draft)
        panel.note_edit.editor.textChanged.connect(self._draft_timer.start)
        self.note = QuestionNoteSaver(services, panel, window, notify)
        self.due_dates = DueDates(self)
        panel.due_requested.connect(self.due_dates.edit)

    @property
    def _annotations(self) -> AnnotationService:
        return self.services.annotations

    # -- loading -----------------------------------------------------------------
    def load_categories(self) -> tuple[Category, ...]:
        self.categories = self._annotations.categories()
        return self.categories

    def on_detail_shown(self, detail: QuestionDetail | None) -> None:
        """Another question is on screen: save what was being typed, then show its notes."""
        self.note.switching = True
        try:
            self.commit_pending()
        finally:
            self.note.switching = False
        self.key = detail.key if detail else None
        self.records = list(detail.annotations) if detail else []
        if detail is not None and detail.categories:
            self.categories = detail.categories
        self.panel.set_records(self.records, self.categories, self._annotations.tags())
        self.note.load(self.key)

    def commit_pending(self) -> None:
        """Save the note and the edits still in the panel (switching question, closing)."""
        self.panel.flush_question_note()
        self.panel.save_edits()

    def refresh(self) -> None:
        """Reload the open question's annotations and redraw them everywhere."""
        if self.note.switching:
            return
        self.records = self._annotations.for_question(self.key) if self.key else []
        self.reader.show_annotations(self.records, self.categories)
        self.panel.set_records(self.records, self.categories, self._annotations.tags())
        self.changed.emit()

    def record(self, annotation_id: str) -> AnnotationRecord | None:
        return next((r for r in self.records if r.id == annotation_id), None)

    def label(self, category: str) -> str:
        return category_label(category, {c.name: c for c in self.categories})

    # -- creating ----------------------------------------------------------------
    def pane_with_selection(self) -> TextPane | None:
        """The focused pane if it has a selection, else any pane that has one."""
        focused = QApplication.focusWidget()
        panes = [self.reader.question_pane, self.reader.answer_pane]
        if focused in panes:
            panes.insert(0, panes.pop(panes.index(focused)))
        return next((p for p in panes if p.selected_span() is not None), None)

    def create(self, category: str, pane: TextPane | None = None) -> AnnotationRecord | None:
        pane = pane or self.pane_with_selection()
        span = pane.selected_span() if pane else None
        part = self.reader.part_of(pane)
        if self.key is None or pane is None or span is None or part is None:
            self.notify(self.tr("Select a passage of the question or the answer first."))
            return None
        try:  # an Engagement gets its due date (suggestion accepted, or the date grammar)
            record = self.services.commitments.highlight(self.key, part, *span, category)
        except (ValueError, LookupError) as error:
            self.notify(str(error))
            return None
        except Exception as error:  # a locked or full library: nothing was created
            log.warning("creating a highlight failed", exc_info=True)
            self.notify(self.tr("Not highlighted: %1").replace("%1", describe_failure(error)))
            return None
        self.undo_stack.push(
            CreateCommand(
                self._annotations,
                record,
                self.tr("Highlight as %1").replace("%1", self.label(category)),
                self,
            )
        )
        cursor = pane.textCursor()
        cursor.clearSelection()  # the colour shows at once, not hidden under the selection
        cursor.movePosition(QTextCursor.MoveOperation.NoMove)
        pane.setTextCursor(cursor)
        self.refresh()
        self.panel.select_annotation(record.id)
        if record.commitment is not None:
            due = due_text(record.commitment.due_date, record.commitment.precision)
            self.notify(self.tr("Commitment due: %1").replace("%1", due))
        return record

    # -- editing -----------------------------------------------------------------
    def save_edits(self, record: AnnotationRecord, note: str, tags: tuple[str, ...]) -> None:
        edited = dataclasses.replace(record, note=note, tags=tuple(tags))
        self._save(edited, record, self.tr("Edit note"))

    def recolour(self, record: AnnotationRecord, category: str) -> None:
        self._save(
            dataclasses.replace(record, category=category),
            record,
            self.tr("Change category to %1").replace("%1", self.label(category)),
        )

    def _save(
        self, edited: AnnotationRecord, before: AnnotationRecord, text: str
    ) -> AnnotationRecord | None:
        while True:
            try:
                saved = self._annotations.update(edited)
            except ConflictError as conflict:
                theirs = (
                    conflict.current if isinstance(conflict.current, AnnotationRecord) else None
                )
                if self._keep_mine(edited, theirs) and theirs is not None:
                    edited = dataclasses.replace(edited, version=theirs.version)
                    before = theirs
                    continue
                self.refresh()
                self.notify(self.tr("Their version was kept."))
                return None
            except LookupError as error:
                self.notify(str(error))
                self.refresh()
                return None
            except Exception as error:  # locked, disk full, connection lost: keep the text
                log.warning("saving a highlight failed", exc_info=True)
                reason = describe_failure(error)
                if edited.note != before.note:
                    self.services.drafts.put(annotation_draft(edited.id), edited.note)
                self.panel.edit_failed(reason)
                self.notify(self.tr("Not saved: %1").replace("%1", reason))
                return None
            self.services.drafts.drop(annotation_draft(edited.id))
            self.undo_stack.push(UpdateCommand(self._annotations, before, saved, text, self))
            self.refresh()
            return saved

    def keep_annotation_draft(self) -> None:
        """Written while the user types: a crash before Save loses nothing."""
        record = self.panel.current_record()
        if record is None:
            return
        text, name = self.panel.note_edit.text(), annotation_draft(record.id)
        if text == record.note:
            self.services.drafts.drop(name)
        else:
            self.services.drafts.put(name, text, record.version)

    def annotation_draft(self, annotation_id: str) -> str | None:
        draft = self.services.drafts.get(annotation_draft(annotation_id))
        return draft.text if draft is not None else None

    def _keep_mine(self, mine: AnnotationRecord | None, theirs: AnnotationRecord | None) -> bool:
        either = mine or theirs
        label = self.label(either.category) if either is not None else ""
        choice = conflict_dialog.choose_version(
            self.window,
            conflict_dialog.describe(mine, label),
            conflict_dialog.describe(theirs, label),
        )
        return choice is conflict_dialog.Choice.KEEP_MINE

    def delete(self, record: AnnotationRecord) -> bool:
        while True:
            try:
                self._annotations.delete(record.id, record.version)
            except ConflictError as conflict:
                theirs = (
                    conflict.current if isinstance(conflict.current, AnnotationRecord) else None
                )
                gone = dataclasses.replace(theirs or record, deleted=True)
                if self._keep_mine(gone, theirs) and theirs is not None:
                    record = theirs
                    continue
                self.refresh()
                self.notify(self.tr("Their version was kept."))
                return False
            except LookupError as error:
                self.notify(str(error))
                return False
            self.undo_stack.push(
                DeleteCommand(self._annotations, record, self.tr("Delete highlight"), self)
            )
            self.refresh()
            return True

    def confirm(self, record: AnnotationRecord) -> None:
        self._annotations.confirm(record.id)
        self.refresh()

    def reattach(self, record: AnnotationRecord) -> bool:
        """Give an orphan (or a note to check) the passage now selected in its own part."""
        pane = self.reader.pane_for(record.part)
        span = pane.selected_span()
        if span is None:
            where = self.tr("question") if record.part is Part.QUESTION else self.tr("answer")
            self.notify(self.tr("Select the new passage in the %1 first.").replace("%1", where))
            return False
        self._annotations.reattach(record.id, span[0], span[1])
        self.refresh()
        self.panel.select_annotation(record.id)
        pane.flash(*span)
        return True

    # -- undo / redo (Listener of the commands) ------------------------------------
    def undo(self) -> None:
        self.commit_pending()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.commit_pending()
        self.undo_stack.redo()

    def applied(self, record: AnnotationRecord) -> None:
        if record.question_key == self.key:
            self.refresh()
        else:
            self.changed.emit()
            self.notify(self.tr("Changed in question %1").replace("%1", record.question_key))

    def failed(self, message: str) -> None:
        self.notify(message)

    # -- showing -------------------------------------------------------------------
    def reveal_panel(self) -> None:
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()

    def flash(self, record: AnnotationRecord) -> bool:
        """Scroll to a highlight of the open question and make it blink."""
        if record.question_key != self.key:
            return False
        if record.anchor_state is AnchorState.ORPHAN:
            self.notify(self.tr("This highlight has no place in the current text."))
            return False
        self.reader.pane_for(record.part).flash(record.selector.start, record.selector.end)
        return True

    def jump_to(self, record: AnnotationRecord) -> None:
        """Open the question of an annotation, select it in the panel and flash it."""
        if record.question_key != self.key:
            self.open_question(record.question_key)
        self.reveal_panel()
        self.panel.select_annotation(record.id)
        self.flash(record)

    def edit_note(self, annotation_id: str) -> None:
        self.reveal_panel()
        if self.panel.select_annotation(annotation_id):
            self.panel.focus_note()

    # -- context menu of the panes ----------------------------------------------------
    def extend_menu(self, pane: TextPane, menu: QMenu, offset: int) -> None:
        if self.key is None:
            return
        part = self.reader.part_of(pane)
        if pane.selected_span() is not None:
            menu.addSeparator()
            for category in self.categories:
                action = menu.addAction(
                    color_icon(category.color),
                    self.tr("Highlight as %1").replace("%1", category.label),
                )
                action.triggered.connect(
                    lambda _=False, name=category.name: self.create(name, pane)
                )
            for record in self.records:
                if record.part is part and record.anchor_state is not AnchorState.ANCHORED:
                    text = self.tr("Reattach «%1» here").replace(
                        "%1", short(record.selector.exact, 40)
                    )
                    action = menu.addAction(text)
                    action.triggered.connect(lambda _=False, r=record: self.reattach(r))
        highlight = pane.highlight_at(offset) if offset >= 0 else None
        target = self.record(highlight.id) if highlight else None
        if target is not None:
            self._extend_for_highlight(menu, target)

    def _extend_for_highlight(self, menu: QMenu, record: AnnotationRecord) -> None:
        menu.addSeparator()
        edit = menu.addAction(self.tr("Edit the note…"))
        edit.triggered.connect(lambda: self.edit_note(record.id))
        recolour = menu.addMenu(self.tr("Change category"))
        for category in self.categories:
            if category.name != record.category:
                action = recolour.addAction(color_icon(category.color), category.label)
                action.triggered.connect(
                    lambda _=False, name=category.name: self.recolour(record, name)
                )
        if record.category == COMMITMENT_CATEGORY:
            due = menu.addAction(self.tr("Set the due date…"))
            due.triggered.connect(lambda: self.due_dates.edit(record))
        remove = menu.addAction(self.tr("Delete the highlight"))
        remove.triggered.connect(lambda: self.delete(record))
