"""`show KEY --json` carries the coverage object; `qe-desktop coverage` lists answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import run, sample_library

SEED_KEY = "senat-20250130-fabien-genet-p246"


@pytest.fixture
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_library(tmp_path_factory, "cli")


def test_show_json_has_the_coverage_object_with_canonical_offsets(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "show", SEED_KEY, "--json")
    assert code == 0
    data = json.loads(out)
    coverage = data["coverage"]
    assert set(coverage) == {"demands", "share"}
    assert len(coverage["demands"]) >= 2
    for demand in coverage["demands"]:
        assert set(demand) == {"text", "start", "end", "addressed", "evidence", "score"}
        assert demand["addressed"] in ("yes", "partly", "no")
        assert data["question_text"][demand["start"] : demand["end"]] == demand["text"]
        for evidence in demand["evidence"]:
            assert set(evidence) == {"text", "start", "end"}
            assert data["answer_text"][evidence["start"] : evidence["end"]] == evidence["text"]
    assert 0.0 <= coverage["share"] <= 1.0


def test_coverage_command_lists_answers_least_covered_first(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "coverage", "--json")
    assert code == 0
    lines = json.loads(out)
    assert SEED_KEY in {line["key"] for line in lines}
    shares = [line["share"] for line in lines if line["share"] is not None]
    assert shares == sorted(shares)
    for line in lines:
        assert line["answered"] <= line["treated"] <= line["demands"]
    ministry = next(line["ministry"] for line in lines if line["key"] == SEED_KEY)
    code, out, _ = run(capsys, library, "coverage", "--ministry", ministry[:20], "--json")
    assert code == 0
    assert all(line["ministry"] == ministry for line in json.loads(out))


def test_coverage_of_one_question_in_text(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "coverage", "--question", SEED_KEY)
    assert code == 0
    assert "traitée" in out
    assert "« " in out  # evidence quoted
    code, _, err = run(capsys, library, "coverage", "--question", "nope")
    assert code == 2
    assert "nope" in err
