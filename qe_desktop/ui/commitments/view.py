"""The Commitments view: every commitment, filtered, earliest due date first, late ones in red.

Double-clicking a row asks the window to open its question and flash the passage;
the buttons change the status, correct the due date, draft a follow-up question or
export the due dates to a calendar. Decisions live in CommitmentService.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.annotation import AnnotationRecord, CommitmentStatus, DatePrecision
from qe_desktop.domain.commitment_tracking import CommitmentFilter, CommitmentRow
from qe_desktop.exporters.formats import ExportFormat
from qe_desktop.services.annotations import ConflictError
from qe_desktop.services.commitments import CommitmentService
from qe_desktop.services.disk import describe_failure
from qe_desktop.ui.columns import fit_columns, header_width, row_table
from qe_desktop.ui.commitments.dialogs import DueDateDialog, FollowUpDialog, StatusDialog
from qe_desktop.ui.commitments.labels import status_text
from qe_desktop.ui.commitments.table_model import CommitmentTableModel
from qe_desktop.ui.dock_layout import turn_boxes

if TYPE_CHECKING:
    from qe_desktop.services.exporting import ExportService

Notify = Callable[[str], None]
log = logging.getLogger(__name__)
CALENDAR_FILTER = "Calendrier (*.ics)"
# Below this width (the dock as a tab beside the side panel, at 1366×768 and smaller) the
# filters and buttons stack and only the due date, status and quote columns show: the user
# reads the commitments instead of scrolling sideways to find the buttons.
NARROW_WIDTH = 760
WIDE_ONLY_COLUMNS = ("overdue", "ministry", "question", "next_check")
NARROW_FITTED = ("due", "status")
MINISTRY_CHARS = 36


class CommitmentsView(QWidget):
    open_requested = Signal(str, str)  # question key, annotation id
    changed = Signal()  # a commitment was edited here (the reader may redraw)

    def __init__(
        self,
        service: CommitmentService,
        exporting: Callable[[], ExportService] | None = None,
        notify: Notify | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.exporting = exporting  # built on first use: the export writers load slowly
        self.notify: Notify = notify or (lambda _message: None)
        self.model = CommitmentTableModel(self)
        self._loading = False
        self.dialog: StatusDialog | DueDateDialog | None = None
        self._build()

    # -- construction --------------------------------------------------------------
    def _build(self) -> None:
        self.overdue_check = QCheckBox(self.tr("Overdue"))
        self.month_check = QCheckBox(self.tr("Due this month"))
        self.ministry_combo = QComboBox()
        self.ministry_combo.setMinimumContentsLength(MINISTRY_CHARS)
        self.ministry_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in CommitmentStatus:
            self.status_combo.addItem(status_text(status), status.value)
        self.count_label = QLabel()
        self.count_label.setObjectName("commitmentsCount")
        self.checks = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.checks.addWidget(self.overdue_check)
        self.checks.addWidget(self.month_check)
        self.choices = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.choices.addWidget(self.ministry_combo)
        self.choices.addWidget(self.status_combo)
        self.filters = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.filters.addLayout(self.checks)
        self.filters.addLayout(self.choices)
        self.filters.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignRight)

        self.table = row_table(
            self.model, "commitmentsTable", QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.model.column_of("quote"), QHeaderView.ResizeMode.Stretch)
        widths = (
            ("due", 110),
            ("status", 120),
            ("overdue", 80),
            ("ministry", 260),
            ("question", 210),
            ("next_check", 110),
        )
        fit_columns(self.table, {self.model.column_of(name): width for name, width in widths})

        self.status_button = QPushButton(self.tr("Change the status…"))
        self.due_button = QPushButton(self.tr("Edit the due date…"))
        self.follow_up_button = QPushButton(self.tr("Follow-up question…"))
        self.calendar_button = QPushButton(self.tr("Export the calendar (.ics)…"))
        self.buttons = QGridLayout()
        self._place_buttons(narrow=False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.narrow = False
        self._wide_widths: dict[int, int] = {}

        self.overdue_check.toggled.connect(self.reload)
        self.month_check.toggled.connect(self.reload)
        self.ministry_combo.currentIndexChanged.connect(self._filter_changed)
        self.status_combo.currentIndexChanged.connect(self._filter_changed)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.status_button.clicked.connect(self.change_status)
        self.due_button.clicked.connect(self.edit_due)
        self.follow_up_button.clicked.connect(self.follow_up)
        self.calendar_button.clicked.connect(self.choose_calendar_file)
        self.calendar_button.setVisible(self.exporting is not None)
        self._update_buttons()

    def _place_buttons(self, *, narrow: bool) -> None:
        """One row when wide; one column when narrow, every button readable."""
        order = (self.status_button, self.due_button, self.follow_up_button, self.calendar_button)
        for button in order:
            self.buttons.removeWidget(button)
        for column in range(5):
            self.buttons.setColumnStretch(column, 0)
        if narrow:
            for index, button in enumerate(order):
                self.buttons.addWidget(button, index, 0)
        else:
            for index, button in enumerate(order[:3]):
                self.buttons.addWidget(button, 0, index)
            self.buttons.setColumnStretch(3, 1)
            self.buttons.addWidget(self.calendar_button, 0, 4)

    def fit_width(self, width: int) -> None:
        """Lay the view out for `width` (its dock's): stacked and fewer columns when narrow."""
        narrow = width < NARROW_WIDTH
        if narrow == self.narrow:
            return
        self.narrow = narrow
        turn_boxes((self.filters, self.choices, self.checks), narrow=narrow)
        # Qt keeps the combo's minimum width once computed: let the layout ignore it instead.
        policy = QSizePolicy.Policy.Ignored if narrow else QSizePolicy.Policy.Preferred
        self.ministry_combo.setSizePolicy(policy, QSizePolicy.Policy.Fixed)
        self._place_buttons(narrow=narrow)
        for name in WIDE_ONLY_COLUMNS:
            self.table.setColumnHidden(self.model.column_of(name), narrow)
        for name in NARROW_FITTED:
            column = self.model.column_of(name)
            if narrow:
                self._wide_widths[column] = self.table.columnWidth(column)
            elif column in self._wide_widths:
                self.table.setColumnWidth(column, self._wide_widths[column])
        self._fit_narrow_columns()

    def _fit_narrow_columns(self) -> None:
        """When narrow, the due date and status as wide as their texts: room for the quote."""
        if not self.narrow:
            return
        for name in NARROW_FITTED:
            column = self.model.column_of(name)
            needed = max(self.table.sizeHintForColumn(column), header_width(self.table, column))
            self.table.setColumnWidth(column, needed)

    # -- loading -------------------------------------------------------------------------
    @property
    def current_filter(self) -> CommitmentFilter:
        status = self.status_combo.currentData()
        return CommitmentFilter(
            overdue=self.overdue_check.isChecked(),
            ministry=self.ministry_combo.currentData() or None,
            status=CommitmentStatus(status) if status else None,
            due_this_month=self.month_check.isChecked(),
        )

    def _filter_changed(self) -> None:
        if not self._loading:
            self.reload()

    def reload(self) -> None:
        """Read the commitments again (keeping the selected one selected)."""
        selected = self.selected_row()
        self._loading = True
        try:
            self._refresh_ministries()
        finally:
            self._loading = False
        rows = self.service.list(self.current_filter)
        self.model.set_rows(rows)
        self._fit_narrow_columns()
        late = sum(1 for r in rows if r.is_overdue)
        text = self.tr("%n commitment(s), %1 overdue", "", len(rows))
        self.count_label.setText(text.replace("%1", str(late)))
        if selected is not None:
            self.select(selected.annotation_id)
        self._update_buttons()

    def _refresh_ministries(self) -> None:
        current = self.ministry_combo.currentData()
        self.ministry_combo.clear()
        self.ministry_combo.addItem(self.tr("All ministries"), "")
        for ministry in self.service.ministries():
            self.ministry_combo.addItem(ministry, ministry)
            self.ministry_combo.setItemData(
                self.ministry_combo.count() - 1, ministry, Qt.ItemDataRole.ToolTipRole
            )
        index = self.ministry_combo.findData(current) if current else 0
        self.ministry_combo.setCurrentIndex(max(index, 0))

    def select(self, annotation_id: str) -> bool:
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def selected_row(self) -> CommitmentRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0]) if indexes else None

    def _update_buttons(self) -> None:
        has_row = self.selected_row() is not None
        for button in (self.status_button, self.due_button, self.follow_up_button):
            button.setEnabled(has_row)
        self.calendar_button.setEnabled(self.model.rowCount() > 0)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_requested.emit(row.question_key, row.annotation_id)

    # -- editing -------------------------------------------------------------------------
    def _current(self) -> tuple[CommitmentRow, AnnotationRecord] | None:
        row = self.selected_row()
        if row is None:
            self.notify(self.tr("Choose a commitment first."))
            return None
        try:
            return row, self.service.record(row.annotation_id)
        except LookupError as error:
            self.notify(str(error))
            self.reload()
            return None

    def change_status(
        self, typed: tuple[CommitmentStatus, str, str] | None = None, notice: str = ""
    ) -> StatusDialog | None:
        """Ask for a new status; `typed` puts back what a failed save would have lost."""
        current = self._current()
        if current is None:
            return None
        row, record = current
        history = record.commitment.history if record.commitment else ()
        status = record.commitment.status if record.commitment else row.status
        dialog = StatusDialog(row.quote, status, history, self, notice)
        if typed is not None:
            dialog.set_typed(*typed)
        return self._ask(
            dialog,
            lambda: (dialog.chosen_status, dialog.reason, dialog.evidence),
            lambda mine: self.service.change_status(row.annotation_id, *mine, record.version),
            self.change_status,
        )

    def edit_due(
        self, typed: tuple[date | None, DatePrecision] | None = None
    ) -> DueDateDialog | None:
        current = self._current()
        if current is None:
            return None
        row, record = current
        due, precision = typed if typed is not None else (row.due_date, row.precision)
        dialog = DueDateDialog(row.quote, due, precision, self)
        return self._ask(
            dialog,
            lambda: (dialog.chosen_due, dialog.chosen_precision),
            lambda mine: self.service.set_due(row.annotation_id, *mine, record.version),
            self._reopen_due,
        )

    def _reopen_due(self, mine: tuple[date | None, DatePrecision], why: str) -> None:
        self.notify(why)
        self.edit_due(mine)

    def _ask[D: (StatusDialog, DueDateDialog), T](
        self,
        dialog: D,
        typed: Callable[[], T],
        store: Callable[[T], AnnotationRecord],
        reopen: Callable[[T, str], object],
    ) -> D:
        """Open the dialog; once accepted, store what was typed, reopening it on a failure."""
        self.dialog = dialog

        def save() -> None:
            mine = typed()
            self._save(lambda: store(mine), lambda why: reopen(mine, why))

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def _save(
        self, action: Callable[[], AnnotationRecord], reopen: Callable[[str], object]
    ) -> bool:
        """Save; on a conflict or any failure, the dialog opens again with what was typed."""
        try:
            saved = action()
        except ConflictError as conflict:
            self.reload()
            theirs = conflict.current if isinstance(conflict.current, AnnotationRecord) else None
            reopen(self._their_version(theirs))
            return False
        except (LookupError, ValueError) as error:
            self.notify(str(error))
            self.reload()
            return False
        except Exception as error:  # locked, disk full, connection lost: nothing typed is lost
            log.warning("saving a commitment failed", exc_info=True)
            reopen(
                self.tr("Not saved: %1. What you typed is kept: try again.").replace(
                    "%1", describe_failure(error)
                )
            )
            return False
        self.reload()
        self.select(saved.id)
        self.changed.emit()
        return True

    def _their_version(self, theirs: AnnotationRecord | None) -> str:
        """The other version, shown above the user's own (kept) text."""
        text = self.tr("Someone else changed this commitment meanwhile; your text is kept below.")
        commitment = theirs.commitment if theirs is not None else None
        if commitment is None or not commitment.history:
            return text
        last = commitment.history[-1]
        theirs_text = self.tr("Their version: %1 by %2").replace("%1", status_text(last.status))
        theirs_text = theirs_text.replace("%2", last.author or "?")
        details = " — ".join(x for x in (last.reason, last.evidence) if x)
        return f"{text}\n{theirs_text}" + (f" — {details}" if details else "")

    def follow_up(self) -> FollowUpDialog | None:
        current = self._current()
        if current is None:
            return None
        dialog = FollowUpDialog(self.service.follow_up_draft(current[0].annotation_id), self)
        dialog.open()
        return dialog

    # -- calendar --------------------------------------------------------------------------
    def choose_calendar_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the calendar"), "engagements.ics", CALENDAR_FILTER
        )
        if path:
            self.export_calendar(Path(path))

    def export_calendar(self, path: Path) -> int:
        """The due dates of the questions listed here, as an .ics file; returns the count."""
        if self.exporting is None:
            return 0
        from qe_desktop.services.exporting import ExportError

        keys = list(dict.fromkeys(row.question_key for row in self.model.rows))
        try:
            result = self.exporting().export(keys, ExportFormat.ICS, path)
        except ExportError as error:
            QMessageBox.critical(self, self.tr("Export the calendar"), str(error))
            return 0
        self.notify(
            self.tr("%n commitment(s) written to %1", "", result.commitments).replace(
                "%1", str(path)
            )
        )
        return result.commitments
