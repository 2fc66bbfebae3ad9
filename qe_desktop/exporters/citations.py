"""How a briefing note names things: JO citations, dates, delays, deadlines (in French).

Citations follow the usual form "QE n° 03038, JO Sénat du 17/04/2025, p. 1912":
the answer's JO date and page once there is an answer, the question's before.
A question copied without its number is cited by its publication date instead:
"QE du 30/01/2025, JO Sénat du 17/04/2025, p. 1912".
"""

from __future__ import annotations

from datetime import date

from qe_desktop.domain.annotation import CommitmentRecord, DatePrecision, Part
from qe_desktop.domain.periods import Season, quarter_of, season_of, semester_of
from qe_desktop.domain.question import Chamber, QuestionRecord
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionDetail

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
NO_DATE = "—"


def day_label(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day is not None else NO_DATE


def journal(record: QuestionRecord) -> str:
    return "JO Sénat" if record.chamber is Chamber.SENAT else "JO AN"


def short_reference(record: QuestionRecord) -> str:
    """ "QE n° 03038", or "QE du 30/01/2025" when the number is unknown."""
    if record.number:
        return f"{record.qtype} n° {record.number}"
    if record.published_on is not None:
        return f"{record.qtype} du {day_label(record.published_on)}"
    return record.qtype


def citation(record: QuestionRecord, part: Part | None = None) -> str:
    """The JO reference of the answer (or of the question when asked or unanswered)."""
    use_answer = part is Part.ANSWER or (part is None and record.answered_on is not None)
    day = record.answered_on if use_answer else record.published_on
    page = record.answer_page if use_answer else record.question_page
    pieces = [short_reference(record)]
    if not record.number and day is not None and day == record.published_on:
        pieces = [record.qtype]  # "QE du 30/01/2025, JO Sénat du 30/01/2025" says it twice
    if day is not None:
        pieces.append(f"{journal(record)} du {day_label(day)}")
    if page:
        pieces.append(f"p. {page}")
    return ", ".join(pieces)


def days_label(days: int) -> str:
    return f"{days} jour" if abs(days) == 1 else f"{days} jours"


def delay_label(detail: QuestionDetail) -> str:
    """The answer delay, or where the question stands against its deadline."""
    if detail.delay_days is not None:
        label = days_label(detail.delay_days)
        return f"{label}, au-delà du délai réglementaire" if detail.late else label
    if detail.status is Status.OVERDUE and detail.deadline is not None:
        return f"sans réponse, délai expiré le {day_label(detail.deadline)}"
    if detail.status is Status.PENDING and detail.deadline is not None:
        return f"réponse attendue au plus tard le {day_label(detail.deadline)}"
    return NO_DATE


def author_label(detail: QuestionDetail) -> str:
    author = detail.record.author
    where = " - ".join(part for part in (author.constituency, author.group) if part)
    name = detail.author_display or NO_DATE
    return f"{name} ({where})" if where else name


SEASON_NAMES = {
    Season.WINTER: "hiver",
    Season.SPRING: "printemps",
    Season.SUMMER: "été",
    Season.AUTUMN: "automne",
}


def _season(due: date) -> str:
    season, year = season_of(due)
    return f"{SEASON_NAMES[season]} {year}"


def due_label(commitment: CommitmentRecord | None) -> str:
    """A due date at the precision the minister gave it ("juin 2025", "T1 2026", "2025")."""
    if commitment is None or commitment.due_date is None:
        return "non datée"
    due = commitment.due_date
    precision = commitment.precision
    if precision is DatePrecision.DAY:
        return day_label(due)
    if precision is DatePrecision.MONTH:
        return f"{MONTHS[due.month - 1]} {due.year}"
    if precision is DatePrecision.QUARTER:
        return f"T{quarter_of(due)} {due.year}"
    if precision is DatePrecision.SEMESTER:
        return f"S{semester_of(due)} {due.year}"
    if precision is DatePrecision.SEASON:
        return _season(due)
    if precision is DatePrecision.YEAR:
        return str(due.year)
    return f"vers le {day_label(due)} (indicatif)"
