"""Search results page by page: the same rows, order and excerpts as one big query."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import literal_column

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.storage.models import Question
from qe_desktop.storage.questions import _rows_query, _sort_key, _to_row

SEARCHES = [
    QuestionFilter(text="commune"),
    QuestionFilter(text='"intelligence artificielle"'),
    QuestionFilter(text="commune", chamber="senat"),
    QuestionFilter(text="commune", statuses=frozenset({Status.ANSWERED})),
]


def _reference(services: Services, flt: QuestionFilter, sort: Sort) -> list:
    """Everything in one query, excerpts computed for every match (the simple design)."""
    today = date.today()
    with services.database.read() as session:
        query, _ = _rows_query(flt, today, "sqlite")
        if sort.column == "rank":
            query = query.order_by(literal_column("rank"), Question.id)
        else:
            query = query.order_by(*_sort_key(sort, today))
        return [_to_row(m) for m in session.execute(query).mappings()]


@pytest.mark.parametrize("sort", [Sort("rank"), Sort(), Sort("title", False)])
@pytest.mark.parametrize("flt", SEARCHES)
def test_pages_of_results_match_the_whole_list(
    sample_services: Services, flt: QuestionFilter, sort: Sort
) -> None:
    expected = _reference(sample_services, flt, sort)
    assert expected, flt
    pages = []
    for offset in range(0, len(expected) + 3, 3):
        pages.extend(sample_services.questions.rows(flt, sort, offset, 3))
    assert pages == expected
    assert all("[[" in row.snippet for row in pages)
