"""The session-7 training pairs are new: no split of either corpus holds them, fresh included.

They were collected to give the coverage models more varied training answers; one that
repeated a page of the sealed fresh split would leak a test answer into training, and one
that repeated a dev or retired-test page would only weigh it twice. The check is the
labeller's tool, run on copies of the pairs against everything else the project holds,
and it names no matched file.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "coverage"
sys.path.insert(0, str(ROOT / "tools"))
try:
    from coverage_candidate_check import check
    from coverage_labels import build
finally:
    sys.path.pop(0)

SOURCES = list(csv.DictReader((DATA / "SOURCES_dev_s7.tsv").open(encoding="utf-8"), delimiter="\t"))
NAMES = [row["file"] for row in SOURCES]
# Files that hold the new pairs' own text or ids, left out of "everything else".
OWN = frozenset(
    [DATA / name for name in NAMES]
    + [DATA / "split.json", DATA / "labels.json"]
    + [DATA / "labels_dev_s7_source.txt", DATA / "SOURCES_dev_s7.tsv", DATA / "COLLECTION_s7.md"]
)


def test_every_new_pair_is_listed_labelled_and_in_dev() -> None:
    split = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    labelled = build("labels_dev_s7_source.txt", "labels.json")["files"]
    assert NAMES and set(labelled) == set(NAMES)
    assert set(NAMES) <= set(split["dev"])
    assert not set(NAMES) & set(split["test"])
    assert len(NAMES) == len(set(NAMES))


def test_no_corpus_holds_a_new_pair_by_id_or_twelve_word_run(tmp_path: Path) -> None:
    for row in SOURCES:
        name = Path(row["file"]).name
        shutil.copy(DATA / row["file"], tmp_path / name)
        (tmp_path / name).with_suffix(".url").write_text(row["url"], encoding="utf-8")
    verdicts = dict(check(tmp_path, exclude=OWN))
    assert verdicts == {Path(name).name: "OK" for name in NAMES}
