"""Fit the coverage evidence and verdict models, cross-validated by pair; write their weights.

For every labelled demand the pipeline finds (span overlap >= 50 %), each answer sentence is
one example: the cues of `qe_desktop.nlp.evidence.pair_features` and whether the labels cite
it. A binary logistic regression (L2, standardised features, Newton steps in numpy) is scored
by 10-fold cross-validation grouped by pair (a file's sentences stay in one fold); the citing
thresholds are chosen on the out-of-fold probabilities. The verdict model is then scored on
that out-of-fold evidence, with the rules the app applies first (no evidence: "sans réponse";
a date or figure asked: given without a hedge or not). Every figure is the mean over
`SHUFFLES` assignments of pairs to folds (one assignment of ~100 pairs moves a verdict
accuracy by ±0.03). `--write` refits on all pairs and writes
`qe_desktop/nlp/coverage_weights.json`.

Sets (`--set`): `dev` (labels.json) or `train` = dev + the retired test split with its
ADJUDICATED labels (labels_adjudicated.json), allowed once split.json carries
`retired_test` (a fresh split, never read here, replaced it as the test). `--errors` prints
the verdict CV errors by asked kind; `--session5` scores the session-5 configuration (its
verdict cues, no neighbour rule) under the same protocol.

Run: `.venv/bin/python tools/train_coverage.py [--set dev|train] [--errors] [--write]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import coverage_cv as cv  # noqa: E402
from eval_coverage import load, overlap  # noqa: E402

from qe_desktop.domain.sentences import split_sentences  # noqa: E402
from qe_desktop.nlp import alignment, evidence, verdict  # noqa: E402
from qe_desktop.nlp.coverage import _DISABLED  # noqa: E402
from qe_desktop.nlp.demands import asked_kind, find_demands  # noqa: E402
from qe_desktop.nlp.logistic import WEIGHTS  # noqa: E402
from qe_desktop.nlp.pipeline import french  # noqa: E402

CS = (0.03, 0.1, 0.3, 1.0, 3.0)


@dataclass
class Demand:
    """One found, labelled dev demand with everything the selector and the verdict need."""

    file: str
    text: str
    gold_verdict: str
    gold: set[int]
    features: list[dict[str, float]]  # one per answer sentence
    args: dict[str, Any]  # what `alignment.judge` needs besides the evidence


def extract(names: list[str], labels: dict[str, Any]) -> tuple[list[Demand], int]:
    """Found demands of `names`; also the number of gold evidence sentences of demands missed."""
    nlp = french()
    rows: list[Demand] = []
    missed_gold = 0
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
    return rows, missed_gold


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


def choose(
    probabilities: np.ndarray, owner: np.ndarray, rows: list[Demand], params: tuple[float, ...]
) -> list[list[int]]:
    """The sentences cited for each demand, a question's demands competing for its sentences."""
    model = evidence.EvidenceModel(evidence.Logistic((), (), (), (), 0.0), *params)
    chosen: list[list[int]] = [[] for _ in rows]
    by_file: dict[str, list[int]] = {}
    for d_index, d in enumerate(rows):
        by_file.setdefault(d.file, []).append(d_index)
    for indexes in by_file.values():
        grid = [probabilities[owner == i].tolist() for i in indexes]
        links = getattr(evidence, "linked", None)  # absent from the session-5 code
        marks = links([rows[i].features for i in indexes]) if links else None
        for i, picked in zip(
            indexes, evidence.assign(grid, model, *([marks] if links else [])), strict=True
        ):
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
    """The verdicts the app gives before any model (`alignment.judge`, `verdict.by_rule`)."""
    if item is None:
        return "no"
    ruled = getattr(verdict, "by_rule", None)
    if ruled is None:  # the session-5 code (--session5 run on its checkout)
        if item.kind not in ("date", "figure"):
            return None
        return verdict.rules(item.kind, verdict.features(item)).value
    decided = ruled(item.kind, verdict.features(item))
    return None if decided is None else str(decided.value)


def verdict_cv(
    rows: list[Demand], chosen: list[list[int]], c: float, names: tuple[str, ...], shuffle: int
) -> tuple[float, float, list[str]]:
    """Accuracy of the logistic verdict (grouped CV) and of the decision list, same evidence.

    Also returns the CV predictions.
    """
    items = [verdict_input(d, ch) for d, ch in zip(rows, chosen, strict=True)]
    folds = cv.fold_of(np.array([d.file for d in rows]), shuffle)
    gold = [d.gold_verdict for d in rows]
    free = [i for i, item in enumerate(items) if forced(item) is None]
    x = np.array([[verdict.features(items[i])[n] for n in names] for i in free])  # type: ignore[arg-type]
    y = np.array([float(gold[i] == "yes") for i in free])
    predicted = {i: forced(item) for i, item in enumerate(items)}
    f = folds[free]
    for fold in range(cv.FOLDS):
        train, test = f != fold, f == fold
        if not test.any():
            continue
        mean, scale = x[train].mean(axis=0), x[train].std(axis=0)
        scale[scale == 0] = 1.0
        coef, bias = cv.fit((x[train] - mean) / scale, y[train], c)
        z = ((x[test] - mean) / scale) @ coef + bias
        for i, value in zip(np.array(free)[test], z, strict=True):
            predicted[int(i)] = "yes" if value >= 0 else "partly"
    model_acc = sum(predicted[i] == g for i, g in enumerate(gold)) / len(gold)
    rules = [
        forced(item) or verdict.rules(item.kind, verdict.features(item)).value  # type: ignore[union-attr]
        for item in items
    ]
    rules_acc = sum(r == g for r, g in zip(rules, gold, strict=True)) / len(gold)
    return model_acc, rules_acc, [str(predicted[i]) for i in range(len(gold))]


def fit_verdict(
    rows: list[Demand], chosen: list[list[int]], c: float, names: tuple[str, ...]
) -> dict[str, Any]:
    items = [verdict_input(d, ch) for d, ch in zip(rows, chosen, strict=True)]
    free = [(item, d) for item, d in zip(items, rows, strict=True) if forced(item) is None]
    x = np.array([[verdict.features(item)[n] for n in names] for item, _ in free])  # type: ignore[arg-type]
    y = np.array([float(d.gold_verdict == "yes") for _, d in free])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, bias = cv.fit((x - mean) / scale, y, c)
    return cv.section(names, mean, scale, coef, bias)


# The floor is fixed, not fitted: dev has six "sans réponse" demands and its dense labels make
# any floor from 0 to 0.5 score alike (evidence F1 0.81-0.82), but without one a demand whose
# candidate sentences all serve other demands would never be "sans réponse" (no Élusion).
FLOOR = 0.2
NEAR = (1.01, 0.3, 0.2)  # the neighbour rule: off, or its threshold
GRID = [
    (t, a, FLOOR, *((n,) if n <= 1 else ()))
    for t in (0.2, 0.3, 0.4, 0.5, 0.6)
    for a in (0.5, 0.6, 0.7, 0.8, 1.01)
    for n in NEAR
    if a >= t
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("dev", "train"), default="train")
    parser.add_argument("--write", action="store_true", help="write coverage_weights.json")
    parser.add_argument("--errors", action="store_true", help="verdict CV errors by kind")
    parser.add_argument("--session5", action="store_true", help="session-5 cues and rules")
    args = parser.parse_args()
    names, labels = cv.load_set(args.set)
    rows, missed = extract(names, labels)
    x, y, owner, files = matrix(rows)
    print(
        f"{args.set}: {len(names)} pairs, {len(rows)} found demands, {len(y)} (demand, sentence) "
        f"pairs, {int(y.sum())} cited; {cv.SHUFFLES} shuffles of {cv.FOLDS} folds grouped by pair"
    )
    grid = [g for g in GRID if len(g) == 3] if args.session5 else GRID
    shuffles = range(cv.SHUFFLES)
    oofs = {(c, k): cv.out_of_fold(x, y, cv.fold_of(files, k), c) for c in CS for k in shuffles}
    results = []
    for c in CS:
        for params in grid:
            scores = [
                evidence_scores(rows, choose(oofs[c, k], owner, rows, params), missed)
                for k in range(cv.SHUFFLES)
            ]
            p, r, f = (cv.mean([sc[m] for sc in scores]) for m in range(3))
            results.append((round(f, 3), round(p, 3), round(r, 3), c, params))
    # Best F1, then the higher precision among those within 0.005 of it.
    top = max(res[0] for res in results)
    f, p, r, c, params = max((res for res in results if res[0] >= top - 0.005), key=lambda t: t[1])
    print(
        f"evidence C={c} (threshold, also, floor[, near])={params}: P={p:.2f} R={r:.2f} F1={f:.2f}"
    )
    chosen = [choose(oofs[c, k], owner, rows, params) for k in range(cv.SHUFFLES)]
    candidates = (
        {"session5": getattr(verdict, "SESSION5_FEATURES", verdict.MODEL_FEATURES)}
        if args.session5
        else verdict.CANDIDATE_FEATURES
    )
    best: tuple[float, str, float] = (-1.0, "", 0.0)
    retired = np.array([d.file not in set(cv.load_set("dev")[0]) for d in rows])
    for set_name, cues in candidates.items():
        line = []
        for vc in CS:
            runs = [verdict_cv(rows, chosen[k], vc, cues, k) for k in range(cv.SHUFFLES)]
            acc = cv.mean([run[0] for run in runs])
            line.append(f"C={vc} {acc:.3f}{_parts(rows, runs, retired)}")
            best = max(best, (round(acc, 3), set_name, vc), key=lambda t: t[0])
        rules_acc = cv.mean([run[1] for run in runs])
        print(
            f"  verdict cues {set_name:<14} "
            + ", ".join(line)
            + f" | decision list {rules_acc:.3f}"
        )
    acc, set_name, verdict_c = best
    cues = candidates[set_name]
    print(f"verdict cues {set_name} C={verdict_c}: accuracy on found demands {acc:.2f}")
    if retired.any():
        for label, mask in (("dev pairs", ~retired), ("retired test pairs", retired)):
            part = [d for d, m in zip(rows, mask, strict=True) if m]
            sc = [
                evidence_scores(part, [ch for ch, m in zip(chosen[k], mask, strict=True) if m], 0)
                for k in range(cv.SHUFFLES)
            ]
            f1 = cv.mean([s[2] for s in sc])
            print(f"  evidence on {label}: F1 {f1:.2f} (demands not found not counted)")
    if args.errors:
        print_errors(rows, chosen[0], verdict_cv(rows, chosen[0], verdict_c, cues, 0)[2])
    if args.write:
        write(args.set, x, y, rows, chosen[0], (c, params, p, r, f), (cues, verdict_c, acc))
    return 0


def _parts(rows: list[Demand], runs: list[Any], retired: np.ndarray) -> str:
    """Accuracy on the dev pairs / the retired test pairs, when both are in."""
    if not retired.any():
        return ""
    gold = [d.gold_verdict for d in rows]
    acc = [
        cv.mean([cv.mean([run[2][i] == gold[i] for i in np.flatnonzero(mask)]) for run in runs])
        for mask in (~retired, retired)
    ]
    return f" ({acc[0]:.2f}/{acc[1]:.2f})"


def print_errors(rows: list[Demand], chosen: list[list[int]], predicted: list[str]) -> None:
    """Verdict CV errors (first shuffle) by asked kind: gold -> predicted."""
    counts: dict[tuple[str, str, str], int] = {}
    for d, ch, guess in zip(rows, chosen, predicted, strict=True):
        item = verdict_input(d, ch)
        kind = item.kind if item is not None else "-"
        key = (kind, d.gold_verdict, guess)
        counts[key] = counts.get(key, 0) + 1
    for kind in sorted({k for k, _, _ in counts}):
        cells = {(g, p): n for (k, g, p), n in counts.items() if k == kind}
        total = sum(cells.values())
        right = sum(n for (g, p), n in cells.items() if g == p)
        wrong = ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(cells.items()) if g != p)
        print(f"  {kind:<8} {right}/{total} right; errors: {wrong or '-'}")


def write(
    set_name: str,
    x: np.ndarray,
    y: np.ndarray,
    rows: list[Demand],
    chosen: list[list[int]],
    ev: tuple[Any, ...],
    vd: tuple[Any, ...],
) -> None:
    c, params, p, r, f = ev
    cues, verdict_c, acc = vd
    mean_, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, bias = cv.fit((x - mean_) / scale, y, c)
    about = {
        "dev": "the dev split only",
        "train": "dev + the retired test split (adjudicated labels); the fresh split is not read",
    }[set_name]
    payload = {
        "_about": f"Fitted by tools/train_coverage.py on {about}; figures are 10-fold "
        f"cross-validated by pair, mean of {cv.SHUFFLES} shuffles.",
        "evidence": {
            **cv.section(evidence.FEATURES, mean_, scale, coef, bias),
            "threshold": params[0],
            "also": params[1],
            "floor": params[2],
            **({"near": params[3]} if len(params) > 3 else {}),
            "c": c,
            "trained_on": {"dev": "dev", "train": "dev + retired test"}[set_name],
            "cv": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)},
        },
        "verdict": {
            **fit_verdict(rows, chosen, verdict_c, cues),
            "c": verdict_c,
            "cv_accuracy": round(acc, 3),
        },
    }
    WEIGHTS.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    for name, value in zip(evidence.FEATURES, payload["evidence"]["coef"], strict=True):
        print(f"  evidence {name:<14} {value:+.2f}")
    for name, value in zip(cues, payload["verdict"]["coef"], strict=True):
        print(f"  verdict  {name:<14} {value:+.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
