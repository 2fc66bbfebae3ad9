"""A quoted phrase: its matches newest first, without bm25, counted as far as asked (#25).

bm25 walks a phrase's position lists a second time over the whole index to count it
(its IDF): 100-150 ms for two common words at 1,000,000 questions, whatever the page.
What the user sees instead is pinned here on the sample library.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.services.quick_read import QuickQuestions
from qe_desktop.storage.reader import LibraryReader

PHRASE = QuestionFilter(text='"de la"')  # 8 of the 10 sample questions


@contextmanager
def _statements(services: Services) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_a_phrase_lists_its_matches_newest_first_with_the_phrase_marked(
    sample_services: Services,
) -> None:
    questions = sample_services.questions
    with _statements(sample_services) as seen:
        first = questions.rows(PHRASE, Sort("rank"), 0, 3)
    assert not any("bm25" in statement for statement in seen)
    everything = questions.rows(PHRASE, Sort("rank"), 0, 100)
    assert len(everything) == questions.count(PHRASE) == 8
    ids = [row.id for row in everything]
    assert ids == sorted(ids, reverse=True)  # the last stored first
    assert first == everything[:3]
    assert questions.rows(PHRASE, Sort("rank"), 3, 3) == everything[3:6]
    assert all("[[de la]]" in row.snippet.lower() for row in everything), everything
    assert [row.key for row in questions.search('"de la"', limit=3)] == [row.key for row in first]


def test_a_phrase_among_filters_is_newest_first_too(sample_services: Services) -> None:
    questions = sample_services.questions
    flt = QuestionFilter(text='"de la"', chamber="an")
    with _statements(sample_services) as seen:
        rows = questions.rows(flt, Sort("rank"), 0, 100)
    assert rows and not any("bm25" in statement for statement in seen)
    ids = [row.id for row in rows]
    assert ids == sorted(ids, reverse=True)
    assert all(row.chamber == "an" for row in rows)


def test_words_are_still_ranked_by_relevance(sample_services: Services) -> None:
    with _statements(sample_services) as seen:
        sample_services.questions.rows(QuestionFilter(text="commune"), Sort("rank"), 0, 3)
    assert any("bm25" in statement for statement in seen)


@pytest.mark.parametrize("up_to", [1, 3, 8, 9, None])
def test_a_count_stops_where_asked(sample_services: Services, up_to: int | None) -> None:
    questions = sample_services.questions
    expected = 8 if up_to is None else min(8, up_to)
    assert questions.count(PHRASE, up_to) == expected
    assert questions.count(QuestionFilter(chamber="an"), up_to) == min(
        questions.count(QuestionFilter(chamber="an")), up_to or 100
    )
    assert sample_services.database.path is not None
    reader = LibraryReader.open(sample_services.database.path)
    try:
        assert QuickQuestions(reader).count(PHRASE, up_to) == expected
    finally:
        reader.close()
