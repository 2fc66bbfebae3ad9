"""One set of period rules: the date grammar's season ends and every label agree."""

from __future__ import annotations

from datetime import date

import pytest

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.due_dates import resolve_due_date
from qe_desktop.domain.periods import (
    SEASON_END,
    Season,
    add_months,
    quarter_of,
    season_of,
    semester_of,
)
from qe_desktop.domain.status import answer_deadline
from qe_desktop.exporters.citations import due_label
from qe_desktop.exporters.follow_up import due_phrase


def test_add_months_clamps_to_the_end_of_shorter_months() -> None:
    assert add_months(date(2025, 12, 31), 2) == date(2026, 2, 28)
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)
    assert add_months(date(2023, 12, 31), 2) == date(2024, 2, 29)
    assert add_months(date(2025, 3, 15), -3) == date(2024, 12, 15)
    assert answer_deadline(date(2025, 12, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize("season", list(Season))
@pytest.mark.parametrize("year", [2008, 2025])
def test_every_season_end_is_named_back_as_that_season(season: Season, year: int) -> None:
    month, day = SEASON_END[season]
    end = date(year + (1 if season is Season.WINTER else 0), month, day)
    assert season_of(end) == (season, year)


@pytest.mark.parametrize(
    ("phrase", "label", "letter"),
    [
        ("d'ici l'hiver 2025", "hiver 2025", "l'hiver 2025"),
        ("au printemps 2003", "printemps 2003", "le printemps 2003"),
        ("avant l'été 2026", None, None),
        ("à l'automne 2008", "automne 2008", "l'automne 2008"),
    ],
)
def test_the_grammar_and_every_label_agree_on_seasons(
    phrase: str, label: str | None, letter: str | None
) -> None:
    from qe_desktop.domain.annotation import CommitmentRecord

    found = resolve_due_date(phrase, date(2002, 1, 1))
    assert found is not None
    due, precision = found.due, found.precision
    assert due is not None and precision is DatePrecision.SEASON
    if label is None:  # "avant l'été": the eve of the season, still a season date
        assert due == date(2026, 6, 20)
        return
    assert due_label(CommitmentRecord(due_date=due, precision=precision)) == label
    assert due_phrase(due, precision) == letter


def test_quarters_and_semesters() -> None:
    assert [quarter_of(date(2026, m, 1)) for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]
    assert semester_of(date(2026, 6, 30)) == 1
    assert semester_of(date(2026, 7, 1)) == 2
