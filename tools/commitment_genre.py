"""The genre of a labelled commitment answer: written answer, oral answer, debate, amendment.

The corpus labels most spoken texts "minister_statement"; the fresh split (all spoken) is
a third answers to oral questions, a third statements in debates, a quarter opinions on
amendments, so cross-validation reports each genre and leaves each one out. A genre
labelled finely in the corpus (`oral_answer`, `debate`, `amendment_opinion`, …) is kept;
otherwise it is read from the text: an opinion on an amendment names the amendment or
gives the Government's opinion ("avis défavorable", "sagesse", "retrait"); an answer to an
oral question opens by addressing its author ("Monsieur le sénateur, vous avez appelé
l'attention…") or names the question; any other spoken statement is debate.
"""

from __future__ import annotations

import re

from qe_desktop.domain.due_dates import fold

GENRES = ("written", "oral", "debate", "amendment")

_NAMED = {
    "written_answer": "written",
    "written": "written",
    "oral_answer": "oral",
    "oral_question": "oral",
    "oral": "oral",
    "question_answer": "oral",
    "qag": "oral",
    "debate": "debate",
    "debate_statement": "debate",
    "amendment": "amendment",
    "amendment_opinion": "amendment",
    "government_opinion": "amendment",
}

_AMENDMENT = re.compile(
    r"(?<![\w-])(?:(?:sous-)?amendements?(?![\w-])"
    r"|avis (?:du gouvernement )?(?:est |sera |serait )?(?:tres |donc |plutot )?(?:de)?favorable"
    r"|defavorable|meme avis"
    r"|sagesse d|je m'en remets|s'en remet|demande de retrait|retirer (?:votre|cet)|retirez)"
)
_ORAL = re.compile(
    r"(?:^\W*(?:(?:monsieur|madame) (?:le |la )?(?:depute|deputee|senateur|senatrice|president)"
    r"|(?:monsieur|madame) [\w' -]{2,40},|mesdames|messieurs)"
    r"|vous avez (?:bien voulu )?(?:appele|attire|interroge|souhaite)|votre question"
    r"|vous m'interrogez|vous m'avez interroge|question orale|vous faites (?:\w+ )?reference"
    r"|vous avez (?:tout a fait )?raison de poser)"
)
_SPEAKER_LINE = re.compile(r"^[^\n]{0,200}?:\n")  # "Vincent Peillon, ministre de … :"


def genre_of(genre: str, text: str) -> str:
    """One of GENRES for an answer labelled `genre` with this text."""
    if genre in _NAMED:
        return _NAMED[genre]
    folded = fold(text)
    if _AMENDMENT.search(folded):
        return "amendment"
    if _ORAL.search(_SPEAKER_LINE.sub("", folded, count=1)[:400]):
        return "oral"
    return "debate"
