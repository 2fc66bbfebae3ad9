"""The due-date editor: a calendar, a precision, and French phrases as typed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.due_input import parse_due_input
from qe_desktop.ui.application import make_application
from qe_desktop.ui.commitments.dialogs import DueDateDialog

TODAY = date(2025, 3, 1)


@pytest.mark.parametrize(
    ("typed", "due", "precision"),
    [
        ("30/06/2025", date(2025, 6, 30), DatePrecision.DAY),  # came out as 07/06 before
        ("30.06.25", date(2025, 6, 30), DatePrecision.DAY),
        ("juin 2025", date(2025, 6, 30), DatePrecision.MONTH),
        ("fin 2025", date(2025, 12, 31), DatePrecision.YEAR),
        ("06/2025", date(2025, 6, 30), DatePrecision.MONTH),
        ("T3 2026", date(2026, 9, 30), DatePrecision.QUARTER),
        ("premier semestre 2026", date(2026, 6, 30), DatePrecision.SEMESTER),
        ("janvier 2024", date(2024, 1, 31), DatePrecision.MONTH),  # past dates are kept
    ],
)
def test_typed_due_dates(typed: str, due: date, precision: DatePrecision) -> None:
    found = parse_due_input(typed, TODAY)
    assert found is not None and (found.due, found.precision) == (due, precision)


def test_nonsense_and_impossible_dates_mean_nothing() -> None:
    for typed in ("", "zzz", "31/02/2025"):
        found = parse_due_input(typed, TODAY)
        assert found is None or found.due is None


def test_the_dialog_follows_the_phrase(qtbot) -> None:
    make_application()
    dialog = DueDateDialog("« d'ici juin 2025 »", None, DatePrecision.VAGUE)
    qtbot.addWidget(dialog)
    assert dialog.date_edit.calendarPopup()
    assert dialog.chosen_due is None  # undated to start with
    qtbot.keyClicks(dialog.phrase_edit, "fin 2025")
    assert dialog.chosen_due == date(2025, 12, 31)
    assert dialog.chosen_precision is DatePrecision.YEAR
    dialog.phrase_edit.clear()
    qtbot.keyClicks(dialog.phrase_edit, "30/06/2025")
    assert dialog.date_edit.date() == QDate(2025, 6, 30)
    assert dialog.chosen_precision is DatePrecision.DAY
    dialog.phrase_edit.clear()
    qtbot.keyClicks(dialog.phrase_edit, "zzz")
    assert dialog.phrase_note.text()  # says it did not understand
    assert dialog.chosen_due == date(2025, 6, 30)  # the last understood date stays
