"""Fit the coverage evidence model on the dev split, cross-validated by pair; write its weights.

For every labelled dev demand the pipeline finds (span overlap >= 50 %), each answer
sentence is one example: the cues of `qe_desktop.nlp.evidence.pair_features` and whether
the labels cite it. A binary logistic regression (L2, standardised features, Newton steps
in numpy) is scored by 10-fold cross-validation grouped by pair (a file's sentences stay in
one fold); the citing threshold and the floor are chosen on the out-of-fold probabilities,
and the verdicts the rules then give are scored too, beside the hand selector on the same
demands. `--write` refits on all dev pairs and writes `qe_desktop/nlp/coverage_weights.json`.
The test split is never read.

Run: `.venv/bin/python tools/train_coverage.py [--write]`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eval_coverage import DATA, load, overlap  # noqa: E402

from qe_desktop.domain.sentences import split_sentences  # noqa: E402
from qe_desktop.nlp import alignment, evidence, verdict  # noqa: E402
from qe_desktop.nlp.coverage import _DISABLED  # noqa: E402
from qe_desktop.nlp.demands import asked_kind, find_demands  # noqa: E402
from qe_desktop.nlp.logistic import WEIGHTS  # noqa: E402
from qe_desktop.nlp.pipeline import french  # noqa: E402

FOLDS = 10
CS = (0.03, 0.1, 0.3, 1.0, 3.0)


@dataclass
class Demand:
    """One found, labelled dev demand with everything the selector and the verdict need."""

    file: str
    text: str
    gold_verdict: str
    gold: set[int]
    features: list[dict[str, float]]  # one per answer sentence
    hand: list[int]  # the hand selector's choice
    args: dict[str, Any]  # what `alignment.judge` needs besides the evidence


def extract(names: list[str], labels: dict[str, Any]) -> tuple[list[Demand], int, int]:
    """Found demands of `names`; also the gold evidence of demands not found, and spurious."""
    nlp = french()
    rows: list[Demand] = []
    missed_gold = 0
    spurious_hand = 0
    for name in names:
        record = load(name)
        question, answer = record.question_text, record.answer_text or ""
        demands = find_demands(question)
        sentences = split_sentences(answer)
        gold_demands = labels[name]["demands"]
        index_by_text = {s.text: i for i, s in enumerate(sentences)}
        if not demands or not sentences:
            missed_gold += sum(len(g["evidence"]) for g in gold_demands)
            continue
        texts = [question, *(d.text for d in demands), *(s.text for s in sentences)]
        bags = [alignment.content_bag(doc) for doc in nlp.pipe(texts, disable=list(_DISABLED))]
        d_pairs = list(zip(demands, bags[1 : 1 + len(demands)], strict=True))
        s_pairs = list(zip(sentences, bags[1 + len(demands) :], strict=True))
        topic, specific, bonus = alignment.score_matrices(bags[0], d_pairs, s_pairs)
        hand = alignment._hand_selection(d_pairs, s_pairs, topic, specific)
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
                    text=demands[pi].text,
                    gold_verdict=g["addressed"],
                    gold={index_by_text[t] for t in g["evidence"]},
                    features=feats[pi],
                    hand=hand[pi],
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
        missed_gold += sum(
            len(g["evidence"]) for gi, g in enumerate(gold_demands) if gi not in used_g
        )
        spurious_hand += sum(len(hand[pi]) for pi in range(len(demands)) if pi not in used_p)
    return rows, missed_gold, spurious_hand


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """L2 logistic regression by Newton steps; x standardised. Returns (coef, bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], 1.0 / c)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        gradient = xb.T @ (p - y) + penalty * w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def matrix(rows: list[Demand]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pair matrix x, labels y, the demand index and the file of each pair."""
    x, y, owner, files = [], [], [], []
    for d_index, d in enumerate(rows):
        for j, values in enumerate(d.features):
            x.append([values[n] for n in evidence.FEATURES])
            y.append(float(j in d.gold))
            owner.append(d_index)
            files.append(d.file)
    return np.array(x), np.array(y), np.array(owner), np.array(files)


def fold_of(files: np.ndarray) -> np.ndarray:
    unique = sorted(set(files.tolist()), key=lambda f: hashlib.sha1(f.encode()).hexdigest())
    index = {f: i % FOLDS for i, f in enumerate(unique)}
    return np.array([index[f] for f in files])


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, c: float) -> np.ndarray:
    probabilities = np.zeros(len(y))
    for fold in range(FOLDS):
        train, test = folds != fold, folds == fold
        mean, scale = x[train].mean(axis=0), x[train].std(axis=0)
        scale[scale == 0] = 1.0
        coef, bias = fit((x[train] - mean) / scale, y[train], c)
        probabilities[test] = 1.0 / (1.0 + np.exp(-(((x[test] - mean) / scale) @ coef + bias)))
    return probabilities


def choose(
    probabilities: np.ndarray, owner: np.ndarray, rows: list[Demand], params: tuple[float, ...]
) -> list[list[int]]:
    """The sentences cited for each demand, a question's demands competing for its sentences."""
    threshold, also, floor = params
    model = evidence.EvidenceModel(evidence.Logistic((), (), (), (), 0.0), threshold, also, floor)
    chosen: list[list[int]] = [[] for _ in rows]
    by_file: dict[str, list[int]] = {}
    for d_index, d in enumerate(rows):
        by_file.setdefault(d.file, []).append(d_index)
    for indexes in by_file.values():
        grid = [probabilities[owner == i].tolist() for i in indexes]
        for i, picked in zip(indexes, evidence.assign(grid, model), strict=True):
            chosen[i] = picked
    return chosen


def evidence_scores(
    rows: list[Demand], chosen: list[list[int]], extra_fn: int
) -> tuple[float, ...]:
    tp = sum(len(set(c) & d.gold) for c, d in zip(chosen, rows, strict=True))
    fp = sum(len(set(c) - d.gold) for c, d in zip(chosen, rows, strict=True))
    fn = sum(len(d.gold - set(c)) for c, d in zip(chosen, rows, strict=True)) + extra_fn
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


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


def forced(item: verdict.VerdictInput | None) -> str | None:
    """The verdicts no model overrides: no evidence, or a date/figure asked and not given."""
    if item is None:
        return "no"
    if item.kind in ("date", "figure") and not verdict.kind_given(
        item.kind, " ".join(item.evidence)
    ):
        return "partly"
    return None


def verdict_cv(rows: list[Demand], chosen: list[list[int]], c: float) -> tuple[float, float]:
    """Accuracy of the logistic verdict (grouped CV) and of the decision list, same evidence."""
    items = [verdict_input(d, ch) for d, ch in zip(rows, chosen, strict=True)]
    folds = fold_of(np.array([d.file for d in rows]))
    gold = [d.gold_verdict for d in rows]
    free = [i for i, item in enumerate(items) if forced(item) is None]
    x = np.array([[verdict.features(items[i])[n] for n in verdict.MODEL_FEATURES] for i in free])  # type: ignore[arg-type]
    y = np.array([float(gold[i] == "yes") for i in free])
    predicted = {i: forced(item) for i, item in enumerate(items)}
    f = folds[free]
    for fold in range(FOLDS):
        train, test = f != fold, f == fold
        if not test.any():
            continue
        mean, scale = x[train].mean(axis=0), x[train].std(axis=0)
        scale[scale == 0] = 1.0
        coef, bias = fit((x[train] - mean) / scale, y[train], c)
        z = ((x[test] - mean) / scale) @ coef + bias
        for i, value in zip(np.array(free)[test], z, strict=True):
            predicted[int(i)] = "yes" if value >= 0 else "partly"
    model_acc = sum(predicted[i] == g for i, g in enumerate(gold)) / len(gold)
    rules = [
        forced(item) or verdict.rules(item.kind, verdict.features(item)).value  # type: ignore[union-attr]
        for item in items
    ]
    return model_acc, sum(r == g for r, g in zip(rules, gold, strict=True)) / len(gold)


def fit_verdict(rows: list[Demand], chosen: list[list[int]], c: float) -> dict[str, Any]:
    items = [verdict_input(d, ch) for d, ch in zip(rows, chosen, strict=True)]
    free = [(item, d) for item, d in zip(items, rows, strict=True) if forced(item) is None]
    x = np.array([[verdict.features(item)[n] for n in verdict.MODEL_FEATURES] for item, _ in free])  # type: ignore[arg-type]
    y = np.array([float(d.gold_verdict == "yes") for _, d in free])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, bias = fit((x - mean) / scale, y, c)
    return _section(verdict.MODEL_FEATURES, mean, scale, coef, bias)


def _section(names: Any, mean: Any, scale: Any, coef: Any, bias: float) -> dict[str, Any]:
    return {
        "names": list(names),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "bias": round(bias, 6),
    }


# The floor is fixed, not fitted: dev has six "sans réponse" demands and its dense labels make
# any floor from 0 to 0.5 score alike (evidence F1 0.81-0.82), but without one a demand whose
# candidate sentences all serve other demands would never be "sans réponse" (no Élusion).
FLOOR = 0.2
GRID = [
    (t, a, FLOOR) for t in (0.2, 0.3, 0.4, 0.5, 0.6) for a in (0.5, 0.6, 0.7, 0.8, 1.01) if a >= t
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write coverage_weights.json")
    args = parser.parse_args()
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]
    split = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    rows, missed, _ = extract(split["dev"], labels)
    x, y, owner, files = matrix(rows)
    folds = fold_of(files)
    hand = [d.hand for d in rows]
    print(f"{len(rows)} found dev demands, {len(y)} (demand, sentence) pairs, {int(y.sum())} cited")
    p, r, f = evidence_scores(rows, hand, missed)
    model_acc, rules_acc = verdict_cv(rows, hand, 0.1)
    print(
        f"hand selector (in-sample): evidence P={p:.2f} R={r:.2f} F1={f:.2f}; "
        f"decision list {rules_acc:.2f} (in-sample), logistic verdict CV {model_acc:.2f}"
    )
    # Best F1, then the higher precision among those within 0.005 of it.
    results = []
    for c in CS:
        oof = out_of_fold(x, y, folds, c)
        for params in GRID:
            p, r, f = evidence_scores(rows, choose(oof, owner, rows, params), missed)
            results.append((round(f, 3), round(p, 3), c, params))
    top = max(f for f, *_ in results)
    f, _, c, params = max((res for res in results if res[0] >= top - 0.005), key=lambda t: t[1])
    oof = out_of_fold(x, y, folds, c)
    chosen = choose(oof, owner, rows, params)
    p, r, f = evidence_scores(rows, chosen, missed)
    print(
        f"evidence model C={c} (threshold, also, floor)={params}, cross-validated: "
        f"P={p:.2f} R={r:.2f} F1={f:.2f}"
    )
    verdict_c, best_acc = 0.1, -1.0
    for vc in CS:
        model_acc, rules_acc = verdict_cv(rows, chosen, vc)
        print(
            f"  verdict on that evidence: logistic C={vc} CV {model_acc:.2f}, "
            f"decision list {rules_acc:.2f}"
        )
        if model_acc > best_acc:
            verdict_c, best_acc = vc, model_acc
    if args.write:
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        coef, bias = fit((x - mean) / scale, y, c)
        payload = {
            "_about": "Fitted by tools/train_coverage.py on the dev split only; figures are "
            "10-fold cross-validated by pair.",
            "evidence": {
                **_section(evidence.FEATURES, mean, scale, coef, bias),
                "threshold": params[0],
                "also": params[1],
                "floor": params[2],
                "c": c,
                "cv": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)},
            },
            "verdict": {
                **fit_verdict(rows, chosen, verdict_c),
                "c": verdict_c,
                "cv_accuracy": round(best_acc, 3),
            },
        }
        WEIGHTS.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        for name, value in zip(evidence.FEATURES, payload["evidence"]["coef"], strict=True):
            print(f"  evidence {name:<14} {value:+.2f}")
        for name, value in zip(verdict.MODEL_FEATURES, payload["verdict"]["coef"], strict=True):
            print(f"  verdict  {name:<14} {value:+.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
