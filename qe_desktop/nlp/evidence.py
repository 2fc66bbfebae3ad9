"""Which answer sentences to cite for a demand: a small logistic model over a dozen cues.

The first selector cited every answer sentence linked to the question at all, so the
reader underlined most of an answer and precision fell to 0.45 on unseen answers. Each
(demand, sentence) pair is now scored by a logistic regression over transparent cues: its
similarity to the demand and to the question (raw and relative to the best sentence), whether
this demand is the sentence's best match, its place in the answer against the order of the
demands, framing ("La question … appelle les observations suivantes", "Le Gouvernement est
attentif…"), legal background, and whether it holds what the demand asks (a date, a figure).
A sentence is cited for its most likely demand when that probability passes the trained
threshold, and for another demand only above a higher one; a demand left with nothing keeps
its best sentence it shares something with, only above a floor, otherwise it is "sans
réponse"; a neighbour of a cited sentence can join it (`near`, off unless cross-validation
picks it). The weights are fitted by `tools/train_coverage.py` on dev + the retired test split
(cross-validated by pair) and committed in `coverage_weights.json`.
Session 7: the neighbour is only the next sentence, and only when it goes on with the same point
(`continues`); an opening that restates the question, or (`opening` 2) only quotes the law, can
be left out; `top_k` and `relative` keep a demand's likeliest sentences. Cross-validation over
shuffled folds and held-out chambers and periods chose the neighbour and the restatement rule
and left the rest off.
Session 8, on the relabelled training evidence: cues for what the guide leaves out (the history
of a measure, a definition, a rule quoted word for word) and the `passage` rule (a demand's
sentences are one run around its likeliest); the same protocols chose both, the legal opening
rule, and no neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from qe_desktop.nlp.logistic import Logistic, weights_section

# A sentence that frames the answer rather than gives it: it restates the question or thanks.
_FRAMING = re.compile(
    r"(?:honorable\s+parlementaire|l['’]attention\s+d[ue]\s+.{0,80}a\s+été\s+appelée|"
    r"appelle\s+(?:les\s+)?(?:observations|précisions|éléments)|(?:la|cette)\s+question\s+"
    r"(?:posée|écrite)|en\s+réponse\s+à|le\s+gouvernement\s+(?:est|reste|demeure)\s+(?:très\s+)?"
    r"(?:attentif|sensible|conscient|attaché)|attentivement\s+suivie?|se\s+réjouit|"
    r"comme\s+le\s+(?:souligne|rappelle|sait)|^\s*r[ée]ponse\s*\.?\s*-)",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"(?:\barticle\s+[LRD]?\.?\s*\d|\bloi\s+(?:n[°o]|du)\b|\bdécret\s+(?:n[°o]|du)\b|"
    r"\bcode\s+(?:général|des|de\s+la|rural|électoral|civil)|\bbase\s+légale|"
    r"\bdepuis\s+sa\s+création|\bil\s+convient\s+de\s+rappeler|\bpour\s+mémoire)",
    re.IGNORECASE,
)
# What settles something: a decision, a refusal, a future act, a figure.
_SETTLES = re.compile(
    r"(?:\bsera\b|\bseront\b|\best\s+prévu|\bdécidé|\bn['’]est\s+pas\s+(?:envisagé|prévu|"
    r"question|possible|opportun)|\bne\s+(?:semble|paraît)\s+pas|\bil\s+n['’]y\s+a\s+pas\s+lieu|"
    r"\bpas\s+opportun|\bconfirme|\baucun)",
    re.IGNORECASE,
)
_CONNECTIVE = re.compile(
    r"^\s*(?:s['’]agissant|en\s+ce\s+qui\s+concerne|quant\s+à|pour\s+ce\s+qui\s+(?:est|concerne)|"
    r"par\s+ailleurs|en\s+outre|enfin|d['’]autre\s+part|d['’]une\s+part|s['’]agissant)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
# An opening that restates the question ("L'honorable parlementaire a souhaité être informé
# sur…", "L'attention du ministre a été appelée sur…"): the guide leaves it out of evidence.
_RESTATES = re.compile(
    r"(?:honorable\s+parlementaire\s+(?:a\s+)?(?:bien\s+voulu\s+)?(?:appel\w*|attir\w*|"
    r"souhait\w*|interrog\w*|demand\w*|évoqu\w*|fait\s+part|rappel\w*|expos\w*|signal\w*|"
    r"fait\s+état)|l['’]attention\s+d[ue]\s+.{0,120}a\s+été\s+(?:appelée|attirée)|"
    r"a\s+appelé\s+l['’]attention|appelle\s+l['’]attention)",
    re.IGNORECASE,
)
# A sentence that goes on with the point of the one before: a pronoun or a demonstrative that
# refers back, or a connective of consequence or detail (not one that opens another subject).
_CONTINUES = re.compile(
    r"^\s*(?:il\s+s['’]agit|ils?\b|elles?\b|ce(?:s|tte|t)?\b|celui|celle|ceux|"
    r"cela|ceci|ainsi|de\s+plus|en\s+effet|dans\s+ce\s+cadre|à\s+cet\s+(?:effet|égard)|"
    r"à\s+ce\s+titre|par\s+conséquent|c['’]est\s+pourquoi|de\s+ce\s+fait|de\s+même|"
    r"toutefois|cependant|néanmoins|en\s+conséquence|dès\s+lors|donc|aussi\b|en\s+revanche)",
    re.IGNORECASE,
)

# Session 8: what the current guide leaves out of evidence — the history of a measure, a
# definition, the rule quoted word for word ("L'article 12 dispose que…").
_HISTORY = re.compile(
    r"(?:\bdepuis\s+(?:la\s+loi|le\s+décret|l['’]ordonnance|(?:1[89]|20)\d\d)|"
    r"\b(?:a|ont)\s+été\s+(?:créée?s?|instituée?s?|instaurée?s?|mise?s?\s+en\s+place)\s+"
    r"(?:par|en|dès|lors)|\ben\s+(?:1[89]\d\d)\b|\bà\s+l['’]origine|\bhistoriquement|"
    r"\bjusqu['’](?:en|à\s+(?:la\s+loi|l['’]intervention)))",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    r"(?:\bon\s+entend\s+par|\bse\s+défini(?:t|ssent)|\bsont?\s+définie?s?\s+(?:comme|par)|"
    r"\bau\s+sens\s+(?:de|du|des)\b|\bdésigne(?:nt)?\b)",
    re.IGNORECASE,
)
_QUOTES_RULE = re.compile(
    r"(?:\b(?:dispose|prévoit|précise|énonce)\s+que|\baux\s+termes\s+d|\ben\s+vertu\s+d)",
    re.IGNORECASE,
)

FEATURES = (
    "specific",
    "topic",
    "specific_rel",
    "topic_rel",
    "best_demand",
    "margin",
    "order_gap",
    "first",
    "last",
    "framing",
    "background",
    "settles",
    "connective",
    "number",
    "asked_bonus",
    "long",
    "share",
)
# The cue sets `tools/train_coverage.py` cross-validates; the weights file names the one shipped.
FEATURES8 = (*FEATURES, "history", "definition", "quotes_rule")
CANDIDATE_FEATURES = {"session7": FEATURES, "session8": FEATURES8}


def pair_features(
    topic: Sequence[float],
    specific: Sequence[Sequence[float]],
    bonus: Sequence[Sequence[float]],
    sentence_texts: Sequence[str],
) -> list[list[dict[str, float]]]:
    """Feature values for every (demand, sentence) pair, demand-major.

    `specific[i][j]` is the similarity of demand i with sentence j (with `bonus[i][j]`, the
    part owed to holding what is asked, included), `topic[j]` that of sentence j with the
    whole question.
    """
    n = len(sentence_texts)
    k = len(specific)
    top_topic = max(topic, default=0.0) or 1.0
    sentence_cues = [_sentence_cues(text, j, n) for j, text in enumerate(sentence_texts)]
    rows: list[list[dict[str, float]]] = []
    for i, row in enumerate(specific):
        best = max(row, default=0.0) or 1.0
        values = []
        for j in range(n):
            others = [specific[o][j] for o in range(k) if o != i]
            rival = max(others, default=0.0)
            expected = (i + 0.5) / k
            position = (j + 0.5) / max(1, n)
            values.append(
                {
                    "specific": row[j],
                    "topic": topic[j],
                    "specific_rel": row[j] / best,
                    "topic_rel": topic[j] / top_topic,
                    "best_demand": float(row[j] >= rival),
                    "margin": row[j] - rival if k > 1 else 0.0,
                    "order_gap": abs(expected - position) if k > 1 else 0.0,
                    "asked_bonus": float(bonus[i][j] > 0),
                    "share": 1.0 / k,
                    **sentence_cues[j],
                }
            )
        rows.append(values)
    return rows


def _sentence_cues(text: str, j: int, n: int) -> dict[str, float]:
    return {
        "first": float(j == 0),
        "last": float(j == n - 1 and n > 1),
        "framing": float(bool(_FRAMING.search(text))),
        "background": float(bool(_BACKGROUND.search(text))),
        "settles": float(bool(_SETTLES.search(text))),
        "connective": float(bool(_CONNECTIVE.search(text))),
        "number": float(bool(_NUMBER.search(text))),
        "long": min(1.0, len(text) / 400),
        "history": float(bool(_HISTORY.search(text))),
        "definition": float(bool(_DEFINITION.search(text))),
        "quotes_rule": float(bool(_QUOTES_RULE.search(text))),
        # Not regression cues (absent from FEATURES): read by the citing rules only.
        "continues": float(bool(_CONTINUES.search(text))),
        "restates": float(bool(_RESTATES.search(text))),
    }


@dataclass(frozen=True, slots=True)
class EvidenceModel:
    """Committed logistic weights and the citing thresholds."""

    logistic: Logistic
    threshold: float  # cite a sentence for its most likely demand at or above this
    also: float  # cite it for another demand too at or above this (one sentence, two asks)
    floor: float  # a demand left with nothing keeps its best sentence only above this
    # A sentence next to one cited for a demand joins it at or above this (a passage runs on:
    # "Il s'agit de Gex, Castellane…" after "seize ne sont pas siège…"); above 1: off.
    near: float = 1.01
    # Session 7, fewer and better sentences: at most `top_k` per demand (0: no cap), each at
    # least `relative` times as likely as the demand's best one.
    top_k: int = 0
    relative: float = 0.0
    # The answer's opening sentence is never cited when it restates the question (1), or also
    # when it quotes the legal rule (2: the guide leaves "the law's title only" out); 0: off.
    opening: int = 0
    # Session 8, the answer's order: a demand's sentences are one passage — only those within
    # `passage` sentences of the next cited one, around its likeliest, stay (0: off).
    passage: int = 0

    def select(self, rows: list[list[dict[str, float]]]) -> list[list[int]]:
        """Sentence indexes cited for each demand (empty: the demand is not treated)."""
        probabilities = [[self.logistic.probability(v) for v in row] for row in rows]
        marks = (linked(rows), continuing(rows), opening(rows))
        return assign(probabilities, self, *marks)


def opening(rows: list[list[dict[str, float]]]) -> list[int]:
    """What the `opening` rule may leave out, per sentence (`EvidenceModel.opening`).

    1: the answer's opening restates the question; 2: it quotes the legal rule and holds nothing
    asked; 0: anything else.
    """
    marks = []
    for v in rows[0] if rows else []:
        if not v["first"]:
            marks.append(0)
        elif v.get("restates"):
            marks.append(1)
        else:
            marks.append(2 if v["background"] and not v["asked_bonus"] else 0)
    return marks


def continuing(rows: list[list[dict[str, float]]]) -> list[bool]:
    """Sentences that go on with the point of the sentence before them."""
    return [bool(v.get("continues")) for v in rows[0]] if rows else []


def linked(rows: list[list[dict[str, float]]]) -> list[list[bool]]:
    """Sentences sharing something with the demand itself.

    All of them when it shares nothing with any ("clarifier ses intentions sur le sujet").
    """
    marks = [[v["specific"] > 0 for v in row] for row in rows]
    return [mark if any(mark) else [True] * len(mark) for mark in marks]


def assign(
    probabilities: list[list[float]],
    model: EvidenceModel,
    links: list[list[bool]] | None = None,
    continues: list[bool] | None = None,
    openings: list[int] | None = None,
) -> list[list[int]]:
    """Each sentence goes to its most likely demand, and to others only when they are sure.

    A demand left with nothing keeps its likeliest sentence above the floor, among those it is
    linked to (session 6: a demand on the gendarmes' housing kept the sentence on the works'
    cost, which it shares no word with, because that sentence sat where its answer was due).
    """
    chosen: list[list[int]] = [[] for _ in probabilities]
    n = len(probabilities[0]) if probabilities else 0
    if openings and model.opening:
        left_out = [0 < mark <= model.opening for mark in openings]
        probabilities = [
            [0.0 if left_out[j] else p for j, p in enumerate(row)] for row in probabilities
        ]
    for j in range(n):
        column = [row[j] for row in probabilities]
        best = max(range(len(column)), key=column.__getitem__)
        for i, p in enumerate(column):
            if (i == best and p >= model.threshold) or p >= model.also:
                chosen[i].append(j)
    for i, row in enumerate(probabilities):
        if not chosen[i] and row:
            allowed = [j for j in range(len(row)) if links is None or links[i][j]]
            j = max(allowed or range(len(row)), key=row.__getitem__)
            if row[j] >= model.floor:
                chosen[i] = [j]
        chosen[i] = _passage(_fewer(chosen[i], row, model), row, model.passage)
        if model.near <= 1.0 and chosen[i]:
            # Only the sentence right after a cited one, and only when it goes on with its
            # point ("Il s'agit de…", "Cette mesure…"): the next point is another sentence.
            cited = set(chosen[i])
            after = {j + 1 for j in cited if j + 1 < n} - cited
            joined = {k for k in after if row[k] >= model.near and (continues or [True] * n)[k]}
            chosen[i] = sorted(cited | joined)
    return chosen


def _fewer(chosen: list[int], row: list[float], model: EvidenceModel) -> list[int]:
    """The demand's likeliest sentences only: within `relative` of its best, `top_k` at most."""
    if not chosen:
        return chosen
    best = max(row[j] for j in chosen)
    kept = [j for j in chosen if row[j] >= model.relative * best]
    if model.top_k:
        kept = sorted(kept, key=row.__getitem__, reverse=True)[: model.top_k]
    return sorted(kept)


def _passage(chosen: list[int], row: list[float], gap: int) -> list[int]:
    """The run of cited sentences, at most `gap` apart, that holds the likeliest one."""
    if not gap or len(chosen) < 2:
        return chosen
    best = max(chosen, key=row.__getitem__)
    runs: list[list[int]] = [[chosen[0]]]
    for j in chosen[1:]:
        if j - runs[-1][-1] <= gap:
            runs[-1].append(j)
        else:
            runs.append([j])
    return next(run for run in runs if best in run)


@cache
def evidence_model() -> EvidenceModel | None:
    """The committed model, or None when no weights are shipped (the hand selector runs)."""
    data = weights_section("evidence")
    if data is None:
        return None
    return EvidenceModel(
        logistic=Logistic.from_json(data),
        threshold=float(data["threshold"]),
        also=float(data["also"]),
        floor=float(data["floor"]),
        near=float(data.get("near", 1.01)),
        top_k=int(data.get("top_k", 0)),
        relative=float(data.get("relative", 0.0)),
        opening=int(data.get("opening", 0)),
        passage=int(data.get("passage", 0)),
    )
