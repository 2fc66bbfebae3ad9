"""A due date typed by the user: "30/06/2025", "juin 2025", "fin 2025", "T3 2026".

The date field alone was hard to type into (30/06/2025 came out as 07/06/2025); a
phrase field reads what users write, with the same grammar as the commitment
finder (`due_dates`), and a typed date is always taken literally, past or not.
"""

from __future__ import annotations

import re
from datetime import date

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.date_phrases import add_months
from qe_desktop.domain.due_dates import DueDate, find_due_dates, pick_due_date

_DAY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_TRIGGERS = ("", "en ", "d'ici ")


def _made(due: date, precision: DatePrecision, text: str) -> DueDate:
    return DueDate(due, precision, text, 0, len(text))


def parse_due_input(text: str, today: date) -> DueDate | None:
    """The due date a typed text means, None when it means none."""
    typed = " ".join(text.split())
    if not typed:
        return None
    try:
        if match := _DAY.match(typed):
            day, month, year = (int(part) for part in match.groups())
            year += 2000 if year < 100 else 0
            return _made(date(year, month, day), DatePrecision.DAY, typed)
        if match := _ISO.match(typed):
            year, month, day = (int(part) for part in match.groups())
            return _made(date(year, month, day), DatePrecision.DAY, typed)
        if match := _MONTH.match(typed):
            month, year = int(match.group(1)), int(match.group(2))
            last = add_months(date(year, month, 1), 1).replace(day=1)
            return _made(date.fromordinal(last.toordinal() - 1), DatePrecision.MONTH, typed)
        if match := _YEAR.match(typed):
            return _made(date(int(typed), 12, 31), DatePrecision.YEAR, typed)
    except ValueError:  # 31/02/2025
        return None
    for trigger in _TRIGGERS:
        found = find_due_dates(trigger + typed, today)
        if found:
            return pick_due_date(found)
    return None
