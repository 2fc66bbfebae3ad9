"""Train the commitment classifier on the DEV split and write qe_desktop/nlp/commitment_weights.json.

    uv sync --extra test --extra train && .venv/bin/python tools/train_commitments.py

scikit-learn is only needed here (the `train` extra); the app applies the weights with
plain Python (qe_desktop/nlp/commitments.py). The frozen test split is never read.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from commitment_corpus import load, label_of  # type: ignore[import-not-found]
from sklearn.linear_model import LogisticRegression

from qe_desktop.domain.sentences import split_sentences
from qe_desktop.nlp.commitment_features import FEATURES, is_candidate, sentence_features
from qe_desktop.nlp.commitments import CLASSES, WEIGHTS_FILE
from qe_desktop.nlp.pipeline import parse

OUT = Path(__file__).resolve().parents[1] / "qe_desktop" / "nlp" / WEIGHTS_FILE
C = 0.5  # L2 strength: few examples, keep the weights small and readable


def examples() -> tuple[list[list[float]], list[str], int]:
    rows: list[list[float]] = []
    labels: list[str] = []
    skipped = 0
    for answer in load("dev"):
        sentences = split_sentences(answer.text)
        candidates = [s for s in sentences if is_candidate(s.text)]
        for s in sentences:
            if s not in candidates and label_of(s.text, answer) is not None:
                skipped += 1
        docs = parse([s.text for s in candidates])
        for sentence, doc in zip(candidates, docs, strict=True):
            span = max(doc.sents, key=len)
            values = sentence_features(span, answer.answered_on, sentence.text).values
            rows.append([values[name] for name in FEATURES])
            label = label_of(sentence.text, answer)
            labels.append(label.kind if label else "none")
    return rows, labels, skipped


def main() -> int:
    rows, labels, skipped = examples()
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    classifier.fit(rows, labels)
    order = [list(classifier.classes_).index(c) for c in CLASSES]
    coef = [[round(float(w), 4) for w in classifier.coef_[i]] for i in order]
    intercept = [round(float(classifier.intercept_[i]), 4) for i in order]
    payload = {"features": list(FEATURES), "classes": list(CLASSES), "coef": coef,
               "intercept": intercept}
    version = hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:12]
    payload = {
        "version": version,
        "trained_on": f"dev split, {len(rows)} candidate sentences "
        f"({labels.count('firm')} firm, {labels.count('soft')} soft)",
        **payload,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name} (version {version}): {payload['trained_on']}; "
          f"{skipped} labelled sentence(s) not kept by the pre-filter")
    for name, *weights in zip(FEATURES, *coef, strict=True):
        print(f"  {name:18} " + "  ".join(f"{c}={w:+.2f}" for c, w in zip(CLASSES, weights)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
