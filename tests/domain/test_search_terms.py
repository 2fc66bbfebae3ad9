"""User input never reaches the full-text engine unescaped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qe_desktop.domain.search_terms import parse_terms
from qe_desktop.storage.search import fts5_query


def test_quoted_phrase_stays_a_phrase() -> None:
    terms = parse_terms('"feuille de route" ministères')
    assert terms.phrases == (("feuille", "de", "route"),)
    assert terms.words == ("ministères",)
    assert fts5_query(terms) == '"ministères" "feuille de route"'


def test_operators_and_punctuation_become_plain_words() -> None:
    terms = parse_terms('NEAR( énergie* -climat :col "unbalanced')
    assert set(terms.words) == {"NEAR", "énergie", "climat", "col", "unbalanced"}


def test_nothing_searchable_gives_empty_terms() -> None:
    assert parse_terms('"" ( ) * - : 🙂').empty


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_every_word_is_quoted(text: str) -> None:
    query = fts5_query(parse_terms(text))
    # balanced quotes: each term is one quoted string
    assert query.count('"') % 2 == 0
