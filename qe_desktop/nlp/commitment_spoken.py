"""Features of spoken French that tell a minister's undertaking from the talk around it.

Debates and oral answers are full of futures that promise nothing checkable: the vote on
the amendment under discussion ("nous soutiendrons son amendement"), the speech itself
("je reviendrai sur les sous-consommations", "je retiendrai de votre question…") and
generic resolve ("nous continuerons ce travail avec vous", "nous assumerons nos
responsabilités"). Each is one feature; the model weighs them (kept because they help both
shuffled and leave-one-genre-out cross-validation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SPOKEN_FEATURES = ("vote", "speech_topic", "vague_act")

# Acts on the amendment being debated: taking sides in the vote is not a later act.
_VOTE = frozenset({"soutenir", "voter", "opposer", "accepter", "adopter", "suivre", "rejeter"})
# Verbs of the speech itself when they take a topic: "je reviendrai sur", "je retiendrai".
_TOPIC = frozenset({"revenir", "retenir", "insister", "expliquer", "évoquer", "détailler"})
# Resolve without a checkable act, unless a deadline makes it one.
_VAGUE = frozenset(
    (
        *("continuer", "poursuivre", "rester", "demeurer", "assumer", "arriver", "réussir"),
        *("travailler", "agir", "avancer", "accompagner", "mobiliser"),
    )
)


def _takes_sur(verb: Token) -> bool:
    """"revenir sur X": the topic of the speech, not a way back ("je reviendrai vers vous")."""
    return any(
        grandchild.lower_ == "sur" for child in verb.children for grandchild in child.children
    )


def spoken_features(
    values: dict[str, float], main: Token, amendment: bool, deadline: bool
) -> None:
    """Sets SPOKEN_FEATURES in `values` for the sentence whose carrying verb is `main`."""
    lemma = main.lemma_
    values["vote"] = float(amendment and lemma in _VOTE)
    values["speech_topic"] = float(
        lemma in _TOPIC and (lemma != "revenir" or _takes_sur(main))
    )
    values["vague_act"] = float(lemma in _VAGUE and not deadline)
