"""Print the fresh test split's answers without their labels (blind second labelling).

    python3 tools/commitment_fresh_blind.py [--ids]

For the second labeller of `corpus/test_fresh.json` (issue #19, session 6): each answer is
shown with its date, period and numbered sentences, never its commitments, so the second
labelling (test_fresh_second.json) can be made without seeing the first.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qe_desktop.domain.sentences import split_sentences  # noqa: E402

FRESH = ROOT / "tests" / "data" / "commitments" / "corpus" / "test_fresh.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", action="store_true", help="print only the answer ids")
    args = parser.parse_args()
    answers = json.loads(FRESH.read_text(encoding="utf-8"))["answers"]
    for number, answer in enumerate(answers):
        if args.ids:
            print(answer["id"])
            continue
        print(
            f"=== [{number}] {answer['id']} ({answer['genre']}, {answer['setting']}, "
            f"answered {answer['answered_on']}, period {answer['period']})"
        )
        for i, sentence in enumerate(split_sentences(answer["answer"])):
            print(f"  [{i}] {sentence.text}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
