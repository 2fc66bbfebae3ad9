"""Print commitment answers without their labels, for a blind second labelling.

    python3 tools/commitment_blind.py [--count 64] [--seed 2026] [--ids]
    python3 tools/commitment_blind.py --split fresh [--ids]   # every fresh test answer
    python3 tools/commitment_blind.py --split dev_s7 [--ids]  # 60 of session 7's answers

For a second labeller of the dev split (issue #19, session 6), as tools/coverage_blind.py
did for coverage: the answers are drawn at random with a fixed seed (never by how often
the model misses them, which would bias the audit towards hard cases), and each is shown
with its answer date and numbered sentences, never its commitments. `--ids` prints only
the sampled ids (what tools/label_agreement.py compares). `--split fresh` prints every
answer of the fresh test split (test_fresh.json) the same way, for its second labeller.
`--split dev_s7` draws 60 of the 105 training answers of session 7 (dev_s7.json, one
labeller) with the same seed, for the session-9 audit of where that labeller drew the
commitment / projection line (issue #19).
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

CORPUS = ROOT / "tests" / "data" / "commitments" / "corpus"
DEV = CORPUS / "dev.json"
FRESH = CORPUS / "test_fresh.json"
DEV_S7 = CORPUS / "dev_s7.json"
SEED = 2026
COUNT = 64
COUNT_S7 = 60  # of dev_s7's 105 answers, fixed (with SEED) before any answer was read


def sample(count: int = COUNT, seed: int = SEED, source: Path = DEV) -> list[str]:
    """The audited answer ids of a corpus file (dev.json by default), in the file's order."""
    ids = [a["id"] for a in json.loads(source.read_text(encoding="utf-8"))["answers"]]
    chosen = set(random.Random(seed).sample(ids, count))
    return [i for i in ids if i in chosen]


def _print(number: int, answer: dict[str, str | None]) -> None:
    """One answer: its id, kind and date, then its numbered sentences; never its labels."""
    setting = f", {answer['setting']}" if answer.get("setting") else ""
    period = f", period {answer['period']}" if answer.get("period") else ""
    print(
        f"=== [{number}] {answer['id']} ({answer['genre']}{setting}, "
        f"answered {answer['answered_on']}{period})"
    )
    for i, sentence in enumerate(split_sentences(str(answer["answer"]))):
        print(f"  [{i}] {sentence.text}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "fresh", "dev_s7"), default="dev")
    parser.add_argument("--count", type=int, help=f"{COUNT} (dev), {COUNT_S7} (dev_s7)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--ids", action="store_true")
    args = parser.parse_args()
    source = {"dev": DEV, "fresh": FRESH, "dev_s7": DEV_S7}[args.split]
    answers = {a["id"]: a for a in json.loads(source.read_text(encoding="utf-8"))["answers"]}
    count = args.count or (COUNT_S7 if args.split == "dev_s7" else COUNT)
    chosen = list(answers) if args.split == "fresh" else sample(count, args.seed, source)
    if args.ids:
        print("\n".join(chosen))
        return 0
    for number, answer_id in enumerate(chosen):
        _print(number, answers[answer_id])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
