"""Train the commitment classifier; write qe_desktop/nlp/commitment_weights.json.

    uv sync --extra test --extra train && .venv/bin/python tools/train_commitments.py
    .venv/bin/python tools/train_commitments.py --cv [--grid] [--errors]
    QE_TRAIN_SPLIT=dev .venv/bin/python tools/train_commitments.py --cv   # dev only

scikit-learn is only needed here (the `train` extra); the app applies the weights with
plain Python (qe_desktop/nlp/commitments.py, commitment_words.py). It trains and
cross-validates on `load("train")`: the dev split plus the old test split (adjudicated
labels), retired on 2026-12-07 (see tools/commitment_corpus.py); the fresh test split
(test_fresh.json) is never read. Inputs per candidate sentence: the named hand features
and the TF-IDF of the carrying clause's grammar words (`clause_words`), scaled by
WORD_SCALE.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from commitment_corpus import label_of, load  # type: ignore[import-not-found]
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from qe_desktop.domain.sentences import split_sentences
from qe_desktop.nlp.commitment_features import FEATURES, is_candidate, sentence_features
from qe_desktop.nlp.commitments import CLASSES, WEIGHTS_FILE
from qe_desktop.nlp.pipeline import parse

OUT = Path(__file__).resolve().parents[1] / "qe_desktop" / "nlp" / WEIGHTS_FILE
# Suggest when P(commitment) = 1 - P(none) reaches THRESHOLD; C is the inverse L2 strength
# (few examples: small, readable weights); WORD_SCALE weighs the bag of words against the
# hand features (0: no words). All three are chosen by `--cv --grid`: cross-validation on
# the dev split only, answers never split between folds (figures in the README).
THRESHOLD = float(os.environ.get("QE_TRAIN_T", "0.65"))
C = float(os.environ.get("QE_TRAIN_C", "0.5"))
WORD_SCALE = float(os.environ.get("QE_TRAIN_WORDS", "2.0"))
MIN_DF = 2  # a word seen in one training sentence only is left out
# Features the model does not use. `rules` is the old finder's score: the first model
# leaned on it and it did not carry to unseen answers (session 3's test figures).
DROPPED = ("rules", *filter(None, os.environ.get("QE_TRAIN_DROP", "").split(",")))
USED = tuple(name for name in FEATURES if name not in DROPPED)


def _grid(name: str, default: str) -> tuple[float, ...]:
    """A grid axis, overridable for a quicker search: QE_GRID_C="0.5,1,2"."""
    return tuple(float(v) for v in os.environ.get(name, default).split(","))


GRID_C = _grid("QE_GRID_C", "0.25,0.5,1.0,2.0,4.0")
GRID_T = _grid("QE_GRID_T", "0.4,0.45,0.5,0.55,0.6,0.65,0.7,0.75")
GRID_WORDS = _grid("QE_GRID_WORDS", "0.0,1.0,2.0,3.0")
REPEATS = 5  # shuffled 5-fold splits averaged: one split of 166 answers is noisy
SPLIT = os.environ.get("QE_TRAIN_SPLIT", "train")


class Example:
    """One candidate sentence: hand features, clause words, label and answer number;
    `due_ok` says whether the deadline found (date and precision) is the labelled one."""

    __slots__ = ("due_ok", "group", "label", "row", "text", "words")

    def __init__(
        self,
        row: list[float],
        words: tuple[str, ...],
        label: str,
        group: int,
        text: str,
        due_ok: bool = False,
    ) -> None:
        self.row, self.words, self.label, self.group, self.text = row, words, label, group, text
        self.due_ok = due_ok


def examples() -> tuple[list[Example], int]:
    found: list[Example] = []
    skipped = 0
    for number, answer in enumerate(load(SPLIT)):
        sentences = split_sentences(answer.text)
        candidates = [s for s in sentences if is_candidate(s.text)]
        for s in sentences:
            if s not in candidates and label_of(s.text, answer) is not None:
                skipped += 1
        docs = parse([s.text for s in candidates])
        for sentence, doc in zip(candidates, docs, strict=True):
            span = max(doc.sents, key=len)
            features = sentence_features(span, answer.answered_on, sentence.text)
            label = label_of(sentence.text, answer)
            due = features.due
            got = (due.due, due.precision.value) if due else (None, "vague")
            found.append(
                Example(
                    [features.values[name] for name in USED],
                    features.words,
                    label.kind if label else "none",
                    number,
                    sentence.text,
                    label is not None and got == (label.due, label.precision),
                )
            )
    return found, skipped


def design(
    train: list[Example], apply: list[Example], scale: float
) -> tuple[list[list[float]], list[list[float]], TfidfVectorizer | None]:
    """Rows for fitting and for predicting: hand features, then the scaled TF-IDF."""
    if not scale:
        return [e.row for e in train], [e.row for e in apply], None
    vectoriser = TfidfVectorizer(analyzer=lambda words: list(words), min_df=MIN_DF)
    vectoriser.fit([e.words for e in train])

    def rows(items: list[Example]) -> list[list[float]]:
        if not items:
            return []
        matrix = vectoriser.transform([e.words for e in items]).toarray() * scale
        return [e.row + list(map(float, m)) for e, m in zip(items, matrix, strict=True)]

    return rows(train), rows(apply), vectoriser


def folds(items: list[Example], seed: int) -> list[tuple[list[int], list[int]]]:
    """Five folds of whole answers, shuffled by `seed`."""
    import random

    answers = sorted({e.group for e in items})
    random.Random(seed).shuffle(answers)
    fold_of = {g: i % 5 for i, g in enumerate(answers)}
    return [
        (
            [i for i, e in enumerate(items) if fold_of[e.group] != k],
            [i for i, e in enumerate(items) if fold_of[e.group] == k],
        )
        for k in range(5)
    ]


def held_out(items: list[Example], c: float, scale: float, seed: int) -> list[tuple[str, float]]:
    """Each example's predicted class and P(commitment) from a model that never saw its answer."""
    out: list[tuple[str, float]] = [("", 0.0)] * len(items)
    for train, held in folds(items, seed):
        fit_rows, held_rows, _ = design([items[i] for i in train], [items[i] for i in held], scale)
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
        model.fit(fit_rows, [items[i].label for i in train])
        none = list(model.classes_).index("none")
        for i, p, proba in zip(
            held, model.predict(held_rows), model.predict_proba(held_rows), strict=True
        ):
            out[i] = (str(p), 1.0 - float(proba[none]))
    return out


def cross_validate(
    items: list[Example],
    c: float = C,
    threshold: float = THRESHOLD,
    scale: float = WORD_SCALE,
    runs: list[list[tuple[str, float]]] | None = None,
) -> tuple[str, float]:
    """Grouped 5-fold CV on SPLIT, averaged over REPEATS shuffles: the tuning signal.

    Returns the figures in words and the score the grid maximises: the lower of precision
    and firm recall, each as a share of its target (0.90 and 0.85 in the issue), so that
    neither is bought with the other.
    """
    runs = runs or [held_out(items, c, scale, seed) for seed in range(REPEATS)]
    firm = [i for i, e in enumerate(items) if e.label == "firm"]
    said_n = hit_n = firm_n = dates_n = 0
    for run in runs:
        said = [i for i, (_, p) in enumerate(run) if p >= threshold]
        said_n += len(said)
        hit_n += sum(1 for i in said if items[i].label != "none")
        dates_n += sum(1 for i in said if items[i].label != "none" and items[i].due_ok)
        firm_n += sum(1 for i in firm if run[i][1] >= threshold)
        if "--errors" in sys.argv and run is runs[0]:
            for i, (_, p) in enumerate(run):
                if (p >= threshold) != (items[i].label != "none"):
                    print(f"  {items[i].label} {p:.2f}: {items[i].text[:110]!r}")
    true = sum(1 for e in items if e.label != "none")
    precision = hit_n / max(1, said_n)
    firm_recall = firm_n / max(1, len(firm) * len(runs))
    score = min(precision / 0.90, firm_recall / 0.85)
    n = len(runs)
    return (
        f"CV {SPLIT} (C {c}, threshold {threshold}, words x{scale}; mean of {n} shuffles): "
        f"precision {precision:.2f} ({hit_n / n:.1f}/{said_n / n:.1f}), "
        f"recall {hit_n / n / max(1, true):.2f}, "
        f"firm recall {firm_recall:.2f} ({firm_n / n:.1f}/{len(firm)}), "
        f"due date exact {dates_n / max(1, hit_n):.2f}"
    ), score


def grid(items: list[Example]) -> None:
    results = []
    for scale in GRID_WORDS:
        for c in GRID_C:
            runs = [held_out(items, c, scale, seed) for seed in range(REPEATS)]
            for t in GRID_T:
                results.append(cross_validate(items, c, t, scale, runs))
        best_here = max((r for r in results if f"words x{scale};" in r[0]), key=lambda r: r[1])
        print(f"  best with words x{scale}: {best_here[0]} (score {best_here[1]:.3f})", flush=True)
    best = max(results, key=lambda result: result[1])
    print(f"best of the grid: {best[0]} (score {best[1]:.3f})")


def main() -> int:
    items, skipped = examples()
    if "--cv" in sys.argv:
        print(cross_validate(items)[0])
        if "--grid" in sys.argv:
            grid(items)
        return 0
    print(cross_validate(items)[0])
    rows, _, vectoriser = design(items, [], WORD_SCALE)
    labels = [e.label for e in items]
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    classifier.fit(rows, labels)
    order = [list(classifier.classes_).index(c) for c in CLASSES]
    coef = [[round(float(w), 4) for w in classifier.coef_[i]] for i in order]
    intercept = [round(float(classifier.intercept_[i]), 4) for i in order]
    words = list(vectoriser.get_feature_names_out()) if vectoriser is not None else []
    idf = [round(float(v), 6) for v in vectoriser.idf_] if vectoriser is not None else []
    payload = {
        "features": list(USED),
        "words": [str(w) for w in words],
        "idf": idf,
        "word_scale": WORD_SCALE,
        "classes": list(CLASSES),
        "coef": coef,
        "intercept": intercept,
        "threshold": THRESHOLD,
    }
    version = hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:12]
    payload = {
        "version": version,
        "trained_on": f"{SPLIT} split, {len(rows)} candidate sentences "
        f"({labels.count('firm')} firm, {labels.count('soft')} soft), C {C}",
        **payload,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT.name} (version {version}): {payload['trained_on']}; "
        f"{len(words)} words; {skipped} labelled sentence(s) not kept by the pre-filter"
    )
    for name, *weights in zip([*USED, *(f"mot:{w}" for w in words)], *coef, strict=True):
        if any(abs(w) >= 0.3 for w in weights) or not name.startswith("mot:"):
            print(
                f"  {name:18} "
                + "  ".join(f"{c}={w:+.2f}" for c, w in zip(CLASSES, weights, strict=True))
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
