"""The fresh coverage test splits stay sound: parsed, labelled, frozen and never seen elsewhere.

The fresh split (tests/data/coverage/fresh/, labels_fresh.json) was collected and frozen
before any model saw it, to replace a test split that had been looked at too often; the second
fresh split (fresh2/, labels_fresh2.json, session 8) does the same for a third look, the first
one having been scored twice. Each is only worth that if none of its pages is already in a
corpus the models were built on, or in the other held-out split: a page saved twice under
another name, or the same answer given to two parliamentarians, would leak it. So pages are
compared by address and by text, against both corpora and the other fresh split.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from qe_desktop.domain.folding import fold
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.domain.sentences import split_sentences
from qe_desktop.importers.dispatch import iter_records

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "coverage"
# Held-out split -> (its folder's name, its labels, the fewest pairs it may hold).
SPLITS = {"fresh": ("labels_fresh.json", 40), "fresh2": ("labels_fresh2.json", 30)}
FRESH = DATA / "fresh"
LABELS = json.loads((DATA / "labels_fresh.json").read_text(encoding="utf-8"))


def _sources(split: str) -> list[dict[str, str]]:
    with (DATA / split / f"SOURCES_{split}.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _labels(split: str) -> dict[str, Any]:
    labels: dict[str, Any] = json.loads((DATA / SPLITS[split][0]).read_text(encoding="utf-8"))
    return labels


def _names(split: str) -> list[str]:
    return sorted(f"{split}/{row['file']}" for row in _sources(split))


SOURCES = _sources("fresh")
NAMES = _names("fresh")
ALL_NAMES = [name for split in SPLITS for name in _names(split)]
# Every other corpus of both features: the coverage pairs, the commitments pairs, the samples;
# each fresh split is also compared with the other one (see _others).
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


def _other_files(split: str = "fresh") -> Iterator[Path]:
    others = [DATA / name for name in SPLITS if name != split]
    for folder in [*OTHER_DIRS, *others]:
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
def _others(
    split: str = "fresh",
) -> tuple[set[str], list[tuple[str, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]]]]:
    """Identifiers and text shingles of every question of the other corpora."""
    ids: set[str] = set()
    texts = []
    for path in _other_files(split):
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


@pytest.mark.parametrize("split", SPLITS)
def test_each_fresh_split_is_large_enough_parsed_and_all_labelled(split: str) -> None:
    names = _names(split)
    assert len(names) >= SPLITS[split][1]
    assert set(_labels(split)["files"]) == set(names)
    for name in names:
        record = _record(DATA / name)
        assert record.question_text and record.answer_text, name


@pytest.mark.parametrize("split", SPLITS)
def test_fresh_labels_are_compiled_from_their_source_and_never_in_the_old_splits(
    split: str,
) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from coverage_labels import build
    finally:
        sys.path.pop(0)
    labels = _labels(split)
    assert build(f"labels_{split}_source.txt", SPLITS[split][0]) == labels
    policy = labels["_policy"]
    assert "frozen" in policy and "Never tune" in policy
    split_file = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    old = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]
    names = set(_names(split))
    assert not names & (set(split_file["dev"]) | set(split_file["test"]) | set(old))


@pytest.mark.parametrize("name", ALL_NAMES)
def test_spans_and_evidence_are_in_their_texts(name: str) -> None:
    record = _record(DATA / name)
    sentences = {s.text for s in split_sentences(record.answer_text or "")}
    files = _labels(name.split("/")[0])["files"]
    demands = files[name]["demands"]
    assert demands, name
    for demand in demands:
        assert record.question_text[demand["start"] : demand["end"]] == demand["text"]
        assert demand["addressed"] in ("yes", "partly", "no")
        assert (demand["addressed"] == "no") == (not demand["evidence"])
        assert set(demand["evidence"]) <= sentences, name


@pytest.mark.parametrize("split", SPLITS)
def test_fresh_pairs_are_disjoint_from_both_corpora_by_address(split: str) -> None:
    other_ids, _ = _others(split)
    for row in _sources(split):
        path = DATA / split / row["file"]
        mine = _ids(row["file"]) | _ids(row["url"]) | _ids(_record(path).key)
        assert mine, row["file"]
        assert not mine & other_ids, row["file"]


@pytest.mark.parametrize("split", SPLITS)
def test_fresh_pairs_are_disjoint_from_both_corpora_by_text(split: str) -> None:
    _, others = _others(split)
    assert len(others) > 100
    for name in _names(split):
        question, answer = _texts(_record(DATA / name))
        for other_name, (other_question, other_answer) in others:
            # A senator's stock preamble can make half of two different questions alike.
            assert _share(question, other_question) < 0.8, (name, other_name)
            assert _share(answer, other_answer) < 0.5, (name, other_name)


def test_no_training_tool_can_read_a_fresh_split() -> None:
    """The fresh splits are scored, never trained on: the training tools name no fresh labels,
    split.json lists no fresh pair, and the set loader refuses one if it ever did."""
    for tool in ("train_coverage.py", "coverage_cv.py"):
        text = (ROOT / "tools" / tool).read_text(encoding="utf-8")
        assert "labels_fresh" not in text and 'DATA / "fresh' not in text, tool
    split_file = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    assert not [n for n in (*split_file["dev"], *split_file["test"]) if n.startswith("fresh")]
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import coverage_cv
    finally:
        sys.path.pop(0)
    assert coverage_cv.never_held_out(["an/x.txt"]) == ["an/x.txt"]
    for name in ("fresh/x.txt", "fresh2/x.txt"):
        with pytest.raises(SystemExit):
            coverage_cv.never_held_out(["an/x.txt", name])


def test_eval_prints_both_fresh_splits() -> None:
    """`make eval` (tools/eval_coverage.py, --split all) scores fresh and fresh2 alike."""
    text = (ROOT / "tools" / "eval_coverage.py").read_text(encoding="utf-8")
    assert '"fresh2": "labels_fresh2.json"' in text and '"fresh2", "all"' in text
