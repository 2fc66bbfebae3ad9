"""The blind second labelling of the fresh coverage split stays sound.

It measures how consistent the fresh split's labels are (issue #20), so it must parse, cover
exactly the fresh pairs, quote spans and sentences that exist in the texts, be compiled from
its source, and be comparable with the first labelling by tools/label_agreement.py.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.domain.sentences import split_sentences
from qe_desktop.importers.dispatch import iter_records

ROOT = Path(__file__).resolve().parents[2]
COVERAGE = ROOT / "tests" / "data" / "coverage"
SOURCE = "labels_fresh_second_source.txt"
COMPILED = "labels_fresh_second.json"
ROWS = csv.DictReader(
    (COVERAGE / "fresh" / "SOURCES_fresh.tsv").open(encoding="utf-8"), delimiter="\t"
)
FRESH = {f"fresh/{row['file']}" for row in ROWS}


def _tool(name: str) -> Any:
    """A module of tools/ (they are scripts, not a package)."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        return __import__(name)
    finally:
        sys.path.pop(0)


def _files() -> dict[str, Any]:
    files: dict[str, Any] = json.loads((COVERAGE / COMPILED).read_text(encoding="utf-8"))["files"]
    return files


def test_source_parses_and_names_exactly_the_fresh_pairs() -> None:
    source = _tool("coverage_labels").parse_source((COVERAGE / SOURCE).read_text("utf-8"))
    assert len(FRESH) == 40
    assert set(source) == FRESH
    assert all(demands for demands in source.values())
    assert set(_files()) == FRESH


def test_json_is_compiled_from_its_source() -> None:
    assert _tool("coverage_labels").build(SOURCE, COMPILED)["files"] == _files()


@pytest.mark.parametrize("name", sorted(FRESH))
def test_spans_and_evidence_occur_in_the_texts(name: str) -> None:
    record = next(iter_records([COVERAGE / name]))
    assert isinstance(record, QuestionRecord), name
    sentences = {s.text for s in split_sentences(record.answer_text or "")}
    for demand in _files()[name]["demands"]:
        assert record.question_text[demand["start"] : demand["end"]] == demand["text"]
        assert demand["text"] in record.question_text
        assert demand["addressed"] in {"yes", "partly", "no"}
        assert set(demand["evidence"]) <= sentences, name
        assert (demand["addressed"] == "no") == (not demand["evidence"]), name


def test_agreement_tool_compares_the_fresh_labellings() -> None:
    agreement = _tool("label_agreement")
    same = agreement.compare_coverage("second", "second", "fresh")
    assert same[0].startswith("coverage, fresh split (40 pairs)")
    assert "F1 1.00" in same[1] and "kappa 1.00" in same[2]
    report = "\n".join(agreement.compare_coverage("original", "second", "fresh"))
    assert "demands (overlap >= 50 %)" in report and "evidence sentences" in report
    with pytest.raises(SystemExit):
        agreement.coverage_labels("adjudicated", "fresh")
