"""Train the commitment classifier; write qe_desktop/nlp/commitment_weights.json.

    uv sync --extra test --extra train && .venv/bin/python tools/train_commitments.py
    .venv/bin/python tools/train_commitments.py --cv [--curve] [--grid] [--errors]
    QE_GRID_BLEND=0,0.2 QE_GRID_T=0.5,0.55 .venv/bin/python tools/train_commitments.py --cv --grid
    QE_TRAIN_SPLIT=dev .venv/bin/python tools/train_commitments.py --cv   # dev only

scikit-learn is only needed here (the `train` extra); the app applies the weights with
plain Python (qe_desktop/nlp/commitments.py, commitment_words.py). It trains and
cross-validates on `load("train")`: the dev split plus the old test split (adjudicated
labels), retired on 2026-12-07 (see tools/commitment_corpus.py); the fresh test split
(test_fresh.json) is never read. Inputs per candidate sentence: the named hand features
and the TF-IDF of the carrying clause's grammar words (`clause_words`), scaled by
WORD_SCALE. Two models: commits or not (features and words), then firm or soft (features).

`--cv` prints first the protocols that choose the settings (session 9): each corpus file
left out in turn (dev.json, test.json, dev_s7.json: labelled apart) and leave-spoken-out,
the rules beside the model on the same sentences, and their selection score (mean F1 of the
three files and leave-spoken-out); then shuffled grouped CV overall and per genre (written
answer, oral answer, debate, amendment opinion: tools/commitment_genre.py) and leave-one-
genre-out figures (tools/commitment_cv.py), then the hand rules beside the model's out-of-
fold verdicts on the spoken answers (shuffled, leave-one-genre-out, leave-spoken-out =
fitted on written answers only, and leave-new-batch-out on session 7's batch); `--curve`
precision and firm recall by threshold; `--grid` the settings (C, threshold, rules blend)
ranked by the selection score; `--errors` the misses of the first shuffle, with their
genre.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import sklearn
from commitment_corpus import (  # type: ignore[import-not-found]
    CORPUS,
    SPLIT_FILES,
    Answer,
    Label,
    _labels,
    batch_ids,
    label_of,
    load,
)
from commitment_cv import (  # type: ignore[import-not-found]
    RULES_THRESHOLD,
    SPOKEN,
    Dropped,
    Example,
    Fitter,
    Honest,
    Run,
    comparison,
    curve,
    file_run,
    genre_run,
    held_out_run,
    honest,
    report,
    shuffled_runs,
)
from commitment_genre import GENRES, genre_of  # type: ignore[import-not-found]
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from qe_desktop.domain.sentences import split_sentences
from qe_desktop.nlp.commitment_features import FEATURES, is_candidate, sentence_features
from qe_desktop.nlp.commitments import CLASSES, WEIGHTS_FILE
from qe_desktop.nlp.pipeline import parse

OUT = Path(__file__).resolve().parents[1] / "qe_desktop" / "nlp" / WEIGHTS_FILE
# Suggest when P(commitment) = 1 - P(none) reaches THRESHOLD; C is the inverse penalty
# strength; WORD_SCALE weighs the bag of words against the hand features (0: no words).
# Session 9 chose C, THRESHOLD and RULES_BLEND by `--cv --grid`'s selection score (each
# corpus file left out in turn, and leave-spoken-out), not by shuffled CV, which
# overstated the model on every unseen split.
THRESHOLD = float(os.environ.get("QE_TRAIN_T", "0.55"))
C = float(os.environ.get("QE_TRAIN_C", "1.0"))
WORD_SCALE = float(os.environ.get("QE_TRAIN_WORDS", "0.0"))
# The commit-or-not model's penalty. Session 8: L1 (most weights exactly zero: fewer
# features) held better than L2 when fitted on written answers and judged on spoken ones
# (leave-spoken-out), and tied in shuffled and leave-one-genre-out CV; the bag of words
# added nothing under either (README). The kind model stays L2 with KIND_C.
PENALTY = os.environ.get("QE_TRAIN_PENALTY", "l1")
KIND_C = 0.25
# P(commitment) = (1 - RULES_BLEND) * the model's + RULES_BLEND * the old rules' score
# (shipped in the weights as `rules_blend`; the app computes the rules' score anyway).
RULES_BLEND = float(os.environ.get("QE_TRAIN_BLEND", "0.2"))
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
# `--curve`: precision and firm recall by threshold, up to where precision reaches 0.90.
CURVE_T = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
GRID_WORDS = _grid("QE_GRID_WORDS", "0.0")
GRID_BLEND = _grid("QE_GRID_BLEND", "0.0,0.1,0.2,0.25,0.3,0.4")
REPEATS = 5  # shuffled 5-fold splits averaged: one split of 166 answers is noisy
SPLIT = os.environ.get("QE_TRAIN_SPLIT", "train")


def examples() -> tuple[list[Example], Dropped]:
    """Every candidate sentence of SPLIT, and the labelled ones the pre-filter drops."""
    found: list[Example] = []
    dropped = Dropped()
    batches = {name: batch_ids(name) for name in (*SPLIT_FILES["dev"], *SPLIT_FILES["test"])}

    def batch_of(answer_id: str) -> str:
        return next((name for name, ids in batches.items() if answer_id in ids), "")

    seconds = second_labels()
    for number, answer in enumerate(load(SPLIT)):
        genre = genre_of(answer.genre, answer.text)
        sentences = split_sentences(answer.text)
        candidates = [s for s in sentences if is_candidate(s.text)]
        second = seconds.get(answer.id)
        for s in sentences:
            label = label_of(s.text, answer)
            if s not in candidates and label is not None:
                dropped.add(label.kind, genre, batch_of(answer.id))
            other = label_of(s.text, replace(answer, labels=second)) if second else None
            if s not in candidates and other is not None:
                dropped.add_second(other.kind, genre)
        docs = parse([s.text for s in candidates], whole=True)
        for sentence, doc in zip(candidates, docs, strict=True):
            span = max(doc.sents, key=len)
            features = sentence_features(span, answer.answered_on, sentence.text)
            label = label_of(sentence.text, answer)
            due = features.due
            got = (due.due, due.precision.value) if due else (None, "vague")
            found.append(
                Example(
                    [features.values[name] for name in FEATURES],
                    features.words,
                    label.kind if label else "none",
                    number,
                    sentence.text,
                    genre,
                    label is not None and got == (label.due, label.precision),
                    features.values["rules"],
                    batch_of(answer.id),
                    _second_kind(sentence.text, answer, second),
                )
            )
    return found, dropped


# dev_s7_second.json: the blind relabelling of session 7's batch (session 9), read when there
SECOND_FILES = ("dev_second.json", "test_second.json", "dev_s7_second.json")


def second_labels() -> dict[str, tuple[Label, ...]]:
    """The blind second labellers' labels by answer id (64 dev answers, the retired test,
    session 7's batch)."""
    found: dict[str, tuple[Label, ...]] = {}
    for name in SECOND_FILES:
        if not (CORPUS / name).exists():
            continue
        data = json.loads((CORPUS / name).read_text(encoding="utf-8"))
        found |= {key: _labels(value) for key, value in data.items() if key != "_policy"}
    return found


def _second_kind(text: str, answer: Answer, second: tuple[Label, ...] | None) -> str | None:
    if second is None:
        return None
    label = label_of(text, replace(answer, labels=second))
    return label.kind if label else "none"


def design(
    train: list[Example], apply: list[Example], scale: float
) -> tuple[list[list[float]], list[list[float]], TfidfVectorizer | None]:
    """Rows for fitting and for predicting: hand features (USED), then the scaled TF-IDF."""
    columns = [FEATURES.index(name) for name in USED]

    def hand(e: Example) -> list[float]:
        return [e.row[i] for i in columns]

    if not scale:
        return [hand(e) for e in train], [hand(e) for e in apply], None
    vectoriser = TfidfVectorizer(analyzer=lambda words: list(words), min_df=MIN_DF)
    vectoriser.fit([e.words for e in train])

    def rows(items: list[Example]) -> list[list[float]]:
        if not items:
            return []
        matrix = vectoriser.transform([e.words for e in items]).toarray() * scale
        return [hand(e) + list(map(float, m)) for e, m in zip(items, matrix, strict=True)]

    return rows(train), rows(apply), vectoriser


# Two classes, commits or not (QE_TRAIN_BINARY=0: none / firm / soft as before): 23 soft
# sentences made the three-class model's P(none) noisy; firm or soft is a second model.
BINARY = os.environ.get("QE_TRAIN_BINARY", "1") == "1"


def _target(label: str) -> str:
    return ("none" if label == "none" else "commit") if BINARY else label


def commit_model(c: float) -> LogisticRegression:
    """The commit-or-not regression (PENALTY; liblinear fits L1)."""
    if PENALTY != "l1":
        return LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    # scikit-learn 1.8 deprecated `penalty` for `l1_ratio`, which older versions ignore
    spelled: dict[str, object] = {"l1_ratio": 1.0} if _SKLEARN >= (1, 8) else {"penalty": "l1"}
    return LogisticRegression(
        C=c, solver="liblinear", class_weight="balanced", max_iter=3000, **spelled
    )


_SKLEARN = tuple(int(part) for part in sklearn.__version__.split(".")[:2])


def fitter(c: float = C, scale: float = WORD_SCALE, blend: float = RULES_BLEND) -> Fitter:
    """Fits on some examples, predicts others: class and P(commitment), the rules'
    score blended in with weight `blend`."""

    def fit(train: list[Example], held: list[Example]) -> Run:
        fit_rows, held_rows, _ = design(train, held, scale)
        model = commit_model(c)
        model.fit(fit_rows, [_target(e.label) for e in train])
        none = list(model.classes_).index("none")
        return [
            (str(p), (1 - blend) * (1.0 - float(proba[none])) + blend * e.rules)
            for e, p, proba in zip(
                held, model.predict(held_rows), model.predict_proba(held_rows), strict=True
            )
        ]

    return fit


def cross_validate(
    items: list[Example], dropped: Dropped, c: float = C, scale: float = WORD_SCALE
) -> tuple[list[Run], Run]:
    """Shuffled runs (REPEATS) and the leave-one-genre-out run of one configuration."""
    fit = fitter(c, scale)
    return shuffled_runs(items, fit, REPEATS), genre_run(items, fit)


def honest_figures(
    items: list[Example], dropped: Dropped, c: float = C, blend: float = RULES_BLEND
) -> Callable[[float], Honest]:
    """The held-out-file protocols of one (C, blend), at any threshold."""
    fit = fitter(c, WORD_SCALE, blend)
    by_file = file_run(items, fit)
    spoken_out = held_out_run(items, fit, lambda e: e.genre in SPOKEN)
    return lambda t: honest(items, by_file, spoken_out, t, dropped)


def print_cv(items: list[Example], dropped: Dropped) -> None:
    print(
        f"Held-out files ({PENALTY} C {C}, threshold {THRESHOLD}, rules blend {RULES_BLEND}; "
        f"rules at {RULES_THRESHOLD}):"
    )
    print("\n".join(honest_figures(items, dropped)(THRESHOLD).lines()))
    shuffled, by_genre = cross_validate(items, dropped)
    print(
        f"CV {SPLIT} ({PENALTY} C {C}, threshold {THRESHOLD}, words x{WORD_SCALE}, rules blend "
        f"{RULES_BLEND}; shuffled = mean of {REPEATS} shuffles x 5 folds grouped by answer):"
    )
    print("\n".join(report(items, shuffled, by_genre, THRESHOLD, dropped)))
    print("Rules beside the model on the spoken answers (out-of-fold; leave-spoken-out: fitted")
    print("on written answers only; leave-new-batch-out: fitted without session 7's batch):")
    print("\n".join(comparison(items, shuffled, by_genre, fitter(), THRESHOLD, dropped)))
    if "--curve" in sys.argv:
        print("\n".join(curve(items, shuffled, by_genre, dropped, CURVE_T)))
    if "--errors" in sys.argv:
        for i, (_, p) in enumerate(shuffled[0]):
            if (p >= THRESHOLD) != (items[i].label != "none"):
                e = items[i]
                print(f"  {e.genre:9} {e.label} {p:.2f}: {e.text[:150]!r}")


def grid(items: list[Example], dropped: Dropped) -> None:
    """Every (C, rules blend, threshold), ranked by the selection score of the held-out-file
    protocols (mean F1 of precision and firm recall over each corpus file left out and
    leave-spoken-out); the lowest of those F1s beside it."""
    results = []
    for c in GRID_C:
        for blend in GRID_BLEND:
            at = honest_figures(items, dropped, c, blend)
            for t in GRID_T:
                got = at(t)
                low = min(m.f1 for name, m, _ in got.rows if name != "leave-one-file-out, pooled")
                results.append((got.score, low, c, blend, t, got))
        print(f"  C {c}: done", flush=True)
    results.sort(key=lambda r: -r[0])
    for score, low, c, blend, t, got in results[:10]:
        cells = "; ".join(f"{name} {m.short()}" for name, m, _ in got.rows)
        print(f"  C {c} blend {blend} threshold {t}: score {score:.3f} (lowest {low:.3f}); {cells}")


def cached_examples() -> tuple[list[Example], Dropped]:
    """`examples()`, kept in the pickle named by QE_TRAIN_CACHE for quicker experiments
    (delete it when features or corpus change)."""
    cache = os.environ.get("QE_TRAIN_CACHE")
    if cache and Path(cache).exists():
        with open(cache, "rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
    found = examples()
    if cache:
        with open(cache, "wb") as f:
            pickle.dump(found, f)
    return found


def _fit_models(items: list[Example]) -> tuple[dict[str, object], list[str], list[list[float]]]:
    """The shipped weights: the commit-or-not model (features + words) and the kind model."""
    rows, _, vectoriser = design(items, [], WORD_SCALE)
    classifier = commit_model(C)
    classifier.fit(rows, [_target(e.label) for e in items])
    words = list(vectoriser.get_feature_names_out()) if vectoriser is not None else []
    idf = [round(float(v), 6) for v in vectoriser.idf_] if vectoriser is not None else []
    payload: dict[str, object] = {
        "features": list(USED),
        "words": [str(w) for w in words],
        "idf": idf,
        "word_scale": WORD_SCALE,
    }
    if BINARY:  # sklearn's one row scores classes_[1] = "none": commit = its negation
        assert list(classifier.classes_) == ["commit", "none"]
        commit = [round(-float(w), 4) for w in classifier.coef_[0]]
        coef = [[0.0] * len(commit), commit]
        intercept = [0.0, round(-float(classifier.intercept_[0]), 4)]
        kind_items = [e for e in items if e.label != "none"]
        kind_rows, _, _ = design(kind_items, [], 0.0)
        # balanced: 27 soft against 170 firm; unweighted, it called 3 of 27 soft sentences
        # soft in CV, balanced 20 of 27 (and 22 of 170 firm ones soft)
        kind = LogisticRegression(C=KIND_C, class_weight="balanced", max_iter=3000)
        kind.fit(kind_rows, [e.label for e in kind_items])
        assert list(kind.classes_) == ["firm", "soft"]
        payload |= {
            "classes": ["none", "commit"],
            "coef": coef,
            "intercept": intercept,
            "kind_coef": [round(float(w), 4) for w in kind.coef_[0]],
            "kind_intercept": round(float(kind.intercept_[0]), 4),
        }
        classes = ["none", "commit"]
    else:
        order = [list(classifier.classes_).index(c) for c in CLASSES]
        coef = [[round(float(w), 4) for w in classifier.coef_[i]] for i in order]
        intercept = [round(float(classifier.intercept_[i]), 4) for i in order]
        payload |= {"classes": list(CLASSES), "coef": coef, "intercept": intercept}
        classes = list(CLASSES)
    payload["threshold"] = THRESHOLD
    payload["rules_blend"] = RULES_BLEND
    return payload, classes, coef


def main() -> int:
    items, dropped = cached_examples()
    print_cv(items, dropped)
    if "--grid" in sys.argv:
        grid(items, dropped)
    if "--cv" in sys.argv:
        return 0
    payload, classes, coef = _fit_models(items)
    labels = [e.label for e in items]
    words = payload["words"]
    assert isinstance(words, list)
    version = hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:12]
    payload = {
        "version": version,
        "trained_on": f"{SPLIT} split, {len(items)} candidate sentences "
        f"({labels.count('firm')} firm, {labels.count('soft')} soft), {PENALTY} C {C}, "
        f"rules blend {RULES_BLEND}",
        **payload,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT.name} (version {version}): {payload['trained_on']}; "
        f"{len(words)} words; {dropped.count('firm', GENRES)} firm and "
        f"{dropped.count('soft', GENRES)} soft labelled sentence(s) not kept by the pre-filter"
    )
    for name, *weights in zip([*USED, *(f"mot:{w}" for w in words)], *coef, strict=True):
        if any(abs(w) >= 0.3 for w in weights) or not name.startswith("mot:"):
            print(
                f"  {name:18} "
                + "  ".join(f"{c}={w:+.2f}" for c, w in zip(classes, weights, strict=True))
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
