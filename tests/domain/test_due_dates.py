"""French deadline phrases -> due date and precision, absolute and relative to the answer date."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qe_desktop.domain.annotation import DatePrecision as P
from qe_desktop.domain.due_dates import add_months, find_due_dates, fold, resolve_due_date

ANSWERED = date(2025, 4, 17)  # the seed answer's publication date


@pytest.mark.parametrize(
    ("phrase", "due", "precision"),
    [
        # months: last day of the month; "avant" = end of the month before
        ("d'ici juin 2025", date(2025, 6, 30), P.MONTH),
        ("en janvier 2026", date(2026, 1, 31), P.MONTH),
        ("dès le mois de septembre 2025", date(2025, 9, 30), P.MONTH),
        ("avant juin 2026", date(2026, 5, 31), P.MONTH),
        ("fin juin 2025", date(2025, 6, 30), P.MONTH),
        ("d'ici la fin du mois de juillet 2025", date(2025, 7, 31), P.MONTH),
        ("au cours de la première quinzaine du mois de septembre 2025", date(2025, 9, 15), P.MONTH),
        ("dans la seconde quinzaine d'octobre 2025", date(2025, 10, 31), P.MONTH),
        # days
        ("avant le 15 mars 2026", date(2026, 3, 15), P.DAY),
        ("le 1er janvier 2026", date(2026, 1, 1), P.DAY),
        ("au 1er janvier 2027", date(2027, 1, 1), P.DAY),
        ("à compter du 1er juillet 2025", date(2025, 7, 1), P.DAY),
        # years: end of the year; "début" = Q1, "mi" = S1, "fin" = year end
        ("en 2026", date(2026, 12, 31), P.YEAR),
        ("courant 2026", date(2026, 12, 31), P.YEAR),
        ("à l'horizon 2030", date(2030, 12, 31), P.YEAR),
        ("d'ici 2027", date(2027, 12, 31), P.YEAR),
        ("dès 2026", date(2026, 12, 31), P.YEAR),
        ("avant 2030", date(2029, 12, 31), P.YEAR),
        ("pour 2026", date(2026, 12, 31), P.YEAR),
        ("début 2026", date(2026, 3, 31), P.QUARTER),
        ("au début de l'année 2026", date(2026, 3, 31), P.QUARTER),
        ("mi-2026", date(2026, 6, 30), P.SEMESTER),
        ("fin 2025", date(2025, 12, 31), P.YEAR),
        ("d'ici la fin de l'année 2025", date(2025, 12, 31), P.YEAR),
        # semesters and quarters
        ("au premier semestre 2026", date(2026, 6, 30), P.SEMESTER),
        ("au cours du second semestre 2025", date(2025, 12, 31), P.SEMESTER),
        ("au troisième trimestre 2025", date(2025, 9, 30), P.QUARTER),
        ("T3 2025", date(2025, 9, 30), P.QUARTER),
        ("au 1er trimestre 2026", date(2026, 3, 31), P.QUARTER),
        # seasons: printemps 20/06, été 22/09, automne 20/12, hiver 20/03 of the next year
        ("au printemps 2026", date(2026, 6, 20), P.SEASON),
        ("à l'été 2025", date(2025, 9, 22), P.SEASON),
        ("à l'automne 2025", date(2025, 12, 20), P.SEASON),
        ("durant l'hiver 2025", date(2026, 3, 20), P.SEASON),
        ("pour le service d'été 2025", date(2025, 9, 22), P.SEASON),
        ("avant l'été 2025", date(2025, 6, 20), P.SEASON),
        # school year
        ("à la rentrée 2025", date(2025, 9, 30), P.MONTH),
        ("à compter de la rentrée universitaire 2025-2026", date(2025, 9, 30), P.MONTH),
        ("avant la rentrée 2025", date(2025, 8, 31), P.MONTH),
    ],
)
def test_absolute_phrases(phrase: str, due: date, precision: P) -> None:
    found = resolve_due_date(phrase, date(2025, 1, 2))
    assert found is not None
    assert (found.due, found.precision) == (due, precision)
    assert found.phrase == phrase[found.start : found.end]


@pytest.mark.parametrize(
    ("phrase", "due", "precision"),
    [
        ("d'ici la fin de l'année", date(2025, 12, 31), P.YEAR),
        ("avant la fin de l'année", date(2025, 12, 31), P.YEAR),
        ("en fin d'année", date(2025, 12, 31), P.YEAR),
        ("dès cette année", date(2025, 12, 31), P.YEAR),
        ("l'année prochaine", date(2026, 12, 31), P.YEAR),
        ("l'an prochain", date(2026, 12, 31), P.YEAR),
        ("dans le prochain projet de loi de finances", date(2026, 12, 31), P.YEAR),
        ("d'ici la fin du mois", date(2025, 4, 30), P.MONTH),
        ("le mois prochain", date(2025, 5, 31), P.MONTH),
        ("d'ici juin", date(2025, 6, 30), P.MONTH),
        ("en mars", date(2026, 3, 31), P.MONTH),  # March 2025 is over on 17 April
        ("le 15 mai", date(2025, 5, 15), P.DAY),
        ("au second semestre", date(2025, 12, 31), P.SEMESTER),
        ("au premier semestre", date(2025, 6, 30), P.SEMESTER),  # still running in April
        ("au premier trimestre", date(2026, 3, 31), P.QUARTER),  # over: next year's
        ("à l'automne", date(2025, 12, 20), P.SEASON),
        ("cet été", date(2025, 9, 22), P.SEASON),
        ("cet hiver", date(2026, 3, 20), P.SEASON),
        ("au printemps prochain", date(2025, 6, 20), P.SEASON),
        ("à la rentrée", date(2025, 9, 30), P.MONTH),
        ("à la rentrée prochaine", date(2025, 9, 30), P.MONTH),
        # relative spans, resolved against the answer's publication date
        ("d'ici trois mois", date(2025, 7, 17), P.MONTH),
        ("dans un délai de six mois", date(2025, 10, 17), P.MONTH),
        ("dans les 12 prochains mois", date(2026, 4, 17), P.MONTH),
        ("sous quinze jours", date(2025, 5, 2), P.DAY),
        ("dans deux semaines", date(2025, 5, 1), P.DAY),
        ("d'ici deux ans", date(2027, 4, 17), P.YEAR),
        # vague horizons: an indicative date, VAGUE precision
        ("prochainement", date(2025, 7, 17), P.VAGUE),
        ("très prochainement", date(2025, 7, 17), P.VAGUE),
        ("dans les meilleurs délais", date(2025, 7, 17), P.VAGUE),
        ("à brève échéance", date(2025, 7, 17), P.VAGUE),
        ("dans un délai très rapproché", date(2025, 7, 17), P.VAGUE),
        ("dans les prochaines semaines", date(2025, 6, 17), P.VAGUE),
        ("dans les prochains mois", date(2025, 10, 17), P.VAGUE),
        ("dans les mois à venir", date(2025, 10, 17), P.VAGUE),
        ("dans les prochaines années", date(2028, 4, 17), P.VAGUE),
    ],
)
def test_relative_phrases_resolve_against_the_answer_date(
    phrase: str, due: date, precision: P
) -> None:
    found = resolve_due_date(phrase, ANSWERED)
    assert found is not None
    assert (found.due, found.precision) == (due, precision)


@pytest.mark.parametrize(
    "phrase",
    ["à l'occasion du salon Vivatech", "le moment venu", "au terme de cette mission"],
)
def test_an_event_without_a_date_is_vague_and_undated(phrase: str) -> None:
    found = resolve_due_date(phrase, ANSWERED)
    assert found is not None
    assert (found.due, found.precision) == (None, P.VAGUE)


def test_events_are_flagged_horizons_are_not_even_without_a_reference() -> None:
    found = find_due_dates("dans les jours qui viennent, le moment venu", None)
    assert [(d.due, d.precision, d.event) for d in found] == [
        (None, P.VAGUE, False),
        (None, P.VAGUE, True),
    ]


def test_a_month_next_to_an_event_gives_the_date_seed_sentence() -> None:
    sentence = (
        "l'ensemble des ministères présenteront d'ici juin 2025, à l'occasion du salon "
        "Vivatech, leur feuille de route"
    )
    found = resolve_due_date(sentence, ANSWERED)
    assert found is not None
    assert (found.due, found.precision, found.phrase) == (
        date(2025, 6, 30),
        P.MONTH,
        "d'ici juin 2025",
    )
    assert sentence[found.start : found.end] == "d'ici juin 2025"


@pytest.mark.parametrize(
    ("phrase", "due", "precision"),
    [
        ("D'ICI JUIN 2025", date(2025, 6, 30), P.MONTH),
        ("d'ici fevrier 2026", date(2026, 2, 28), P.MONTH),
        ("a breve echeance", date(2025, 7, 17), P.VAGUE),
        ("au Printemps 2026", date(2026, 6, 20), P.SEASON),
        ("d’ici décembre 2025", date(2025, 12, 31), P.MONTH),
        ("dans les meilleurs delais", date(2025, 7, 17), P.VAGUE),
    ],
)
def test_case_accents_and_apostrophes_do_not_matter(phrase: str, due: date, precision: P) -> None:
    found = resolve_due_date(phrase, ANSWERED)
    assert found is not None
    assert (found.due, found.precision) == (due, precision)


@pytest.mark.parametrize(
    "text",
    [
        "la loi n° 93-24 du 8 janvier 1993",  # a reference, not a deadline
        "le plan France 2030",
        "le texte a été publié",  # "été" the participle, not the season
        "depuis la rentrée",
        "après le 25 mai",  # a starting point
        "c'est donc après le 25 mai que nous prendrons notre décision",
        "en juin dernier",
        "pour une durée de douze à quatorze mois",
        "le comité s'est tenu le 6 février 2025",  # past on the answer date
        "les 413 920 certificats et les 1 036 mètres carrés",
        "d'ici le 0 juin 2025 ou le 31 avril 2025",  # impossible days
    ],
)
def test_references_durations_and_past_dates_are_not_deadlines(text: str) -> None:
    assert resolve_due_date(text, ANSWERED) is None


def test_the_earliest_precise_deadline_wins_over_vague_ones() -> None:
    sentence = (
        "prendront prochainement l'initiative, puis en 1989 et au cours du premier semestre 1989"
    )
    found = resolve_due_date(sentence, date(1989, 2, 16))
    assert found is not None
    assert (found.due, found.precision) == (date(1989, 6, 30), P.SEMESTER)


@pytest.mark.parametrize(
    ("phrase", "due", "precision"),
    [
        (
            "en fixant un effectif minimum de 7 000 médecins, et ce jusqu'en 2010",
            date(2010, 12, 31),
            P.YEAR,
        ),
        ("le dispositif est prolongé jusqu'au 1er janvier 2027", date(2027, 1, 1), P.DAY),
        ("l'aide sera maintenue jusqu'à la fin de l'année 2026", date(2026, 12, 31), P.YEAR),
    ],
)
def test_how_long_a_measure_lasts_gives_its_end(phrase: str, due: date, precision: P) -> None:
    found = resolve_due_date(phrase, date(2008, 1, 2))
    assert found is not None
    assert (found.due, found.precision) == (due, precision)


def test_an_end_of_duration_comes_after_a_real_deadline() -> None:
    sentence = "le décret sera publié en juin 2009 et le dispositif vaudra jusqu'en 2010"
    found = resolve_due_date(sentence, date(2008, 1, 2))
    assert found is not None
    assert (found.due, found.phrase) == (date(2009, 6, 30), "en juin 2009")


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        # the date of the future clause, not the earliest one
        (
            "Le Gouvernement a augmenté les moyens du 3919 de 2,9 millions d'euros en 2023 "
            "– crédits qui seront reconduits en 2024 –, pour soutenir les écoutants.",
            "en 2024",
        ),
        (
            "Les premiers paiements sont intervenus à la fin du mois d'octobre et qu'ils vont "
            "s'accélérer dans les semaines qui viennent.",
            "dans les semaines qui viennent",
        ),
        (
            "Le budget a été voté en décembre 2023 ; le décret sera publié en mars 2024.",
            "en mars 2024",
        ),
        # a compound past alone may still carry the deadline of what it decided
        (
            "Le Gouvernement a décidé d'augmenter ce plafond dans le prochain budget.",
            "dans le prochain budget",
        ),
        (
            "Nous avons prévu 5 milliards d'euros pour que d'ici à 2020 le haut débit soit "
            "accessible partout, et d'ici à 2022 le très haut débit.",
            "d'ici à 2020",
        ),
    ],
)
def test_the_deadline_is_the_one_of_the_clause_that_looks_ahead(sentence: str, phrase: str) -> None:
    found = resolve_due_date(sentence, date(2017, 1, 2))
    assert found is not None
    assert found.phrase == phrase


def test_a_date_in_an_imperfect_is_background_not_a_deadline() -> None:
    sentence = (
        "Un certain nombre de personnes les attendaient dès le mois d'octobre, ce que je peux "
        "comprendre ; nous allons accélérer."
    )
    assert resolve_due_date(sentence, date(2023, 1, 2)) is None
    # the grammar still finds the phrase, for callers that want history
    assert [d.phrase for d in find_due_dates(sentence, None)] == ["dès le mois d'octobre"]


def test_a_conditional_is_not_taken_for_an_imperfect() -> None:
    found = resolve_due_date("Ce texte devrait être publié en juin 2023.", date(2023, 1, 2))
    assert found is not None
    assert found.due == date(2023, 6, 30)


def test_find_due_dates_keeps_past_ones_for_callers_that_want_history() -> None:
    found = find_due_dates("publié le 5 mars 2002 et révisé en 2003", date(2002, 5, 2))
    assert [(d.phrase, d.due) for d in found] == [
        ("le 5 mars 2002", date(2002, 3, 5)),
        ("en 2003", date(2003, 12, 31)),
    ]


def test_relative_phrases_without_a_reference_have_no_date() -> None:
    [found] = find_due_dates("d'ici trois mois", None)
    assert (found.due, found.precision) == (None, P.MONTH)


def test_add_months_clamps_to_shorter_months() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_fold_keeps_offsets(text: str) -> None:
    assert len(fold(text)) == len(text)


_FRAGMENTS = [*"abcdéèàç '’-0123456789", " juin ", " 2025", " d'ici ", " avant le ", " été "]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
)
def test_any_text_gives_well_formed_deadlines(text: str, reference: date) -> None:
    for found in find_due_dates(text, reference):
        assert text[found.start : found.end] == found.phrase
        assert found.start < found.end
    spans = [(d.start, d.end) for d in find_due_dates(text, reference)]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "overlapping"
    best = resolve_due_date(text, reference)
    if best is not None and best.due is not None:
        assert best.due >= reference


def test_bien_sur_between_the_auxiliary_and_the_participle_keeps_a_passive_future() -> None:
    from qe_desktop.domain.verbs import find_verb_cues, tokenize

    text = "L'engagement pris par le Président de la République sera bien sûr tenu."
    [cue] = find_verb_cues(text, tokenize(text))
    assert (cue.kind, cue.label) == ("action", "futur passif")
