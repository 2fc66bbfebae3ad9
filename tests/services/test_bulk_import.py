"""Legislature-sized imports: unchanged questions skipped, changed ones re-anchored in bulk."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from qe_desktop.domain.annotation import AnchorState, Part
from qe_desktop.services.container import Services
from qe_desktop.services.serialize import question_json

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
ADDED = "Le ministre apporte les précisions suivantes."


def _corpus(tmp_path: Path, count: int = 60) -> Path:
    return write_corpus(tmp_path / "Questions_ecrites.json.zip", count, seed=5)


def _rewritten(source: Path, target: Path, changed: set[str]) -> Path:
    """The same zip with a paragraph put before the answers of `changed` (by uid)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            record = json.loads(old.read(name))
            question = record["question"]
            if question["uid"] in changed:
                answer = question["textesReponse"]["texteReponse"]
                answer["texte"] = f"<p>{ADDED}</p>" + answer["texte"]
            new.writestr(name, json.dumps(record, ensure_ascii=False))
    return target


def _imported_at(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT key, imported_at FROM questions"))


def test_reimport_counts_unchanged_questions_and_reanchors_the_changed_ones(
    services: Services, db_path: Path, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path)
    assert services.importing.import_paths([corpus]).imported == 60
    with sqlite3.connect(db_path) as connection:
        query = "SELECT key FROM questions WHERE answer_text != '' ORDER BY id LIMIT 3"
        changed = {key for (key,) in connection.execute(query)}
    notes = {
        key: services.annotations.create(key, Part.ANSWER, 10, 40, "chiffre") for key in changed
    }
    before = _imported_at(db_path)

    again = services.importing.import_paths([_rewritten(corpus, tmp_path / "v2.zip", changed)])

    assert (again.imported, again.updated, again.unchanged, again.failed) == (0, 3, 57, 0)
    after = _imported_at(db_path)
    assert {k for k in after if after[k] != before[k]} == changed
    for key, note in notes.items():
        [moved] = services.annotations.for_question(key)
        assert moved.anchor_state is AnchorState.ANCHORED
        assert moved.selector.exact == note.selector.exact
        assert moved.selector.start == note.selector.start + len(ADDED) + 1  # and a newline
        assert moved.version == note.version + 1


def test_the_last_copy_of_a_question_met_twice_wins(services: Services, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, count=5)
    with zipfile.ZipFile(corpus) as archive:
        name = archive.namelist()[0]
        record = json.loads(archive.read(name))
    uid = record["question"]["uid"]
    record["question"]["indexationAN"]["analyses"]["analyse"] = "Titre corrigé"
    later = tmp_path / "plus-tard"
    later.mkdir()
    (later / "zz-correction.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")

    report = services.importing.import_paths([corpus, later])

    assert services.questions.total() == 5
    assert services.questions.detail(uid).record.title == "Titre corrigé"
    assert report.failed == 0


@pytest.mark.parametrize("deputies_first", [True, False])
def test_questions_are_named_whatever_the_order_of_the_deputies_file(
    services: Services, tmp_path: Path, deputies_first: bool
) -> None:
    question = (DATA / "an_json" / "qe_answered" / "input.json").read_text(encoding="utf-8")
    deputy = (DATA / "amo" / "PA700001.json").read_text(encoding="utf-8")
    entries = [deputy, question] if deputies_first else [question, deputy]
    archive = tmp_path / "lot.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.json", entries[0])
        out.writestr("b.json", entries[1])

    report = services.importing.import_paths([archive])

    assert (report.imported, report.deputies, report.failed) == (1, 1, 0)
    [key] = report.keys
    assert services.questions.detail(key).record.author.name == "Jean Exemple"


def test_the_deputies_file_gives_the_seat_and_the_current_group(
    services: Services, tmp_path: Path
) -> None:
    question = (DATA / "an_json" / "qe_answered" / "input.json").read_text(encoding="utf-8")
    document = json.loads(question)
    document["question"]["auteur"]["groupe"] = None  # the record names no group
    archive = tmp_path / "AMO.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("json/question.json", json.dumps(document))
        out.writestr("json/acteur/PA700001.json", (DATA / "amo" / "PA700001.json").read_text())
        out.writestr("json/organe/PO800490.json", (DATA / "amo" / "PO800490.json").read_text())
    report = services.importing.import_paths([archive])
    assert report.failed == 0, report.failures
    [key] = report.keys
    detail = services.questions.detail(key)
    assert detail.record.author.constituency == "Aveyron (2e circonscription)"
    assert detail.deputy is not None and detail.deputy.district == "2"
    assert detail.current_group == "Libertés, Indépendants, Outre-mer et Territoires (LIOT)"
    assert question_json(detail)["current_group"] == detail.current_group
