"""The coverage corpus stays sound: splits disjoint, labels compiled, no test text in dev.

The test split is frozen; new pairs go to dev. A dev pair that repeats a test pair (the
same page saved twice, or the same ministerial answer given to two senators) would leak
the test split into tuning, so texts are compared, not only file names.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from qe_desktop.domain.folding import fold
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers.dispatch import iter_records

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "coverage"
SPLIT = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
LABELS = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]


def _shingles(name: str) -> set[tuple[str, ...]]:
    record = next(iter_records([DATA / name]))
    assert isinstance(record, QuestionRecord), name
    words = re.findall(r"\w+", fold(f"{record.question_text} {record.answer_text or ''}"))
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def test_splits_are_disjoint_and_cover_the_labels() -> None:
    dev, test = set(SPLIT["dev"]), set(SPLIT["test"])
    assert not dev & test
    assert dev | test == set(LABELS)
    assert len(test) == 30  # frozen
    assert len(dev) + len(test) >= 110


def test_no_dev_pair_repeats_a_test_pair() -> None:
    test = [_shingles(name) for name in SPLIT["test"]]
    for name in SPLIT["dev"]:
        mine = _shingles(name)
        for other in test:
            shared = len(mine & other) / max(1, min(len(mine), len(other)))
            assert shared < 0.2, name


def test_labels_json_is_compiled_from_the_source() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from coverage_labels import build
    finally:
        sys.path.pop(0)
    assert build()["files"] == LABELS
