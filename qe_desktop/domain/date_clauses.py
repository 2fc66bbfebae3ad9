"""Which clause a deadline phrase belongs to, and whether that clause looks ahead or back.

A sentence can carry a past date and a promise: "les moyens ont augmenté en 2023 –
crédits qui seront reconduits en 2024". The date to record is the one of the clause
whose verb is in the future ("seront reconduits"), not the earliest. Clauses are cut at
strong punctuation, at "et que", "mais" and at relative pronouns; a clause looks ahead
when it holds a future or conditional form (`verbs`) or "aller" + infinitive, and looks
back when it holds a compound past ("a augmenté", "sont intervenus") or an imperfect.
"""

from __future__ import annotations

import re
from enum import Enum

from qe_desktop.domain.verbs import find_verb_cues, is_conditional, is_participle, tokenize

_BREAK = re.compile(
    r"[;:()\[\]«»—–]|\s-\s|\b(?:et (?:qu['’]|que|dont|qui)|mais|alors que|tandis que"
    r"|qui|dont|lorsque|lorsqu['’]|quand|pour que|pour qu['’]|afin que|afin qu['’]|afin de"
    r"|afin d['’])\b",
    re.IGNORECASE,
)
_GO = frozenset({"vais", "vas", "va", "allons", "allez", "vont", "allait", "allaient"})
_HAVE = frozenset({"ai", "as", "a", "avons", "avez", "ont"})
_BE = frozenset({"suis", "es", "est", "sommes", "êtes", "sont"})
# Verbs conjugated with "être" whose participle is an act, not a state ("sont intervenus").
_BE_VERBS = (
    *("intervenu", "venu", "parvenu", "survenu", "devenu", "revenu", "arrivé", "parti"),
    *("entré", "sorti", "passé", "tombé", "resté", "retourné", "né", "mort", "apparu"),
)
_SKIP = frozenset({"ne", "n", "pas", "plus", "jamais", "déjà", "aussi", "bien", "ainsi"})
_SKIP |= frozenset({"récemment", "notamment", "également", "effectivement", "enfin", "donc"})
# Words in -ait / -aient that are not imperfects.
_NOT_IMPERFECT = frozenset(
    (
        *("fait", "lait", "trait", "souhait", "portrait", "attrait", "extrait", "retrait"),
        *("parfait", "forfait", "bienfait", "méfait", "abstrait", "distrait", "imparfait"),
        *("contrefait", "satisfait", "surfait", "refait", "souhaits", "traits", "faits"),
    )
)


class Outlook(Enum):
    """What a clause says about time: a promise ahead, history, or nothing clear."""

    AHEAD = "ahead"
    PAST = "past"  # a compound past: "a décidé … en 2026" may still set a deadline
    IMPERFECT = "imperfect"  # background: "ils les attendaient dès octobre"
    NEUTRAL = "neutral"


def clause_bounds(text: str, index: int) -> tuple[int, int]:
    """Start and end of the clause of `text` that holds the character at `index`."""
    start, end = 0, len(text)
    for m in _BREAK.finditer(text):
        if m.end() <= index:
            start = m.start() if m.group(0)[:1].isalpha() else m.end()
        elif m.start() > index:
            end = m.start()
            break
    return start, end


def outlook(clause: str) -> Outlook:
    """AHEAD when the clause holds a future, a conditional or "aller" + infinitive."""
    tokens = tokenize(clause)
    words = [t.word for t in tokens]
    if find_verb_cues(clause, tokens):
        return Outlook.AHEAD
    for i, word in enumerate(words):
        following = [w for w in words[i + 1 : i + 4] if w not in _SKIP and w not in ("se", "s")]
        if word in _GO and following and following[0].endswith(("er", "ir", "re", "oir")):
            return Outlook.AHEAD
    for i, word in enumerate(words):
        if _is_imperfect(word):
            return Outlook.IMPERFECT
        following = [w for w in words[i + 1 : i + 4] if w not in _SKIP]
        if not following:
            continue
        nxt = following[0]
        if word in _HAVE and (is_participle(nxt) or nxt == "été"):
            return Outlook.PAST
        if word in _BE and nxt.startswith(_BE_VERBS) and is_participle(nxt):
            return Outlook.PAST
    return Outlook.NEUTRAL


def _is_imperfect(word: str) -> bool:
    if word in _NOT_IMPERFECT or len(word) < 5:
        return False
    return word.endswith(("ait", "aient")) and not is_conditional(word)


def outlook_at(text: str, index: int) -> Outlook:
    """The outlook of the clause around `index`."""
    start, end = clause_bounds(text, index)
    return outlook(text[start:end])
