"""The rows the coverage training tool learns from: each labelled demand the pipeline finds,
with the cues of every answer sentence and what the verdict reads (`train_coverage.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import coverage_cv as cv
import numpy as np
from eval_coverage import load, overlap

from qe_desktop.domain.sentences import split_sentences
from qe_desktop.nlp import alignment, evidence, verdict
from qe_desktop.nlp.coverage import _DISABLED
from qe_desktop.nlp.demands import asked_kind, find_demands
from qe_desktop.nlp.pipeline import french


@dataclass
class Demand:
    """One found, labelled dev demand with everything the selector and the verdict need."""

    file: str
    chamber: str
    period: str
    text: str
    gold_verdict: str
    gold: set[int]
    features: list[dict[str, float]]  # one per answer sentence
    args: dict[str, Any]  # what `alignment.judge` needs besides the evidence


def extract(names: list[str], labels: dict[str, Any]) -> tuple[list[Demand], dict[str, int]]:
    """Found demands of `names`; also each file's gold evidence sentences of demands missed."""
    nlp = french()
    rows: list[Demand] = []
    missed_gold: dict[str, int] = {}
    for name in names:
        record = load(name)
        question, answer = record.question_text, record.answer_text or ""
        demands = find_demands(question)
        sentences = split_sentences(answer)
        gold_demands = labels[name]["demands"]
        index_by_text = {s.text: i for i, s in enumerate(sentences)}
        if not demands or not sentences:
            missed_gold[name] = sum(len(g["evidence"]) for g in gold_demands)
            continue
        texts = [question, *(d.text for d in demands), *(s.text for s in sentences)]
        bags = [alignment.content_bag(doc) for doc in nlp.pipe(texts, disable=list(_DISABLED))]
        d_pairs = list(zip(demands, bags[1 : 1 + len(demands)], strict=True))
        s_pairs = list(zip(sentences, bags[1 + len(demands) :], strict=True))
        topic, specific, bonus = alignment.score_matrices(bags[0], d_pairs, s_pairs)
        feats = evidence.pair_features(topic, specific, bonus, [s.text for s in sentences])
        cut = not alignment._ENDS.search(sentences[-1].text)
        matches = sorted(
            (
                (overlap((g["start"], g["end"]), (p.start, p.end)), gi, pi)
                for gi, g in enumerate(gold_demands)
                for pi, p in enumerate(demands)
            ),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        for value, gi, pi in matches:
            if value < 0.5 or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g = gold_demands[gi]
            rows.append(
                Demand(
                    file=name,
                    chamber=name.split("/")[0],
                    period=cv.period_of(
                        record.published_on.year if record.published_on else None,
                        record.legislature,
                    ),
                    text=demands[pi].text,
                    gold_verdict=g["addressed"],
                    gold={index_by_text[t] for t in g["evidence"]},
                    features=feats[pi],
                    args={
                        "sentences": [s.text for s in sentences],
                        "moods": [b.moods for _, b in s_pairs],
                        "n_demands": len(demands),
                        "cut": cut,
                        "specific": specific[pi],
                        "topic": topic,
                    },
                )
            )
        missed_gold[name] = sum(
            len(g["evidence"]) for gi, g in enumerate(gold_demands) if gi not in used_g
        )
    return rows, missed_gold


def matrix(
    rows: list[Demand], names: tuple[str, ...] = evidence.FEATURES
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pair matrix x over the cues `names`, labels y, the demand index and the file of each pair."""
    x, y, owner, files = [], [], [], []
    for d_index, d in enumerate(rows):
        for j, values in enumerate(d.features):
            x.append([values[n] for n in names])
            y.append(float(j in d.gold))
            owner.append(d_index)
            files.append(d.file)
    return np.array(x), np.array(y), np.array(owner), np.array(files)


def verdict_input(d: Demand, chosen: list[int]) -> verdict.VerdictInput | None:
    """What the verdict reads for this demand and evidence (None: no evidence, "no")."""
    a = d.args
    c = sorted(chosen)
    if not c:
        return None
    return verdict.VerdictInput(
        demand=d.text,
        kind=asked_kind(d.text),
        evidence=tuple(a["sentences"][j] for j in c),
        moods=frozenset().union(*(a["moods"][j] for j in c)),
        n_sentences=len(a["sentences"]),
        n_demands=a["n_demands"],
        cut=a["cut"] and c[-1] >= len(a["sentences"]) - 1,
        score=max((a["specific"][j] + a["topic"][j]) / 2 for j in c),
    )


def forced(item: verdict.VerdictInput | None, values: dict[str, float] | None = None) -> str | None:
    """The verdicts the app gives before any model (`alignment.judge`, `verdict.by_rule`)."""
    if item is None:
        return "no"
    values = values if values is not None else verdict.features(item)
    decided = verdict.by_rule(item.kind, values)
    return None if decided is None else str(decided.value)
