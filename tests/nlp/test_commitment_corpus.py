"""The labelled commitment corpus stays honest: the dev and test splits never share an answer.

Training and tuning read the dev split only; an answer copied into both (same page, or the
same text under another address) would leak the frozen test split into the model.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "data" / "commitments" / "corpus"


def _answers(split: str) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = json.loads(
        (CORPUS / f"{split}.json").read_text(encoding="utf-8")
    )["answers"]
    return answers


def _address(url: str) -> str:
    """The page whatever the scheme, host prefix or trailing dot: http://www2.senat.fr./x."""
    host_and_path = url.split("://")[-1].rstrip("./")
    return re.sub(r"^(?:www2?\.)", "", host_and_path).replace(".fr./", ".fr/")


def _words(text: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", text).lower()).strip()


def test_no_answer_is_in_both_splits() -> None:
    dev, test = _answers("dev"), _answers("test")
    assert len(dev) >= 120 and len(test) >= 50
    assert not {_address(a["source"]) for a in dev} & {_address(a["source"]) for a in test}
    assert not {_words(a["answer"]) for a in dev} & {_words(a["answer"]) for a in test}
    assert not {a["id"] for a in dev} & {a["id"] for a in test}


def test_addresses_are_compared_whatever_their_spelling() -> None:
    assert _address("http://www2.senat.fr./q/1.html") == _address("https://senat.fr/q/1.html")


@pytest.mark.parametrize("split", ["dev", "test", "dev_s7"])
def test_each_label_names_one_place_of_its_answer(split: str) -> None:
    for answer in _answers(split):
        for label in answer["commitments"]:
            assert answer["answer"].count(label["text"]) == 1, (answer["id"], "label")
            assert label["kind"] in ("firm", "soft")
            assert label["precision"] in (
                *("day", "month", "quarter", "semester", "season", "year", "vague"),
            )


def test_the_blind_dev_relabelling_names_dev_answers_and_places_of_them() -> None:
    second = json.loads((CORPUS / "dev_second.json").read_text(encoding="utf-8"))
    dev = {a["id"]: a["answer"] for a in _answers("dev")}
    sampled = {k: v for k, v in second.items() if not k.startswith("_")}
    assert len(sampled) >= 60 and set(sampled) <= set(dev)
    for answer_id, labels in sampled.items():
        for label in labels:
            assert dev[answer_id].count(label["text"]) == 1, (answer_id, "label")


def test_the_training_corpus_is_dev_and_the_retired_test_split() -> None:
    import sys

    sys.path.insert(0, str(CORPUS.parents[3] / "tools"))
    from commitment_corpus import load  # type: ignore[import-not-found]

    train = load("train")
    dev = _answers("dev") + _answers("dev_s7")
    assert len(train) == len(dev) + len(_answers("test"))
    assert len(load("dev")) == len(dev) and {a.id for a in train} >= {a["id"] for a in dev}
    assert "RETIRED" in json.loads((CORPUS / "test.json").read_text(encoding="utf-8"))["_policy"]


def test_the_session7_batch_is_new_to_the_project() -> None:
    """dev_s7.json (training answers collected in session 7) shares no address, page id or run
    of twelve words with any other corpus file (dev, test, and the sealed fresh files, compared
    automatically: nothing of them is printed), the sample folders or resources/samples."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_commitment_fresh import overlaps, shingles

    batch = _answers("dev_s7")
    assert len(batch) >= 80 and {a["chamber"] for a in batch} == {"an", "senat"}
    assert len({a["id"] for a in batch}) == len(batch)
    assert len({_address(a["source"]) for a in batch}) == len(batch)
    assert overlaps(batch, skip=(CORPUS / "dev_s7.json",)) == {}
    for i, one in enumerate(batch):
        for other in batch[i + 1 :]:
            assert not shingles(one["answer"]) & shingles(other["answer"]), (one["id"], other["id"])
