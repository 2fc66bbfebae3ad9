"""Reading the samples and a generated corpus prepares the very rows stored before (#25).

The reader's speed-ups (zip entries, the AN mapping, canonical text, the row built in
column order) must not change one stored value: every column of every prepared question
is compared with `tests/data/prepared_golden.json`.
"""

from __future__ import annotations

from pathlib import Path

from qe_desktop.storage.prepared import COLUMNS
from tests.storage.prepared_golden_support import (
    Row,
    generated_rows,
    load_golden,
    sample_rows,
)

REGENERATE = (
    "a stored value changed; if that is meant, say so in the commit and run "
    "`.venv/bin/python -m tests.storage.prepared_golden_support`"
)


def _differences(found: list[Row], golden: list[Row]) -> list[str]:
    if [key for key, _ in found] != [key for key, _ in golden]:
        return ["not the same questions, or not in the same order"]
    return [
        f"{key}: {column}"
        for (key, digests), (_, expected) in zip(found, golden, strict=True)
        for column, digest, old in zip(COLUMNS, digests, expected, strict=True)
        if digest != old
    ]


def test_the_samples_prepare_the_stored_rows_column_by_column() -> None:
    golden = load_golden()["samples"]
    assert len(golden) > 100
    assert _differences(sample_rows(), golden) == [], REGENERATE


def test_a_generated_corpus_prepares_the_stored_rows_column_by_column(tmp_path: Path) -> None:
    golden = load_golden()["generated"]
    assert len(golden) == 30
    assert _differences(generated_rows(tmp_path), golden) == [], REGENERATE
