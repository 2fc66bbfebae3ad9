"""The annotations panel of the open question: its free note, its highlights, one editor.

The panel only shows and collects; it asks the controller (through signals) to
save, recolour, delete, confirm or re-attach, and the controller calls services.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.annotation import (
    COMMITMENT_CATEGORY,
    AnchorState,
    AnnotationRecord,
    Category,
    sorted_tags,
)
from qe_desktop.ui.annotations.editors import MarkdownEdit, TagsEdit
from qe_desktop.ui.annotations.panel_model import AnnotationListModel, PanelFilter, short
from qe_desktop.ui.annotations.question_note import QuestionNoteBox
from qe_desktop.ui.annotations.rendering import color_icon
from qe_desktop.ui.commitments.labels import due_text

REVIEW_QUOTE_CHARS = 400


def _state(data: object) -> AnchorState | None:
    """Combo data comes back from Qt as a plain string."""
    return AnchorState(str(data)) if data else None


class SidePanel(QWidget):
    annotation_activated = Signal(object)  # AnnotationRecord: scroll to it and flash it
    save_requested = Signal(object, str, object)  # record, note, tags
    recolour_requested = Signal(object, str)  # record, category name
    delete_requested = Signal(object)
    confirm_requested = Signal(object)
    reattach_requested = Signal(object)
    due_requested = Signal(object)  # an Engagement highlight: set or change its due date
    version_requested = Signal(object)  # show a highlight in the text it was made on
    question_note_changed = Signal(str)  # after a pause or when the editor loses the focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationListModel(self)
        self._categories: tuple[Category, ...] = ()
        self._editing: AnnotationRecord | None = None
        # drafts of highlight notes whose save failed, by annotation id (set by the controller)
        self.draft_for: Callable[[str], str | None] = lambda _annotation_id: None
        self.note_box = QuestionNoteBox()
        self.question_note = self.note_box.editor
        self.note_status = self.note_box.status
        self.note_box.save_requested.connect(self.question_note_changed.emit)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("annotationsSplitter")
        splitter.addWidget(self.note_box)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([90, 300, 200])  # the highlights list gets the room, not the note
        splitter.setChildrenCollapsible(False)
        self.empty_hint = QLabel(self.tr("Select a highlight to edit its note and tags."))
        self.empty_hint.setObjectName("editorHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color:#555")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty_hint)
        self._show_editor(None)

    # -- construction ------------------------------------------------------------
    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter: quote, note, tag"))
        self.search.setClearButtonEnabled(True)
        self.category_filter = QComboBox()
        self.tag_filter = QComboBox()
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("All"), None)
        self.state_filter.addItem(self.tr("To check"), AnchorState.REVIEW.value)
        self.state_filter.addItem(self.tr("Orphans"), AnchorState.ORPHAN.value)
        # The dock is narrow: categories on a row of their own, tags beside the short
        # state choice, so that "Toutes les catégories" and "Toutes les étiquettes" are whole.
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for combo in (self.category_filter, self.tag_filter, self.state_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.tag_filter.setMinimumContentsLength(13)  # the dock as wide as two 8-letter combos
        self.state_filter.setMinimumContentsLength(5)
        filters.addWidget(self.category_filter, 0, 0, 1, 2)
        filters.addWidget(self.tag_filter, 1, 0)
        filters.addWidget(self.state_filter, 1, 1)
        filters.setColumnStretch(0, 1)
        self.search.textChanged.connect(self._apply_filter)
        self.list = QListView()
        self.list.setMinimumHeight(48)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elided
        self.list.setModel(self.model)
        # Every row is three lines (quote, details, note), elided rather than wrapped: the
        # view then measures one row instead of all (a question with 300 highlights opened
        # in 60 ms instead of 90).
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.clicked.connect(self._on_clicked)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color:#666")
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        return box

    def _build_editor(self) -> QWidget:
        self.editor_box = QGroupBox(self.tr("Selected highlight"))
        layout = QVBoxLayout(self.editor_box)
        self.state_text = QLabel()
        self.state_text.setWordWrap(True)
        self.state_text.setTextFormat(Qt.TextFormat.RichText)
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.confirm_button.setToolTip(self.tr("The highlight is in the right place"))
        self.reattach_button = QPushButton(self.tr("Reattach to the selection"))
        self.reattach_button.setToolTip(
            self.tr("Select the passage in the question or the answer, then click here")
        )
        self.version_button = QPushButton(self.tr("Show in its version"))
        self.version_button.setToolTip(self.tr("The text this highlight was made on"))
        self.confirm_button.clicked.connect(lambda: self._emit_for_current(self.confirm_requested))
        self.reattach_button.clicked.connect(
            lambda: self._emit_for_current(self.reattach_requested)
        )
        self.version_button.clicked.connect(lambda: self._emit_for_current(self.version_requested))
        # shown for a highlight to check or an orphan only (hidden whole, it takes no room)
        self.state_buttons = QWidget()
        state_buttons = QGridLayout(self.state_buttons)
        state_buttons.setContentsMargins(0, 0, 0, 0)
        state_buttons.addWidget(self.confirm_button, 0, 0)
        state_buttons.addWidget(self.reattach_button, 0, 1)
        state_buttons.addWidget(self.version_button, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        state_buttons.setColumnStretch(2, 1)
        self.category_combo = QComboBox()
        self.category_combo.activated.connect(self._on_category_chosen)
        self.tags_edit = TagsEdit()
        self.due_label = QLabel()
        self.due_button = QPushButton(self.tr("Due date…"))
        self.due_button.setToolTip(self.tr("Set or change the due date of this commitment"))
        self.due_button.clicked.connect(lambda: self._emit_for_current(self.due_requested))
        self.due_title = QLabel(self.tr("Due"))
        self.due_box = QWidget()  # Engagement highlights only (hidden whole: takes no room)
        due_row = QHBoxLayout(self.due_box)
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.due_title)
        due_row.addWidget(self.due_label, 1)
        due_row.addWidget(self.due_button)
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category_combo)
        form.addRow(self.tr("Tags"), self.tags_edit)
        self.note_edit = MarkdownEdit()
        self.note_edit.editor.setMinimumHeight(40)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the note and the tags (Ctrl+Return)"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.save_button.clicked.connect(self.save_edits)
        self.delete_button.clicked.connect(lambda: self._emit_for_current(self.delete_requested))
        QShortcut(QKeySequence("Ctrl+Return"), self.editor_box, self.save_edits)
        self.edit_status = QLabel()  # why the last save failed (the text stays here)
        self.edit_status.setWordWrap(True)
        self.edit_status.setStyleSheet("color:#c1121f")
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_status, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        layout.addWidget(self.state_text)
        layout.addWidget(self.state_buttons)
        layout.addLayout(form)
        layout.addWidget(self.due_box)
        layout.addWidget(self.note_edit, 1)
        layout.addLayout(buttons)
        return self.editor_box

    # -- contents ----------------------------------------------------------------
    def set_records(
        self,
        records: Sequence[AnnotationRecord],
        categories: Sequence[Category],
        known_tags: Sequence[str] = (),
    ) -> None:
        """Show these annotations; the highlight being edited stays selected if still there."""
        selected = self.model.record_at(self.list.currentIndex().row())
        current_id = selected.id if selected else self._editing.id if self._editing else None
        if tuple(categories) != self._categories:
            self._categories = tuple(categories)
            self._fill_categories()
        self._fill_tags(records)
        self.tags_edit.set_known_tags(known_tags)
        self.model.set_records(records, categories)
        self._update_count()
        if current_id and self.select_annotation(current_id):
            return
        self._show_editor(None)

    def select_annotation(self, annotation_id: str) -> bool:
        row = self.model.row_of(annotation_id)
        if row < 0 and self.model.filter != PanelFilter():
            self.clear_filters()
            row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._show_editor(self.model.record_at(row))
        self.list.scrollTo(index)
        return True

    def current_record(self) -> AnnotationRecord | None:
        return self._editing

    def clear_filters(self) -> None:
        for widget in (self.category_filter, self.tag_filter, self.state_filter):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_filter()

    def _fill_categories(self) -> None:
        for target, everything in ((self.category_filter, True), (self.category_combo, False)):
            chosen = target.currentData()
            target.blockSignals(True)
            target.clear()
            if everything:
                target.addItem(self.tr("All categories"), None)
            for category in self._categories:
                target.addItem(color_icon(category.color), category.label, category.name)
            target.setCurrentIndex(max(target.findData(chosen), 0))
            target.blockSignals(False)

    def _fill_tags(self, records: Sequence[AnnotationRecord]) -> None:
        chosen = self.tag_filter.currentData()
        names = sorted_tags({t for r in records for t in r.tags})
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for name in names:
            self.tag_filter.addItem("#" + name, name)
        self.tag_filter.setCurrentIndex(max(self.tag_filter.findData(chosen), 0))
        self.tag_filter.blockSignals(False)

    def _apply_filter(self) -> None:
        current_id = self._editing.id if self._editing else None
        self.model.set_filter(
            PanelFilter(
                text=self.search.text(),
                category=self.category_filter.currentData(),
                tag=self.tag_filter.currentData(),
                state=_state(self.state_filter.currentData()),
            )
        )
        self._update_count()
        row = self.model.row_of(current_id) if current_id else -1
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.all_records)
        text = self.tr("%n highlight(s)", "", total)
        if shown != total:
            text = self.tr("%1 of %n highlight(s)", "", total).replace("%1", str(shown))
        self.count_label.setText(text)
        if total:
            hint = self.tr("Select a highlight to edit its note and tags.")
        else:  # an empty panel (a new library, a question not yet read) says how to start
            hint = self.tr(
                "No highlight yet: select a passage of the question or the answer, then press"
                " Ctrl+1 to Ctrl+5 or click a category in the toolbar."
            )
        self.empty_hint.setText(hint)

    # -- editor ------------------------------------------------------------------
    def _show_editor(self, record: AnnotationRecord | None) -> None:
        self._editing = record
        self.editor_box.setVisible(record is not None)  # no wall of disabled controls
        self.empty_hint.setVisible(record is None)
        self.note_edit.set_text(record.note if record else "")
        self.tags_edit.set_tags(record.tags if record else ())
        if record is not None:
            self.category_combo.setCurrentIndex(
                max(self.category_combo.findData(record.category), 0)
            )
        self._show_due(record)
        self.edit_status.clear()
        self.save_button.setText(self.tr("Save"))
        draft = self.draft_for(record.id) if record is not None else None
        if record is not None and draft is not None and draft != record.note:
            self.note_edit.set_text(draft)  # typed before a failed save or a crash
            self.edit_status.setText(self.tr("Unsaved draft restored: save it again."))
        state = record.anchor_state if record else AnchorState.ANCHORED
        self.confirm_button.setVisible(state is AnchorState.REVIEW)
        self.reattach_button.setVisible(state in (AnchorState.REVIEW, AnchorState.ORPHAN))
        self.version_button.setVisible(state is not AnchorState.ANCHORED)
        self.state_buttons.setVisible(state is not AnchorState.ANCHORED)
        self.state_text.setVisible(state is not AnchorState.ANCHORED)
        self.state_text.setText(self._state_html(record) if record else "")

    def _state_html(self, record: AnnotationRecord) -> str:
        quote = escape(short(record.selector.exact, REVIEW_QUOTE_CHARS), quote=False)
        if record.anchor_state is AnchorState.REVIEW:
            before = escape(short(record.previous_exact or "", REVIEW_QUOTE_CHARS), quote=False)
            warning = escape(self.tr("To check: the text changed"))
            was, now = escape(self.tr("Before:")), escape(self.tr("Now:"))
            return (
                f"<b style='color:#b45309'>{warning}</b>"
                f"<br><b>{was}</b> «&nbsp;{before}&nbsp;»"
                f"<br><b>{now}</b> «&nbsp;{quote}&nbsp;»"
            )
        if record.anchor_state is AnchorState.ORPHAN:
            warning = escape(self.tr("Orphan: passage not found"))
            return f"<b style='color:#c1121f'>{warning}</b><br>«&nbsp;{quote}&nbsp;»"
        return ""

    def _show_due(self, record: AnnotationRecord | None) -> None:
        engagement = record is not None and record.category == COMMITMENT_CATEGORY
        self.due_box.setVisible(engagement)
        commitment = record.commitment if record is not None else None
        if commitment is None:
            self.due_label.setText(self.tr("no due date"))
        else:
            self.due_label.setText(due_text(commitment.due_date, commitment.precision))

    def edit_failed(self, reason: str) -> None:
        """The save of the highlight being edited failed: the text stays, Save retries."""
        self.edit_status.setText(self.tr("Not saved: %1").replace("%1", reason))
        self.save_button.setText(self.tr("Retry"))

    def edits_pending(self) -> bool:
        record = self._editing
        if record is None:
            return False
        return self.note_edit.text() != record.note or self.tags_edit.tags() != record.tags

    def save_edits(self) -> None:
        if self._editing is not None and self.edits_pending():
            self.save_requested.emit(self._editing, self.note_edit.text(), self.tags_edit.tags())

    def focus_note(self) -> None:
        self.note_edit.setCurrentWidget(self.note_edit.editor)
        self.note_edit.editor.setFocus()

    def _emit_for_current(self, signal: SignalInstance) -> None:
        if self._editing is not None:
            signal.emit(self._editing)

    def _on_category_chosen(self, index: int) -> None:
        name = self.category_combo.itemData(index)
        if self._editing is not None and name and name != self._editing.category:
            self.recolour_requested.emit(self._editing, name)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        record = self.model.record_at(current.row()) if current.isValid() else None
        if self._editing is not None and (record is None or record.id != self._editing.id):
            target = record.id if record else None
            self.save_edits()  # leaving a highlight never drops what was typed for it
            if target is not None and self.model.row_of(target) >= 0:
                record = self.model.record_at(self.model.row_of(target))
        if record is not None:
            self._show_editor(record)

    def _on_clicked(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            self.annotation_activated.emit(record)

    # -- the question's free note (QuestionNoteBox) ---------------------------------
    def set_question_note(self, text: str) -> None:
        self.note_box.set_text(text)

    def question_note_saved(self, message: str) -> None:
        self.note_box.saved(message)

    def question_note_failed(self, reason: str) -> None:
        self.note_box.failed(reason)

    def flush_question_note(self) -> None:
        """Save now if something was typed (also before another question opens)."""
        self.note_box.flush()
