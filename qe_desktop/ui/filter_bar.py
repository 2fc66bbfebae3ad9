"""The library's filters: status chips always in view, the other criteria in a fold-out grid.

The bar only turns widget values into a QuestionFilter (the text search stays in the
panel's search field); the database does the filtering. `encode_filter` and
`decode_filter` turn that filter into the string kept in QSettings between sessions.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.ui.labels import STATUS_COLORS, chamber_label, legislature_label, status_label

if TYPE_CHECKING:  # the list is painted before the services load (#25)
    from qe_desktop.services.questions import QuestionService

NO_DATE = QDate(1900, 1, 1)  # the date edits' "no bound" value, shown as "—"


# -- the filter in QSettings ---------------------------------------------------
def encode_filter(flt: QuestionFilter) -> str:
    """The criteria worth keeping across sessions (not the search text), as JSON."""
    state: dict[str, Any] = {
        "chamber": flt.chamber,
        "legislature": flt.legislature,
        "ministry": flt.ministry,
        "group": flt.group,
        "author": flt.author,
        "statuses": sorted(s.value for s in flt.statuses),
        "published_from": flt.published_from.isoformat() if flt.published_from else None,
        "published_to": flt.published_to.isoformat() if flt.published_to else None,
        "has_notes": flt.has_notes,
        "incomplete_answers": flt.incomplete_answers,
        "tag": flt.tag,
        "category": flt.category,
    }
    return json.dumps({k: v for k, v in state.items() if v not in (None, [], False)})


def _text(state: dict[str, Any], name: str) -> str | None:
    value = state.get(name)
    return value if isinstance(value, str) and value else None


def _day(state: dict[str, Any], name: str) -> date | None:
    value = _text(state, name)
    return date.fromisoformat(value) if value else None


def decode_filter(text: object) -> QuestionFilter:
    """Read back `encode_filter`; anything unreadable gives the empty filter."""
    try:
        state = json.loads(str(text)) if text else {}
    except ValueError:
        return QuestionFilter()
    if not isinstance(state, dict):
        return QuestionFilter()
    legislature = state.get("legislature")
    statuses = state.get("statuses")
    known = {s.value: s for s in Status}
    try:
        return QuestionFilter(
            chamber=_text(state, "chamber"),
            legislature=legislature if isinstance(legislature, int) else None,
            ministry=_text(state, "ministry"),
            group=_text(state, "group"),
            author=_text(state, "author"),
            statuses=frozenset(
                known[s] for s in (statuses if isinstance(statuses, list) else []) if s in known
            ),
            published_from=_day(state, "published_from"),
            published_to=_day(state, "published_to"),
            has_notes=state.get("has_notes") is True,
            incomplete_answers=state.get("incomplete_answers") is True,
            tag=_text(state, "tag"),
            category=_text(state, "category"),
        )
    except (ValueError, TypeError):  # a date that is not one
        return QuestionFilter()


# -- widgets -------------------------------------------------------------------
def _chip_style(color: str) -> str:
    return (
        "QToolButton { border: 1px solid #b8bec4; border-radius: 10px; padding: 1px 7px;"
        " background: palette(base); }"
        f" QToolButton:checked {{ background: {color}; color: white; border-color: {color};"
        " font-weight: 600; }"
    )


def _check_quietly(button: QAbstractButton, checked: bool) -> None:
    """Check or uncheck without emitting: showing a filter is not changing it."""
    blocked = button.blockSignals(True)
    button.setChecked(checked)
    button.blockSignals(blocked)


class _Choice(QComboBox):
    """A drop-down whose first entry means "any"; item data holds the filter value."""

    def __init__(self, any_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._any_label = any_label
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMaxVisibleItems(20)
        self.addItem(any_label, None)

    def set_choices(self, choices: list[tuple[str, object]]) -> None:
        """Replace the entries, keeping the current value (even if it is not listed any more)."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._any_label, None)
        for label, value in choices:
            self.addItem(label, value)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: object) -> None:
        blocked = self.blockSignals(True)
        if value is None:
            self.setCurrentIndex(0)
        else:
            found = self.findData(value)
            if found < 0:
                self.addItem(str(value), value)
                found = self.count() - 1
            self.setCurrentIndex(found)
        self.blockSignals(blocked)


class _DateBound(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        blocked = self.blockSignals(True)
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        self.blockSignals(blocked)


class FilterBar(QWidget):
    """Status chips and the fold-out criteria grid.

    `more_button` (fold/unfold, with the count of hidden criteria) and `clear_button`
    belong to the bar but are left for the owner to place, next to its search field.
    """

    changed = Signal()

    def __init__(self, service: QuestionService | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service  # None until the services load (the first rows come first)
        self.status_chips: dict[Status, QToolButton] = {}
        chips = QHBoxLayout()
        chips.setSpacing(4)
        for status in Status:
            chip = QToolButton()
            chip.setObjectName(f"statusChip_{status.value}")
            chip.setText(status_label(status))
            chip.setCheckable(True)
            chip.setStyleSheet(_chip_style(STATUS_COLORS[status]))
            chip.setToolTip(self.tr("Show only questions with this status (several allowed)"))
            chip.toggled.connect(self._on_change)
            self.status_chips[status] = chip
            chips.addWidget(chip)
        chips.addStretch(1)
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreFilters")
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setAutoRaise(True)
        self.more_button.toggled.connect(self.set_expanded)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every filter"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)

        # The "any" entries are short (the field's label says what); the comment lets
        # languages with gender translate each one on its own.
        self.chamber = _Choice(self.tr("Both", "any chamber"))
        self.legislature = _Choice(self.tr("All", "any legislature"))
        self.ministry = _Choice(self.tr("All", "any ministry"))
        self.group = _Choice(self.tr("All", "any group"))
        self.author = _Choice(self.tr("All", "any author"))
        self.category = _Choice(self.tr("All", "any category"))
        self.tag = _Choice(self.tr("All", "any tag"))
        self.choices: dict[str, _Choice] = {  # by the QuestionFilter field each one sets
            "chamber": self.chamber,
            "legislature": self.legislature,
            "ministry": self.ministry,
            "group": self.group,
            "author": self.author,
            "category": self.category,
            "tag": self.tag,
        }
        self.published_from = _DateBound()
        self.published_to = _DateBound()
        self.has_notes = QCheckBox(self.tr("Only questions with notes or highlights"))
        self.incomplete = QCheckBox(self.tr("Incomplete answers"))
        self.incomplete.setObjectName("incompleteAnswers")
        self.incomplete.setToolTip(
            self.tr("Answers leaving at least one demand not fully answered")
        )
        self.chamber.set_choices(
            [
                (chamber_label("an", short=False), "an"),
                (chamber_label("senat", short=False), "senat"),
            ]
        )
        self.details = QWidget()
        self.details.setObjectName("filterDetails")
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        rows: list[list[tuple[str, QWidget]]] = [
            [(self.tr("Chamber"), self.chamber), (self.tr("Legislature"), self.legislature)],
            [(self.tr("Ministry"), self.ministry)],
            [(self.tr("Group"), self.group), (self.tr("Author"), self.author)],
            [(self.tr("Published from"), self.published_from), (self.tr("to"), self.published_to)],
            [(self.tr("Category"), self.category), (self.tr("Tag"), self.tag)],
        ]
        for row, fields in enumerate(rows):
            for column, (label, widget) in enumerate(fields):
                caption = QLabel(label)
                caption.setBuddy(widget)
                grid.addWidget(caption, row, column * 2)
                grid.addWidget(widget, row, column * 2 + 1, 1, 3 if len(fields) == 1 else 1)
        grid.addWidget(self.has_notes, len(rows), 1, 1, 3)
        grid.addWidget(self.incomplete, len(rows) + 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for combo in self.choices.values():
            combo.currentIndexChanged.connect(self._on_change)
        self.published_from.dateChanged.connect(self._on_change)
        self.published_to.dateChanged.connect(self._on_change)
        self.has_notes.toggled.connect(self._on_change)
        self.incomplete.toggled.connect(self._on_change)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(chips)
        layout.addWidget(self.details)
        self.set_expanded(False)
        self._update_summary()

    # -- choices ---------------------------------------------------------------
    def use_service(self, service: QuestionService) -> None:
        """The questions' service, once loaded; the drop-downs are filled from it."""
        self._service = service
        self.refresh_choices()

    def refresh_choices(self) -> None:
        """Fill the drop-downs from the library (after an import, at start-up)."""
        service = self._service
        if service is None:  # the window's first seconds: filled by `use_service`
            return
        self.legislature.set_choices([(legislature_label(n), n) for n in service.legislatures()])
        for column in ("ministry", "group", "author"):  # the library's own values
            values = service.filter_choices(column)
            self.choices[column].set_choices([(value, value) for value in values])
        self.category.set_choices([(c.label, c.name) for c in service.categories()])
        self.tag.set_choices([(tag, tag) for tag in service.tags()])

    # -- state -----------------------------------------------------------------
    def current(self) -> QuestionFilter:
        """The criteria shown, without search text."""
        return QuestionFilter(
            **{name: combo.value() for name, combo in self.choices.items()},
            statuses=frozenset(s for s, chip in self.status_chips.items() if chip.isChecked()),
            published_from=self.published_from.value(),
            published_to=self.published_to.value(),
            has_notes=self.has_notes.isChecked(),
            incomplete_answers=self.incomplete.isChecked(),
        )

    def set_filter(self, flt: QuestionFilter) -> None:
        """Show these criteria (the search text is ignored); emits nothing."""
        for status, chip in self.status_chips.items():
            _check_quietly(chip, status in flt.statuses)
        for name, combo in self.choices.items():
            combo.set_value(getattr(flt, name))
        self.published_from.set_value(flt.published_from)
        self.published_to.set_value(flt.published_to)
        _check_quietly(self.has_notes, flt.has_notes)
        _check_quietly(self.incomplete, flt.incomplete_answers)
        self._update_summary()

    def active_count(self) -> int:
        """How many fold-out filters narrow the list (the search box and chips aside)."""
        return len(self.current().narrowed_by() - {"text", "keys"})

    def clear(self) -> None:
        self.set_filter(QuestionFilter())
        self.changed.emit()

    @property
    def expanded(self) -> bool:
        return not self.details.isHidden()

    def set_expanded(self, expanded: bool) -> None:
        self.details.setVisible(expanded)
        blocked = self.more_button.blockSignals(True)
        self.more_button.setChecked(expanded)
        self.more_button.blockSignals(blocked)
        arrow = Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        self.more_button.setArrowType(arrow)

    def _on_change(self, *_args: object) -> None:
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        hidden = self.active_count() - len(self.current().statuses)
        text = self.tr("Filters")
        if hidden:
            text = self.tr("Filters (%1)").replace("%1", str(hidden))
        self.more_button.setText(text)
        self.clear_button.setEnabled(self.active_count() > 0)
