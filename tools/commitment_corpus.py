"""The labelled commitment corpus (tests/data/commitments/corpus/): loading and matching.

Shared by tools/train_commitments.py and tools/eval_commitments.py. Splits: "dev" (dev.json
and dev_s7.json, a batch of training answers collected in session 7),
"test" (RETIRED on 2026-12-07, session 6: it had been evaluated several times and
re-labelled and adjudicated, so it no longer measured unseen answers; its adjudicated labels
are training data now), "train" (`load("train")` = dev + the retired test split with its
adjudicated labels), "fresh" (test_fresh.json, frozen in session 6 before any model saw
it: never train or tune on it), "fresh2" (test_fresh2.json, the second fresh split, frozen in
session 8 by one labeller who never ran a finder: it chose the shipped finder, DECISION_s8.md,
and is never trained or tuned on either) and "fresh3" (test_fresh3.json, the third fresh split,
frozen in session 9 by one labeller who never ran a finder: scored once by the lead, it decides
the finder by DECISION_s9.md; never trained or tuned on) and "fresh4" (test_fresh4.json, the
fourth, session 10, CENSUS_s10.md: scored once, reported only, DECISION_s10.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "commitments" / "corpus"
SPLIT_FILES = {
    "dev": ("dev.json", "dev_s7.json"),
    "test": ("test.json",),
    "fresh": ("test_fresh.json",),
    "fresh2": ("test_fresh2.json",),
    "fresh3": ("test_fresh3.json",),
    "fresh4": ("test_fresh4.json",),
}
"""The files of each split, read in this order (dev_s7.json: session 7, training only)."""
FROZEN = ("fresh", "fresh2", "fresh3", "fresh4")
"""Evaluation only: never trained or tuned on ("test" is in "train")."""


@dataclass(frozen=True)
class Label:
    text: str
    kind: str  # firm | soft
    due: date | None
    precision: str


@dataclass(frozen=True)
class Answer:
    id: str
    genre: str
    answered_on: date | None
    text: str
    labels: tuple[Label, ...]


def _labels(commitments: list[dict[str, str | None]]) -> tuple[Label, ...]:
    return tuple(
        Label(
            str(c["text"]),
            str(c["kind"]),
            date.fromisoformat(str(c["due"])) if c["due"] else None,
            str(c["precision"]),
        )
        for c in commitments
    )


TRAIN = (("dev", "original"), ("test", "adjudicated"))
"""What `load("train")` joins: dev, and the retired test split with its adjudicated labels."""
RETIRED_ON = "2026-12-07"


def load(split: str, labels: str = "original") -> list[Answer]:
    """A split's answers; `labels="adjudicated"` takes the test split's labels after the
    second, blind labelling and its adjudication (test_adjudicated.json, session 5);
    "train" is dev + that retired test split (`TRAIN`)."""
    if split == "train":
        return [answer for name, kind in TRAIN for answer in load(name, kind)]
    if split not in SPLIT_FILES:
        raise ValueError(f"unknown split {split!r}: {', '.join(SPLIT_FILES)}")
    items = [
        item
        for name in SPLIT_FILES[split]
        for item in json.loads((CORPUS / name).read_text(encoding="utf-8"))["answers"]
    ]
    other: dict[str, list[dict[str, str | None]]] | None = None
    if labels == "adjudicated":
        if split != "test":
            raise ValueError("only the test split has adjudicated labels")
        other = json.loads((CORPUS / "test_adjudicated.json").read_text(encoding="utf-8"))
    answers = []
    for item in items:
        labels_of = item["commitments"] if other is None else other[item["id"]]
        answered = date.fromisoformat(item["answered_on"]) if item["answered_on"] else None
        answers.append(
            Answer(item["id"], item["genre"], answered, item["answer"], _labels(labels_of))
        )
    return answers


def batch_ids(name: str) -> frozenset[str]:
    """The answer ids of one corpus file (a collection batch: "dev_s7.json" = session 7)."""
    data = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    return frozenset(str(item["id"]) for item in data["answers"])


def label_of(sentence: str, answer: Answer) -> Label | None:
    """The label whose text lies in this sentence, if any."""
    return next((label for label in answer.labels if label.text in sentence), None)
