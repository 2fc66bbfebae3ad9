"""Commitment suggestions from the French pipeline and a small logistic regression.

Sentences are split by the domain splitter (its spans index the canonical text); the
cheap pre-filter keeps candidates; only those are parsed (spaCy, one `pipe` call per
answer, each candidate one sentence). Each candidate's features go through the committed
weights (`commitment_weights.json`, written by tools/train_commitments.py) with plain
Python: a two-class regression (none / commit) gives the probability of committing, and
a second one on the named features gives P(soft | commits); older three-class weights
(softmax over none / firm / soft) still load. A sentence is suggested when its
probability of committing, 1 - P(none), reaches the threshold stored with the weights
(chosen on the training answers with each corpus file left out in turn); the
probability can take a fixed share of the hand rules' score (`rules_blend`);
firm or soft is the likelier of the two. The explanation names the tense and voice, the
agent and the deadline, for the tooltip.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

from qe_desktop.domain import commitments as rules
from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.commitments import Suggestion
from qe_desktop.domain.sentences import Sentence, split_sentences
from qe_desktop.nlp.commitment_features import (
    FEATURES,
    SentenceFeatures,
    is_candidate,
    sentence_features,
)
from qe_desktop.nlp.commitment_words import tfidf
from qe_desktop.nlp.pipeline import parse

WEIGHTS_FILE = "commitment_weights.json"
CLASSES = ("none", "firm", "soft")
# The default finder of `suggest_commitments`: "model" (this module), or "rules" (the hand
# rules of qe_desktop.domain.commitments, no spaCy). tests/data/commitments/DECISION_s8.md
# says which one ships; switching is this one line (the cache version follows it).
FINDER: Literal["model", "rules"] = "model"
RULES_VERSION = "rules-s8"  # bump when qe_desktop.domain.commitments changes its verdicts


@dataclass(frozen=True, slots=True)
class Model:
    """Logistic-regression weights: one row of coefficients per class, and the kind model."""

    version: str
    features: tuple[str, ...]
    coef: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    classes: tuple[str, ...]
    threshold: float = 0.5  # suggested when 1 - P(none) reaches it
    # The bag of words (`commitment_words`): word -> column after the named features,
    # its idf, and the factor the TF-IDF vector is multiplied by (chosen by CV).
    vocabulary: dict[str, int] = field(default_factory=dict)
    idf: tuple[float, ...] = ()
    word_scale: float = 1.0
    # A two-class model ("none", "commit") says whether a sentence commits; then the kind
    # model (firm vs soft, on the named features) says how: P(soft | commits).
    kind_coef: tuple[float, ...] = ()
    kind_intercept: float = 0.0
    # P(commit) = (1 - rules_blend) * the regression's + rules_blend * the hand rules' score
    # (the `rules` feature, qe_desktop.domain.commitments): fitted on three corpus files,
    # the regression fell below the rules on every unseen split; a fixed share of the
    # rules' score held best when each corpus file was left out in turn (session 9).
    rules_blend: float = 0.0

    def probabilities(
        self, values: dict[str, float], words: tuple[str, ...] = ()
    ) -> dict[str, float]:
        """Probability of each class (none, firm, soft commitment) for a sentence's features."""
        x = [values.get(name, 0.0) for name in self.features]
        lexical = tfidf(words, self.vocabulary, self.idf, self.word_scale)
        width = len(self.features)
        scores = [
            b
            + sum(w * v for w, v in zip(row[:width], x, strict=True))
            + sum(row[width + column] * v for column, v in lexical.items())
            for row, b in zip(self.coef, self.intercept, strict=True)
        ]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        probabilities = {c: e / total for c, e in zip(self.classes, exp, strict=True)}
        if "commit" not in probabilities:
            return probabilities
        blend = self.rules_blend
        commits = (1.0 - blend) * probabilities["commit"] + blend * values.get("rules", 0.0)
        z = self.kind_intercept + sum(w * v for w, v in zip(self.kind_coef, x, strict=False))
        soft = 1.0 / (1.0 + math.exp(-z)) if self.kind_coef else 0.0
        return {"none": 1.0 - commits, "firm": commits * (1.0 - soft), "soft": commits * soft}


def model_from_json(data: dict[str, Any]) -> Model:
    """The shipped commitment model, read from its JSON weights."""
    width = len(data["features"]) + len(data.get("words", []))
    if any(len(row) != width for row in data["coef"]):
        raise ValueError(f"{WEIGHTS_FILE}: a row of coefficients is not {width} long")
    if not 0.0 <= float(data.get("rules_blend", 0.0)) <= 1.0:
        raise ValueError(f"{WEIGHTS_FILE}: rules_blend is not between 0 and 1")
    if len(data.get("kind_coef", [])) not in (0, len(data["features"])):
        raise ValueError(f"{WEIGHTS_FILE}: the kind model is not {len(data['features'])} long")
    return Model(
        version=str(data["version"]),
        features=tuple(data["features"]),
        coef=tuple(tuple(float(w) for w in row) for row in data["coef"]),
        intercept=tuple(float(b) for b in data["intercept"]),
        classes=tuple(data["classes"]),
        threshold=float(data.get("threshold", 0.5)),
        vocabulary={word: i for i, word in enumerate(data.get("words", []))},
        idf=tuple(float(v) for v in data.get("idf", [])),
        word_scale=float(data.get("word_scale", 1.0)),
        kind_coef=tuple(float(w) for w in data.get("kind_coef", [])),
        kind_intercept=float(data.get("kind_intercept", 0.0)),
        rules_blend=float(data.get("rules_blend", 0.0)),
    )


@cache
def model() -> Model:
    """The committed weights (read once)."""
    text = resources.files("qe_desktop.nlp").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    loaded = model_from_json(json.loads(text))
    missing = set(loaded.features) - set(FEATURES)
    if missing:
        raise ValueError(f"{WEIGHTS_FILE}: unknown features {sorted(missing)}")
    return loaded


def model_version() -> str:
    """Cache key part: suggestions made by other weights (or by the rules) are computed again."""
    return RULES_VERSION if FINDER == "rules" else model().version


@dataclass(frozen=True, slots=True)
class Scored:
    """One candidate sentence with its features and class probabilities."""

    sentence: Sentence
    features: SentenceFeatures
    probabilities: dict[str, float]

    @property
    def confidence(self) -> float:
        """Probability that the sentence commits (firm or soft)."""
        return 1.0 - self.probabilities["none"]


def score_many(answers: list[tuple[str, date | None]]) -> list[list[Scored]]:
    """Score several answers with one parse call (the background pass's batches)."""
    candidates = [[s for s in split_sentences(text) if is_candidate(s.text)] for text, _ in answers]
    flat = [s.text for group in candidates for s in group]
    docs = iter(parse(flat, whole=True)) if flat else iter(())
    weights = model()
    scored: list[list[Scored]] = []
    for group, (_, answered_on) in zip(candidates, answers, strict=True):
        items = []
        for sentence in group:
            doc = next(docs)
            span = max(doc.sents, key=len)  # one sentence: parsed `whole`
            features = sentence_features(span, answered_on, sentence.text)
            items.append(
                Scored(sentence, features, weights.probabilities(features.values, features.words))
            )
        scored.append(items)
    return scored


def explanation(features: SentenceFeatures, rules_blend: float = 0.0) -> str:
    """The reading in words: "futur passif, agent : Conseil d'État, échéance : automne 2008";
    when the weights blend in the hand rules' score, that score too ("règles : 0.85").
    """
    parts = [features.tense_label]
    if features.agent:
        parts.append(f"agent : {features.agent}")
    if features.due is not None:
        parts.append(f"échéance : {features.due.phrase}")
    hedges = [
        label
        for name, label in (
            ("hedge", "réserve"),
            ("negation", "négation"),
            ("possibility", "possibilité"),
        )
        if features.values.get(name)
    ]
    parts.extend(hedges)
    if rules_blend and features.values.get("rules"):
        parts.append(f"règles : {features.values['rules']:.2f}")
    return ", ".join(parts)


def suggest_commitments(answer_text: str, answered_on: date | None) -> list[Suggestion]:
    """The sentences of the answer the model takes for commitments, in text order."""
    return suggest_many([(answer_text, answered_on)])[0]


def suggest_many(answers: list[tuple[str, date | None]]) -> list[list[Suggestion]]:
    """`suggest_commitments` for several answers at once (one spaCy batch)."""
    if FINDER == "rules":
        return [rules_suggestions(text, answered_on) for text, answered_on in answers]
    return model_suggest_many(answers)


def model_suggestions(answer_text: str, answered_on: date | None) -> list[Suggestion]:
    """The model's suggestions whatever FINDER says (what `make eval` scores as the model)."""
    return model_suggest_many([(answer_text, answered_on)])[0]


def model_suggest_many(answers: list[tuple[str, date | None]]) -> list[list[Suggestion]]:
    """The model's suggestions for several answers (one spaCy batch)."""
    threshold = model().threshold
    return [
        [_suggestion(item) for item in items if item.confidence >= threshold]
        for items in score_many(answers)
    ]


def _suggestion(item: Scored) -> Suggestion:
    due = item.features.due
    kind = "firm" if item.probabilities["firm"] >= item.probabilities["soft"] else "soft"
    cues = tuple(
        f"{name} : {value:.2f}" if name == "rules" else name
        for name, value in item.features.values.items()
        if value
    )
    return Suggestion(
        start=item.sentence.start,
        end=item.sentence.end,
        sentence=item.sentence.text,
        due=due.due if due else None,
        precision=due.precision if due else DatePrecision.VAGUE,
        confidence=round(item.confidence, 3),
        cues=cues,
        kind=kind,
        explanation=explanation(item.features, model().rules_blend),
    )


def rules_suggestions(answer_text: str, answered_on: date | None) -> list[Suggestion]:
    """The hand rules' suggestions, each with its cues as the tooltip's explanation."""
    return [
        replace(s, explanation="règles : " + ", ".join(s.cues))
        for s in rules.suggest_commitments(answer_text, answered_on)
    ]
