"""Recognise French future and conditional verb forms, and what they say.

The commitment finder needs to tell "présenteront" (an action to come) from
"nécessiteront" (a state), "pourra" (a possibility), "devraient être publiés"
(a hedged action) and "aura été revalorisé" (a look back). Accents are kept
here: "publié" is a participle, "publie" is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]")

# Endings of 3rd-person-singular futures ("publiera", "tiendra", "pourra", "mettra").
_FUTURE_ENDINGS = ("era", "ira", "dra", "vra", "rra", "ttra", "îtra", "aitra", "oitra", "oira")
_FUTURE_WORDS = frozenset({"aura", "saura", "conclura", "exclura", "inclura"})
_NOT_VERBS = frozenset(
    {"extra", "ultra", "sierra", "intra", "contra", "supra", "infra", "riviera", "vera", "era"}
)
# Futures of verbs that describe a state, an amount or a need, not an action.
_STATIVE_STEMS = (
    *("faudr", "permettr", "nécessiter", "représenter", "coûter", "élèver", "atteindr"),
    *("correspondr", "constituer", "concerner", "rester", "demeurer", "suffir", "sembler"),
    *("dépendr", "conviendr", "vaudr", "appartiendr"),
)
_ADVERBS = frozenset(
    (
        *("ainsi", "aussi", "donc", "alors", "bien", "très", "désormais", "bientôt", "ensuite"),
        *("enfin", "toujours", "déjà", "tous", "toutes", "tout", "en", "outre", "par"),
        *("ailleurs", "dès", "lors", "sans", "doute", "sûr"),
    )
)
_NEGATIONS = frozenset({"pas", "plus", "jamais", "nullement", "aucunement", "guère", "point"})
_RELATIVE = frozenset(
    (
        *("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "auquel"),
        *("auxquels", "auxquelles", "duquel", "desquels", "desquelles"),
    )
)
# Participles that state an obligation or a permission ("tenu de", "autorisé à").
_DEONTIC = ("tenu", "astreint", "autorisé", "habilité", "dispensé", "exempté", "obligé")
_RULE_NOUNS = ("obligation", "règle", "régime", "disposition", "contrôle", "impôt", "taxe")
_CLAUSE_BREAK = re.compile(r"[,;:()«»—–\"]")
_SHORT_PARTICIPLES = frozenset(
    {"mis", "pris", "dit", "fait", "dû", "vu", "pu", "su", "lu", "mise", "prise", "dite", "faite"}
)
_PARTICIPLE_ENDINGS = (
    *("i", "ie", "is", "ies", "it", "ite", "its", "ites", "int", "inte"),
    *("ert", "erte", "erts", "ertes", "ise", "ises", "u", "ue", "us", "ues"),
)
_NOT_PARTICIPLES = frozenset(
    {"ainsi", "aussi", "parmi", "celui", "lui", "aujourd'hui", "ici", "sous", "plus", "tous"}
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text, with offsets and a folded form for the verb rules."""

    start: int
    end: int
    text: str
    word: str  # lower-case, accents kept, elided article removed ("s'élèvera" -> "élèvera")


@dataclass(frozen=True, slots=True)
class VerbCue:
    """A future or conditional verb form; kind is action, hedged, modal or stative."""

    start: int
    end: int
    kind: str
    label: str
    in_relative: bool
    negated: bool


def tokenize(text: str) -> list[Token]:
    """Words of a French text, elisions split off ("l'arrêté" -> "arrêté")."""
    tokens = []
    for m in _TOKEN.finditer(text):
        lower = m.group(0).lower().replace("’", "'")
        tokens.append(Token(m.start(), m.end(), m.group(0), _ELISION.sub("", lower)))
    return tokens


def _future_base(word: str) -> str | None:
    """The 3rd-person-singular future form behind `word`, if it is a future."""
    if word.endswith("ront") and len(word) > 5:
        base = word[:-3] + "a"
    elif word.endswith("ra"):
        base = word
    else:
        return None
    if base in _NOT_VERBS or len(base) < 4:
        return None
    if base in _FUTURE_WORDS or base.endswith(_FUTURE_ENDINGS):
        return base
    return None


def _conditional_base(word: str) -> str | None:
    for ending, cut in (("raient", 4), ("rait", 2)):
        if word.endswith(ending):
            return _future_base(word[:-cut])
    return None


def is_conditional(word: str) -> bool:
    """Looks like a conditional ("publierait", "devraient"), not an imperfect ("déclarait")."""
    return _conditional_base(word) is not None


def is_participle(word: str) -> bool:
    """Looks like a past participle ("publié", "prises", "soumis", "ouvert", "tenu")."""
    if word in _SHORT_PARTICIPLES:
        return True
    if word in _NOT_PARTICIPLES or "'" in word or len(word) < 4:
        return False
    if word.endswith(("é", "ée", "és", "ées")):
        return True
    if word.endswith(("que", "gue", "eu", "au", "ou", "ous")):
        return False
    return word.endswith(_PARTICIPLE_ENDINGS)


def _next_words(tokens: list[Token], index: int, limit: int = 4) -> list[Token]:
    """Following tokens with adverbs and negation words skipped."""
    return [
        token
        for token in tokens[index + 1 : index + 1 + limit]
        if token.word not in _NEGATIONS
        and token.word not in _ADVERBS
        and not token.word.endswith("ment")
    ]


def _is_negated(tokens: list[Token], index: int) -> bool:
    before = tokens[max(0, index - 2) : index]
    has_ne = any(t.word == "ne" for t in before) or tokens[index].text.lower().startswith(
        ("n'", "n’")
    )
    after = tokens[index + 1 : index + 4]
    return has_ne and any(t.word in _NEGATIONS for t in after)


def _in_relative(text: str, tokens: list[Token], index: int) -> bool:
    start = tokens[index].start
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    return any(t.word in _RELATIVE for t in tokens[:index] if t.start >= clause_start)


def _is_deontic(tokens: list[Token], index: int) -> bool:
    """Whether "seront tenus de", "seront soumis à…" sets a rule for others, not an action."""
    word = tokens[index].word
    after = [t.word for t in tokens[index + 1 : index + 3]]
    if word.startswith(_DEONTIC) and after[:1] and after[0] in ("de", "d", "à", "a"):
        return True
    return word.startswith("soumis") and any(w.startswith(_RULE_NOUNS) for w in after)


def _is_infinitive(word: str) -> bool:
    return word == "être" or word.endswith(("er", "ir", "re", "oir"))


def find_verb_cues(text: str, tokens: list[Token]) -> list[VerbCue]:
    """Future and conditional forms in `text`, classified by what they express."""
    cues: list[VerbCue] = []
    for index, token in enumerate(tokens):
        found = _classify(tokens, index)
        if found is None:
            continue
        kind, label, end = found
        cues.append(
            VerbCue(
                start=token.start,
                end=end,
                kind=kind,
                label=label,
                in_relative=_in_relative(text, tokens, index),
                negated=_is_negated(tokens, index),
            )
        )
    return cues


def _classify(tokens: list[Token], index: int) -> tuple[str, str, int] | None:
    word = tokens[index].word
    end = tokens[index].end
    previous = tokens[index - 1].word if index else ""
    before = {t.word for t in tokens[max(0, index - 3) : index]} | {
        t.text.lower()[:2] for t in tokens[max(0, index - 3) : index]
    }
    if word.endswith("rai") and ("je" in before or "j'" in before):
        word = word[:-1]  # "je publierai", "je m'en ferai" -> "publiera", "fera"
    elif word.endswith("rons") and "nous" in (previous, tokens[max(0, index - 2)].word):
        word = word[:-3] + "a"
    conditional = _conditional_base(word)
    if conditional is not None:
        if conditional.startswith("devr"):
            following = _next_words(tokens, index, 3)
            if following and _is_infinitive(following[0].word):
                return "hedged", "conditionnel", following[0].end
            return None
        return "modal", "conditionnel", end
    base = _future_base(word)
    if base is None:
        return None
    if base.startswith("pourr"):
        return "modal", "futur", end
    if base.startswith("devr"):  # "devront se conformer": a rule, unlike "devraient"
        return "stative", "règle (obligation)", end
    if base.startswith(_STATIVE_STEMS):
        return "stative", "futur d'état", end
    if base.startswith("verr"):
        # "verront leur pension augmenter" is perception; "verra le jour" is a creation.
        following = tokens[index + 1 : index + 3]
        if [t.word for t in following] == ["le", "jour"]:
            return "action", "futur", following[-1].end
        return "stative", "futur d'état", end
    if base in ("sera", "aura"):
        return _auxiliary(tokens, index, base)
    return "action", "futur", end


def _auxiliary(tokens: list[Token], index: int, base: str) -> tuple[str, str, int] | None:
    """Reads "sera publié" as a passive future, "aura lieu" an event, "aura été" a look back."""
    following = _next_words(tokens, index)
    if not following:
        return None
    nxt = following[0]
    if base == "aura":
        if nxt.word == "lieu":
            return "action", "futur", nxt.end
        return None
    if _is_deontic(tokens, tokens.index(nxt)):
        return "stative", "règle (obligation, autorisation)", nxt.end
    if is_participle(nxt.word):
        return "action", "futur passif", nxt.end
    return "stative", "futur d'état", tokens[index].end
