"""Sentence splitting of French administrative prose, with spans into the canonical text."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from qe_desktop.domain.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = (
        "M. le ministre et Mme la rapporteure ont cité l'art. L. 4751-1 et le décret n° 91-779. "
        "Le taux a crû de 10,9 p. 100 depuis 1981. La S.N.C.F. l'a déjà annoncé."
    )
    assert _texts(text) == [
        "M. le ministre et Mme la rapporteure ont cité l'art. L. 4751-1 et le décret n° 91-779.",
        "Le taux a crû de 10,9 p. 100 depuis 1981.",
        "La S.N.C.F. l'a déjà annoncé.",
    ]


def test_an_initialism_ends_a_sentence_when_a_new_one_visibly_starts() -> None:
    text = "Le contrat a été passé avec la S.N.C.F. Toutefois, le calendrier a glissé."
    assert _texts(text) == [
        "Le contrat a été passé avec la S.N.C.F.",
        "Toutefois, le calendrier a glissé.",
    ]


def test_numbers_with_decimal_points_and_spaces_stay_whole() -> None:
    text = "Le coût atteint 1.5 million, soit 1 036 mètres carrés. Il est financé."
    assert _texts(text) == [
        "Le coût atteint 1.5 million, soit 1 036 mètres carrés.",
        "Il est financé.",
    ]


def test_a_quotation_is_not_cut_at_its_inner_periods() -> None:
    text = "Le ministre a déclaré : « Nous agirons. Vite. » Le décret suivra."
    assert _texts(text) == [
        "Le ministre a déclaré : « Nous agirons. Vite. »",
        "Le décret suivra.",
    ]


def test_paragraph_breaks_end_sentences_and_the_senat_answer_label_is_skipped() -> None:
    text = "Réponse. -L'amélioration du réseau est engagée\nLes travaux se poursuivent. Fin ?"
    assert _texts(text) == [
        "L'amélioration du réseau est engagée",
        "Les travaux se poursuivent.",
        "Fin ?",
    ]


def test_spans_index_the_text() -> None:
    text = "  Première phrase.   Deuxième phrase !\nTroisième"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


_PIECES = [*"abcdeM. L«»\n?!", " Le ", " M. ", "S.N.C.F. ", ". ", "n° ", "« ", " »", ". Il "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_sentences_are_ordered_disjoint_stripped_and_cover_every_word(text: str) -> None:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
    for first, second in itertools.pairwise(sentences):
        assert first.end <= second.start
    # nothing but whitespace is lost between sentences
    assert "".join(text.split()) == "".join("".join(s.text.split()) for s in sentences)
