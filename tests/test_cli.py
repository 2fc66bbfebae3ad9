"""The command-line contract of DESIGN §6, driven through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qe_desktop.app import main
from tests.cli_support import run, sample_library
from tests.conftest import SEED


@pytest.fixture
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_library(tmp_path_factory, "cli")


def _seed_key(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    _, out, _ = run(capsys, db, "search", "Vivatech", "--json")
    return str(json.loads(out)[0]["key"])


def test_import_prints_a_summary_and_exits_zero(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, tmp_path / "x.sqlite", "import", str(SEED))
    assert code == 0
    assert "1 importée(s)" in out


def test_import_with_a_failure_exits_one_and_names_the_file(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "vide.txt"
    bad.write_bytes(b"")
    code, out, err = run(capsys, tmp_path / "x.sqlite", "import", str(bad), str(SEED))
    assert code == 1
    assert "1 importée(s)" in out
    assert "vide.txt" in err


def test_list_json_carries_the_contract_fields(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "list", "--json")
    assert code == 0
    questions = json.loads(out)
    assert len(questions) >= 2
    required = {
        "key", "uri", "chamber", "legislature", "number", "title", "author", "group",
        "ministry", "published_on", "answered_on", "status", "delay_days",
        "question_text", "answer_text", "annotations",
    }  # fmt: skip
    for question in questions:
        assert required <= question.keys()


def test_show_json_of_the_seed(library: Path, capsys) -> None:
    key = _seed_key(capsys, library)
    code, out, _ = run(capsys, library, "show", key, "--json")
    assert code == 0
    seed = json.loads(out)
    assert seed["chamber"] == "senat"
    assert seed["published_on"] == "2025-01-30"
    assert seed["answered_on"] == "2025-04-17"
    assert seed["delay_days"] == 77
    assert seed["status"] == "answered"
    assert seed["uri"].startswith(("urn:qe:", "http"))
    assert seed["answer_text"].startswith("Le Gouvernement est pleinement engagé")


def test_list_filters_by_status(library: Path, capsys) -> None:
    _, out, _ = run(capsys, library, "list", "--status", "overdue", "--json")
    assert all(q["status"] == "overdue" for q in json.loads(out))
    _, out, _ = run(capsys, library, "list", "--status", "answered", "--json")
    assert len(json.loads(out)) >= 2


def test_search_is_accent_insensitive(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "search", "energetique", "--json")
    assert code == 0
    results = json.loads(out)
    assert results, "« energetique » must find « énergétique »"
    assert any("[[" in r["snippet"] for r in results)


@pytest.mark.parametrize(
    "query", ['"', "(", "NEAR", "*", "-", ":", 'a AND "b', "🙂" * 50, "x" * 10_000]
)
def test_hostile_search_strings_never_fail(library: Path, capsys, query: str) -> None:
    code, out, _ = run(capsys, library, "search", query, "--json")
    assert code == 0
    assert isinstance(json.loads(out), list)


def test_show_unknown_key_exits_two(library: Path, capsys) -> None:
    code, _, err = run(capsys, library, "show", "nope")
    assert code == 2
    assert "nope" in err


def test_python_dash_m_entry_point_runs(tmp_path: Path) -> None:
    """`migrate` creates the library; `list` then reads it (a reading command does not
    create a library at a path that may be a typo: tests/test_cli_bad_input.py)."""
    for command in ("migrate", "list"):
        result = subprocess.run(
            [sys.executable, "-m", "qe_desktop", "--db", str(tmp_path / "m.sqlite"), command],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr


def test_qe_desktop_db_environment_variable_picks_the_library(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("QE_DESKTOP_DB", str(db))
    assert main(["import", str(SEED)]) == 0
    capsys.readouterr()
    assert db.exists()
