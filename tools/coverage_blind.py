"""Print the DEV split's questions, demands and answers without their labels (blind relabelling).

    .venv/bin/python tools/coverage_blind.py [--from N] [--count K]

For a second labeller of the dev verdicts (issue #20, session 5): each dev file's question
text, its labelled demand spans (numbered), and its answer's sentences (numbered), never the
verdicts or the evidence. Test files are never printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qe_desktop.domain.question import QuestionRecord  # noqa: E402
from qe_desktop.domain.sentences import split_sentences  # noqa: E402
from qe_desktop.importers.dispatch import iter_records  # noqa: E402

DATA = ROOT / "tests" / "data" / "coverage"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="first", type=int, default=0)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    dev = json.loads((DATA / "split.json").read_text(encoding="utf-8"))["dev"]
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]
    for number, name in enumerate(dev[args.first : args.first + args.count], args.first):
        record = next(iter_records([DATA / name]))
        assert isinstance(record, QuestionRecord)
        print(f"=== [{number}] {name}")
        print("QUESTION:", record.question_text)
        for i, demand in enumerate(labels[name]["demands"]):
            print(f"  DEMAND {i}: {demand['text']}")
        print("ANSWER:")
        for i, sentence in enumerate(split_sentences(record.answer_text or "")):
            print(f"  [{i}] {sentence.text}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
