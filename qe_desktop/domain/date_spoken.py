"""Deadline phrases of spoken French, beside the written ones of `date_phrases`.

Ministers in debates and oral answers give days and spans a written answer rarely does:
"dès demain", "ce soir", "vendredi", "d'ici mi-novembre", "dans les deux ou trois semaines
qui viennent", "dès les premières semaines de l'année 2018", "la première semaine de
décembre". Same conventions as `due_dates` (GUIDE.md): a day or a counted span in days or
weeks has DAY precision, a part of a named month MONTH ("mi-novembre" -> the 15th, "la
première semaine de décembre" -> the 7th), the first weeks or months of a year QUARTER
(31 March); without the answer's date, a phrase that needs it keeps its precision and has
no date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.date_phrases import (
    MONTHS,
    NUMBER_WORDS,
    Handler,
    Resolved,
    add_months,
)

_B = r"(?<![\w-])"
_M = "(?P<month>" + "|".join(MONTHS) + r")\b(?! dernier)"
_Y = r"(?P<year>(?:1[89]|2[01])\d\d)(?![\w/]|[.,]\d|-\d)"
_NUMBER = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_WEEK_DAY = {"premiere": 7, "1re": 7, "1ere": 7, "deuxieme": 14, "2e": 14, "seconde": 14}
_WEEK_DAY |= {"troisieme": 21, "3e": 21}


def _count(raw: str) -> int:
    return int(raw) if raw.isdigit() else NUMBER_WORDS[raw]


def _next_on_or_after(reference: date, month: int, day: int) -> date:
    candidate = date(reference.year, month, day)
    return candidate if candidate >= reference else date(reference.year + 1, month, day)


def _mid_month(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    month = MONTHS[m.group("month")]
    if m.group("year"):
        return date(int(m.group("year")), month, 15), DatePrecision.MONTH
    if reference is None:
        return None, DatePrecision.MONTH
    return _next_on_or_after(reference, month, 15), DatePrecision.MONTH


def _week_of_month(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    month = MONTHS[m.group("month")]
    which = m.group("which")
    if m.group("year"):
        year = int(m.group("year"))
    elif reference is None:
        return None, DatePrecision.MONTH
    else:  # this month or the next one of that name
        year = reference.year + (1 if month < reference.month else 0)
    day = _WEEK_DAY.get(which, calendar.monthrange(year, month)[1])
    return date(year, month, day), DatePrecision.MONTH


def _tomorrow(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    if reference is None:
        return None, DatePrecision.DAY
    return reference + timedelta(days=1), DatePrecision.DAY


def _tonight(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    return reference, DatePrecision.DAY


def _weekday(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    if reference is None:
        return None, DatePrecision.DAY
    ahead = (_WEEKDAYS.index(m.group("weekday")) - reference.weekday()) % 7
    return reference + timedelta(days=ahead or 7), DatePrecision.DAY


def _span(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    """Reads "dans les deux ou trois semaines": the longer count is the deadline."""
    count = max(_count(m.group("low")), _count(m.group("high")))
    unit = m.group("unit")
    precision = DatePrecision.MONTH if unit == "mois" else DatePrecision.DAY
    if reference is None:
        return None, precision
    if unit == "mois":
        return add_months(reference, count), precision
    days = count * 7 if unit.startswith("semaine") else count
    return reference + timedelta(days=days), precision


def _first_weeks(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    if m.group("year"):
        return date(int(m.group("year")), 3, 31), DatePrecision.QUARTER
    if reference is None:
        return None, DatePrecision.QUARTER
    if m.group("next"):
        return date(reference.year + 1, 3, 31), DatePrecision.QUARTER
    return _next_on_or_after(reference, 3, 31), DatePrecision.QUARTER


SPOKEN_PATTERNS: tuple[tuple[re.Pattern[str], Handler, bool], ...] = (
    (
        re.compile(
            _B + r"(?:(?:d'ici|avant|des|pour|vers)(?: a)? )?(?:la )?mi-" + _M + r"(?: " + _Y + ")?"
        ),
        _mid_month,
        False,
    ),
    (
        re.compile(
            _B + r"(?:(?:avant|d'ici|pour|des|dans) )?(?:la fin de )?la (?P<which>premiere|1re|1ere"
            r"|deuxieme|2e|seconde|troisieme|3e|derniere) semaine (?:de |d'|du mois de |du mois d')"
            + _M
            + r"(?: "
            + _Y
            + ")?"
        ),
        _week_of_month,
        False,
    ),
    (re.compile(r"(?<![\w-])(?<!de )(?:(?:des|pour|a partir de) )?demain\b"), _tomorrow, False),
    (re.compile(_B + r"(?:(?:des|d'ici|avant) )?ce soir\b"), _tonight, False),
    (
        re.compile(
            _B
            + r"(?:(?:des|d'ici|avant|pour|jusqu'a) )?(?:ce |le )?(?P<weekday>"
            + "|".join(_WEEKDAYS)
            + r")\b(?! dernier)(?!\s+\d)(?: prochain)?"
        ),
        _weekday,
        False,
    ),
    (
        re.compile(
            _B
            + r"(?:dans|d'ici|sous) (?:les )?(?P<low>"
            + _NUMBER
            + r") (?:ou|a) (?P<high>"
            + _NUMBER
            + r") (?:prochain(?:e)?s )?(?P<unit>jours|semaines|mois)\b"
        ),
        _span,
        False,
    ),
    (
        re.compile(
            _B + r"(?:(?:des|dans|au cours de|pour|d'ici) )?les (?:premieres semaines"
            r"|premiers mois) (?:de l'annee|de l'an)"
            r"(?: " + _Y + r"|(?P<next> prochaine| prochain))?"
        ),
        _first_weeks,
        False,
    ),
)
"""(pattern, handler, needs a trigger word in front), read by `due_dates` after PATTERNS."""
