"""The second labelling and the adjudicated labels of the frozen test splits stay sound.

They measure the commitment finder (#19) and answer coverage (#20) on the test splits, so
they must cover exactly the test items, name places that exist in the texts, be compiled
from their sources, and never bring a test item into a dev split.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.domain.sentences import split_sentences
from qe_desktop.importers.dispatch import iter_records

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "commitments" / "corpus"
COVERAGE = ROOT / "tests" / "data" / "coverage"
KINDS = {"firm", "soft"}
PRECISIONS = {"day", "month", "quarter", "semester", "season", "year", "vague"}


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


TEST_ANSWERS = {a["id"]: a for a in _load(CORPUS / "test.json")["answers"]}
DEV_ANSWERS = {a["id"]: a for a in _load(CORPUS / "dev.json")["answers"]}
SPLIT = _load(COVERAGE / "split.json")


@pytest.mark.parametrize("name", ["test_second.json", "test_adjudicated.json"])
def test_commitment_labels_cover_the_test_split_and_name_one_sentence(name: str) -> None:
    labels = {k: v for k, v in _load(CORPUS / name).items() if not k.startswith("_")}
    assert set(labels) == set(TEST_ANSWERS)
    assert not set(labels) & set(DEV_ANSWERS)
    for answer_id, items in labels.items():
        text = TEST_ANSWERS[answer_id]["answer"]
        sentences = [s.text for s in split_sentences(text)]
        for item in items:
            assert set(item) == {"text", "kind", "due", "precision"}, answer_id
            assert item["kind"] in KINDS and item["precision"] in PRECISIONS, answer_id
            if item["due"] is not None:
                assert len(item["due"]) == 10 and item["due"][4] == "-", answer_id
            assert sum(item["text"] in s for s in sentences) == 1, (answer_id, item["text"])


def test_adjudicated_commitments_keep_one_label_per_sentence() -> None:
    labels = _load(CORPUS / "test_adjudicated.json")
    for answer_id, answer in TEST_ANSWERS.items():
        sentences = [s.text for s in split_sentences(answer["answer"])]
        used = [
            next(i for i, s in enumerate(sentences) if c["text"] in s) for c in labels[answer_id]
        ]
        assert len(used) == len(set(used)), answer_id


def test_no_second_label_text_appears_in_a_dev_answer() -> None:
    dev_texts = [a["answer"] for a in DEV_ANSWERS.values()]
    for name in ("test_second.json", "test_adjudicated.json"):
        for key, items in _load(CORPUS / name).items():
            if key.startswith("_"):
                continue
            for item in items:
                if len(item["text"]) >= 25:
                    assert not any(item["text"] in d for d in dev_texts), item["text"]


def _record(name: str) -> QuestionRecord:
    record = next(iter_records([COVERAGE / name]))
    assert isinstance(record, QuestionRecord), name
    return record


@pytest.mark.parametrize("stem", ["labels_second", "labels_adjudicated"])
def test_coverage_labels_cover_the_test_split_and_quote_their_texts(stem: str) -> None:
    files = _load(COVERAGE / f"{stem}.json")["files"]
    assert set(files) == set(SPLIT["test"])
    assert not set(files) & set(SPLIT["dev"])
    for name, entry in files.items():
        record = _record(name)
        sentences = {s.text for s in split_sentences(record.answer_text or "")}
        assert entry["demands"], name
        for demand in entry["demands"]:
            assert record.question_text[demand["start"] : demand["end"]] == demand["text"]
            assert demand["addressed"] in {"yes", "partly", "no"}
            assert set(demand["evidence"]) <= sentences, name
            assert (demand["addressed"] == "no") == (not demand["evidence"]), name


@pytest.mark.parametrize("stem", ["labels_second", "labels_adjudicated"])
def test_coverage_json_is_compiled_from_its_source(stem: str) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from coverage_labels import build
    finally:
        sys.path.pop(0)
    assert build(f"{stem}_source.txt")["files"] == _load(COVERAGE / f"{stem}.json")["files"]


def test_agreement_tool_compares_the_labellings() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from label_agreement import compare_commitments, compare_coverage, kappa
    finally:
        sys.path.pop(0)
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    assert kappa([("a", "b"), ("b", "a")]) == -1.0
    same = compare_commitments("adjudicated", "adjudicated")
    assert "F1 1.00" in same[1] and same[2].endswith(": 1.00")
    report = "\n".join(compare_coverage("original", "second"))
    assert "demands (overlap >= 50 %)" in report and "kappa" in report


def test_dev_s7_blind_labels_cover_the_drawn_sample_and_name_one_sentence() -> None:
    """The session-9 blind relabelling of dev_s7 holds the seed's sample and quotes its texts."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from commitment_blind import COUNT_S7, DEV_S7, SEED, sample
    finally:
        sys.path.pop(0)
    answers = {a["id"]: a for a in _load(CORPUS / "dev_s7.json")["answers"]}
    labels = {k: v for k, v in _load(CORPUS / "dev_s7_second.json").items() if k[0] != "_"}
    drawn = sample(COUNT_S7, SEED, DEV_S7)
    assert len(drawn) == COUNT_S7 and set(drawn) <= set(labels) <= set(answers)
    for answer_id, items in labels.items():
        sentences = [s.text for s in split_sentences(answers[answer_id]["answer"])]
        for item in items:
            assert set(item) == {"text", "kind", "due", "precision"}, answer_id
            assert item["kind"] in KINDS and item["precision"] in PRECISIONS, answer_id
            assert sum(item["text"] in s for s in sentences) == 1, (answer_id, item["text"])


def test_agreement_tool_compares_dev_s7_with_its_blind_relabelling() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from label_agreement import compare_dev_s7_commitments
    finally:
        sys.path.pop(0)
    report = compare_dev_s7_commitments()
    assert report[0].startswith("commitments, dev_s7 sample, seed 2026 (60 answers)")
    assert "Cohen's kappa over all" in report[2] and "due date exact" in report[3]
