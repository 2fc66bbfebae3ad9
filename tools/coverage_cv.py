"""Grouped cross-validation of a small logistic regression (the coverage models' training).

Pairs, not sentences, are what must not leak between folds: a file's rows all go to one fold.
One assignment of ~100 pairs to 10 folds moves an accuracy by a few points, so the training
tool averages `SHUFFLES` assignments; assignment 0 is the one session 5 used.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from typing import Any

import numpy as np
from eval_coverage import DATA

FOLDS = 10
SHUFFLES = 5
# Session 7: besides shuffled folds, folds that hold out new ground — a whole chamber, or a
# whole period — as unseen answers do (the fresh split's pairs came from other pages).
PROTOCOLS = ("shuffled", "chamber", "period")
# Session 9: a third held-out ground, another collection: fitted on the pairs of sessions 1-6,
# scored on the 11 pairs session 7 collected (`labels_dev_s7_source.txt`). Few demands (11):
# printed beside the others, not averaged into the choice.
COLLECTION = "collection"
HELD_OUT_GROUND = ("chamber", "period", COLLECTION)
# First year of each Assemblée legislature, for AN pairs whose record has no date.
_LEGISLATURE_YEAR = {9: 1988, 10: 1993, 11: 1997, 12: 2002, 13: 2007, 14: 2012, 15: 2017, 16: 2022}


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


def fold_of(files: np.ndarray, shuffle: int = 0) -> np.ndarray:
    """Fold of each row's pair; shuffle 0 is the session-5 assignment (sha1 of the name)."""
    salt = "" if shuffle == 0 else f"{shuffle}:"
    unique = sorted(
        set(files.tolist()), key=lambda f: hashlib.sha1((salt + f).encode()).hexdigest()
    )
    index = {f: i % FOLDS for i, f in enumerate(unique)}
    return np.array([index[f] for f in files])


def period_of(year: int | None, legislature: int | None = None) -> str:
    """The period a pair's question belongs to (held out together by the `period` protocol)."""
    if year is None and legislature is not None:
        year = _LEGISLATURE_YEAR.get(legislature, 2024)
    if year is None:
        return "unknown"
    if year < 1990:
        return "<1990"
    if year < 2000:
        return "1990s"
    if year < 2010:
        return "2000s"
    return ">=2010"


def protocol_folds(
    files: np.ndarray, groups: dict[str, np.ndarray], protocol: str
) -> list[np.ndarray]:
    """The fold assignments (one per run) of a protocol: `SHUFFLES` shuffles, or one
    leave-one-group-out run where `groups[protocol]` names each row's chamber or period."""
    if protocol == "shuffled":
        return [fold_of(files, k) for k in range(SHUFFLES)]
    if protocol in ("since", COLLECTION):  # the new pairs are the one test fold; the old train
        return [np.where(groups[protocol] == "new", 0, -1)]
    values = sorted(set(groups[protocol].tolist()))
    return [np.array([values.index(v) for v in groups[protocol].tolist()])]


def by_file(files: np.ndarray, folds: np.ndarray, wanted: list[str]) -> np.ndarray:
    """The folds of `wanted` files, read from a row-level assignment."""
    index = dict(zip(files.tolist(), folds.tolist(), strict=True))
    return np.array([index[f] for f in wanted])


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, c: float) -> np.ndarray:
    """Each row's probability from the model fitted on the other folds.

    Fold -1: a row that only trains; fold -2: a row left out altogether (probability 0).
    """
    probabilities = np.zeros(len(y))
    for fold in np.unique(folds[folds >= 0]):
        train, test = (folds != fold) & (folds != -2), folds == fold
        mean, scale = x[train].mean(axis=0), x[train].std(axis=0)
        scale[scale == 0] = 1.0
        coef, bias = fit((x[train] - mean) / scale, y[train], c)
        probabilities[test] = 1.0 / (1.0 + np.exp(-(((x[test] - mean) / scale) @ coef + bias)))
    return probabilities


def protocol_out_of_fold(
    x: np.ndarray, y: np.ndarray, files: np.ndarray, folds: np.ndarray, c: float
) -> np.ndarray:
    """`out_of_fold`, and for `since` (old rows: fold -1) the old rows' own probabilities from
    folds among the old pairs alone, so that the verdict model trains on evidence it did not fit.
    """
    probabilities = out_of_fold(x, y, folds, c)
    old = folds == -1
    if old.any():
        inner = np.where(old, fold_of(files, 0), -2)
        probabilities = np.where(old, out_of_fold(x, y, inner, c), probabilities)
    return probabilities


def session7_pairs() -> set[str]:
    """The training pairs session 7 collected (the `collection` protocol's test pairs)."""
    source = (DATA / "labels_dev_s7_source.txt").read_text(encoding="utf-8")
    return {line[2:].strip() for line in source.splitlines() if line.startswith("@ ")}


def mean(values: list[float]) -> float:
    """Mean of the shuffles' figures."""
    return sum(values) / len(values)


def section(names: Any, mean: Any, scale: Any, coef: Any, bias: float) -> dict[str, Any]:
    """One model's weights as the app reads them (`qe_desktop.nlp.logistic.Logistic`)."""
    return {
        "names": list(names),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "bias": round(bias, 6),
    }


def pairs_at(rev: str, name: str) -> list[str]:
    """The pairs of set `name` as split.json listed them at git revision `rev`."""
    path = (DATA / "split.json").relative_to(DATA.parents[2])
    shown = subprocess.run(
        ["git", "show", f"{rev}:{path}"], capture_output=True, text=True, check=True, cwd=DATA
    )
    split = json.loads(shown.stdout)
    return never_held_out([*split["dev"], *(split["test"] if name == "train" else [])])


# The held-out splits (fresh/, fresh2/ and any later freshN/) are scored once by the lead and
# never trained on: a pair from those folders listed in split.json stops the tools here.
HELD_OUT = "fresh"


def never_held_out(names: list[str]) -> list[str]:
    """`names`, refused if one of them is a held-out pair (fresh/, fresh2/…)."""
    leaked = [n for n in names if n.startswith(HELD_OUT)]
    if leaked:
        raise SystemExit(f"held-out pairs listed for training: {', '.join(leaked[:3])}")
    return names


def load_set(name: str) -> tuple[list[str], dict[str, Any]]:
    """Pair names and their labels: dev, or dev + the retired test split (adjudicated)."""
    split = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    never_held_out([*split["dev"], *split["test"]])
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]
    if name == "dev":
        return list(split["dev"]), labels
    if "retired_test" not in split:
        raise SystemExit("split.json has no retired_test: the test split is still frozen")
    adjudicated = json.loads((DATA / "labels_adjudicated.json").read_text(encoding="utf-8"))
    merged = {n: labels[n] for n in split["dev"]}
    merged.update({n: adjudicated["files"][n] for n in split["test"]})
    return [*split["dev"], *split["test"]], merged
