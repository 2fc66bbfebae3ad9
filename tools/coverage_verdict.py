"""The verdict side of `train_coverage.py`: a method scored on cross-validated evidence, and the
regression refitted on all pairs for the weights file."""

from __future__ import annotations

from typing import Any

import coverage_cv as cv
import numpy as np
from coverage_rows import Demand, forced, verdict_input

from qe_desktop.nlp import verdict

CUT = 0.0  # the log-odds above which the regression says "yes"


def verdict_cv(
    rows: list[Demand],
    chosen: list[list[int]],
    method: tuple[str, float, tuple[str, ...]],
    folds: np.ndarray,
) -> tuple[float, list[str]]:
    """Accuracy of a verdict method on the demands of the test folds (grouped CV), and its
    predictions ("-" for a demand no fold tests: fold -1, training only).

    `method` is ("model", C, cues): the app's rules then the regression, or ("rules", ...):
    the first decision list, or ("kinds", ...) / ("kinds8", ...) / ("guide9", ...): the lists of
    sessions 7, 8, 9 (`verdict.by_kind`, `by_kind8`, `by_guide9`). Baselines (`BASELINES`):
    ("yes", ...) "répondue" for every found demand (the lead's majority baseline on unseen
    pairs), ("evidence", ...) "répondue" if the demand has evidence else "sans réponse",
    ("majority", ...) the commonest verdict of the training folds.
    """
    kind, c, names = method
    items = [verdict_input(d, ch) for d, ch in zip(rows, chosen, strict=True)]
    values = [verdict.features(item) if item is not None else {} for item in items]
    gold = [d.gold_verdict for d in rows]
    predicted: dict[int, str | None] = {}
    if kind == "majority":
        return _majority(gold, folds)
    lists = {"kinds": verdict.by_kind, "kinds8": verdict.by_kind8, "guide9": verdict.by_guide9}
    for i, item in enumerate(items):
        if kind == "yes":
            predicted[i] = "yes"
        elif item is None:
            predicted[i] = "no"
        elif kind == "evidence":
            predicted[i] = "yes"
        elif kind in lists:
            fine = verdict.demand_kind(item.demand, item.kind)
            predicted[i] = lists[kind](fine, values[i]).value
        elif kind == "rules":
            predicted[i] = forced(item, values[i]) or verdict.rules(item.kind, values[i]).value
        else:
            predicted[i] = forced(item, values[i])
    free = [i for i in range(len(items)) if predicted[i] is None]
    x = np.array([[values[i][n] for n in names] for i in free]).reshape(len(free), len(names))
    y = np.array([float(gold[i] == "yes") for i in free])
    f = folds[free]
    for fold in np.unique(f[f >= 0]):
        train, test = (f != fold) & (f != -2), f == fold
        mean, scale = x[train].mean(axis=0), x[train].std(axis=0)
        scale[scale == 0] = 1.0
        coef, bias = cv.fit((x[train] - mean) / scale, y[train], c)
        z = ((x[test] - mean) / scale) @ coef + bias
        for i, value in zip(np.array(free)[test], z, strict=True):
            predicted[int(i)] = "yes" if value >= CUT else "partly"
    tested = [i for i in range(len(gold)) if folds[i] >= 0]
    acc = sum(predicted[i] == gold[i] for i in tested) / max(1, len(tested))
    return acc, [str(predicted[i]) if folds[i] >= 0 else "-" for i in range(len(gold))]


BASELINES = ("yes", "evidence", "majority")


def _majority(gold: list[str], folds: np.ndarray) -> tuple[float, list[str]]:
    """The training folds' commonest verdict for every tested demand (ties: "yes")."""
    predicted = ["-"] * len(gold)
    for fold in np.unique(folds[folds >= 0]):
        train = [g for g, f in zip(gold, folds, strict=True) if f != fold and f != -2]
        common = max(("yes", "partly", "no"), key=train.count)
        for i in np.where(folds == fold)[0]:
            predicted[int(i)] = common
    tested = [i for i in range(len(gold)) if folds[i] >= 0]
    acc = sum(predicted[i] == gold[i] for i in tested) / max(1, len(tested))
    return acc, predicted


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
