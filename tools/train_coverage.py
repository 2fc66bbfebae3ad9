"""Fit the coverage evidence and verdict models, cross-validated by pair; write their weights.

For every labelled demand the pipeline finds (span overlap >= 50 %), each answer sentence is
one example: the cues of `qe_desktop.nlp.evidence.pair_features` and whether the labels cite
it. A binary logistic regression (L2, standardised features, Newton steps in numpy) is scored
by cross-validation grouped by pair (a file's sentences stay in one fold) under three
protocols (`coverage_cv.PROTOCOLS`): 10 shuffled folds (the mean over `SHUFFLES` assignments:
one assignment of ~100 pairs moves a verdict accuracy by ±0.03), leave one chamber out, and
leave one period out (new ground, as unseen answers are). The citing thresholds are chosen on
the out-of-fold probabilities by the mean of the shuffled figure and the held-out ones; the
verdict model is then scored on that out-of-fold evidence, with the rules the app applies first
(no evidence: "sans réponse"; `verdict.by_rule`). `--write` refits on all pairs and writes
`qe_desktop/nlp/coverage_weights.json`.

Sets (`--set`): `dev` (labels.json) or `train` = dev + the retired test split with its
ADJUDICATED labels (labels_adjudicated.json), allowed once split.json carries
`retired_test` (a fresh split, never read here, replaced it as the test). `--errors` prints
the verdict confusion by kind of demand under each protocol. Session 6's evidence
configuration is scored beside the chosen one (`SESSION6`).

Run: `.venv/bin/python tools/train_coverage.py [--set dev|train] [--errors] [--write]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import coverage_cv as cv  # noqa: E402
import coverage_report as report  # noqa: E402
from coverage_rows import Demand, extract, matrix  # noqa: E402
from coverage_verdict import BASELINES, fit_verdict, verdict_cv  # noqa: E402

from qe_desktop.nlp import evidence, verdict  # noqa: E402
from qe_desktop.nlp.logistic import WEIGHTS  # noqa: E402

CS = (0.03, 0.1, 0.3, 1.0, 3.0)


def choose(
    probabilities: np.ndarray, owner: np.ndarray, rows: list[Demand], params: tuple[float, ...]
) -> list[list[int]]:
    """The sentences cited for each demand, a question's demands competing for its sentences."""
    t, a, floor, near, top_k, relative, *rest = params
    model = evidence.EvidenceModel(
        evidence.Logistic((), (), (), (), 0.0),
        t,
        a,
        floor,
        near,
        int(top_k),
        relative,
        int(rest[0]) if rest else 0,
        int(rest[1]) if len(rest) > 1 else 0,
    )
    chosen: list[list[int]] = [[] for _ in rows]
    by_file: dict[str, list[int]] = {}
    for d_index, d in enumerate(rows):
        by_file.setdefault(d.file, []).append(d_index)
    for indexes in by_file.values():
        grid = [probabilities[owner == i].tolist() for i in indexes]
        features = [rows[i].features for i in indexes]
        picks = evidence.assign(
            grid,
            model,
            evidence.linked(features),
            evidence.continuing(features),
            evidence.opening(features),
        )
        for i, picked in zip(indexes, picks, strict=True):
            chosen[i] = picked
    return chosen


def evidence_scores(
    rows: list[Demand],
    chosen: list[list[int]],
    missed: dict[str, int],
    tested: set[str] | None = None,
) -> tuple[float, ...]:
    """Precision, recall, F1 over the demands of the `tested` files (all by default)."""
    pairs = [(set(c), d) for c, d in zip(chosen, rows, strict=True)]
    if tested is not None:
        pairs = [(c, d) for c, d in pairs if d.file in tested]
    extra_fn = sum(n for f, n in missed.items() if tested is None or f in tested)
    tp = sum(len(c & d.gold) for c, d in pairs)
    fp = sum(len(c - d.gold) for c, d in pairs)
    fn = sum(len(d.gold - c) for c, d in pairs) + extra_fn
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# The floor is fixed, not fitted: dev has six "sans réponse" demands and its dense labels make
# any floor from 0 to 0.5 score alike (evidence F1 0.81-0.82), but without one a demand whose
# candidate sentences all serve other demands would never be "sans réponse" (no Élusion).
FLOOR = 0.2
EVIDENCE_CS = (0.1, 0.3)
# (threshold, also, floor, near, top_k, relative, opening, passage): near > 1 is off; top_k 0 is
# no cap; passage 0 is off.
SESSION6 = ("session7", 0.1, (0.2, 0.8, FLOOR, 1.01, 0, 0.0, 0, 0))
SESSION7 = ("session7", 0.1, (0.2, 0.8, FLOOR, 0.3, 0, 0.0, 1, 0))
# Session 7 tried 0.01 (more precision for a little F1): it picked the opening rule's legal
# level (2), which cost recall on the pairs labelled in session 7 (--since): best F1 again.
TOLERANCE = 0.003
PRECISE = 0.76  # also shown: the best F1 at this precision or more (fewer sentences)
# The verdict method shipped, or None for the best by `heldout` accuracy.
# Session 7: "kinds", as pre-registered before the session-7 pairs arrived (commit 9e94ee9): on
# those 11 demands the list scored 7, the regressions 6; shuffled CV 0.654 vs 0.675, held-out
# CV equal, retired test pairs 0.65-0.68 vs 0.57-0.62 (the regressions fit the dev labelling).
VERDICT_METHOD: str | None = "kinds8"
# Session 9, by the rule registered in tests/data/coverage/DECISION_s9.md: "guide9" (chosen by
# `pick_verdict` below) scored 45/100 pooled over the two unseen splits against kinds8's 44/100,
# short of the +0.03 the rule asks: kinds8 stays shipped.
# Session 8, registered in a commit before the relabelled pairs reached this branch: the figure is
# `heldout` verdict accuracy on found demands with the chosen evidence; the better of the two
# lists ("kinds8" on a tie: it is the guide's rule) is shipped unless a regression beats it by
# `MARGIN` or more (about 3 of ~157 demands: the regressions fit the labelling, the lists have
# nothing to fit).
MARGIN = 0.02
# Session 9 (issue #20, written before the session-9 list was scored; the session-8 list scored
# 0.71 in every CV protocol and 0.43 / 0.45 on the unseen splits, below "répondue" everywhere):
# CV is in-sample for the wording of hand-written cues, so the figure is new ground only
# (`ground`: leave one chamber out, one period out; the 11-demand `collection` protocol is
# printed beside it), every candidate must beat every baseline (`BASELINES`) on each held-out
# ground protocol, and a list within `TIE` (3 of 157 demands) of the best gives way to the
# simpler one, in the order of `LISTS` (fewest rules first). A regression still needs `MARGIN`.
TIE = 0.02
LISTS = ("guide9", "kinds", "kinds8")
# Session 8: thresholds up to 0.7 (relabelled pairs cite fewer sentences: lower probabilities),
# the passage rule; the `also` level and a cap of 4 never won in session 7.
GRID = [
    (t, 0.8, FLOOR, n, k, r, o, g)
    for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
    for n in (1.01, 0.3)
    for k in (0, 2, 3)
    for r in (0.0, 0.5, 0.7)
    for o in (0, 1, 2)
    for g in (0, 2)
]


def ground(scores: dict[str, float]) -> float:
    """Session 9's verdict figure: new ground only (leave one chamber out, one period out)."""
    return (scores["chamber"] + scores["period"]) / 2


def pick_verdict(scored: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    """The shipped verdict method by the session-9 rule (see `TIE`)."""
    accuracy = {t[1]: {p: v[0] for p, v in t[3].items()} for t in scored}
    baselines = [t for t in scored if t[2][0] in BASELINES]

    def beats_baselines(t: tuple[Any, ...]) -> bool:
        return all(
            accuracy[t[1]][p] > accuracy[b[1]][p]
            for b in baselines
            for p in cv.HELD_OUT_GROUND
            if p in accuracy[t[1]]
        )

    lists = [t for t in scored if t[2][0] in LISTS and beats_baselines(t)]
    best = max(ground(accuracy[t[1]]) for t in lists)
    best_list = min(
        (t for t in lists if ground(accuracy[t[1]]) >= best - TIE),
        key=lambda t: LISTS.index(t[2][0]),
    )
    regressions = [t for t in scored if t[2][0] == "model" and beats_baselines(t)]
    if not regressions:
        return best_list
    best_model = max(regressions, key=lambda t: ground(accuracy[t[1]]))
    gain = ground(accuracy[best_model[1]]) - ground(accuracy[best_list[1]])
    return best_model if gain >= MARGIN else best_list


def _accuracy(rows: list[Demand], predicted: list[str], mask: np.ndarray) -> float:
    """Accuracy over the tested demands where `mask` holds (NaN: none)."""
    pairs = [(d, p) for d, p, m in zip(rows, predicted, mask, strict=True) if m and p != "-"]
    return sum(p == d.gold_verdict for d, p in pairs) / len(pairs) if pairs else float("nan")


def heldout(scores: dict[str, float]) -> float:
    """One figure per configuration: shuffled folds and new ground (chamber, period) alike."""
    return (scores["shuffled"] + (scores["chamber"] + scores["period"]) / 2) / 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("dev", "train"), default="train")
    parser.add_argument("--write", action="store_true", help="write coverage_weights.json")
    parser.add_argument("--errors", action="store_true", help="verdict confusion by kind")
    parser.add_argument(
        "--since",
        metavar="REV",
        help="also: fit on the pairs at REV only, "
        "score the pairs labelled since (a check on pairs no choice has seen)",
    )
    args = parser.parse_args()
    names, labels = cv.load_set(args.set)
    rows, missed = extract(names, labels)
    _, y, owner, files = matrix(rows)
    xs = {fs: matrix(rows, cues)[0] for fs, cues in evidence.CANDIDATE_FEATURES.items()}
    s7 = cv.session7_pairs()
    groups = {
        "chamber": np.array([rows[i].chamber for i in owner]),
        "period": np.array([rows[i].period for i in owner]),
        cv.COLLECTION: np.array(["new" if f in s7 else "old" for f in files.tolist()]),
    }
    # The evidence is still chosen by shuffled, chamber and period (`heldout`); the collection
    # protocol is scored for the report and the verdict.
    protocols = (*cv.PROTOCOLS, cv.COLLECTION)
    if args.since:
        old = set(cv.pairs_at(args.since, args.set))
        groups["since"] = np.array(["old" if f in old else "new" for f in files.tolist()])
        protocols = (*protocols, "since")
    runs = {p: cv.protocol_folds(files, groups, p) for p in protocols}
    # Whose figures count: every pair (its missed demands too), or for --since the new ones.
    tested: dict[str, set[str] | None] = {p: None for p in cv.PROTOCOLS}
    tested[cv.COLLECTION] = s7 & set(names)
    if args.since:
        tested["since"] = set(names) - old
    report.header(args.set, names, rows, y, files, groups)
    oofs = {
        (fs, c, p, r): cv.protocol_out_of_fold(xs[fs], y, files, folds, c)
        for fs in xs
        for c in EVIDENCE_CS
        for p in protocols
        for r, folds in enumerate(runs[p])
    }

    def ev_scores(fs: str, c: float, params: tuple[float, ...]) -> dict[str, tuple[float, ...]]:
        out = {}
        for p in protocols:
            sc = [
                evidence_scores(
                    rows, choose(oofs[fs, c, p, r], owner, rows, params), missed, tested[p]
                )
                for r in range(len(runs[p]))
            ]
            out[p] = tuple(cv.mean([v[m] for v in sc]) for m in range(3))
        return out

    results = []
    for fs in xs:
        for c in EVIDENCE_CS:
            for params in GRID:
                sc = ev_scores(fs, c, params)
                f1 = heldout({p: v[2] for p, v in sc.items()})
                prec = heldout({p: v[0] for p, v in sc.items()})
                results.append((round(f1, 3), round(prec, 3), fs, c, params, sc))
    # Best F1 over both CV kinds, then the higher precision among those within `TOLERANCE`.
    top = max(res[0] for res in results)
    best = max((r for r in results if r[0] >= top - TOLERANCE), key=lambda t: t[1])
    fs, c, params, sc = best[2:]
    precise = max((r for r in results if r[1] >= PRECISE), key=lambda t: t[0])
    configs = {
        "session 6": (*SESSION6, ev_scores(*SESSION6)),
        "session 7": (*SESSION7, ev_scores(*SESSION7)),
        "best F1": max(results, key=lambda t: t[:2])[2:],
        f"P>={PRECISE}": precise[2:],
        "chosen": (fs, c, params, sc),
    }
    report.evidence_table(configs)
    report.pareto(results)
    chosen = {
        p: [choose(oofs[fs, c, p, r], owner, rows, params) for r in range(len(runs[p]))]
        for p in protocols
    }
    demand_folds = {
        p: [cv.by_file(files, folds, [d.file for d in rows]) for folds in runs[p]]
        for p in protocols
    }

    retired_names = set(cv.load_set("train")[0]) - set(cv.load_set("dev")[0])
    retired = np.array([int(d.file in retired_names) for d in rows])

    def verdict_acc(method: tuple[str, float, tuple[str, ...]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for p in protocols:
            got = [
                verdict_cv(rows, chosen[p][r], method, demand_folds[p][r])
                for r in range(len(runs[p]))
            ]
            parts = [
                cv.mean([_accuracy(rows, g[1], retired == side) for g in got]) for side in (0, 1)
            ]
            out[p] = (cv.mean([g[0] for g in got]), got[0][1], *parts)
        return out

    methods = (
        [(b, 0.0, ()) for b in BASELINES]
        + [(m, 0.0, ()) for m in (*LISTS, "rules")]
        + [("model", vc, cues) for cues in verdict.CANDIDATE_FEATURES.values() for vc in CS]
    )
    names_of = {cues: n for n, cues in verdict.CANDIDATE_FEATURES.items()}
    scored = []
    for method in methods:
        acc = verdict_acc(method)
        label = names_of.get(method[2], method[0])
        report.verdict_line(label, method[1], acc)
        scored.append((heldout({p: v[0] for p, v in acc.items()}), label, method, acc))
    _, label, method, acc = pick_verdict(scored)
    if VERDICT_METHOD is not None:  # chosen by hand, see VERDICT_METHOD
        _, label, method, acc = next(t for t in scored if t[2][0] == VERDICT_METHOD)
    report.verdict_line(f"CHOSEN {label}", method[1], acc)
    if args.errors:
        for p in protocols:
            report.confusion(p, rows, acc[p][1])
    if args.write:
        regression = max((t for t in scored if t[2][0] == "model"), key=lambda t: t[0])[2]
        verdict_parts = (method, acc, regression)
        write(args.set, xs[fs], y, rows, chosen["shuffled"][0], (fs, c, params, sc), verdict_parts)
    return 0


def write(
    set_name: str,
    x: np.ndarray,
    y: np.ndarray,
    rows: list[Demand],
    chosen: list[list[int]],
    ev: tuple[Any, ...],
    vd: tuple[Any, ...],
) -> None:
    fs, c, params, sc = ev
    (method, _, _), acc, (_, model_c, cues) = vd
    names = evidence.CANDIDATE_FEATURES[fs]
    mean_, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, bias = cv.fit((x - mean_) / scale, y, c)
    about = {
        "dev": "the dev split only",
        "train": "dev + the retired test split (adjudicated labels); the fresh split is not read",
    }[set_name]

    def figures(values: tuple[float, ...]) -> dict[str, float]:
        return {k: round(v, 3) for k, v in zip(("precision", "recall", "f1"), values, strict=True)}

    payload = {
        "_about": f"Fitted by tools/train_coverage.py on {about}; cv: 10-fold cross-validated "
        f"by pair, mean of {cv.SHUFFLES} shuffles; cv_chamber / cv_period: leave one chamber / "
        "one period out.",
        "evidence": {
            **cv.section(names, mean_, scale, coef, bias),
            "threshold": params[0],
            "also": params[1],
            "floor": params[2],
            "near": params[3],
            "top_k": params[4],
            "relative": params[5],
            "opening": params[6],
            "passage": params[7],
            "c": c,
            "trained_on": {"dev": "dev", "train": "dev + retired test"}[set_name],
            "cv": figures(sc["shuffled"]),
            "cv_chamber": figures(sc["chamber"]),
            "cv_period": figures(sc["period"]),
        },
        "verdict": {
            "method": method,
            # The best regression is written whatever the method, so that switching is one word.
            **fit_verdict(rows, chosen, model_c, cues),
            "c": model_c,
            "cv_accuracy": round(acc["shuffled"][0], 3),
            "cv_chamber_accuracy": round(acc["chamber"][0], 3),
            "cv_period_accuracy": round(acc["period"][0], 3),
            "cv_collection_accuracy": round(acc[cv.COLLECTION][0], 3),
        },
    }
    WEIGHTS.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    for name, value in zip(names, payload["evidence"]["coef"], strict=True):
        print(f"  evidence {name:<14} {value:+.2f}")
    for name, value in zip(cues, payload["verdict"].get("coef", ()), strict=True):
        print(f"  verdict  {name:<14} {value:+.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
