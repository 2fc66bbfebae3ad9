"""`stats` and the similarity fields of `show --json`, on the crafted library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.cli_support import run
from tests.services import insights_library as crafted


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "crafted.sqlite"
    database = open_library(path)
    crafted.build(Services.build(database, "testeur"))
    database.close()
    return path


def test_stats_json_per_ministry(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, library, "stats", "--json")
    assert code == 0
    figures = {row["ministry"]: row for row in json.loads(out)}
    sante = figures[crafted.PORTFOLIO[crafted.SANTE]]
    assert sante["names"] == [crafted.SANTE]
    assert sante["questions"] == 6
    assert sante["answered"] == 5
    assert sante["median_delay_days"] == 70
    assert sante["share_within_deadline"] == 0.4
    interieur = figures[crafted.PORTFOLIO[crafted.INTERIEUR]]
    assert (interieur["questions"], interieur["answered"]) == (5, 2)
    assert interieur["median_delay_days"] == 205
    assert interieur["share_within_deadline"] == 0.25
    assert interieur["overdue"] == 2


def test_stats_filters_and_prints_a_table(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "stats", "--chamber", "senat", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, library, "stats")
    assert code == 0
    assert "Délai médian" in out
    line = next(row for row in out.splitlines() if row.endswith(crafted.PORTFOLIO[crafted.SANTE]))
    assert line.split("\t")[:4] == ["6", "5", "70 j", "40%"]


def test_show_json_lists_near_identical_answers_and_related(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "show", crafted.COPY[0], "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["key"] == crafted.COPY[0]
    assert shown["answer_text"]  # the existing fields are still there
    assert shown["duplicate_answers"] == crafted.COPY[1:]
    assert len(shown["related"]) == 5
    assert crafted.COPY[0] not in shown["related"]
    _, out, _ = run(capsys, library, "show", crafted.TEMPLATE_QUESTIONS[0], "--json")
    twin = json.loads(out)
    assert twin["duplicate_answers"] == []
    assert twin["duplicate_questions"] == [crafted.TEMPLATE_QUESTIONS[1]]
    assert twin["related"][0] == crafted.TEMPLATE_QUESTIONS[1]
