"""The labelled commitment corpus (tests/data/commitments/corpus/): loading and matching.

Shared by tools/train_commitments.py (dev split only) and tools/eval_commitments.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "commitments" / "corpus"


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


def load(split: str) -> list[Answer]:
    data = json.loads((CORPUS / f"{split}.json").read_text(encoding="utf-8"))
    answers = []
    for item in data["answers"]:
        labels = tuple(
            Label(
                c["text"],
                c["kind"],
                date.fromisoformat(c["due"]) if c["due"] else None,
                c["precision"],
            )
            for c in item["commitments"]
        )
        answered = date.fromisoformat(item["answered_on"]) if item["answered_on"] else None
        answers.append(Answer(item["id"], item["genre"], answered, item["answer"], labels))
    return answers


def label_of(sentence: str, answer: Answer) -> Label | None:
    """The label whose text lies in this sentence, if any."""
    return next((label for label in answer.labels if label.text in sentence), None)
