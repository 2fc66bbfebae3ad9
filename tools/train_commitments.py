"""Train the commitment classifier on the DEV split; write qe_desktop/nlp/commitment_weights.json.

    uv sync --extra test --extra train && .venv/bin/python tools/train_commitments.py

scikit-learn is only needed here (the `train` extra); the app applies the weights with
plain Python (qe_desktop/nlp/commitments.py). The frozen test split is never read.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from commitment_corpus import label_of, load  # type: ignore[import-not-found]
from sklearn.linear_model import LogisticRegression

from qe_desktop.domain.sentences import split_sentences
from qe_desktop.nlp.commitment_features import FEATURES, is_candidate, sentence_features
from qe_desktop.nlp.commitments import CLASSES, WEIGHTS_FILE
from qe_desktop.nlp.pipeline import parse

OUT = Path(__file__).resolve().parents[1] / "qe_desktop" / "nlp" / WEIGHTS_FILE
# Suggest when P(commitment) = 1 - P(none) reaches THRESHOLD; C is the inverse L2 strength
# (few examples: small, readable weights). Both are chosen by `--cv`: grouped 5-fold
# cross-validation on the dev split only (the grid and its figures are printed; see README).
THRESHOLD = float(os.environ.get("QE_TRAIN_T", "0.7"))
C = float(os.environ.get("QE_TRAIN_C", "2.0"))
# Features the model does not use. `rules` is the old finder's score: the first model
# leaned on it and it did not carry to unseen answers (session 3's test figures).
DROPPED = ("rules",)
USED = tuple(name for name in FEATURES if name not in DROPPED)
GRID_C = (0.1, 0.25, 0.5, 1.0, 2.0)
GRID_T = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def examples() -> tuple[list[list[float]], list[str], int, list[int]]:
    rows: list[list[float]] = []
    labels: list[str] = []
    groups: list[int] = []
    skipped = 0
    for number, answer in enumerate(load("dev")):
        sentences = split_sentences(answer.text)
        candidates = [s for s in sentences if is_candidate(s.text)]
        for s in sentences:
            if s not in candidates and label_of(s.text, answer) is not None:
                skipped += 1
        docs = parse([s.text for s in candidates])
        for sentence, doc in zip(candidates, docs, strict=True):
            span = max(doc.sents, key=len)
            values = sentence_features(span, answer.answered_on, sentence.text).values
            rows.append([values[name] for name in USED])
            label = label_of(sentence.text, answer)
            labels.append(label.kind if label else "none")
            groups.append(number)
            TEXTS.append(sentence.text)
    return rows, labels, skipped, groups


TEXTS: list[str] = []


def cross_validate(
    rows: list[list[float]],
    labels: list[str],
    groups: list[int],
    drop: tuple[str, ...] = (),
    c: float = C,
    threshold: float = THRESHOLD,
) -> tuple[str, float]:
    """Grouped 5-fold CV on dev (answers never split): the tuning signal, test untouched.

    Returns the figures in words and the score the grid maximises: the lower of precision
    and firm recall, each as a share of its target (0.90 and 0.85 in the issue), so that
    neither is bought with the other.
    """
    from sklearn.model_selection import GroupKFold

    keep = [i for i, name in enumerate(USED) if name not in drop]
    x = [[r[i] for i in keep] for r in rows]
    predicted = [""] * len(x)
    commitment = [0.0] * len(x)
    for train, held in GroupKFold(n_splits=5).split(x, labels, groups):
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
        model.fit([x[i] for i in train], [labels[i] for i in train])
        none = list(model.classes_).index("none")
        for i, p, proba in zip(
            held,
            model.predict([x[i] for i in held]),
            model.predict_proba([x[i] for i in held]),
            strict=True,
        ):
            predicted[i] = p
            commitment[i] = 1.0 - float(proba[none])
    if threshold:
        predicted = [
            ("none" if commitment[i] < threshold else (p if p != "none" else "firm"))
            for i, p in enumerate(predicted)
        ]
    if "--errors" in sys.argv:
        for i, p in enumerate(predicted):
            if (p == "none") != (labels[i] == "none"):
                active = [n for n, v in zip(USED, rows[i], strict=True) if v]
                print(f"  {labels[i]}->{p}: {TEXTS[i][:110]!r} {active}")
    said = [i for i, p in enumerate(predicted) if p != "none"]
    true = [i for i, t in enumerate(labels) if t != "none"]
    firm = [i for i in true if labels[i] == "firm"]
    hit = [i for i in said if labels[i] != "none"]
    firm_hit = sum(1 for i in firm if predicted[i] != "none")
    precision = len(hit) / max(1, len(said))
    firm_recall = firm_hit / max(1, len(firm))
    score = min(precision / 0.90, firm_recall / 0.85)
    return (
        f"CV dev (C {c}, threshold {threshold}, drop {','.join(drop) or '-'}): "
        f"precision {precision:.2f} ({len(hit)}/{len(said)}), recall {len(hit)}/{len(true)}, "
        f"firm recall {firm_recall:.2f} ({firm_hit}/{len(firm)})"
    ), score


def main() -> int:
    rows, labels, skipped, groups = examples()
    if "--cv" in sys.argv:
        print(cross_validate(rows, labels, groups)[0])
        if "--grid" in sys.argv:
            best = max(
                (cross_validate(rows, labels, groups, (), c, t) for c in GRID_C for t in GRID_T),
                key=lambda result: result[1],
            )
            print(f"best of the grid: {best[0]} (score {best[1]:.3f})")
        return 0
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    print(cross_validate(rows, labels, groups)[0])
    classifier.fit(rows, labels)
    order = [list(classifier.classes_).index(c) for c in CLASSES]
    coef = [[round(float(w), 4) for w in classifier.coef_[i]] for i in order]
    intercept = [round(float(classifier.intercept_[i]), 4) for i in order]
    payload = {
        "features": list(USED),
        "classes": list(CLASSES),
        "coef": coef,
        "intercept": intercept,
        "threshold": THRESHOLD,
    }
    version = hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:12]
    payload = {
        "version": version,
        "trained_on": f"dev split, {len(rows)} candidate sentences "
        f"({labels.count('firm')} firm, {labels.count('soft')} soft)",
        **payload,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT.name} (version {version}): {payload['trained_on']}; "
        f"{skipped} labelled sentence(s) not kept by the pre-filter"
    )
    for name, *weights in zip(USED, *coef, strict=True):
        print(
            f"  {name:18} "
            + "  ".join(f"{c}={w:+.2f}" for c, w in zip(CLASSES, weights, strict=True))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
