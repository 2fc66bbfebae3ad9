"""Reading one parsed French clause: its verb group, tense, agent, negation, events and the
relative clauses someone else carries out.

Split from commitment_features.py (which turns these readings into the model's features)
to keep both modules small; everything here works on spaCy tokens and knows nothing of
the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

GOVERNMENT = frozenset(
    (
        *("gouvernement", "ministre", "ministère", "état", "administration", "service"),
        *("préfet", "préfecture", "direction", "inspection", "agence", "secrétaire", "office"),
        *("caisse", "établissement", "commission", "conseil", "mission", "comité", "délégation"),
        *("haut-commissaire", "ambassade", "autorité", "rectorat", "recteur", "dgfip", "sncf"),
        *("ministériel", "interministériel", "opérateur", "exécutif", "premier"),
        *("je", "nous", "on"),
    )
)
NEGATIONS = frozenset({"pas", "jamais", "plus", "aucun", "aucune", "nullement", "guère", "ni"})
# Something that will take place, not a state: "aura lieu", "se tiendra", "interviendra".
EVENTS = frozenset(
    (
        *("intervenir", "dérouler", "débuter", "commencer", "aboutir", "paraître"),
        *("ouvrir", "entrer", "achever", "terminer", "réunir", "tenir"),
    )
)
AUX_DEPS = frozenset({"aux", "aux:pass", "aux:tense", "cop"})
FIRST_PERSON = frozenset({"je", "j'", "nous", "on", "moi-même", "nous-mêmes"})


def clause_head(token: Token) -> Token:
    """The verb an auxiliary or copula belongs to ("sera" -> "publié")."""
    return token.head if token.dep_ in AUX_DEPS else token


def verb_group(root: Token) -> tuple[Token, list[Token]]:
    """The main verb and its auxiliaries ("devraient être publiés": publiés; devraient, être)."""
    auxes = [c for c in root.children if c.dep_ in ("aux", "aux:pass", "aux:tense", "cop")]
    if root.lemma_ in ("devoir", "pouvoir", "aller", "falloir") and root.pos_ in ("VERB", "AUX"):
        inner = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if inner is not None:
            inner_aux = [c for c in inner.children if c.dep_ in ("aux", "aux:pass", "aux:tense")]
            return inner, [root, *inner_aux]
    return root, auxes


def morph(token: Token, key: str) -> list[str]:
    """The token's morphological values for `key` ("Tense" -> ["Fut"])."""
    return list(token.morph.get(key, []))


def tense(main: Token, auxes: list[Token]) -> dict[str, float]:
    """Tense, mood and voice of a verb group, read from its first finite form."""
    finite = [t for t in (*auxes, main) if "Fin" in morph(t, "VerbForm")]
    first = finite[0] if finite else main
    passive = any(a.dep_ == "aux:pass" for a in auxes) or "Pass" in morph(main, "Voice")
    near = any(a.lemma_ == "aller" and "Pres" in morph(a, "Tense") for a in auxes)
    past_participle_with_avoir = any(a.lemma_ == "avoir" for a in auxes if a.dep_ != "aux:pass")
    tenses = morph(first, "Tense")
    return {
        "future": float("Fut" in tenses),
        "conditional": float("Cnd" in morph(first, "Mood")),
        "passive": float(passive),
        "near_future": float(near),
        "present": float("Pres" in tenses and not near and "Cnd" not in morph(first, "Mood")),
        "past": float(
            "Past" in tenses or "Imp" in tenses or (past_participle_with_avoir and not near)
        ),
    }


def subject_phrase(main: Token, auxes: list[Token]) -> tuple[str, Token | None]:
    """The agent: "par X" in a passive, else the subject; its text and head token."""
    for holder in (main, *auxes):
        for child in holder.children:
            if child.dep_ == "obl:agent":
                return phrase(child), child
    for holder in (main, *auxes):
        for child in holder.children:
            if child.dep_ in ("nsubj", "nsubj:pass"):
                return phrase(child), child
    return "", None


def phrase(token: Token) -> str:
    """The noun phrase under `token`, without its leading article or preposition."""
    words = [t for t in token.subtree if t.dep_ not in ("case", "punct") or t.i > token.i]
    words = [t for t in words if not (t.i < token.i and t.dep_ == "det")]
    text = " ".join(t.text for t in words[:8]).replace("' ", "'")
    return text.strip()


def agent_class(head: Token | None, values: dict[str, float]) -> str:
    """government, other, implicit (a passive without agent) or none."""
    if head is None:
        return "implicit" if values["passive"] else "none"
    words = {t.lemma_.lower() for t in head.subtree} | {head.text.lower()}
    if head.lower_ in FIRST_PERSON:
        return "government"  # the minister speaking, or "nous" for the ministry
    return "government" if words & GOVERNMENT else "other"


def negated(main: Token, auxes: list[Token]) -> bool:
    """Whether "ne … pas/jamais/plus…" bears on the verb group."""
    for holder in (main, *auxes):
        for child in holder.children:
            if child.dep_ == "advmod" and child.lower_ in NEGATIONS:
                return True
            if child.lower_ in ("ne", "n'") and child.dep_ == "advmod":
                return True
    return False


RELATIVE_PRONOUNS = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle"})


_TIME_NOUNS = frozenset(
    {"jour", "semaine", "mois", "année", "an", "temps", "date", "période", "trimestre"}
)


def foreign_clauses(span: Span, head: Token) -> list[tuple[int, int]]:
    """Character ranges of relative clauses someone else carries out, the commitment's
    verb not inside: their dates are not its deadline ("nous nous y emploierons avec le
    projet de loi que vous allez examiner dans quelques jours").

    The relative clause's agent is its subject, or its antecedent when the subject is the
    relative pronoun; a passive without agent is the administration's own act.
    """
    ranges = []
    for token in span:
        if not is_relative(token) or head in token.subtree:
            continue
        auxes = [c for c in token.children if c.dep_ in AUX_DEPS]
        values = dict(passive=float(any(a.dep_ == "aux:pass" for a in auxes)))
        _, subject = subject_phrase(token, auxes)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
            if subject.dep_ == "nsubj:pass":
                continue  # "le décret, qui sera publié en juin": no agent named
            subject = token.head
            if subject.lemma_ in _TIME_NOUNS:
                continue  # "dans les semaines qui viennent" is the deadline itself
        if agent_class(subject, values) != "other":
            continue
        words = list(token.subtree)
        ranges.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return ranges


def is_relative(verb: Token) -> bool:
    """A relative clause's verb; the parser also reads "le plan que les partenaires
    signeront" as a completive or a plain `acl`: a clause opened by a relative pronoun
    right after a noun is one too.
    """
    if verb.dep_ == "acl:relcl":
        return True
    if verb.dep_ not in ("acl", "ccomp", "advcl"):
        return False
    first = next(verb.subtree)
    if first.lower_ not in RELATIVE_PRONOUNS or first.i == 0:
        return False
    before = first.doc[first.i - 1]
    if before.text == "," and before.i > 0:
        before = first.doc[before.i - 1]
    return before.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def is_event(main: Token) -> bool:
    """An event to come: "aura lieu", "se tiendra", "interviendra", "entrera en vigueur"."""
    if main.lemma_ == "avoir":
        return any(c.lemma_ == "lieu" for c in main.children)
    if main.lemma_ == "tenir":
        return any(c.lower_ in ("se", "s'", "s’") for c in main.children)
    return main.lemma_ in EVENTS
