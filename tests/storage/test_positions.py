"""A question's place in any filtered, sorted list, found without reading the list."""

from __future__ import annotations

import pytest

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import SORT_COLUMNS, QuestionFilter, Sort
from qe_desktop.services.container import Services

SORTS = list(SORT_COLUMNS)  # every column the list can be sorted by
FILTERS = [
    QuestionFilter(),
    QuestionFilter(chamber="senat"),
    QuestionFilter(statuses=frozenset({Status.ANSWERED})),
    QuestionFilter(text="commune"),
]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORTS)
def test_position_is_the_row_in_the_listed_order(
    sample_services: Services, column: str, descending: bool
) -> None:
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
