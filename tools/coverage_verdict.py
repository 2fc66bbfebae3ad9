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
    the first decision list, or ("kinds", ...): session 7's list (`verdict.by_kind`).
    """
    kind, c, names = method
    items = [verdict_input(d, ch) for d, ch in zip(rows, chosen, strict=True)]
    values = [verdict.features(item) if item is not None else {} for item in items]
    gold = [d.gold_verdict for d in rows]
    predicted: dict[int, str | None] = {}
    for i, item in enumerate(items):
        if item is None:
            predicted[i] = "no"
        elif kind in ("kinds", "kinds8"):
            fine = verdict.demand_kind(item.demand, item.kind)
            by = verdict.by_kind8 if kind == "kinds8" else verdict.by_kind
            predicted[i] = by(fine, values[i]).value
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
