"""Is a new batch of answers new to the project? Checked without anyone reading the sealed files.

    python3 tools/corpus_disjoint.py tests/data/commitments/corpus/test_fresh3.json [--extra DIR]

A held-out split (issue #19) is only worth something if none of its answers was ever in front
of the project. This compares the batch (a corpus file: {"answers": [{id, source, answer}]})
with EVERY file under tests/data/commitments/ (corpus/*.json, labels.json, an/, senat/, the
TSV indexes) and tests/data/coverage/ (every pair, the sealed fresh folders and label files
included), and resources/samples/: by address (whatever its spelling), by page identifier
(qSEQ…, 14-26562QE — also read from a NosDéputés question/QE/N address —, intervention/N,
question/N/…, dated Sénat sitting pages) and by text
(a run of twelve normalised words, the rule of tests/nlp/test_commitment_fresh.py). It also
checks the batch against itself. Standard library only, so the labeller needs no finder.

It prints only the batch's own ids and how each one matched; for a match in a sealed file it
names no file and quotes nothing ("a sealed file"), so the labeller learns nothing of it.
Exit status 1 when anything matched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEARCHED = (DATA / "commitments", DATA / "coverage", ROOT / "resources" / "samples")
SHINGLE = 12
SEALED = re.compile(r"(?:^|/)(?:test_fresh[^/]*\.json|fresh\d*/|labels_fresh[^/]*)")
"""Paths whose content must stay unseen: no name or text of them is ever printed."""


def address(url: str) -> str:
    """The page whatever the scheme, host prefix, trailing dot or slash."""
    host_and_path = url.strip().split("://")[-1].rstrip("./")
    return re.sub(r"^(?:www2?\.)", "", host_and_path).replace(".fr./", ".fr/")


def page_keys(text: str) -> set[str]:
    """Page identifiers found in an address, a file name or a text (as the fresh-split test)."""
    keys = {m.upper() for m in re.findall(r"qSEQ\d{6,}\w*", text, re.I)}
    keys |= {m.upper() for m in re.findall(r"\b\d{1,2}-\d+QE\b", text, re.I)}
    keys |= {m.upper() for m in re.findall(r"QANR5L\d+QE\d+", text, re.I)}
    keys |= {f"intervention/{m}" for m in re.findall(r"intervention/(\d+)", text)}
    keys |= {f"question/{m}" for m in re.findall(r"question/(\d+/\w+)", text)}
    keys |= set(re.findall(r"s\d{8}(?:_\d+|\d{3})?", text))
    # a NosDéputés written-question page is the Assemblée's question L-NQE under another address
    keys |= {f"{leg}-{num}QE" for leg, num in re.findall(r"/(\d{1,2})/question/QE/(\d+)", text)}
    keys |= {f"{leg}-{num}QE" for leg, num in re.findall(r"QANR5L(\d{1,2})QE(\d+)", text, re.I)}
    return keys


def words(text: str) -> list[str]:
    """Lower-case words without accents or punctuation (typography never hides a copy)."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'").lower())
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"\w+", bare)


def shingles(text: str) -> set[tuple[str, ...]]:
    """Runs of SHINGLE words, leaving out "Nom, fonction :" header lines (they recur)."""
    body = "\n".join(line for line in text.splitlines() if not line.rstrip().endswith(" :"))
    w = words(body)
    return {tuple(w[i : i + SHINGLE]) for i in range(max(len(w) - SHINGLE + 1, 1))}


def _strings(value: object) -> Iterator[str]:
    """Every string of a JSON document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _texts(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".json":
        try:
            return list(_strings(json.loads(text)))
        except json.JSONDecodeError:
            pass
    return [text]


class Known:
    """Addresses, page ids and shingles of every searched file, each traced to its file."""

    def __init__(self, folders: tuple[Path, ...], skip: set[Path]) -> None:
        self.addresses: dict[str, str] = {}
        self.keys: dict[str, str] = {}
        self.shingles: dict[tuple[str, ...], str] = {}
        self.files = 0
        for folder in folders:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                if path.resolve() in skip or path.suffix in (".pyc", ".png"):
                    continue
                self.files += 1
                name = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
                for key in page_keys(path.name):
                    self.keys.setdefault(key, name)
                for text in _texts(path):
                    for url in re.findall(r"https?://[^\s\"'<>)\]]+", text):
                        self.addresses.setdefault(address(url), name)
                        for key in page_keys(url):
                            self.keys.setdefault(key, name)
                    for key in page_keys(text):
                        self.keys.setdefault(key, name)
                    for run in shingles(text):
                        self.shingles.setdefault(run, name)

    def match(self, answer: dict[str, str]) -> str | None:
        """How the answer was already seen, if it was."""
        where = self.addresses.get(address(answer["source"]))
        if where:
            return "address in " + shown(where)
        for key in sorted(page_keys(answer["source"]) | page_keys(answer["id"])):
            if key in self.keys:
                return f"page id {key} in " + shown(self.keys[key])
        for run in shingles(answer["answer"]):
            if run in self.shingles:
                return "text in " + shown(self.shingles[run])
        return None


def shown(name: str) -> str:
    """A file's name, unless it is sealed."""
    return "a sealed file" if SEALED.search(name) else name


def check(batch: Path, extra: list[Path]) -> list[str]:
    """Problem lines (empty when the batch is new to the project and has no inner copy)."""
    answers = json.loads(batch.read_text(encoding="utf-8"))["answers"]
    skip = {batch.resolve(), batch.with_name(batch.stem.replace("test_", "SOURCES_") + ".tsv")}
    skip = {p.resolve() for p in skip}
    known = Known(SEARCHED, skip)
    outside = Known(tuple(extra), skip)
    problems = []
    for answer in answers:
        how = known.match(answer) or outside.match(answer)
        if how:
            problems.append(f"{answer['id']}: {how}")
    for i, one in enumerate(answers):
        for other in answers[i + 1 :]:
            if address(one["source"]) == address(other["source"]):
                problems.append(f"{one['id']} and {other['id']}: same address")
            elif shingles(one["answer"]) & shingles(other["answer"]):
                problems.append(f"{one['id']} and {other['id']}: shared text")
    print(
        f"{len(answers)} answers checked against {known.files} files "
        f"({', '.join(str(p.relative_to(ROOT)) for p in SEARCHED)}"
        + (f", and {outside.files} files of {', '.join(map(str, extra))}" if extra else "")
        + f"): {len(problems)} overlaps"
    )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", type=Path)
    parser.add_argument("--extra", type=Path, action="append", default=[])
    args = parser.parse_args()
    problems = check(args.batch, args.extra)
    print("".join(f"  {line}\n" for line in problems), end="")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
