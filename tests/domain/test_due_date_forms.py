"""Every deadline form issue #19 names, resolved against the answer date (10 March 2025)."""

from __future__ import annotations

from datetime import date

import pytest

from qe_desktop.domain.annotation import DatePrecision as P
from qe_desktop.domain.due_dates import resolve_due_date

ANSWERED = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("phrase", "due", "precision"),
    [
        ("au début de l'année prochaine", date(2026, 3, 31), P.QUARTER),
        ("à la fin de l'an prochain", date(2026, 12, 31), P.YEAR),
        ("à l'automne prochain", date(2025, 12, 20), P.SEASON),
        ("dans le budget de l'an prochain", date(2026, 12, 31), P.YEAR),
        ("fin 2026", date(2026, 12, 31), P.YEAR),
        ("avant l'été", date(2025, 6, 20), P.SEASON),
        ("sont attendues pour la fin du premier trimestre", date(2025, 3, 31), P.QUARTER),
        ("une enveloppe est prévue dans la loi de finances pour 2026", date(2026, 12, 31), P.YEAR),
        ("l'entrée en vigueur a été fixée au 1er janvier 2027", date(2027, 1, 1), P.DAY),
        ("au second semestre de l'année prochaine", date(2026, 12, 31), P.SEMESTER),
        ("au premier trimestre de l'année prochaine", date(2026, 3, 31), P.QUARTER),
        ("d'ici mi-2027", date(2027, 6, 30), P.SEMESTER),
        ("dans les tout prochains jours", date(2025, 4, 10), P.VAGUE),
        ("dans quelques jours", date(2025, 4, 10), P.VAGUE),
        ("dès la semaine prochaine", date(2025, 3, 23), P.DAY),
        ("d'ici juin 2025", date(2025, 6, 30), P.MONTH),
    ],
)
def test_deadline_form(phrase: str, due: date, precision: P) -> None:
    found = resolve_due_date(phrase, ANSWERED)
    assert found is not None, phrase
    assert (found.due, found.precision) == (due, precision)


@pytest.mark.parametrize(
    ("phrase", "due", "precision"),
    [
        ("j'entame dès demain une concertation", date(2025, 3, 11), P.DAY),
        ("le courrier sera adressé ce soir", date(2025, 3, 10), P.DAY),
        ("une réunion aura lieu vendredi à Bercy", date(2025, 3, 14), P.DAY),
        ("la réparation sera appliquée d'ici mi-novembre", date(2025, 11, 15), P.MONTH),
        ("avant la fin de la première semaine de décembre", date(2025, 12, 7), P.MONTH),
        ("dès les premières semaines de l'année 2026", date(2026, 3, 31), P.QUARTER),
        ("dans les deux ou trois semaines qui viennent", date(2025, 3, 31), P.DAY),
    ],
)
def test_spoken_deadline_form(phrase: str, due: date, precision: P) -> None:
    found = resolve_due_date(phrase, ANSWERED)
    assert found is not None, phrase
    assert (found.due, found.precision) == (due, precision)


@pytest.mark.parametrize(
    "phrase", ["les médecins de demain", "vendredi dernier", "après-demain, peut-être"]
)
def test_not_a_spoken_deadline(phrase: str) -> None:
    assert resolve_due_date(phrase, ANSWERED) is None
