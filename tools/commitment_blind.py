"""Print a random sample of DEV commitment answers without their labels (blind relabelling).

    python3 tools/commitment_blind.py [--count 64] [--seed 2026] [--ids]

For a second labeller of the dev split (issue #19, session 6), as tools/coverage_blind.py
did for coverage: the answers are drawn at random with a fixed seed (never by how often
the model misses them, which would bias the audit towards hard cases), and each is shown
with its answer date and numbered sentences, never its commitments. `--ids` prints only
the sampled ids (what tools/label_agreement.py compares).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qe_desktop.domain.sentences import split_sentences  # noqa: E402

DEV = ROOT / "tests" / "data" / "commitments" / "corpus" / "dev.json"
SEED = 2026
COUNT = 64


def sample(count: int = COUNT, seed: int = SEED) -> list[str]:
    """The audited dev answer ids, in dev.json order."""
    ids = [a["id"] for a in json.loads(DEV.read_text(encoding="utf-8"))["answers"]]
    chosen = set(random.Random(seed).sample(ids, count))
    return [i for i in ids if i in chosen]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--ids", action="store_true")
    args = parser.parse_args()
    chosen = sample(args.count, args.seed)
    if args.ids:
        print("\n".join(chosen))
        return 0
    answers = {a["id"]: a for a in json.loads(DEV.read_text(encoding="utf-8"))["answers"]}
    for number, answer_id in enumerate(chosen):
        answer = answers[answer_id]
        print(f"=== [{number}] {answer_id} ({answer['genre']}, answered {answer['answered_on']})")
        for i, sentence in enumerate(split_sentences(answer["answer"])):
            print(f"  [{i}] {sentence.text}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
