"""Features of spoken French that tell a minister's undertaking from the talk around it.

Debates and oral answers are full of futures that promise nothing checkable: the opinion
on the amendment under discussion and the vote on it ("avis défavorable", "nous
soutiendrons son amendement"), the speech itself ("je répondrai d'abord à M. X", "je
reviendrai sur les sous-consommations") and generic resolve ("nous continuerons ce travail
avec vous", "nous assumerons nos responsabilités"); and they hold promises a written answer
rarely makes ("je m'engage à", "je vous confirme que"). Each is one feature the model
weighs; the ones added in session 7 (SPOKEN_FEATURES) were kept because they helped both
shuffled and leave-one-genre-out cross-validation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qe_desktop.nlp.commitment_clause import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

SPOKEN_FEATURES = ("vote", "speech_topic", "vague_act", "if_clause", "belief")

# A debate's own procedure: opinions on amendments, withdrawals ("à défaut, l'avis sera
# défavorable") announce nothing that could later be kept or broken.
# Not the later steps of the procedure: "le Gouvernement demandera une seconde
# délibération", "que je proposerai en deuxième lecture" are acts beyond the vote.
# "Avis" only as the opinion given in the vote ("avis défavorable", "même avis", "j'émets
# un avis"): "l'arrêté sera pris lorsqu'elles auront donné leur avis" is an undertaking.
_PROCEDURE = re.compile(
    r"(?<![\w-])(?:(?:un|mon|notre|meme) avis|avis (?:du gouvernement|de la commission"
    r"|(?:tres |donc |plutot )?(?:de)?favorable|de sagesse)"
    r"|sagesse|retrait|retirer|retirez|defavorable|a defaut)(?![\w-])"
)
_AMENDMENT = re.compile(r"(?<![\w-])(?:sous-)?amendements?(?![\w-])")
# Saying, not doing: "je répondrai d'abord à M. Tian", "je formulerai un reproche".
SPEECH = frozenset(
    (
        *("répondre", "dire", "rappeler", "préciser", "ajouter", "conclure", "souligner"),
        *("formuler", "redire", "répéter", "indiquer", "terminer", "citer", "permettre"),
        *("satisfaire", "arriver", "douter", "ignorer", "opposer", "émettre"),
    )
)
# The speaker binds himself in the present: "je m'engage", "mon engagement est de".
_PLEDGE = re.compile(
    r"(?<![\w-])(?:je m'engage|nous nous engageons(?! dans)|en m'engageant|en nous engageant"
    r"|mon engagement|notre engagement|je prends l'engagement|nous prenons l'engagement"
    r"|je vous (?:le )?garanti[st]|je confirme que|je vous confirme que|je m'y engage)"
)
_OBJECTIVE = frozenset({"objectif", "ambition", "cible", "viser", "horizon"})

# A promise under a condition or a hypothesis: "Sinon, l'État dira aux préfets…", "si vous
# en êtes d'accord, je compte sur vous", "je viendrai autant de fois que vous le souhaiterez".
_IF = re.compile(
    r"(?:^|[,;:] )\W*(?:si |s'il |s'ils |sinon|quand on |a condition que|pour peu que)"
    r"|autant de fois que|si vous le souhaitez"
)
# A forecast, an opinion or a question about what will happen, not an act anyone takes on:
# "je pense que beaucoup des problèmes y seront traités", "gageons que cela les
# intéressera", "vous demandez si la capacité sera renforcée", "cela veut dire que les
# investisseurs seront mis à contribution", "ils seront sans doute réparés d'ici ce soir".
_BELIEF = re.compile(
    r"(?<![\w-])(?:(?:je|nous|on|vous) (?:ne )?(?:pense|pensons|crois|croyons|imagine"
    r"|suppose|estime|estimons|sait|sais|savons|demandez|doute|craint|crains)"
    r"(?: \w+){0,2}? (?:que|qu'|si|comment)"
    r"|gageons|(?:cela|ce qui|ca) (?:veut|voudra) dire|il est (?:probable|possible) qu"
    r"|sans doute|probablement|peut-etre|pas forcement|vraisemblablement)"
)
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
    """Whether the verb takes "sur X": the topic of the speech ("je reviendrai sur"), not
    a way back ("je reviendrai vers vous").
    """
    return any(
        grandchild.lower_ == "sur" for child in verb.children for grandchild in child.children
    )


def spoken_features(values: dict[str, float], main: Token, amendment: bool, deadline: bool) -> None:
    """Sets SPOKEN_FEATURES in `values` for the sentence whose carrying verb is `main`."""
    lemma = main.lemma_
    values["vote"] = float(amendment and lemma in _VOTE)
    values["speech_topic"] = float(lemma in _TOPIC and (lemma != "revenir" or _takes_sur(main)))
    values["vague_act"] = float(lemma in _VAGUE and not deadline)


def debate_features(
    values: dict[str, float],
    folded: str,
    main: Token,
    subject: Token | None,
    lemmas: set[str],
    text: str,
) -> None:
    """What tells a spoken promise from the talk around it in a debate."""
    first = subject is not None and subject.lower_ in FIRST_PERSON
    values["first_person"] = float(first)
    values["pledge"] = float(bool(_PLEDGE.search(folded)))
    values["procedure"] = float(bool(_PROCEDURE.search(folded)))
    values["amendment"] = float(bool(_AMENDMENT.search(folded)))
    if values["pledge"]:  # "je m'engage": a present that binds the future
        values["present"] = 0.0
    values["speech_act"] = float(main.lemma_ in SPEECH)
    values["objective"] = float(bool(lemmas & _OBJECTIVE))
    values["question"] = float(text.rstrip().endswith("?"))
    deadline = bool(values["deadline_precise"] or values["deadline_vague"])
    spoken_features(values, main, bool(values["amendment"]), deadline)
    acting = values["agent_government"] or first or values["agent_implicit"]
    # The speaker's own plain act: not a state, the speech, the vote, a doubt or a refusal.
    talk = ("stative", "speech_act", "speech_topic", "vote", "procedure", "vague_act")
    values["if_clause"] = float(bool(_IF.search(folded)))
    values["belief"] = float(bool(_BELIEF.search(folded)))
    # a forecast is a doubt too: it blocks the plain-act features (session 8: +0.01 to
    # +0.02 F1 in shuffled, leave-one-genre-out and leave-spoken-out CV over the feature alone)
    doubt = ("negation", "possibility", "hedge", "if_clause", "belief")
    values["government_action"] = float(
        bool(values["future"] or values["near_future"])
        and bool(acting)
        and not any(values[n] for n in (*talk, *doubt))
    )
    carried = ("future", "near_future", "future_elsewhere", "conditional", "commit_cue")
    cued = ("scheduled_cue", "intent_cue", "undertake_cue", "pledge", "objective")
    values["bare_date"] = float(
        bool(values["deadline_precise"] or values["deadline_vague"])
        and not any(values[name] for name in (*carried, *cued))
    )
    values["third_party_future"] = float(
        bool(values["future"]) and bool(values["agent_other"]) and not values["passive"]
    )
    # A plain future act, whoever does it: "la Première ministre y assistera", "des
    # dispositions seront prises", "nous allons accélérer"; a rule ("seront soumis à"), a
    # state, a negation, a doubt or a subordinate clause is not one.
    blocked = ("deontic", "relative", *talk, *doubt)
    values["action_future"] = float(
        bool(values["future"] or values["near_future"]) and not any(values[n] for n in blocked)
    )
    values["past_dated"] = float(
        bool(values["past"]) and bool(values["deadline_precise"] or values["deadline_past"])
    )
