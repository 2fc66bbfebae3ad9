"""Every real page and format variant parses to the record written by hand in its golden file."""

from __future__ import annotations

from pathlib import Path

import pytest

from qe_desktop.importers.pages import parse_page_bytes
from tests.importers.pages_golden_support import (
    case_input,
    expected_for_case,
    expected_for_real,
    format_case_dirs,
    mismatches,
    real_page_files,
)

REAL = real_page_files()
CASES = format_case_dirs()


def test_all_real_samples_are_in_the_golden_set() -> None:
    # 52 pages, 28 commitment answers and the 2 reference Sénat pages.
    assert len(REAL) == 82
    missing = [p.name for p in REAL if not p.with_name(p.stem + ".expected.json").exists()]
    assert missing == []


@pytest.mark.parametrize("page", REAL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_real_page_matches_golden(page: Path) -> None:
    expected = expected_for_real(page)
    record = parse_page_bytes(page.read_bytes(), expected["source"])
    assert mismatches(record, expected) == []


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_format_case_matches_golden(case: Path) -> None:
    expected = expected_for_case(case)
    record = parse_page_bytes(case_input(case).read_bytes(), expected["source"])
    assert mismatches(record, expected) == []
