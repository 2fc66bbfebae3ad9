"""The fresh coverage test split stays sound: parsed, labelled, frozen and never seen elsewhere.

The fresh split (tests/data/coverage/fresh/, labels_fresh.json) was collected and frozen
before any model saw it, to replace a test split that had been looked at too often. It is
only worth that if none of its pages is already in a corpus the models were built on: a
page saved twice under another name, or the same answer given to two parliamentarians,
would leak it. So pages are compared by address and by text, against both corpora.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from qe_desktop.domain.folding import fold
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.domain.sentences import split_sentences
from qe_desktop.importers.dispatch import iter_records

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "coverage"
FRESH = DATA / "fresh"
LABELS = json.loads((DATA / "labels_fresh.json").read_text(encoding="utf-8"))
SOURCES = list(csv.DictReader((FRESH / "SOURCES_fresh.tsv").open(encoding="utf-8"), delimiter="\t"))
NAMES = sorted(f"fresh/{row['file']}" for row in SOURCES)
# Every other corpus of both features: the coverage pairs, the commitments pairs, the samples.
OTHER_DIRS = [
    DATA / "an",
    DATA / "senat",
    ROOT / "tests" / "data" / "commitments",
    ROOT / "resources" / "samples",
]
sys.path.insert(0, str(ROOT / "tools"))
try:  # one reading of question ids for this test and the candidate check
    from coverage_candidate_check import ids as _ids
finally:
    sys.path.pop(0)


def _record(path: Path) -> QuestionRecord:
    record = next(iter_records([path]))
    assert isinstance(record, QuestionRecord), path
    return record


def _other_files() -> Iterator[Path]:
    for folder in OTHER_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in (".txt", ".json", ".xml", ".html", ".htm"):
                yield path


Shingles = set[tuple[str, ...]]


def _shingles(text: str) -> Shingles:
    words = re.findall(r"\w+", fold(text))
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def _texts(record: QuestionRecord) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """Question and answer shingles apart: a senator's stock preamble ("il lui renouvelle
    donc cette question…") is shared by different questions; a repeated page or answer
    shares most of its own text."""
    return _shingles(record.question_text), _shingles(record.answer_text or "")


def _share(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


@cache
def _others() -> tuple[
    set[str], list[tuple[str, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]]]
]:
    """Identifiers and text shingles of every question of the other corpora."""
    ids: set[str] = set()
    texts = []
    for path in _other_files():
        ids |= _ids(path.name)
        try:
            records = list(iter_records([path]))
        except Exception:  # a non-question file in a samples folder
            continue
        for record in records:
            if isinstance(record, QuestionRecord) and record.question_text:
                ids |= _ids(record.key) | _ids(record.url or "")
                texts.append((f"{path.name}:{record.key}", _texts(record)))
    indexes = (DATA / "SOURCES_dev2.tsv", DATA / "SOURCES_dev_s7.tsv")
    for index in (*indexes, ROOT / "tests/data/commitments/INDEX.tsv"):
        ids |= _ids(index.read_text(encoding="utf-8"))
    return ids, texts


def test_the_fresh_split_has_forty_parsed_pairs_all_labelled() -> None:
    assert len(NAMES) >= 40
    assert set(LABELS["files"]) == set(NAMES)
    for name in NAMES:
        record = _record(DATA / name)
        assert record.question_text and record.answer_text, name


def test_fresh_labels_are_compiled_from_their_source_and_never_in_the_old_splits() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from coverage_labels import build
    finally:
        sys.path.pop(0)
    assert build("labels_fresh_source.txt", "labels_fresh.json") == LABELS
    assert "frozen" in LABELS["_policy"] and "Never tune" in LABELS["_policy"]
    split = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    old = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]
    assert not set(NAMES) & (set(split["dev"]) | set(split["test"]) | set(old))


@pytest.mark.parametrize("name", NAMES)
def test_spans_and_evidence_are_in_their_texts(name: str) -> None:
    record = _record(DATA / name)
    sentences = {s.text for s in split_sentences(record.answer_text or "")}
    demands = LABELS["files"][name]["demands"]
    assert demands, name
    for demand in demands:
        assert record.question_text[demand["start"] : demand["end"]] == demand["text"]
        assert demand["addressed"] in ("yes", "partly", "no")
        assert (demand["addressed"] == "no") == (not demand["evidence"])
        assert set(demand["evidence"]) <= sentences, name


def test_fresh_pairs_are_disjoint_from_both_corpora_by_address() -> None:
    other_ids, _ = _others()
    for row in SOURCES:
        mine = _ids(row["file"]) | _ids(row["url"]) | _ids(_record(FRESH / row["file"]).key)
        assert mine, row["file"]
        assert not mine & other_ids, row["file"]


def test_fresh_pairs_are_disjoint_from_both_corpora_by_text() -> None:
    _, others = _others()
    assert len(others) > 100
    for name in NAMES:
        question, answer = _texts(_record(DATA / name))
        for other_name, (other_question, other_answer) in others:
            # A senator's stock preamble can make half of two different questions alike.
            assert _share(question, other_question) < 0.8, (name, other_name)
            assert _share(answer, other_answer) < 0.5, (name, other_name)
