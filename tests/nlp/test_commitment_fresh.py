"""The fresh test splits (issue #19, sessions 6, 8, 9, 10) are new to the project and stay frozen.

`corpus/test_fresh.json` was collected and labelled after the first test split had been
evaluated four times; `corpus/test_fresh2.json` (session 8) before either finder ran on it, to
choose between them (DECISION_s8.md); `corpus/test_fresh3.json` (session 9) likewise, to decide
by DECISION_s9.md. Each is only worth something if none of its answers was
ever in front of the project (nor in another fresh split): not in any other file of the
commitment corpus, not among the commitment or coverage sample files, not in
`resources/samples/`. Checked by address (whatever its spelling), by the page's identifier
(qSEQ…, 14-26562QE, intervention/N, sitting page) and by text (no run of twelve normalised
words shared with any earlier text).
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qe_desktop.domain.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CORPUS = DATA / "commitments" / "corpus"
FRESH = CORPUS / "test_fresh.json"
FRESH2 = CORPUS / "test_fresh2.json"
FRESH3 = CORPUS / "test_fresh3.json"
FRESH4 = CORPUS / "test_fresh4.json"
SPLITS = {"fresh": FRESH, "fresh2": FRESH2, "fresh3": FRESH3, "fresh4": FRESH4}
CHECKED = SPLITS
"""Every sealed split: format, disjointness, read by the evaluation tools (fresh4: session 10,
CENSUS_s10.md, scored once by DECISION_s10.md)."""
MIN_ANSWERS = {"fresh4": 40}
"""fresh4 is what the census found (45 new spoken answers); the others were asked for 50."""
PRECISIONS = ("day", "month", "quarter", "semester", "season", "year", "vague")

# One home for what "already seen" means: the labellers' tool (tools/corpus_disjoint.py)
# and this test read pages, words and 12-word runs the same way.
sys.path.insert(0, str(ROOT / "tools"))
try:
    from corpus_disjoint import address, page_keys, shingles
finally:
    sys.path.pop(0)


def _corpus_answers(skip: tuple[Path, ...] = (FRESH,)) -> Iterator[dict[str, Any]]:
    for path in sorted(CORPUS.glob("*.json")):
        if path in skip:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("answers"), list):
            yield from data["answers"]


def known_pages(
    skip: tuple[Path, ...] = (FRESH,),
) -> tuple[set[str], set[str], set[tuple[str, ...]]]:
    """Addresses, page identifiers and text shingles of everything the project has seen
    (every corpus file but those in `skip`, the sample folders, resources/samples)."""
    addresses: set[str] = set()
    keys: set[str] = set()
    seen: set[tuple[str, ...]] = set()
    for answer in _corpus_answers(skip):
        addresses.add(address(answer["source"]))
        keys |= page_keys(answer["source"]) | page_keys(answer["id"])
        seen |= shingles(answer["answer"])
    for index in (DATA / "commitments" / "INDEX.tsv", DATA / "coverage" / "SOURCES_dev2.tsv"):
        with index.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                addresses.add(address(row["url"]))
                keys |= page_keys(row["url"]) | page_keys(row["file"])
    folders = [DATA / "commitments" / c for c in ("an", "senat")]
    folders += [DATA / "coverage" / c for c in ("an", "senat")]
    folders += [ROOT / "resources" / "samples"]
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            keys |= page_keys(path.name)
            text = path.read_text(encoding="utf-8", errors="replace")
            keys |= page_keys(" ".join(re.findall(r"https?://\S+", text)))
            seen |= shingles(text)
    return addresses, keys, seen


def overlaps(candidates: list[dict[str, Any]], skip: tuple[Path, ...] = (FRESH,)) -> dict[str, str]:
    """Which candidate answers the project has already seen, and how (the file holding the
    candidates goes in `skip`; the default checks the fresh split against everything else)."""
    addresses, keys, seen = known_pages(skip)
    found: dict[str, str] = {}
    for answer in candidates:
        if address(answer["source"]) in addresses:
            found[answer["id"]] = "address"
        elif page_keys(answer["source"]) & keys:
            found[answer["id"]] = "page id " + " ".join(sorted(page_keys(answer["source"]) & keys))
        elif shingles(answer["answer"]) & seen:
            found[answer["id"]] = "text"
    return found


def _fresh(split: str = "fresh") -> list[dict[str, Any]]:
    data = json.loads(CHECKED[split].read_text(encoding="utf-8"))
    answers: list[dict[str, Any]] = data["answers"]
    return answers


@pytest.mark.parametrize("split", CHECKED)
def test_the_fresh_split_parses_and_is_large_enough(split: str) -> None:
    data = json.loads(CHECKED[split].read_text(encoding="utf-8"))
    assert "frozen" in data["_policy"].lower() and data["split"] == split
    answers = data["answers"]
    assert len(answers) >= MIN_ANSWERS.get(split, 50)
    assert len({a["id"] for a in answers}) == len(answers)
    assert len({address(a["source"]) for a in answers}) == len(answers)
    assert {a["chamber"] for a in answers} == {"an", "senat"}


@pytest.mark.parametrize("split", CHECKED)
def test_each_fresh_label_names_one_place_of_its_answer(split: str) -> None:
    for answer in _fresh(split):
        for label in answer["commitments"]:
            assert answer["answer"].count(label["text"]) == 1, (answer["id"], label["text"])
            assert label["kind"] in ("firm", "soft")
            assert label["precision"] in PRECISIONS


@pytest.mark.parametrize("split", ("fresh2", "fresh3", "fresh4"))
def test_the_later_fresh_splits_label_each_sentence_once_and_skip_written_questions(
    split: str,
) -> None:
    """One label per sentence, as the evaluation scores sentences; answered_on is a real date;
    no written-question page (another labeller's coverage split draws on those)."""
    for answer in _fresh(split):
        assert answer["answered_on"] is None or date.fromisoformat(answer["answered_on"])
        assert not re.search(r"/questions/|questions\.assemblee|/question/", answer["source"])
        sentences = [s.text for s in split_sentences(answer["answer"])]
        hits = [
            [i for i, sentence in enumerate(sentences) if label["text"] in sentence]
            for label in answer["commitments"]
        ]
        assert all(len(h) == 1 for h in hits), answer["id"]
        assert len({h[0] for h in hits}) == len(hits), answer["id"]
        for label in answer["commitments"]:
            assert label["due"] is None or date.fromisoformat(label["due"])


@pytest.mark.parametrize("split", CHECKED)
def test_the_fresh_split_shares_nothing_with_what_the_project_has_seen(split: str) -> None:
    assert overlaps(_fresh(split), skip=(CHECKED[split],)) == {}


@pytest.mark.parametrize("split", CHECKED)
def test_fresh_answers_do_not_repeat_each_other(split: str) -> None:
    answers = _fresh(split)
    for i, one in enumerate(answers):
        for other in answers[i + 1 :]:
            assert not shingles(one["answer"]) & shingles(other["answer"]), (one["id"], other["id"])


@pytest.mark.parametrize("split", SPLITS)
def test_the_corpus_tools_read_the_fresh_split_and_never_train_on_it(split: str) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from commitment_corpus import FROZEN, load
    finally:
        sys.path.pop(0)
    answers = load(split)
    assert len(answers) == len(_fresh(split)) and split in FROZEN
    labels = [label for answer in answers for label in answer.labels]
    assert labels and all(label.due is None or label.due.year > 1900 for label in labels)
    evaluation = (ROOT / "tools" / "eval_commitments.py").read_text(encoding="utf-8")
    assert f'"{split}"' in evaluation  # `make eval` prints the fresh splits' figures
    training = (ROOT / "tools" / "train_commitments.py").read_text(encoding="utf-8")
    assert not re.search(r"load\(\s*[\"'](?:test|fresh)", training)


def test_asking_the_evaluation_for_help_scores_nothing() -> None:
    """`--help` or a typo prints usage: the default run would score the sealed splits."""
    tool = str(ROOT / "tools" / "eval_commitments.py")
    shown = subprocess.run(
        [sys.executable, tool, "--help"], capture_output=True, text=True, timeout=120
    )
    assert shown.returncode == 0 and "--split" in shown.stdout
    assert "precision" not in shown.stdout
    typo = subprocess.run(
        [sys.executable, tool, "--splt", "dev"], capture_output=True, text=True, timeout=120
    )
    assert typo.returncode == 2 and "precision" not in typo.stdout


def test_a_copy_under_another_address_is_caught() -> None:
    known = next(_corpus_answers())
    copy = {"id": "x", "source": "https://example.org/x", "answer": "Réponse. " + known["answer"]}
    assert overlaps([copy]) == {"x": "text"}
    assert address("http://www2.senat.fr./q/1.html/") == address("https://senat.fr/q/1.html")


if __name__ == "__main__":  # check a candidate file: python tests/nlp/test_commitment_fresh.py F
    print(json.dumps(overlaps(json.loads(Path(sys.argv[1]).read_text())["answers"]), indent=1))
