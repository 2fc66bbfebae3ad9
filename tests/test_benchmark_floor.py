"""`python -m benchmarks.floor` parses its arguments: help and mistakes create no file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from benchmarks.floor import main, parse


def test_help_prints_the_usage_and_creates_no_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.floor", "--help"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "usage: python -m benchmarks.floor" in done.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [[], ["lib.sqlite"], ["-x", "a.zip"], ["--", "-lib.sqlite", "a.zip"], ["lib.sqlite", "-a"]],
)
def test_a_missing_or_option_like_path_is_refused(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as refused:
        parse(argv)
    assert refused.value.code == 2
    assert list(tmp_path.iterdir()) == []


def test_a_floor_import_fills_the_file_it_is_given(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 40, seed=4)
    main(["--trigger", str(tmp_path / "floor.sqlite"), str(corpus)])
    with sqlite3.connect(tmp_path / "floor.sqlite") as connection:
        assert connection.execute("SELECT count(*) FROM q").fetchone() == (40,)
        found = connection.execute("SELECT count(*) FROM q_search").fetchone()
    connection.close()
    assert found == (40,)
