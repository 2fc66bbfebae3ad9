"""A searched phrase is marked in the reader as one span, as the search matched it."""

from __future__ import annotations

from qe_desktop.domain.search_terms import parse_terms
from qe_desktop.ui.reader.text_pane import TextPane, find_terms

TEXT = "Le numérique responsable : le Numerique, puis numérique\nresponsable et responsable."


def test_a_phrase_is_one_span_from_its_first_word_to_its_last() -> None:
    terms = parse_terms('"numérique responsable"')
    spans = find_terms(TEXT, terms.words, terms.phrases)
    assert [TEXT[a:b] for a, b in spans] == ["numérique responsable", "numérique\nresponsable"]


def test_loose_words_are_still_marked_one_by_one_beside_a_phrase() -> None:
    terms = parse_terms('puis "numérique responsable" numerique')
    spans = find_terms(TEXT, terms.words, terms.phrases)
    assert [TEXT[a:b] for a, b in spans] == [
        "numérique responsable",
        "Numerique",
        "puis",
        "numérique\nresponsable",
    ]
    assert find_terms(TEXT, ("responsable",)) == [(m, m + len("responsable")) for m in (13, 56, 71)]


def test_the_reader_pane_draws_the_phrase_as_one_highlight(qtbot) -> None:
    pane = TextPane()
    qtbot.addWidget(pane)
    pane.show_text(TEXT)
    terms = parse_terms('"numérique responsable"')
    assert pane.highlight_terms(terms.words, terms.phrases) == 2
    drawn = [s.cursor.selectedText() for s in pane.extraSelections()]
    assert drawn[0] == "numérique responsable"
    assert drawn[1] == "numérique\u2029responsable"  # Qt's paragraph separator
