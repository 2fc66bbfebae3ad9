"""Print coverage pairs for blind labelling: question text and numbered answer sentences.

    python3 tools/coverage_blind.py fresh            # every file of the fresh split
    python3 tools/coverage_blind.py an/10-34804QE.txt  # one file (relative to tests/data/coverage)

Never prints labels or predictions: it reads only the texts, through the importer and the
sentence splitter the labels are compiled with (`tools/coverage_labels.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qe_desktop.domain.question import QuestionRecord  # noqa: E402
from qe_desktop.domain.sentences import split_sentences  # noqa: E402
from qe_desktop.importers.dispatch import iter_records  # noqa: E402

DATA = ROOT / "tests" / "data" / "coverage"


def show(path: Path) -> None:
    """Print one pair: question, then the answer's sentences numbered as `E` labels use."""
    record = next(iter_records([path]))
    if not isinstance(record, QuestionRecord):
        return
    print(f"@ {path.relative_to(DATA).as_posix()}")
    print("Q:", record.question_text)
    for i, sentence in enumerate(split_sentences(record.answer_text or "")):
        print(f"  [{i}] {sentence.text}")
    print()


def main() -> int:
    for arg in sys.argv[1:]:
        target = DATA / arg
        for path in sorted(target.rglob("*.txt")) if target.is_dir() else [target]:
            show(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
