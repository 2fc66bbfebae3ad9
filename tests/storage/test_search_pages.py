"""Search results page by page: the same rows, order and excerpts as one big query."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import literal_column

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.storage.models import Question
from qe_desktop.storage.questions_list import _rows_query, _sort_key, _to_row

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


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """40 generated questions: every one of them says "de"."""
    from benchmarks.corpus import write_corpus
    from qe_desktop.services.library import open_library

    folder = tmp_path_factory.mktemp("generated")
    services = Services.build(open_library(folder / "library.sqlite"), "testeur")
    corpus = write_corpus(folder / "Questions_ecrites.json.zip", 40, seed=5)
    assert services.importing.import_paths([corpus]).imported == 40
    yield services
    services.database.close()


@pytest.mark.parametrize("window", [1, 7, 40])
def test_past_the_ranked_window_older_matches_follow_newest_first(
    generated: Services, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    """Only the `RANK_WINDOW` newest matches are ranked (bm25 costs every match it ranks)."""
    from qe_desktop.storage import search

    monkeypatch.setattr(search, "RANK_WINDOW", window)
    flt, rank = QuestionFilter(text="de"), Sort("rank")
    everything = _reference(generated, flt, rank)  # every match ranked
    assert len(everything) == 40
    newest = sorted(everything, key=lambda row: row.id, reverse=True)
    recent = {row.id for row in newest[:window]}
    expected = [row for row in everything if row.id in recent] + newest[window:]
    for size in (1, 2, 3, 50):
        pages = []
        for offset in range(0, len(expected) + size, size):
            pages.extend(generated.questions.rows(flt, rank, offset, size))
        assert [row.key for row in pages] == [row.key for row in expected], size
        assert pages == expected


@pytest.mark.parametrize("flt", SEARCHES)
def test_the_count_of_a_search_is_that_of_the_whole_list(
    sample_services: Services, flt: QuestionFilter
) -> None:
    """A search alone is counted on the index alone: the same number as the joined rows."""
    assert sample_services.questions.count(flt) == len(_reference(sample_services, flt, Sort()))
