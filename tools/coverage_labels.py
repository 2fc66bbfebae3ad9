"""Build tests/data/coverage/labels.json from the hand-written labels_source.txt.

The source is easier to write and review than JSON: per file `@ path`, then per demand
`D first words~~last words` or `D whole text` (the demand span, found in the canonical
question text),
`V yes|partly|no` and `E i j …` (answer sentence numbers, from `split_sentences`).
Spans are resolved against the texts the importer reads, so a typo fails here, loudly,
naming the file; nothing about a file's content is printed otherwise.

Run: `.venv/bin/python tools/coverage_labels.py [--check]` (`--check` compares with the
committed labels.json instead of writing it). `--source S --out O` compile another source
(the second labelling, the adjudicated labels) into another JSON file; the defaults are
labels_source.txt and labels.json; labels.json also takes the later dev sources
`labels_dev_s*_source.txt`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qe_desktop.domain.question import QuestionRecord  # noqa: E402
from qe_desktop.domain.sentences import split_sentences  # noqa: E402
from qe_desktop.importers.dispatch import iter_records  # noqa: E402

DATA = ROOT / "tests" / "data" / "coverage"


class LabelError(ValueError):
    """A label that does not resolve against its file's texts."""


def parse_source(text: str) -> dict[str, list[dict[str, Any]]]:
    """File name -> raw demands ({"span", "verdict", "evidence"}) in source order."""
    files: dict[str, list[dict[str, Any]]] = {}
    current: list[dict[str, Any]] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tag, _, rest = line.partition(" ")
        if tag == "@":
            current = files.setdefault(rest.strip(), [])
        elif current is None:
            raise LabelError(f"line {number}: a label before any '@ file'")
        elif tag == "D":
            current.append({"span": rest, "verdict": None, "evidence": []})
        elif tag == "V" and current:
            current[-1]["verdict"] = rest.strip()
        elif tag == "E" and current:
            current[-1]["evidence"] = [int(i) for i in rest.split()]
        else:
            raise LabelError(f"line {number}: cannot read {tag!r}")
    return files


def resolve(name: str, demands: list[dict[str, Any]]) -> dict[str, Any]:
    """The labels.json entry of one file: spans and evidence texts from its real texts."""
    record = next(iter_records([DATA / name]))
    if not isinstance(record, QuestionRecord):
        raise LabelError(f"{name}: not a question")
    question, answer = record.question_text, record.answer_text or ""
    sentences = split_sentences(answer)
    out = []
    searched_from = 0
    for demand in demands:
        # "first words~~last words", or the demand's whole text when it is short.
        head, _, tail = demand["span"].partition("~~")
        start = question.find(head, searched_from)
        end = question.find(tail, start + len(head)) if start >= 0 else -1
        if start < 0 or end < 0:
            raise LabelError(f"{name}: demand span not found: {demand['span'][:60]!r}")
        end += len(tail)
        searched_from = end
        if demand["verdict"] not in ("yes", "partly", "no"):
            raise LabelError(f"{name}: verdict {demand['verdict']!r}")
        if any(i >= len(sentences) for i in demand["evidence"]):
            raise LabelError(f"{name}: evidence beyond the {len(sentences)} answer sentences")
        if (demand["verdict"] == "no") != (not demand["evidence"]):
            raise LabelError(f"{name}: 'no' goes with no evidence, and only 'no'")
        out.append(
            {
                "text": question[start:end],
                "start": start,
                "end": end,
                "addressed": demand["verdict"],
                "evidence": [sentences[i].text for i in demand["evidence"]],
            }
        )
    return {"demands": out}


def extra_sources(source_name: str) -> list[str]:
    """Dev labels added by later sessions in their own files (labels_dev_s7_source.txt…),
    compiled into labels.json with the first source so every tool reading dev sees them."""
    if source_name != "labels_source.txt":
        return []
    return sorted(path.name for path in DATA.glob("labels_dev_s*_source.txt"))


def build(source_name: str = "labels_source.txt", out_name: str = "labels.json") -> dict[str, Any]:
    """The whole labels document, policy first (kept from the output file when it exists)."""
    policy_file = DATA / out_name if (DATA / out_name).exists() else DATA / "labels.json"
    current = json.loads(policy_file.read_text(encoding="utf-8"))
    source: dict[str, list[dict[str, Any]]] = {}
    for name in [source_name, *extra_sources(source_name)]:
        source.update(parse_source((DATA / name).read_text(encoding="utf-8")))
    files = {name: resolve(name, demands) for name, demands in source.items()}
    return {"_policy": current["_policy"], "files": files}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--source", default="labels_source.txt", help="file in tests/data/coverage")
    parser.add_argument("--out", default="labels.json", help="file in tests/data/coverage")
    args = parser.parse_args()
    built = build(args.source, args.out)
    path = DATA / args.out
    if args.check:
        current = json.loads(path.read_text(encoding="utf-8"))
        differing = sorted(
            name
            for name in set(current["files"]) | set(built["files"])
            if current["files"].get(name) != built["files"].get(name)
        )
        print(f"{len(differing)} file(s) differ: {', '.join(differing) or '-'}")
        return 1 if differing else 0
    text = json.dumps(built, ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(built['files'])} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
