"""Calendar periods the app speaks of: months added, quarters, semesters, seasons.

Deadlines ("deux mois"), due dates at their precision ("T1 2026", "l'automne 2008") and
their labels in the window, the exports and the follow-up letters all read these rules,
so that a season ends on the same day everywhere.
"""

from __future__ import annotations

import calendar
from datetime import date
from enum import StrEnum

__all__ = ["Season", "add_months", "month_end", "quarter_of", "season_of", "semester_of"]


class Season(StrEnum):
    """The four seasons, by their French key (the date grammar's words, accents folded)."""

    WINTER = "hiver"
    SPRING = "printemps"
    SUMMER = "ete"
    AUTUMN = "automne"


# (month, day) each season ends on; winter ends in March of the following year.
SEASON_END: dict[Season, tuple[int, int]] = {
    Season.SPRING: (6, 20),
    Season.SUMMER: (9, 22),
    Season.AUTUMN: (12, 20),
    Season.WINTER: (3, 20),
}
# (month, day) of each season's eve: "avant l'été" is kept by 20 June.
SEASON_EVE: dict[Season, tuple[int, int]] = {
    Season.SPRING: (3, 20),
    Season.SUMMER: (6, 20),
    Season.AUTUMN: (9, 22),
    Season.WINTER: (12, 20),
}


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the end of shorter months (31/12 + 2 = 28/02)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


def semester_of(day: date) -> int:
    """1 (January–June) or 2."""
    return 1 if day.month <= 6 else 2


def season_of(due: date) -> tuple[Season, int]:
    """The season a season-precision due date closes, and the year it is named by.

    Due dates of precision SEASON are season ends (`SEASON_END`): a date in January to
    March closes the winter that began the year before ("hiver 2025" ends 2026-03-20).
    """
    if due.month <= 3:
        return Season.WINTER, due.year - 1
    if due.month <= 6:
        return Season.SPRING, due.year
    if due.month <= 9:
        return Season.SUMMER, due.year
    return Season.AUTUMN, due.year
