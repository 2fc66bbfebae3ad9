"""Full-text search behaves the same on SQLite (FTS5) and PostgreSQL (tsvector).

Accent- and case-insensitive, phrases kept as phrases, ranked results with [[marked]]
snippets, and no input a user can type breaks it or reaches the query parser raw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.postgres_support import SAMPLES, schema_location

SEED_KEY = "senat-20250130-fabien-genet-p246"

HOSTILE = [
    '"',
    '"unbalanced quote',
    "l'État",
    "(énergie",
    "énergie) OR (climat",
    "a & b | !c",
    "énergétique:*",
    "energ:* & !x",
    "<-> <2> ::",
    "'; DROP TABLE questions; --",
    "\\ \\\\ '' \"\" ``",
    "NEAR(a b) AND NOT",
    "-climat +énergie ^2 ~",
    "🙂🙃 énergétique 🚀",
    "\x00énergétique\x00",
    "e\u0301nerge\u0301tique",  # decomposed accents (NFD)
    "x" * 10_000,
    "énergétique " * 2_000,
    "!@#$%^&*()[]{}<>?/|",
]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def searchable(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Services]:
    """The sample library on each dialect, shared by the read-only tests of this module."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            location = str(tmp_path_factory.mktemp("search") / "bibliotheque.sqlite")
        else:
            shared = request.getfixturevalue("pg_shared_url")
            location = stack.enter_context(schema_location(shared))
        database = open_library(location)
        stack.callback(database.close)
        services = Services.build(database, "testeur")
        assert services.importing.import_paths([SAMPLES]).ok
        yield services


def test_seed_question_found_without_accents(searchable: Services) -> None:
    rows = searchable.questions.search("energetique")
    assert rows and rows[0].key == SEED_KEY
    assert "[[énergétique]]" in rows[0].snippet  # marked as written, accents and all


@pytest.mark.parametrize("query", ["ÉNERGÉTIQUE", "Energetique", "énergétique"])
def test_case_and_accents_do_not_matter(searchable: Services, query: str) -> None:
    assert [r.key for r in searchable.questions.search(query)] == [SEED_KEY]


def test_a_quoted_phrase_needs_its_words_together_in_order(
    searchable: Services,
) -> None:
    search = searchable.questions.search
    assert [r.key for r in search('"sobriété énergétique"')] == [SEED_KEY]
    assert [r.key for r in search('"sobriete energetique" intelligence')] == [SEED_KEY]
    assert search('"énergétique sobriété"') == []  # same words, other order


def test_every_word_must_appear(searchable: Services) -> None:
    search = searchable.questions.search
    assert [r.key for r in search("énergétique Vivatech")] == [SEED_KEY]
    assert search("énergétique cormorans") == []


def test_a_title_match_ranks_first(searchable: Services) -> None:
    rows = searchable.questions.search("ministre")
    assert len(rows) >= 5  # in nearly every text...
    assert rows[0].key == "senat-15-12357"  # ...but in this one's title
    assert all("[[" in row.snippet for row in rows)


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_breaks_search(searchable: Services, query: str) -> None:
    services = searchable
    before = services.questions.total()
    rows = services.questions.search(query)
    assert isinstance(rows, list)
    if "énergétique" in query and "x" * 50 not in query:
        assert SEED_KEY in [r.key for r in rows]
    assert services.questions.total() == before  # nothing dropped, nothing changed


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_at_all_is_a_valid_search(searchable: Services, text: str) -> None:
    assert isinstance(searchable.questions.search(text, limit=5), list)


def test_search_follows_notes_written_after_import(any_sample_services: Services) -> None:
    services = any_sample_services
    assert services.questions.search("zygomatique") == []
    services.annotations.save_question_note(SEED_KEY, "Relancer : argument zygomatique", 0)
    assert [r.key for r in services.questions.search("zygomatique")] == [SEED_KEY]
    services.annotations.save_question_note(SEED_KEY, "", 1)
    assert services.questions.search("zygomatique") == []


@pytest.mark.parametrize("text", ['"de la"', "commune", ""])
def test_a_count_stops_where_asked_on_both_dialects(searchable: Services, text: str) -> None:
    """The list counts a phrase a step at a time (#25): at most `up_to`, else all."""
    for flt in (QuestionFilter(text=text), QuestionFilter(text=text, chamber="an")):
        every = searchable.questions.count(flt)
        assert every == len(searchable.questions.rows(flt, Sort("rank"), 0, 100))
        for up_to in (1, 2, every, every + 1):
            assert searchable.questions.count(flt, up_to) == min(every, up_to), (flt, up_to)
