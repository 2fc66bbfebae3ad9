"""Sharing annotations between libraries: round trip, idempotence, tombstones, pending."""

from __future__ import annotations

import json
from pathlib import Path

from qe_desktop.app import main
from qe_desktop.domain.annotation import Part
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.conftest import SEED

QUOTE = "l'ensemble des ministères présenteront d'ici juin 2025"


def _library(path: Path, user: str) -> Services:
    return Services.build(open_library(path), user)


def _annotate(services: Services) -> tuple[str, str]:
    key = services.importing.import_paths([SEED]).keys[0]
    answer = services.questions.detail(key).record.answer_text or ""
    start = answer.index(QUOTE)
    created = services.annotations.create(
        key, Part.ANSWER, start, start + len(QUOTE), "engagement", note="Vérifier", tags=("IA",)
    )
    return key, created.id


def test_export_then_import_into_an_empty_library_reproduces_annotations(tmp_path: Path) -> None:
    alice = _library(tmp_path / "alice.sqlite", "alice")
    key, _ = _annotate(alice)
    shared = tmp_path / "partage.jsonld"
    assert alice.exchange.export(shared) == 1
    document = json.loads(shared.read_text(encoding="utf-8"))
    assert document["type"] == "AnnotationCollection"
    assert document["first"]["items"][0]["target"]["source"].endswith("#answer")

    bob = _library(tmp_path / "bob.sqlite", "bob")
    bob.importing.import_paths([SEED])
    report = bob.exchange.import_file(shared)
    assert (report.added, report.failures) == (1, [])
    assert bob.annotations.for_question(key) == alice.annotations.for_question(key)
    assert [row.key for row in bob.questions.search("Vérifier")] == [key]  # its note, searchable

    again = bob.exchange.import_file(shared)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    assert len(bob.annotations.for_question(key)) == 1


def test_a_tombstone_removes_the_annotation_in_the_other_library(tmp_path: Path) -> None:
    alice = _library(tmp_path / "alice.sqlite", "alice")
    key, annotation_id = _annotate(alice)
    shared = tmp_path / "partage.jsonld"
    alice.exchange.export(shared)
    bob = _library(tmp_path / "bob.sqlite", "bob")
    bob.importing.import_paths([SEED])
    bob.exchange.import_file(shared)

    current = alice.annotations.get(annotation_id)
    alice.annotations.delete(annotation_id, current.version)
    alice.exchange.export(shared)
    report = bob.exchange.import_file(shared)
    assert report.deleted == 1
    assert bob.annotations.for_question(key) == []


def test_annotations_for_a_missing_question_wait_for_it(tmp_path: Path) -> None:
    alice = _library(tmp_path / "alice.sqlite", "alice")
    key, _ = _annotate(alice)
    shared = tmp_path / "partage.jsonld"
    alice.exchange.export(shared)
    bob = _library(tmp_path / "bob.sqlite", "bob")
    report = bob.exchange.import_file(shared)
    assert report.pending == 1
    assert bob.exchange.pending_count() == 1
    bob.importing.import_paths([SEED])
    assert [a.selector.exact for a in bob.annotations.for_question(key)] == [QUOTE]
    assert bob.exchange.pending_count() == 0
    assert [row.key for row in bob.questions.search("Vérifier")] == [key]


def test_garbage_file_is_reported_by_name(tmp_path: Path, services: Services) -> None:
    bad = tmp_path / "pas-du-json.jsonld"
    bad.write_text("{ceci n'est pas du JSON", encoding="utf-8")
    report = services.exchange.import_file(bad)
    assert [Path(f.source).name for f in report.failures] == ["pas-du-json.jsonld"]


def test_cli_round_trip(tmp_path: Path, capsys) -> None:
    alice_db = tmp_path / "alice.sqlite"
    alice = _library(alice_db, "alice")
    key, _ = _annotate(alice)
    alice.database.close()
    out = tmp_path / "cli.jsonld"
    assert main(["--db", str(alice_db), "annotations", "export", "-o", str(out)]) == 0
    bob_db = tmp_path / "bob.sqlite"
    assert main(["--db", str(bob_db), "import", str(SEED)]) == 0
    assert main(["--db", str(bob_db), "annotations", "import", str(out)]) == 0
    assert "1 ajoutée(s)" in capsys.readouterr().out
    assert main(["--db", str(bob_db), "show", key, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [a["exact"] for a in shown["annotations"]] == [QUOTE]
