"""Is what the demand asks actually given? The guide's rules, then a small regression.

The first version called most answers "répondue": a decisive verb or a future tense was
enough, and ministries answer in assertive prose even when they only restate the law or
promise a study. The decision list of sessions 3-4 (`rules`) read, in order: a date, a figure
or a reason asked is answered when the evidence holds one and does not hedge; a refusal
answers; a yes/no met by evidence that is not undecided is answered; a study, a cut excerpt or
a position asked without a decision is partial; a decision or figures answer the rest. It was
written on dev (0.66 there, 0.45 on the then test split). Session 5 replaced it by a logistic
regression over seven cues. Session 6 (`by_rule`, then the regression over `MODEL_FEATURES`):
a date or a figure asked is answered when one is given without a hedge; a study, a
consultation or "trop tôt" without a refusal is partial; otherwise five cues decide — a yes/no
asked, something settled (a decision, a refusal, a future, an accomplished act, no hedge), a
hedge, an excerpt cut inside the evidence, a refusal (cue sets: `CANDIDATE_FEATURES`, chosen
by `tools/train_coverage.py`); the first list still runs when no weights are committed.
Session 7 (`by_kind`, `"method": "kinds"`): no regression — the kind of thing asked
(`demand_kind`: a date, a figure, reasons, a yes/no, measures, a position, a procedure, other)
against what the evidence gives, in the guide's order; the regressions fitted the dev pairs'
labelling best and the later pairs worst, the list has nothing to fit. Session 8 (`by_kind8`,
`"kinds8"`): first whether the precise thing asked is given or refused (`verdict_cues`). It
scored 0.71 in every CV protocol and 0.43 / 0.45 on the two unseen splits, below saying
"répondue" everywhere: its cues were written from the training pairs' own errors, and unseen
*répondue* demands were called *partiellement*. Session 9 (`by_guide9`, `"guide9"`): "répondue"
unless one of five general facts of the guide says otherwise, and no rule that asks an answer
to show an act before it counts (only a measure or a position asked does). A demand with no
evidence stays "sans réponse" before any of this.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from qe_desktop.domain.coverage import Addressed
from qe_desktop.nlp.logistic import Logistic, weights_section
from qe_desktop.nlp.verdict_cues import cues as given_cues

KINDS = ("open", "yesno", "date", "figure", "reasons")

_DATE = re.compile(
    r"\b(?:(?:1[89]|2[01])\d\d|janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|printemps|été|automne|hiver|semestre|trimestre|rentrée)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\d|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|cent|mille)\b", re.I
)
_REASON = re.compile(
    r"\b(?:afin\s+de|afin\s+d['’]|en\s+raison|car|parce\s+que|destiné|compte\s+tenu|justifi\w*|"
    r"pour\s+(?:ces|cette)\s+raisons?|vise|visant|dans\s+le\s+but|trouve\s+son\s+origine|"
    r"est\s+prévu\w*\s+par|conformément|en\s+application|choix|à\s+dessein|en\s+effet)\b",
    re.IGNORECASE,
)
# Wording that treats a subject without settling it: a study, a consultation, too early.
_UNDECIDED = re.compile(
    r"(?:à\s+l['’]étude|réflexion|examen\s+attentif|fera\s+l['’]objet\s+d['’]un\s+examen|"
    r"préjug|trop\s+tôt|pas\s+(?:encore\s+)?(?:terminée?|achevée?)|n['’]est\s+pas\s+en\s+mesure|"
    r"enquêtes?|en\s+cours\s+de\s+révision|en\s+cours\s+d['’](?:élaboration|étude|examen)|"
    r"concertation|le\s+cas\s+échéant|éventuel|à\s+étudier|est\s+examinée?|sont\s+examiné|"
    r"devrai(?:t|ent)\s+(?:se\s+)?(?:pouvoir|concrétiser)|se\s+poursui)",
    re.IGNORECASE,
)
# Courtesy that touches a subject: "le Gouvernement est attentif / sensible / conscient".
_COURTESY = re.compile(
    r"\b(?:attentivement|sensible|attentif|attentive|attaché|conscient|préoccupation|soucieux)\b",
    re.IGNORECASE,
)
# A refusal or a settled "no": an answer, even if not the one hoped for.
_REFUSAL = re.compile(
    r"(?:\bn['’]est\s+pas\s+(?:envisagé|question|prévu|à\s+l['’]ordre\s+du\s+jour|nécessaire|"
    r"opportun|possible)|\bil\s+n['’]est\s+pas\s+question|\bne\s+(?:semble|paraît|saurait)\b|"
    r"\bn['’]apparaît\s+(?:donc\s+)?pas|\baucun(?:e)?\s+(?:aide|mesure|modification|disposition)|"
    r"\bil\s+n['’]y\s+a\s+pas\s+lieu|\bne\s+(?:constituent|constitue)\s+pas|"
    r"\bne\s+s['’]agit\s+(?:donc\s+)?pas|\bpas\s+opportun|\bn['’]y\s+a(?:\s+\w+)?\s+aucun|"
    # Session 6: refusals the dev errors showed the list missed ("ne nécessite pas à ce stade",
    # "peu envisageable", "ne sont pas, pour l'heure, à l'ordre du jour").
    r"\bne\s+(?:nécessite|justifie)\s+pas|\bpeu\s+envisageable|\bn['’]est\s+pas\s+envisageable|"
    r"\bne\s+(?:peut|pourrait)\s+(?:pas\s+)?être\s+(?:envisagé|retenu|accepté|donné)|"
    r"\bn['’]a\s+pas\s+été\s+retenu|\bn['’]entre\s+pas\s+dans|"
    r"\bpas,?\s+(?:pour\s+l['’]heure,?\s+)?à\s+l['’]ordre\s+du\s+jour|\bil\s+n['’]est\s+pas\s+possible)",
    re.IGNORECASE,
)
# A decision taken or a dated plan: the thing asked is given.
_DECISION = re.compile(
    r"(?:\b(?:a|ont)\s+(?:été\s+)?décidé|\best\s+prévu|\bsont\s+prévu|\bil\s+est\s+prévu|"
    r"\bprévoit|\bconfirme|\ba\s+été\s+(?:tenu|porté|revalorisé|reconduit|créé)|\bont\s+été\s+"
    r"(?:prévus|créés|attribués)|\bsera\b|\bseront\b|\ba\s+(?:reçu|obtenu|bénéficié)|"
    r"\bs['’]élèvent?\s+à|\brelevé|\bporté\s+à|"
    r"\ba\s+été\s+(?:jugé|mis\s+en\s+place|adopté|publié|fixé|prorogé|étendu|décidé|engagé|lancé)|"
    r"\bont\s+été\s+(?:pris|mis|engagés|adoptés|publiés|débloqués)|\ba\s+décidé)",
    re.IGNORECASE,
)
# An act accomplished ("a été créé", "ont engagé"): with a decision, a future or a refusal, the
# evidence settles something (the `settled` cue).
_ACCOMPLISHED = re.compile(
    r"\b(?:a|ont)\s+été\s+\w+|\ba\s+(?:décidé|engagé|mis|lancé|créé|prévu|adopté|pris|fixé)|"
    r"\bont\s+(?:décidé|engagé|mis|lancé|créé)",
    re.IGNORECASE,
)
# Evidence that only recites the legal frame.
_BACKGROUND = re.compile(
    r"(?:\barticle\s+[LRD]?\.?\s*\d|\bloi\s+(?:n[°o]|du)\b|\bdécret\s+(?:n[°o]|du)\b|"
    r"\bcode\s+(?:général|des|de\s+la|rural|électoral|civil)|\bbase\s+légale)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+(?:[ ,.]\d+)*")
_OPINION = re.compile(
    r"\b(?:position|avis|sentiment|intentions?|suites?|projets?|réaction|politique)\b", re.I
)
_MEASURES = re.compile(
    r"\b(?:mesures?|moyens|solutions|adaptations|dispositions|initiatives)\b", re.I
)
_HOW = re.compile(
    r"\b(?:modalités|comment|procédures?|conditions|critères|règles|dispositifs?|régime)\b", re.I
)
_CONFIRM = re.compile(r"\b(?:confirmer|s['’]il\s+est\s+exact|intervenir|intercéder)\b", re.I)
_FOLLOW_ON = re.compile(r"^(?:et|ou|ainsi\s+que|d['’]autre\s+part|enfin|pour)\b", re.I)

FEATURES = (
    *(f"kind_{k}" for k in KINDS),
    "kind_given",
    "undecided",
    "courtesy",
    "numbers",
    "refusal",
    "decision",
    "future",
    "conditional",
    "negated",
    "background",
    "cut",
    "evidence_log",
    "evidence_share",
    "follow_on",
    "several",
    "opinion",
    "measures",
    "confirm",
    "score",
    "settled",
    "match",
    "rules",
    "acted",
    "study",
    "refused",
    "yesno_given",
)


@dataclass(frozen=True, slots=True)
class VerdictInput:
    """What the model looks at for one demand (built by `alignment.align`)."""

    demand: str
    kind: str
    evidence: tuple[str, ...]
    moods: frozenset[str] = frozenset()
    n_sentences: int = 1
    n_demands: int = 1
    cut: bool = False  # the answer stops mid-sentence (an excerpt) inside the evidence
    score: float = 0.0


# What a demand asks, finer than `asked_kind`'s "open": measures, a position, a procedure.
DEMAND_KINDS = ("date", "figure", "reasons", "yesno", "measures", "opinion", "how", "other")


def demand_kind(demand: str, kind: str) -> str:
    """The kind of thing asked (`kind` is `demands.asked_kind`'s reading of `demand`)."""
    if kind != "open":
        return kind
    if _MEASURES.search(demand):
        return "measures"
    if _OPINION.search(demand):
        return "opinion"
    if _HOW.search(demand):
        return "how"
    return "other"


def kind_given(kind: str, joined: str) -> bool:
    """Whether the evidence holds the kind of thing asked (a date, a figure, a reason)."""
    if kind == "date":
        return bool(_DATE.search(joined))
    if kind == "figure":
        return bool(_NUMBER.search(joined))
    if kind == "reasons":
        return bool(_REASON.search(joined))
    return False


def features(item: VerdictInput) -> dict[str, float]:
    """The named feature values of one demand (all in [0, 1] or small counts)."""
    joined = " ".join(item.evidence)
    n = len(item.evidence)
    background = sum(bool(_BACKGROUND.search(t)) for t in item.evidence)
    values = {f"kind_{k}": float(item.kind == k) for k in KINDS}
    values.update(
        kind_given=float(kind_given(item.kind, joined)),
        undecided=float(bool(_UNDECIDED.search(joined))),
        courtesy=float(bool(_COURTESY.search(joined))),
        numbers=float(len(_DIGITS.findall(joined)) >= 2),
        refusal=float(bool(_REFUSAL.search(joined))),
        decision=float(bool(_DECISION.search(joined))),
        future=float("future" in item.moods),
        conditional=float("conditional" in item.moods),
        negated=float("negated" in item.moods),
        background=background / n if n else 0.0,
        cut=float(item.cut),
        evidence_log=math.log1p(n),
        evidence_share=n / max(1, item.n_sentences),
        follow_on=float(bool(_FOLLOW_ON.search(item.demand))),
        several=float(item.n_demands > 1),
        opinion=float(bool(_OPINION.search(item.demand))),
        measures=float(bool(_MEASURES.search(item.demand))),
        confirm=float(bool(_CONFIRM.search(item.demand))),
        score=min(1.0, item.score),
    )
    acted = bool(
        values["decision"] or values["refusal"] or values["future"] or _ACCOMPLISHED.search(joined)
    )
    values["acted"] = float(acted)
    values.update(given_cues(joined))
    values["settled"] = float(acted and not values["undecided"])
    values["match"] = _match(item.kind, values, acted)
    # The decision list's verdict as one cue: the regression weighs it against the others.
    values["rules"] = float(rules(item.kind, values) is Addressed.YES)
    return values


def _match(kind: str, values: dict[str, float], acted: bool) -> float:
    """Whether the evidence gives the kind of thing asked (the guide's decision, as one cue).

    A date, a figure or a reason asked: one is given. A yes/no: a refusal or an act. Measures
    asked: an act. A position or intentions asked: a decision or a refusal.
    """
    if kind in ("date", "figure", "reasons"):
        return values["kind_given"]
    if kind == "yesno":
        return float(acted)
    if values["measures"] and acted:
        return 1.0
    return float(bool(values["opinion"] and (values["refusal"] or values["decision"])))


# The cues the fitted model reads: what the demand asks, and whether the evidence refuses,
# hedges, decides, is cut, or only states a position.
# A date or a figure asked is answered when one is given without a hedge (the guide's rule):
# no weight overrides that.
_SETTLED_BY_KIND = ("date", "figure")
# The candidate cue sets `tools/train_coverage.py` cross-validates (declared before looking at
# the retired test pairs); the shipped one is `MODEL_FEATURES`.
SESSION5_FEATURES = ("kind_yesno", "refusal", "undecided", "cut", "opinion", "negated", "decision")
CANDIDATE_FEATURES = {
    "session5": SESSION5_FEATURES,
    "settled": (*SESSION5_FEATURES, "settled", "conditional"),
    "settled+match": (*SESSION5_FEATURES, "settled", "conditional", "match"),
    "settled+rules": (*SESSION5_FEATURES, "settled", "conditional", "rules"),
    # Added once the retired test pairs joined: the guide's decision in five cues (a yes/no
    # asked; something settled without a hedge; a hedge; the excerpt cut; a refusal).
    "guide": ("kind_yesno", "settled", "undecided", "cut", "refusal"),
    # Session 8, declared before the relabelled pairs: the guide's cues plus whether the
    # precise thing asked is given or refused (`verdict_cues`).
    "guide8": (
        "kind_yesno",
        "settled",
        "undecided",
        "cut",
        "refusal",
        "study",
        "refused",
        "yesno_given",
    ),
}
MODEL_FEATURES = CANDIDATE_FEATURES["guide"]


@cache
def verdict_model() -> Logistic | None:
    """The committed yes-vs-partly model, or None (a decision list runs)."""
    data = weights_section("verdict")
    if data is None or data.get("method", "model") != "model":
        return None  # the weights may still carry the regression: "method" picks
    return Logistic.from_json(data)


@cache
def verdict_method() -> str:
    """The shipped verdict method: "guide9" (session 9's list), "kinds8" (session 8's), "kinds"
    (session 7's), "model"
    (rules then the regression).

    "rules" (the first decision list) when no weights are shipped.
    """
    data = weights_section("verdict")
    if data is None:
        return "rules"
    return str(data.get("method", "model"))


def decide(item: VerdictInput) -> tuple[Addressed, str]:
    """Verdict and reason code for a demand with evidence."""
    values = features(item)
    method = verdict_method()
    model = verdict_model() if method == "model" else None
    if method == "kinds":
        verdict = by_kind(demand_kind(item.demand, item.kind), values)
    elif method == "kinds8":
        verdict = by_kind8(demand_kind(item.demand, item.kind), values)
    elif method == "guide9":
        verdict = by_guide9(demand_kind(item.demand, item.kind), values)
    elif model is None:
        verdict = rules(item.kind, values)
    else:
        ruled = by_rule(item.kind, values)
        if ruled is not None:
            verdict = ruled
        else:
            verdict = Addressed.YES if model.probability(values) >= 0.5 else Addressed.PARTLY
    return verdict, _reason(item.kind, verdict, values)


def by_rule(kind: str, values: dict[str, float]) -> Addressed | None:
    """The guide's verdicts no weight overrides (None: the regression decides).

    A date or a figure asked is answered when one is given without a hedge, else partly; a
    study, a consultation or "trop tôt" without a refusal is partly (session 6: as accurate
    in cross-validation as letting the regression weigh the hedge, and it is the guide's rule).
    """
    if kind in _SETTLED_BY_KIND:
        return rules(kind, values)
    if values["undecided"] and not values["refusal"]:
        return Addressed.PARTLY
    return None


def by_kind(kind: str, values: dict[str, float]) -> Addressed:
    """Session 7: the kind of thing asked (`demand_kind`) against what the evidence gives.

    In the guide's words: a date, a figure or a reason asked is answered when one is given
    without a hedge; a refusal answers; a study alone (no act beside it) or an excerpt that stops
    before the point is partial; a yes/no met otherwise is answered; measures or a position
    asked are answered by an act (a decision, a future, a thing done), a procedure asked by the
    act or the legal route; anything else by an act or figures.
    """
    given = values["kind_given"] and not values["undecided"]
    if kind in ("date", "figure"):
        return Addressed.YES if given else Addressed.PARTLY
    if kind == "reasons":
        return Addressed.YES if given or values["refusal"] else Addressed.PARTLY
    if values["refusal"]:
        return Addressed.YES
    if (values["undecided"] and not values["acted"]) or values["cut"]:
        return Addressed.PARTLY
    if kind == "yesno":
        return Addressed.YES
    if kind == "how":
        return Addressed.YES if values["acted"] or values["background"] else Addressed.PARTLY
    if kind in ("measures", "opinion"):
        return Addressed.YES if values["acted"] else Addressed.PARTLY
    return Addressed.YES if values["acted"] or values["numbers"] else Addressed.PARTLY


def by_kind8(kind: str, values: dict[str, float]) -> Addressed:
    """Session 8: session 7's list after what settles the precise thing asked (`verdict_cues`).

    Not for a date, a figure or reasons: a refusal (adverbs inside its negation allowed) answers;
    a yes/no given (possible, allowed, required, confirmed) answers a yes/no asked; a study,
    "trop tôt", "n'est pas connu à ce jour" is partial even beside a future or an act.
    """
    if kind not in ("date", "figure", "reasons"):
        if values["refused"]:
            return Addressed.YES
        if kind == "yesno" and values["yesno_given"]:
            return Addressed.YES
        if values["study"] and not values["refusal"]:
            return Addressed.PARTLY
    return by_kind(kind, values)


def by_guide9(kind: str, values: dict[str, float]) -> Addressed:
    """Session 9: "répondue" unless a general fact of the guide says "partiellement".

    In order: a date or a figure asked is answered when one is given without a hedge; a
    refusal answers; a study, "trop tôt", "pas connu à ce jour" is partial; an excerpt that
    stops inside the evidence is partial; measures or a position asked and no act at all (no
    decision, future, thing done or refusal: the current rule restated) is partial. Anything
    else is answered: session 8's list asked every open demand for an act and called unseen
    answers that treat the subject at length *partiellement*.
    """
    if kind in ("date", "figure"):
        given = values["kind_given"] and not values["undecided"]
        return Addressed.YES if given else Addressed.PARTLY
    if values["refusal"] or values["refused"]:
        return Addressed.YES
    if values["study"] or values["cut"]:
        return Addressed.PARTLY
    if kind in ("measures", "opinion") and not values["acted"]:
        return Addressed.PARTLY
    return Addressed.YES


def rules(kind: str, values: dict[str, float]) -> Addressed:
    """The decision list (see the module docstring)."""
    if kind in ("date", "figure", "reasons"):  # the thing asked is there, or it is not
        given = values["kind_given"] and not values["undecided"]
        return Addressed.YES if given else Addressed.PARTLY
    if values["refusal"]:
        return Addressed.YES
    if kind == "yesno" and not values["undecided"]:
        return Addressed.YES
    if values["undecided"] or values["cut"] or values["opinion"]:
        return Addressed.PARTLY
    if values["decision"] or values["numbers"]:
        return Addressed.YES
    return Addressed.PARTLY


def _reason(kind: str, verdict: Addressed, values: dict[str, float]) -> str:
    given = {"date": "date", "figure": "figure", "reasons": "reason"}.get(kind)
    if verdict is Addressed.YES:
        return f"{given}-given" if given and values["kind_given"] else "treated"
    if verdict is Addressed.NO:
        return "not-treated"
    if given and not values["kind_given"]:
        return f"no-{given}"
    return "undecided" if values["undecided"] else "not-settled"
