"""The genre of a training answer (tools/commitment_genre.py), by which CV is reported."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
try:
    from commitment_genre import GENRES, genre_of
finally:
    sys.path.pop(0)


def test_a_labelled_genre_is_kept_and_named() -> None:
    assert genre_of("written_answer", "Avis défavorable.") == "written"
    assert genre_of("oral_answer", "Nous verrons.") == "oral"
    assert genre_of("amendment_opinion", "Monsieur le député, merci.") == "amendment"
    assert genre_of("debate", "Avis défavorable.") == "debate"


def test_a_minister_statement_is_read_from_its_text() -> None:
    assert genre_of("minister_statement", "Avis défavorable, pour les mêmes raisons.") == (
        "amendment"
    )
    assert genre_of("minister_statement", "Le Gouvernement s'en remet à la sagesse.") == (
        "amendment"
    )
    oral = "Monsieur le sénateur, vous avez appelé l'attention du ministre sur la route."
    assert genre_of("minister_statement", oral) == "oral"
    named = "Jean Dupont, ministre de l'intérieur :\nMadame la députée, votre question est juste."
    assert genre_of("minister_statement", named) == "oral"
    assert genre_of("minister_statement", "Nous allons accélérer la réforme.") == "debate"
    assert set(GENRES) == {"written", "oral", "debate", "amendment"}
