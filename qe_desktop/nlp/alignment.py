"""Which answer sentences treat which demand, and is what was asked actually given?

Each answer sentence is compared with the question as a whole (is it on topic at all?)
and with each demand (which ask does it serve?), through content lemmas weighted by
rarity, the spaCy model's word vectors, shared named entities, and the answer's order
(answers usually follow the order of the demands). A demand with no evidence is "sans
réponse"; otherwise `verdict.decide` reads what the evidence gives (the kind of thing asked,
a refusal, a decision, or only "une réflexion est engagée"). Every verdict carries a short
reason code so the reader can say why.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from qe_desktop.domain.coverage import Addressed, DemandCoverage, Span
from qe_desktop.domain.sentences import Sentence
from qe_desktop.nlp.demands import asked_kind
from qe_desktop.nlp.evidence import evidence_model, pair_features
from qe_desktop.nlp.verdict import VerdictInput, decide, kind_given

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Words of the request formulas and of ministerial politeness: they say nothing of the subject.
_GENERIC = frozenset(
    (
        *("demander", "demande", "souhaiter", "vouloir", "indiquer", "savoir", "connaître"),
        *("préciser", "ministre", "gouvernement", "honorable", "parlementaire", "question"),
        *("attention", "attirer", "appeler", "intention", "mesure", "prendre", "envisager"),
        *("bien", "lui", "sujet", "matière", "point", "égard", "cadre", "faire", "pouvoir"),
        *("ministère", "secrétaire", "état", "sénateur", "député", "m.", "mme", "cas"),
        *("compter", "entendre", "falloir", "devoir", "aller", "donner", "rendre", "prier"),
        *("interroger", "éclairer", "fournir", "exposer", "renseigner", "position", "avis"),
    )
)
_TOPIC_THRESHOLD = 0.05  # answers rarely wander: a sentence needs only some link
_DEMAND_THRESHOLD = 0.30
_VECTOR_WEIGHT = 0.35
_FLOOR = 0.08
_ASKED_BONUS = 0.2
_ENDS = re.compile(r"[.!?»\"”)]\s*$")
_STUB = 40
_OWN_WORDS = 2  # a demand with fewer content lemmas than this is about the question's subject
# A quantity: digits that are not a bare year.
_AMOUNT = re.compile(
    r"\d[\d  ]*(?:,\d+)?\s*(?:%|p\.\s*100|euros?|francs?|millions?|milliards?|€|[a-z]{2,})", re.I
)


@dataclass(frozen=True, slots=True)
class ContentBag:
    """Content of a text for comparison: weighted lemmas, entity names, mean word vector."""

    lemmas: Counter[str]
    entities: frozenset[str]
    vector: np.ndarray | None
    moods: frozenset[str] = frozenset()  # "future", "conditional", "accomplished", "negated"


def content_bag(doc: Doc) -> ContentBag:
    """Weighted content lemmas, entities and mean vector of a parsed text."""
    lemmas: Counter[str] = Counter()
    vectors: list[np.ndarray] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in _CONTENT_POS or token.is_stop or lemma in _GENERIC or len(lemma) < 3:
            continue
        lemmas[lemma] += 1
        if token.has_vector:
            vectors.append(np.asarray(token.vector))
    vector = np.mean(np.stack(vectors), axis=0) if vectors else None
    # Names: the recogniser's entities when it ran, else the proper nouns (the NER pipe costs a
    # third of the parse time and finds the same places and bodies in these texts).
    entities = frozenset(e.text.lower() for e in doc.ents if len(e.text) > 2) | frozenset(
        t.text.lower() for t in doc if t.pos_ == "PROPN" and len(t.text) > 2
    )
    return ContentBag(lemmas, entities, vector, _moods(doc))


def _moods(doc: Doc) -> frozenset[str]:
    """How the sentence speaks: a future or an accomplished fact settles, a conditional hedges."""
    moods = set()
    for i, token in enumerate(doc):
        morph = token.morph
        if token.pos_ in ("VERB", "AUX"):
            if "Fut" in morph.get("Tense", []) and "Ind" in morph.get("Mood", []):
                moods.add("future")
            if "Cnd" in morph.get("Mood", []):
                moods.add("conditional")
            if (
                token.pos_ == "AUX"
                and "Pres" in morph.get("Tense", [])
                and i + 1 < len(doc)
                and "Part" in doc[i + 1].morph.get("VerbForm", [])
            ):
                moods.add("accomplished")
        if token.lower_ in ("pas", "aucun", "aucune", "rien", "jamais") and any(
            t.lower_ in ("ne", "n'", "n’") for t in doc[max(0, i - 4) : i]
        ):
            moods.add("negated")
    return frozenset(moods)


def _similarity(a: ContentBag, b: ContentBag, idf: dict[str, float]) -> float:
    if not a.lemmas or not b.lemmas:
        return 0.0
    shared = sum(idf.get(lemma, 1.0) for lemma in a.lemmas.keys() & b.lemmas.keys())
    norm_a = sum(idf.get(lemma, 1.0) for lemma in a.lemmas)
    norm_b = sum(idf.get(lemma, 1.0) for lemma in b.lemmas)
    lexical = shared / math.sqrt(norm_a * norm_b)
    cosine = 0.0
    if a.vector is not None and b.vector is not None:
        denominator = float(np.linalg.norm(a.vector) * np.linalg.norm(b.vector))
        if denominator:
            cosine = max(0.0, float(a.vector @ b.vector) / denominator)
    entity = 0.15 if a.entities & b.entities else 0.0
    # Vectors alone rate every administrative sentence alike: they only lift a lexical link.
    return lexical + _VECTOR_WEIGHT * max(0.0, cosine - 0.55) / 0.45 + entity


def _idf(bags: Sequence[ContentBag]) -> dict[str, float]:
    documents = Counter(lemma for bag in bags for lemma in bag.lemmas)
    total = len(bags) + 1
    return {lemma: math.log(1 + total / count) for lemma, count in documents.items()}


def align(
    question: ContentBag,
    demands: Sequence[tuple[Span, ContentBag]],
    sentences: Sequence[tuple[Sentence, ContentBag]],
) -> list[DemandCoverage]:
    """Verdict and evidence for each demand (bags come from `content_bag`)."""
    if not demands:
        return []
    topic, specific, bonus = score_matrices(question, demands, sentences)
    model = evidence_model()
    if model is not None:
        texts = [s.text for s, _ in sentences]
        evidence = model.select(pair_features(topic, specific, bonus, texts))
    else:
        evidence = _hand_selection(demands, sentences, topic, specific)
    results = []
    cut = bool(sentences) and not _ENDS.search(sentences[-1][0].text)
    for i, (span, _) in enumerate(demands):
        chosen = sorted(evidence[i])
        score = max((specific[i][j] + topic[j]) / 2 for j in chosen) if chosen else 0.0
        texts = [sentences[j][0].text for j in chosen]
        moods = (
            frozenset().union(*(sentences[j][1].moods for j in chosen)) if chosen else frozenset()
        )
        verdict, kind, reason = judge(
            span.text,
            texts,
            moods,
            n_sentences=len(sentences),
            n_demands=len(demands),
            cut=cut and bool(chosen) and chosen[-1] >= len(sentences) - 1,
            score=score,
        )
        results.append(
            DemandCoverage(
                demand=span,
                addressed=verdict,
                evidence=tuple(
                    Span(s.start, s.end, s.text) for s in (sentences[j][0] for j in chosen)
                ),
                score=min(1.0, score),
                asks=kind,
                reason=reason,
            )
        )
    return results


def score_matrices(
    question: ContentBag,
    demands: Sequence[tuple[Span, ContentBag]],
    sentences: Sequence[tuple[Sentence, ContentBag]],
) -> tuple[list[float], list[list[float]], list[list[float]]]:
    """Similarity of each sentence with the question, with each demand, and the asked bonus."""
    idf = _idf([question, *(bag for _, bag in sentences)])
    topic = [_similarity(question, bag, idf) for _, bag in sentences]
    bonus = [[_gives_what_is_asked(span.text, s.text) for s, _ in sentences] for span, _ in demands]
    specific = [
        [_similarity(bag, s_bag, idf) + bonus[i][j] for j, (_, s_bag) in enumerate(sentences)]
        for i, (_, bag) in enumerate(demands)
    ]
    return topic, specific, bonus


def _hand_selection(
    demands: Sequence[tuple[Span, ContentBag]],
    sentences: Sequence[tuple[Sentence, ContentBag]],
    topic: list[float],
    specific: list[list[float]],
) -> list[list[int]]:
    """The first selector: every sentence on topic goes to its best demand (no weights)."""
    evidence: list[list[int]] = [[] for _ in demands]
    for j in range(len(sentences)):
        if topic[j] < _TOPIC_THRESHOLD and max(row[j] for row in specific) < _DEMAND_THRESHOLD:
            continue
        if _is_stub(sentences[j][0].text, j == len(sentences) - 1):
            continue
        scores = [
            row[j] + _order_prior(i, len(demands), j, len(sentences))
            for i, row in enumerate(specific)
        ]
        best = max(range(len(demands)), key=lambda i: scores[i])
        evidence[best].append(j)
        for i, row in enumerate(specific):
            if i != best and row[j] >= _DEMAND_THRESHOLD + 0.1:
                evidence[i].append(j)
    for i, row in enumerate(specific):
        # A demand left without a sentence still gets its closest one when that one is on topic.
        if not evidence[i] and sentences:
            j = max(range(len(sentences)), key=lambda k: row[k] + topic[k])
            # Its own words, not just the question's topic: unless it has none of its own
            # ("clarifier ses intentions sur le sujet" is about the question's subject).
            own = row[j] if len(demands[i][1].lemmas) >= _OWN_WORDS else row[j] + topic[j]
            if own >= _FLOOR:
                evidence[i].append(j)
        evidence[i] = _fill_gaps(sorted(set(evidence[i])))
    return evidence


def _gives_what_is_asked(demand_text: str, sentence: str) -> float:
    """A sentence holding a figure serves a demand for a figure (a date, for a date)."""
    kind = asked_kind(demand_text)
    if kind == "figure" and _AMOUNT.search(sentence):
        return _ASKED_BONUS
    if kind == "date" and kind_given("date", sentence):
        return _ASKED_BONUS
    return 0.0


def _is_stub(text: str, last: bool) -> bool:
    """The few words an excerpt ends on ("Au-delà, le") say nothing yet."""
    return last and len(text) < _STUB and not _ENDS.search(text)


def _fill_gaps(chosen: list[int]) -> list[int]:
    """A sentence between two cited ones continues the same passage."""
    filled = set(chosen)
    for a, b in itertools.pairwise(chosen):
        if b - a == 2:
            filled.add(a + 1)
    return sorted(filled)


def _order_prior(i: int, n_demands: int, j: int, n_sentences: int) -> float:
    """Answers tend to follow the order of the demands: a small pull along the diagonal."""
    if n_demands == 1:
        return 0.0
    expected = (i + 0.5) / n_demands
    position = (j + 0.5) / n_sentences
    return 0.12 * (1.0 - abs(expected - position))


def judge(
    demand_text: str,
    evidence: Sequence[str],
    moods: frozenset[str] = frozenset(),
    *,
    n_sentences: int | None = None,
    n_demands: int = 1,
    cut: bool = False,
    score: float = 0.0,
) -> tuple[Addressed, str, str]:
    """Verdict from what the demand asks and what its evidence gives (plus a reason code).

    No evidence is "sans réponse"; a date or a figure asked and absent from the evidence is
    "partiellement" whatever the wording; otherwise the verdict model decides.
    """
    kind = asked_kind(demand_text)
    if not evidence:
        return Addressed.NO, kind, "no-evidence"
    joined = " ".join(evidence)
    if kind in ("date", "figure") and not kind_given(kind, joined):
        return Addressed.PARTLY, kind, f"no-{kind}"
    item = VerdictInput(
        demand=demand_text,
        kind=kind,
        evidence=tuple(evidence),
        moods=moods,
        n_sentences=n_sentences if n_sentences is not None else len(evidence),
        n_demands=n_demands,
        cut=cut,
        score=score,
    )
    verdict, reason = decide(item)
    return verdict, kind, reason
