"""tools/corpus_disjoint.py tells a labeller whether a new held-out batch is new to the project,
without showing anything of the sealed files (issue #19, third fresh split)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import corpus_disjoint  # noqa: E402

sys.path.pop(0)

DEV_S7 = ROOT / "tests" / "data" / "commitments" / "corpus" / "dev_s7.json"


def _batch(tmp_path: Path, answers: list[dict[str, str]]) -> Path:
    path = tmp_path / "test_candidates.json"
    path.write_text(json.dumps({"answers": answers}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_known_page_or_a_copied_text_is_reported_and_a_new_one_is_not(tmp_path: Path) -> None:
    known = json.loads(DEV_S7.read_text(encoding="utf-8"))["answers"][0]
    batch = _batch(
        tmp_path,
        [
            {"id": "same-page", "source": known["source"].replace("https", "http"), "answer": "x"},
            {"id": "copy", "source": "https://example.org/1", "answer": "Oui. " + known["answer"]},
            {
                "id": "new",
                "source": "https://example.org/2",
                "answer": "Une réponse inventée pour ce test, que personne n'a jamais écrite "
                "dans aucun fichier du projet, ni ailleurs, avant aujourd'hui même.",
            },
        ],
    )
    problems = corpus_disjoint.check(batch, [])
    assert problems == [
        "same-page: address in tests/data/commitments/corpus/dev_s7.json",
        "copy: text in tests/data/commitments/corpus/dev_s7.json",
    ]


def test_two_answers_of_the_batch_sharing_a_page_are_reported(tmp_path: Path) -> None:
    one = {"id": "a", "source": "https://example.org/p", "answer": "Premier texte."}
    batch = _batch(tmp_path, [one, {**one, "id": "b", "answer": "Second texte."}])
    assert corpus_disjoint.check(batch, []) == ["a and b: same address"]


def test_sealed_files_are_never_named() -> None:
    for sealed in (
        "tests/data/commitments/corpus/test_fresh2.json",
        "tests/data/commitments/corpus/test_fresh_second.json",
        "tests/data/coverage/fresh2/an/x.txt",
        "tests/data/coverage/labels_fresh_source.txt",
    ):
        assert corpus_disjoint.shown(sealed) == "a sealed file"
    assert corpus_disjoint.shown("tests/data/commitments/corpus/dev.json").endswith("dev.json")


def test_a_nosdeputes_written_question_is_the_assembly_question_under_another_address() -> None:
    nosdeputes = corpus_disjoint.page_keys("https://2017-2022.nosdeputes.fr/15/question/QE/12433")
    assembly = corpus_disjoint.page_keys(
        "http://questions.assemblee-nationale.fr/q15/15-12433QE.htm"
    )
    assert nosdeputes & assembly == {"15-12433QE"}
    assert "12-14667QE" in corpus_disjoint.page_keys("an/QANR5L12QE14667.txt")
