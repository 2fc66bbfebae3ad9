"""A question's place in any filtered, sorted list, found without reading the list."""

from __future__ import annotations

from typing import Any

import pytest

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import SORT_COLUMNS, QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.storage import questions_position as store

SORTS = list(SORT_COLUMNS)  # every column the list can be sorted by
FILTERS = [
    QuestionFilter(),
    QuestionFilter(chamber="senat"),
    QuestionFilter(statuses=frozenset({Status.ANSWERED})),
    QuestionFilter(statuses=frozenset({Status.OVERDUE, Status.WITHDRAWN, Status.LAPSED})),
    QuestionFilter(text="commune"),
]


@pytest.mark.parametrize("cap", [20_000, 1, 3])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORTS)
def test_position_is_the_row_in_the_listed_order(
    sample_services: Services,
    column: str,
    descending: bool,
    cap: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Counted from the top, or from the end past `POSITION_CAP` rows: the same row."""
    monkeypatch.setattr(store, "POSITION_CAP", cap)
    questions = sample_services.questions
    everything = [row.key for row in questions.rows(QuestionFilter(), Sort(), 0, 10_000)]
    for flt in FILTERS:
        sort = Sort(column, descending)
        listed = [row.key for row in questions.rows(flt, sort, 0, 10_000)]
        assert listed
        for key in everything:
            expected = listed.index(key) if key in listed else None
            assert questions.position(flt, sort, key) == expected, (flt, sort, key)


def test_the_search_ranking_has_no_position(sample_services: Services) -> None:
    [first, *_] = sample_services.questions.rows(QuestionFilter(text="commune"), Sort("rank"))
    assert (
        sample_services.questions.position(QuestionFilter(text="commune"), Sort("rank"), first.key)
        is None
    )


def _plan_of_the_position_count(services: Services, flt: QuestionFilter) -> list[str]:
    """The query plan of the first count that places the list's last question, by date.

    The question is the last one newest first, so it is row 0 oldest first.
    """
    from sqlalchemy import event

    engine = services.database.engine
    seen: list[tuple[str, Any]] = []

    def record(_c: object, _cur: object, statement: str, params: Any, *_a: object) -> None:
        seen.append((statement, params))

    questions = services.questions
    [*_, last] = questions.rows(flt, Sort("published_on", True), 0, 10_000)
    event.listen(engine, "before_cursor_execute", record)
    try:
        position = questions.position(flt, Sort("published_on", False), last.key)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert position == 0
    statement, params = next((s, p) for s, p in seen if "count(" in s)
    with engine.connect() as connection:
        return [
            row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)
        ]


def test_a_position_by_date_is_counted_on_ranges_of_the_date_index(
    sample_services: Services,
) -> None:
    """Two index ranges, never an OR that collects every row id first (913 ms at 800,000)."""
    plan = _plan_of_the_position_count(sample_services, QuestionFilter())
    assert not any("MULTI-INDEX OR" in step for step in plan), plan
    assert sum("ix_questions_published_status" in step for step in plan) == 2, plan


def test_a_position_under_a_status_filter_reads_the_covering_date_index(
    sample_services: Services,
) -> None:
    """Not the status index and then every row from the table (1.2 s at 1,000,000)."""
    overdue = QuestionFilter(statuses=frozenset({Status.OVERDUE}))
    plan = _plan_of_the_position_count(sample_services, overdue)
    assert not any("ix_questions_status " in step for step in plan), plan
    assert sum("COVERING INDEX ix_questions_published_status" in step for step in plan) == 2, plan


@pytest.mark.parametrize("within", [1, 2, 4])
@pytest.mark.parametrize("column", ["published_on", "number", "status"])
def test_a_question_far_from_both_ends_is_not_placed(
    sample_services: Services, column: str, within: int
) -> None:
    """With `within`, a question more than `within` rows from both ends is FAR, not counted."""
    questions = sample_services.questions
    far = 0
    for flt in FILTERS[:4]:
        sort = Sort(column, True)
        listed = [row.key for row in questions.rows(flt, sort, 0, 10_000)]
        for index, key in enumerate(listed):
            near = index < within or len(listed) - 1 - index < within
            expected = index if near else store.FAR
            assert questions.position(flt, sort, key, within) == expected, (flt, index)
            far += not near
    assert far > 0
