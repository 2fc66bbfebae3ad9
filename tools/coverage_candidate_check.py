"""Check candidate coverage pairs before labelling them: parsed, and new to every corpus.

A labeller collecting more training pairs must drop any page the project already holds, in
any split of either corpus, the sealed fresh splits included (a repeated page would leak a
test answer into training). This compares each candidate with every file under
tests/data/coverage, tests/data/commitments and resources/samples by question identifier
(Sénat page id, AN q-page or /dyn/ id, in one spelling) and by any shared run of 12 words
(runs naming a minister left out: long ministry titles recur on unrelated pages).

It prints one line per candidate: its name and OK, DROP (already held somewhere), DUP (repeats
an earlier candidate) or PARSE (not a question with an answer). It never says which file
matched, so running it reveals nothing of the sealed files.

Run: `.venv/bin/python tools/coverage_candidate_check.py DIR` (DIR holds the candidate .txt
files; an optional NAME.url beside a file gives its address).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qe_desktop.domain.folding import fold  # noqa: E402
from qe_desktop.domain.question import QuestionRecord  # noqa: E402
from qe_desktop.importers.dispatch import iter_records  # noqa: E402

CORPORA = [
    ROOT / "tests/data/coverage",
    ROOT / "tests/data/commitments",
    ROOT / "resources/samples",
]
SUFFIXES = (".txt", ".json", ".xml", ".html", ".htm", ".tsv", ".md")
RUN = 12
_ID = re.compile(r"qSEQ\d{8,9}[A-Z]?|QANR5L\d+Q[EG]\d+|\b\d{1,2}-\d+Q[EG]\b", re.IGNORECASE)

Runs = set[tuple[str, ...]]


def ids(text: str) -> set[str]:
    """Question identifiers in a text, an AN q-page id ("14-1234QE") spelt as its /dyn/ id."""
    out = set()
    for found in _ID.findall(text):
        old = re.fullmatch(r"(\d{1,2})-(\d+)(Q[EG])", found, re.IGNORECASE)
        out.add(f"QANR5L{old[1]}{old[3]}{old[2]}".upper() if old else found.upper())
    return out


# Ministry titles ("M. le ministre d'État, ministre de l'écologie, du développement et de
# l'aménagement durables, sur…") run past 12 words and recur on unrelated pages, as the
# NosDéputés header lines do in the commitments check: a run that touches a title proves
# nothing. A title runs from a title word to the "sur"/"que"/"si" that ends the addressee.
TITLE_WORDS = frozenset({"ministre", "ministere", "ministres", "secretaire", "sceaux"})
TITLE_END = frozenset({"sur", "que", "qu", "si", "s", "concernant", "quant"})
TITLE_MAX = 30


def _title_positions(words: list[str]) -> set[int]:
    """Indexes of the words inside ministry titles."""
    inside: set[int] = set()
    i = 0
    while i < len(words):
        if words[i] in TITLE_WORDS:
            j = i
            while j < len(words) and j - i < TITLE_MAX and words[j] not in TITLE_END:
                inside.add(j)
                j += 1
            i = j
        i += 1
    return inside


def runs(text: str) -> Runs:
    """Every run of RUN consecutive folded words, except runs touching a ministry title."""
    words = re.findall(r"\w+", fold(text))
    title = _title_positions(words)
    return {
        tuple(words[i : i + RUN])
        for i in range(len(words) - RUN + 1)
        if not title.intersection(range(i, i + RUN))
    }


def _files(folders: Iterable[Path], exclude: frozenset[Path]) -> Iterator[Path]:
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES and path not in exclude:
                yield path


def held(
    folders: Iterable[Path] = CORPORA, exclude: frozenset[Path] = frozenset()
) -> tuple[set[str], Runs]:
    """Identifiers and word runs of every file the project holds (raw text: names, labels,
    indexes and JSON corpora alike, so nothing depends on a file parsing); `exclude` leaves
    out files that hold the candidates themselves (once added, a pair is in its own corpus)."""
    all_ids: set[str] = set()
    all_runs: Runs = set()
    for path in _files(folders, exclude):
        text = path.read_text(encoding="utf-8", errors="ignore")
        all_ids |= ids(path.name) | ids(text)
        all_runs |= runs(text)
    return all_ids, all_runs


def check(
    candidates: Path, folders: Iterable[Path] = CORPORA, exclude: frozenset[Path] = frozenset()
) -> list[tuple[str, str]]:
    """(file name, verdict) for each candidate .txt file, in name order."""
    known_ids, known_runs = held(folders, exclude)
    seen: Runs = set()
    out = []
    for path in sorted(candidates.glob("*.txt")):
        url_file = path.with_suffix(".url")
        url = url_file.read_text(encoding="utf-8").strip() if url_file.exists() else ""
        try:
            record = next(iter_records([path]))
        except Exception:  # noqa: BLE001 - any page the importers reject is not a candidate
            out.append((path.name, "PARSE"))
            continue
        if not (isinstance(record, QuestionRecord) and record.question_text and record.answer_text):
            out.append((path.name, "PARSE"))
            continue
        mine = ids(path.name) | ids(url) | ids(record.key) | ids(record.url or "")
        words = runs(f"{record.question_text}\n{record.answer_text}")
        if mine & known_ids or words & known_runs:
            verdict = "DROP"
        elif words & seen:
            verdict = "DUP"
        else:
            verdict = "OK"
        seen |= words
        out.append((path.name, verdict))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of candidate .txt pages")
    args = parser.parse_args()
    for name, verdict in check(args.folder):
        print(f"{name}\t{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
