"""Figures of the Analyses view and of `stats`: answer delays, volumes, overdue questions.

Computed in plain Python from one row of facts per question, so that the questions
listed behind a bar are exactly the ones that bar counts.

Definitions (DESIGN §3):
- answered: the question's status is `answered`;
- median delay: median of `delay_days` (answer date − publication date) over the
  answered questions that have both dates;
- due: the deadline is known and has either passed unanswered (overdue, lapsed) or
  the question was answered with a date; questions still inside their deadline and
  withdrawn questions are neither on time nor late;
- share within the deadline: questions answered on or before their deadline / due.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qe_desktop.domain.status import Status

HALF_YEAR_DAYS = 183
YEAR_DAYS = 365
MAX_MONTHLY_SPAN = 48  # months; a longer span is counted per year


class DelayBand(StrEnum):
    """How long an answered question waited, as the delay chart stacks it."""

    IN_TIME = "in_time"
    LATE_UNDER_6_MONTHS = "late_6m"
    LATE_UNDER_1_YEAR = "late_1y"
    LATE_OVER_1_YEAR = "late_more"


class Answering(StrEnum):
    """The two series of the monthly chart: questions answered or still waiting."""

    ANSWERED = "answered"
    UNANSWERED = "unanswered"


class Granularity(StrEnum):
    """Whether the monthly chart counts by month or, over long spans, by year."""

    MONTH = "month"
    YEAR = "year"


class Chart(StrEnum):
    """The charts the Analyses view draws, each with its own categories and series."""

    DELAYS = "delays"  # category: ministry, series: DelayBand
    MONTHLY = "monthly"  # category: period label, series: Answering
    OVERDUE = "overdue"  # category: ministry, series: "overdue"


@dataclass(frozen=True, slots=True)
class QuestionFacts:
    """What the figures need about one question."""

    key: str
    ministry: str
    status: Status
    published_on: date | None
    answered_on: date | None
    deadline: date | None
    delay_days: int | None
    raw_ministry: str = ""  # the ministry's own name when `ministry` is its portfolio

    @property
    def answered(self) -> bool:
        """Whether the ministry has answered the question."""
        return self.status is Status.ANSWERED

    @property
    def in_time(self) -> bool:
        """Whether the answer came by the deadline."""
        return (
            self.answered_on is not None
            and self.deadline is not None
            and self.answered_on <= self.deadline
        )

    @property
    def due(self) -> bool:
        """Whether the deadline counts for this question: answered, or past due without answer."""
        if self.deadline is None:
            return False
        if self.answered:
            return self.answered_on is not None
        return self.status in (Status.OVERDUE, Status.LAPSED)

    @property
    def delay_band(self) -> DelayBand | None:
        """How late the answer was, banded for the delays chart; None when not answered."""
        if not self.answered or self.delay_days is None or self.deadline is None:
            return None
        if self.in_time:
            return DelayBand.IN_TIME
        if self.delay_days <= HALF_YEAR_DAYS:
            return DelayBand.LATE_UNDER_6_MONTHS
        if self.delay_days <= YEAR_DAYS:
            return DelayBand.LATE_UNDER_1_YEAR
        return DelayBand.LATE_OVER_1_YEAR


@dataclass(frozen=True, slots=True)
class MinistryFigures:
    """One ministry's row of the Analyses table: volumes, median delay, timeliness."""

    ministry: str
    questions: int
    answered: int
    median_delay: float | None
    due: int
    in_time: int
    overdue: int
    delay_bands: tuple[tuple[DelayBand, int], ...]
    names: tuple[str, ...] = ()  # the ministries' own names in a portfolio, most used first

    @property
    def share_in_time(self) -> float | None:
        """Share of the due questions answered in time; None when none was due."""
        return self.in_time / self.due if self.due else None

    def band(self, band: DelayBand) -> int:
        """How many answers fell in the given delay band."""
        return dict(self.delay_bands).get(band, 0)


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """One bar of the monthly chart: answered and unanswered questions of a period."""

    label: str  # "2024-03" (month) or "2024" (year)
    answered: int
    unanswered: int


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the Analyses view draws, for one filter."""

    total: int
    summary: MinistryFigures  # every filtered question together (ministry "")
    ministries: tuple[MinistryFigures, ...]
    granularity: Granularity
    periods: tuple[PeriodFigures, ...]

    @property
    def overdue(self) -> tuple[MinistryFigures, ...]:
        """Ministries with overdue questions, most overdue first, for the overdue chart."""
        ranked = sorted((m for m in self.ministries if m.overdue), key=lambda m: -m.overdue)
        return tuple(ranked)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar (one stacked segment) of a chart: what a click asks the questions of."""

    chart: Chart
    category: str
    series: str


def figures_of(ministry: str, items: Sequence[QuestionFacts]) -> MinistryFigures:
    """The figures of a set of questions (one ministry's, or all of them)."""
    delays = [f.delay_days for f in items if f.answered and f.delay_days is not None]
    bands = Counter(f.delay_band for f in items if f.delay_band is not None)
    names = Counter(f.raw_ministry or f.ministry for f in items) if ministry else Counter()
    return MinistryFigures(
        ministry=ministry,
        questions=len(items),
        answered=sum(f.answered for f in items),
        median_delay=float(statistics.median(delays)) if delays else None,
        due=sum(f.due for f in items),
        in_time=sum(f.in_time for f in items),
        overdue=sum(f.status is Status.OVERDUE for f in items),
        delay_bands=tuple((band, bands[band]) for band in DelayBand),
        names=tuple(name for name, _ in sorted(names.items(), key=lambda n: (-n[1], n[0]))),
    )


def ministry_figures(facts: Iterable[QuestionFacts]) -> list[MinistryFigures]:
    """Per ministry, most questions first."""
    grouped: dict[str, list[QuestionFacts]] = defaultdict(list)
    for fact in facts:
        grouped[fact.ministry].append(fact)
    figures = [figures_of(ministry, items) for ministry, items in grouped.items()]
    figures.sort(key=lambda m: (-m.questions, m.ministry))
    return figures


def _months(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def granularity_for(days: Sequence[date]) -> Granularity:
    """Month bars for short spans, year bars when months would be too many to read."""
    if not days:
        return Granularity.MONTH
    span = _months(min(days), max(days))
    return Granularity.MONTH if span <= MAX_MONTHLY_SPAN else Granularity.YEAR


def period_label(day: date, granularity: Granularity) -> str:
    """The period a day falls in, as the chart labels it: "2024-03" or "2024"."""
    return f"{day.year:04d}-{day.month:02d}" if granularity is Granularity.MONTH else str(day.year)


def _period_labels(first: date, last: date, granularity: Granularity) -> list[str]:
    """Every period between two days, empty ones included (a gap is information)."""
    if granularity is Granularity.YEAR:
        return [str(year) for year in range(first.year, last.year + 1)]
    labels = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return labels


def period_figures(facts: Sequence[QuestionFacts]) -> tuple[Granularity, list[PeriodFigures]]:
    """Questions published per period, answered versus not (yet) answered."""
    dated = [f for f in facts if f.published_on is not None]
    days = [f.published_on for f in dated if f.published_on is not None]
    granularity = granularity_for(days)
    if not days:
        return granularity, []
    answered: Counter[str] = Counter()
    unanswered: Counter[str] = Counter()
    for fact in dated:
        assert fact.published_on is not None
        label = period_label(fact.published_on, granularity)
        (answered if fact.answered else unanswered)[label] += 1
    labels = _period_labels(min(days), max(days), granularity)
    return granularity, [PeriodFigures(x, answered[x], unanswered[x]) for x in labels]


def overview(facts: Sequence[QuestionFacts]) -> Overview:
    """The figures of the Analyses view for the filtered questions."""
    granularity, periods = period_figures(facts)
    return Overview(
        total=len(facts),
        summary=figures_of("", facts),
        ministries=tuple(ministry_figures(facts)),
        granularity=granularity,
        periods=tuple(periods),
    )


def in_bar(fact: QuestionFacts, bar: Bar, granularity: Granularity) -> bool:
    """Whether a question is counted in a bar (the same rules as the figures)."""
    if bar.chart is Chart.MONTHLY:
        if fact.published_on is None:
            return False
        if period_label(fact.published_on, granularity) != bar.category:
            return False
        return fact.answered == (bar.series == Answering.ANSWERED)
    if fact.ministry != bar.category:
        return False
    if bar.chart is Chart.OVERDUE:
        return fact.status is Status.OVERDUE
    band = fact.delay_band
    return band is not None and band.value == bar.series


def keys_in_bar(facts: Sequence[QuestionFacts], bar: Bar) -> list[str]:
    """The keys of the questions a bar counts, most recently published first."""
    granularity = granularity_for([f.published_on for f in facts if f.published_on is not None])
    chosen = [f for f in facts if in_bar(f, bar, granularity)]
    chosen.sort(key=lambda f: (f.published_on or date.min, f.key), reverse=True)
    return [f.key for f in chosen]
