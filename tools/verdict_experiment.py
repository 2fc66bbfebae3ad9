"""Would a fitted model beat the coverage verdict rules? A cross-validated check on dev only.

Each labelled dev demand that the pipeline finds (span overlap >= 50 %) and judges with
evidence becomes one example: the features `qe_desktop.nlp.verdict` computes for it and its
labelled verdict. A multinomial logistic regression (L2, standardised features, numpy) is
scored by 10-fold cross-validation grouped by file, beside the shipped decision list on
the same demands. Nothing is written: with 84 dev files the regression lost (0.55-0.58
cross-validated, against 0.66 for the rules on the same demands), so the rules ship;
rerun when the corpus grows.

Run: `.venv/bin/python tools/verdict_experiment.py`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eval_coverage import DATA, load, overlap  # noqa: E402

from qe_desktop.nlp import alignment, verdict  # noqa: E402
from qe_desktop.nlp.coverage import analyze_coverage  # noqa: E402
from qe_desktop.nlp.pipeline import french  # noqa: E402

CLASSES = ("yes", "partly", "no")


def examples(names: list[str], labels: dict[str, Any]) -> list[tuple[str, dict[str, float], str]]:
    """(file, features, gold verdict) for each found demand the model would judge."""
    seen: list[verdict.VerdictInput] = []
    original = verdict.decide

    def spy(item: verdict.VerdictInput) -> tuple[Any, str]:
        seen.append(item)
        return original(item)

    alignment.decide = spy  # type: ignore[assignment]
    rows = []
    try:
        for name in names:
            record = load(name)
            seen.clear()
            coverage = analyze_coverage(record.question_text, record.answer_text)
            by_text = {item.demand: item for item in seen}
            for gold in labels[name]["demands"]:
                best = max(
                    coverage.demands,
                    key=lambda p: overlap(
                        (gold["start"], gold["end"]), (p.demand.start, p.demand.end)
                    ),
                    default=None,
                )
                if best is None:
                    continue
                if (
                    overlap((gold["start"], gold["end"]), (best.demand.start, best.demand.end))
                    < 0.5
                ):
                    continue
                item = by_text.get(best.demand.text)
                if item is not None:
                    rows.append((name, verdict.features(item), gold["addressed"]))
    finally:
        alignment.decide = original  # type: ignore[assignment]
    return rows


def fit(x: np.ndarray, y: np.ndarray, c: float, steps: int = 3000) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by gradient descent; returns (weights [k, f], bias [k])."""
    k = len(CLASSES)
    w = np.zeros((k, x.shape[1]))
    b = np.zeros(k)
    onehot = np.eye(k)[y]
    rate = 0.1
    for _ in range(steps):
        logits = x @ w.T + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot) / len(x)
        w -= rate * (grad.T @ x + w / (c * len(x)))
        b -= rate * grad.sum(axis=0)
    return w, b


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def cross_validate(files: list[str], x: np.ndarray, y: np.ndarray, c: float) -> float:
    """Accuracy over 10 folds grouped by file (a file's demands stay together)."""
    unique = sorted(set(files), key=lambda f: hashlib.sha1(f.encode()).hexdigest())
    fold_of = {f: i % 10 for i, f in enumerate(unique)}
    folds = np.array([fold_of[f] for f in files])
    right = 0
    for fold in range(10):
        train, test = folds != fold, folds == fold
        if not test.any():
            continue
        mean, scale = standardise(x[train])
        w, b = fit((x[train] - mean) / scale, y[train], c)
        predicted = (((x[test] - mean) / scale) @ w.T + b).argmax(axis=1)
        right += int((predicted == y[test]).sum())
    return right / len(y)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]
    split = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    french()
    rows = examples(split["dev"], labels)
    names = list(verdict.FEATURES)
    files = [r[0] for r in rows]
    x = np.array([[r[1][n] for n in names] for r in rows])
    y = np.array([CLASSES.index(r[2]) for r in rows])
    kinds = [next(k for k in verdict.KINDS if r[1][f"kind_{k}"]) for r in rows]
    rules = [verdict.rules(kind, r[1]).value for kind, r in zip(kinds, rows, strict=True)]
    counts = {c: int((y == i).sum()) for i, c in enumerate(CLASSES)}
    print(f"{len(rows)} judged demands in {len(set(files))} dev files {counts}")
    right = sum(r == CLASSES[t] for r, t in zip(rules, y, strict=True))
    print(f"decision list on these demands: {right / len(rows):.2f}")
    for c in (0.1, 0.3, 1.0, 3.0):
        print(f"logistic regression, cross-validated (C={c}): {cross_validate(files, x, y, c):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
