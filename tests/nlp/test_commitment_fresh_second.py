"""The blind second labelling of the fresh commitment test split stays sound.

It measures how consistent the fresh split's labels are (#19, session 6), so it must parse,
cover exactly the fresh answers, quote one sentence of the answer per label (one label per
sentence, as the fresh split), and the agreement tool must read it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from qe_desktop.domain.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "commitments" / "corpus"
KINDS = {"firm", "soft"}
PRECISIONS = {"day", "month", "quarter", "semester", "season", "year", "vague"}


def _load(name: str) -> Any:
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


FRESH = {a["id"]: a for a in _load("test_fresh.json")["answers"]}
SECOND = _load("test_fresh_second.json")


def test_second_labelling_covers_exactly_the_fresh_answers() -> None:
    assert "blind" in SECOND["_policy"]
    labels = {k for k in SECOND if not k.startswith("_")}
    assert labels == set(FRESH)


def test_every_label_quotes_one_sentence_of_its_answer_once() -> None:
    for answer_id, items in SECOND.items():
        if answer_id.startswith("_"):
            continue
        text = FRESH[answer_id]["answer"]
        sentences = [s.text for s in split_sentences(text)]
        used: list[int] = []
        for item in items:
            assert set(item) == {"text", "kind", "due", "precision"}, answer_id
            assert item["kind"] in KINDS and item["precision"] in PRECISIONS, answer_id
            assert item["due"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["due"])
            assert text.count(item["text"]) == 1, (answer_id, item["text"])
            hits = [i for i, s in enumerate(sentences) if item["text"] in s]
            assert len(hits) == 1, (answer_id, item["text"])
            used += hits
        assert len(used) == len(set(used)), answer_id


def test_agreement_tool_reads_the_fresh_labellings() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from label_agreement import compare_fresh_commitments
    finally:
        sys.path.pop(0)
    report = compare_fresh_commitments()
    assert report[0].startswith(f"commitments, fresh split ({len(FRESH)} answers)")
    assert "Cohen's kappa" in report[2] and "due date exact" in report[3]
