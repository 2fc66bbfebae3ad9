"""The benchmark runs end to end on a small corpus and prints every row (no timing asserts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.run import render, run

pytestmark = pytest.mark.slow


def test_small_benchmark_prints_every_row(tmp_path: Path, capsys) -> None:
    rows = run(400, tmp_path, window_runs=1)
    table = render(rows, 400)
    print(table)
    numbers = sorted({row.number for row in rows})
    assert numbers == [1, 2, 3, 4, 5, 6, 7]
    assert len(rows) == 23  # imports: zip and loose files, each against both floors, and CPU
    assert all(row.value is not None for row in rows)
    assert table.count("\n| ") == len(rows) + 1  # header + one line per row
