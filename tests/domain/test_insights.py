"""Figures from facts: medians, deadline shares, delay bands, periods, bars and their keys."""

from __future__ import annotations

from datetime import date, timedelta

from qe_desktop.domain.insights import (
    Answering,
    Bar,
    Chart,
    DelayBand,
    Granularity,
    QuestionFacts,
    keys_in_bar,
    ministry_figures,
    overview,
    period_figures,
)
from qe_desktop.domain.status import Status, add_months


def fact(
    key: str,
    ministry: str = "M",
    published: date | None = date(2024, 1, 15),
    delay: int | None = None,
    status: Status | None = None,
) -> QuestionFacts:
    answered_on = published + timedelta(days=delay) if published and delay is not None else None
    if status is None:
        status = Status.ANSWERED if delay is not None else Status.OVERDUE
    return QuestionFacts(
        key=key,
        ministry=ministry,
        status=status,
        published_on=published,
        answered_on=answered_on,
        deadline=add_months(published, 2) if published else None,
        delay_days=delay,
    )


def test_median_share_within_deadline_and_overdue() -> None:
    facts = [
        fact("a", delay=10),
        fact("b", delay=60),  # 15/01 + 60 days = 15/03: on the deadline, so in time
        fact("c", delay=61),
        fact("d", delay=400),
        fact("e"),  # overdue: due, not in time
        fact("f", status=Status.PENDING),  # still inside its deadline: not counted
        fact("g", status=Status.WITHDRAWN),
    ]
    (m,) = ministry_figures(facts)
    assert (m.questions, m.answered, m.overdue) == (7, 4, 1)
    assert m.median_delay == 60.5
    assert (m.in_time, m.due) == (2, 5)
    assert m.share_in_time == 0.4
    assert m.band(DelayBand.IN_TIME) == 2
    assert m.band(DelayBand.LATE_UNDER_6_MONTHS) == 1
    assert m.band(DelayBand.LATE_OVER_1_YEAR) == 1


def test_a_ministry_without_answers_has_no_median_nor_share() -> None:
    (m,) = ministry_figures([fact("x", status=Status.PENDING)])
    assert m.median_delay is None and m.share_in_time is None


def test_ministries_come_most_questions_first() -> None:
    facts = [fact("1", "B"), fact("2", "A"), fact("3", "A")]
    assert [m.ministry for m in ministry_figures(facts)] == ["A", "B"]


def test_months_answered_versus_unanswered_with_empty_months_kept() -> None:
    facts = [
        fact("a", published=date(2024, 1, 5), delay=5),
        fact("b", published=date(2024, 1, 20)),
        fact("c", published=date(2024, 3, 1), delay=5),
        fact("d", published=None, delay=5),
    ]
    granularity, periods = period_figures(facts)
    assert granularity is Granularity.MONTH
    assert [(p.label, p.answered, p.unanswered) for p in periods] == [
        ("2024-01", 1, 1),
        ("2024-02", 0, 0),
        ("2024-03", 1, 0),
    ]


def test_long_spans_are_counted_per_year() -> None:
    facts = [fact("a", published=date(2012, 7, 1)), fact("b", published=date(2024, 2, 1))]
    granularity, periods = period_figures(facts)
    assert granularity is Granularity.YEAR
    assert periods[0].label == "2012" and periods[-1].label == "2024" and len(periods) == 13


def test_every_bar_lists_exactly_the_questions_it_counts() -> None:
    facts = [
        fact(f"k{i}", ministry="AB"[i % 2], published=date(2024, 1 + i % 5, 10), delay=d)
        for i, d in enumerate([5, 70, 200, 500, None, 30, None, 90, 10, None])
    ]
    view = overview(facts)
    for m in view.ministries:
        for band, count in m.delay_bands:
            keys = keys_in_bar(facts, Bar(Chart.DELAYS, m.ministry, band.value))
            assert len(keys) == count
        assert len(keys_in_bar(facts, Bar(Chart.OVERDUE, m.ministry, "overdue"))) == m.overdue
    for p in view.periods:
        answered = keys_in_bar(facts, Bar(Chart.MONTHLY, p.label, Answering.ANSWERED.value))
        waiting = keys_in_bar(facts, Bar(Chart.MONTHLY, p.label, Answering.UNANSWERED.value))
        assert (len(answered), len(waiting)) == (p.answered, p.unanswered)
    assert view.summary.questions == 10
    assert [(m.ministry, m.overdue) for m in view.overdue] == [("A", 2), ("B", 1)]


def test_bar_keys_are_most_recent_first() -> None:
    facts = [fact("old", published=date(2024, 1, 1)), fact("new", published=date(2024, 1, 30))]
    assert keys_in_bar(facts, Bar(Chart.OVERDUE, "M", "overdue")) == ["new", "old"]
