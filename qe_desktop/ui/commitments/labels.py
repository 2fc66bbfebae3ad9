"""Words and colours the window uses for commitments, translated in one place.

Due dates are shown at the precision the minister gave them ("juin 2025", "T1 2026")
with the month names of the interface's language (QLocale), not the system's.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from qe_desktop.domain.annotation import CommitmentStatus, DatePrecision
from qe_desktop.domain.periods import Season, quarter_of, season_of, semester_of

CONTEXT = "CommitmentLabels"
OVERDUE_FOREGROUND = "#a4161a"
OVERDUE_BACKGROUND = "#fde8e8"
DATE_FORMAT = "%d/%m/%Y"

_STATUSES: dict[CommitmentStatus, tuple[str, object]] = {  # colour, words: one row a status
    CommitmentStatus.TO_CHECK: ("#6c757d", QT_TRANSLATE_NOOP("CommitmentLabels", "to check")),
    CommitmentStatus.IN_PROGRESS: ("#457b9d", QT_TRANSLATE_NOOP("CommitmentLabels", "in progress")),
    CommitmentStatus.KEPT: ("#2a9d8f", QT_TRANSLATE_NOOP("CommitmentLabels", "kept")),
    CommitmentStatus.KEPT_LATE: ("#8ab17d", QT_TRANSLATE_NOOP("CommitmentLabels", "kept late")),
    CommitmentStatus.PARTLY_KEPT: ("#e9c46a", QT_TRANSLATE_NOOP("CommitmentLabels", "partly kept")),
    CommitmentStatus.BROKEN: ("#d62828", QT_TRANSLATE_NOOP("CommitmentLabels", "broken")),
    CommitmentStatus.ABANDONED: ("#9d0208", QT_TRANSLATE_NOOP("CommitmentLabels", "abandoned")),
}
STATUS_COLORS: dict[CommitmentStatus, str] = {
    status: colour for status, (colour, _) in _STATUSES.items()
}

_PRECISION_TEXT: dict[DatePrecision, str] = {
    DatePrecision.DAY: str(QT_TRANSLATE_NOOP("CommitmentLabels", "day")),
    DatePrecision.MONTH: str(QT_TRANSLATE_NOOP("CommitmentLabels", "month")),
    DatePrecision.QUARTER: str(QT_TRANSLATE_NOOP("CommitmentLabels", "quarter")),
    DatePrecision.SEMESTER: str(QT_TRANSLATE_NOOP("CommitmentLabels", "half-year")),
    DatePrecision.SEASON: str(QT_TRANSLATE_NOOP("CommitmentLabels", "season")),
    DatePrecision.YEAR: str(QT_TRANSLATE_NOOP("CommitmentLabels", "year")),
    DatePrecision.VAGUE: str(QT_TRANSLATE_NOOP("CommitmentLabels", "vague")),
}

_SEASONS = {
    Season.WINTER: str(QT_TRANSLATE_NOOP("CommitmentLabels", "winter %1")),
    Season.SPRING: str(QT_TRANSLATE_NOOP("CommitmentLabels", "spring %1")),
    Season.SUMMER: str(QT_TRANSLATE_NOOP("CommitmentLabels", "summer %1")),
    Season.AUTUMN: str(QT_TRANSLATE_NOOP("CommitmentLabels", "autumn %1")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_text(status: CommitmentStatus) -> str:
    return _tr(str(_STATUSES[status][1]))


def precision_text(precision: DatePrecision) -> str:
    return _tr(_PRECISION_TEXT[precision])


def day_text(day: date | None) -> str:
    return day.strftime(DATE_FORMAT) if day is not None else ""


def due_text(due: date | None, precision: DatePrecision) -> str:
    """A due date as the minister gave it: "juin 2025", "T1 2026", "2030", "vers le …"."""
    if due is None:
        return QCoreApplication.translate("CommitmentLabels", "no date")
    if precision is DatePrecision.DAY:
        return day_text(due)
    if precision is DatePrecision.MONTH:
        month = QLocale().standaloneMonthName(due.month, QLocale.FormatType.LongFormat)
        return f"{month} {due.year}"
    if precision is DatePrecision.QUARTER:
        quarter = QCoreApplication.translate("CommitmentLabels", "Q%1 %2")
        return quarter.replace("%1", str(quarter_of(due))).replace("%2", str(due.year))
    if precision is DatePrecision.SEMESTER:
        half = QCoreApplication.translate("CommitmentLabels", "H%1 %2")
        return half.replace("%1", str(semester_of(due))).replace("%2", str(due.year))
    if precision is DatePrecision.SEASON:
        season, year = season_of(due)
        return _tr(_SEASONS[season]).replace("%1", str(year))
    if precision is DatePrecision.YEAR:
        return str(due.year)
    around = QCoreApplication.translate("CommitmentLabels", "around %1")
    return around.replace("%1", day_text(due))
