"""Reading shared W3C Web Annotation files (DESIGN §7)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from qe_desktop.domain.annotation import (
    AnchorState,
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
    Selector,
    StatusChange,
)
from qe_desktop.exporters.w3c import annotation_to_jsonld, annotations_to_jsonld
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.w3c import ParsedAnnotation, parse_annotations, question_key_of_uri

DATA = Path(__file__).resolve().parent.parent / "data" / "w3c"
TEXT = "Le Gouvernement présentera d'ici juin 2025 un plan de 1,2 milliard d'euros."
URL = "https://www.senat.fr/questions/base/2024/qSEQ241202580.html"


def record(**changes: Any) -> AnnotationRecord:
    start = TEXT.index("d'ici juin 2025")
    values: dict[str, Any] = {
        "id": "3f2b8c4e9d0a4b1c8e7f6a5b4c3d2e1f",
        "question_key": "senat-17-02580",
        "part": Part.ANSWER,
        "selector": Selector.from_span(TEXT, start, start + len("d'ici juin 2025")),
        "category": "engagement",
        "text_hash": "b" * 32,
        "creator": "Camille Martin",
        "created": datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        "modified": datetime(2025, 3, 2, 17, 5, 12, 250000, tzinfo=UTC),
    }
    values.update(changes)
    return AnnotationRecord(**values)


FULL = record(
    note="Calendrier **précis**.\n\n- à suivre",
    tags=("plan", "2025", "Budget"),
    anchor_state=AnchorState.REVIEW,
    previous_exact="d'ici mai 2025",
    version=3,
    commitment=CommitmentRecord(
        due_date=date(2025, 6, 30),
        precision=DatePrecision.MONTH,
        ministry="Économie",
        status=CommitmentStatus.KEPT_LATE,
        evidence="JO du 12/09/2025",
        next_check=None,
        history=(
            StatusChange(
                CommitmentStatus.IN_PROGRESS, "Camille", datetime(2025, 4, 1, 8, tzinfo=UTC)
            ),
            StatusChange(
                CommitmentStatus.KEPT_LATE,
                "Léo",
                datetime(2025, 9, 12, 16, 45, tzinfo=UTC),
                reason="Publié avec trois mois de retard",
                evidence="JO du 12/09/2025",
            ),
        ),
    ),
)
TOMBSTONE = record(id="9" * 32, part=Part.QUESTION, deleted=True, category="chiffre")


def encode(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def test_export_then_import_gives_the_same_records() -> None:
    originals = [(FULL, URL), (TOMBSTONE, "urn:qe:senat-17-02580"), (record(id="2" * 32), URL)]
    parsed = parse_annotations(encode(annotations_to_jsonld(originals)), "partage.jsonld")
    assert [p.record for p in parsed] == [r for r, _ in originals]
    assert [p.source for p in parsed] == [
        URL + "#answer",
        "urn:qe:senat-17-02580#question",
        URL + "#answer",
    ]
    assert parsed[0].question_uri == URL
    assert parsed.errors == []


def test_single_annotation_and_plain_list_are_accepted() -> None:
    single = parse_annotations(encode(annotation_to_jsonld(FULL, URL)), "une.json")
    assert [p.record for p in single] == [FULL]
    listed = parse_annotations(
        encode([annotation_to_jsonld(FULL, URL), annotation_to_jsonld(TOMBSTONE, URL)]), "l.json"
    )
    assert [p.record for p in listed] == [FULL, TOMBSTONE]


@pytest.mark.parametrize(
    "shape",
    [
        lambda items: {"type": "AnnotationCollection", "first": items},
        lambda items: {
            "type": "AnnotationCollection",
            "first": [{"type": "AnnotationPage", "items": items}],
        },
        lambda items: {"type": "AnnotationPage", "items": items},
        lambda items: {
            "type": "AnnotationCollection",
            "first": {"type": "AnnotationPage", "items": items[:1], "next": {"items": items[1:]}},
        },
    ],
)
def test_pages_given_as_lists_or_chained_are_read(shape: Any) -> None:
    items = [annotation_to_jsonld(FULL, URL), annotation_to_jsonld(TOMBSTONE, URL)]
    parsed = parse_annotations(encode(shape(items)), "pages.json")
    assert [p.record for p in parsed] == [FULL, TOMBSTONE]


def test_annotations_from_another_tool_are_read_leniently() -> None:
    parsed = parse_annotations(
        (DATA / "foreign-list.json").read_bytes(),
        "foreign-list.json",
        category_by_label={"À relancer": "relancer"},
    )
    first, second = (p.record for p in parsed)
    assert first.question_key == ""  # an official URL: the caller matches it
    assert parsed[0].question_uri == URL
    assert first.part is Part.QUESTION
    assert first.note == "Le calendrier n'est **pas** tenu."
    assert first.tags == ("budget",)
    assert first.category == "relancer"  # label matched whatever its case
    assert first.creator == "acct:claire@hypothes.is"
    assert first.created == datetime(2025, 2, 3, 9, 15, tzinfo=UTC)
    assert first.modified == datetime(2025, 2, 4, 7, 0, tzinfo=UTC)
    assert first.selector.exact == "d'ici la fin de l'année"
    assert first.text_hash == ""  # unknown: the caller re-anchors it
    assert len(first.id) == 32
    assert second.question_key == "QANR5L17QE1234"
    assert second.part is Part.ANSWER
    assert second.note == "Chiffre à vérifier"
    assert second.category == "important"


def test_ids_of_foreign_annotations_are_stable_across_imports() -> None:
    data = (DATA / "foreign-list.json").read_bytes()
    once = [p.record.id for p in parse_annotations(data, "a.json")]
    again = [p.record.id for p in parse_annotations(data, "a.json")]
    assert once == again
    assert len(set(once)) == 2


def test_one_broken_annotation_is_reported_and_the_others_kept() -> None:
    broken = annotation_to_jsonld(record(id="4" * 32), URL)
    broken["target"]["selector"][1]["start"] = "douze"
    no_target = {"type": "Annotation", "id": "urn:uuid:" + "5" * 32}
    document = annotations_to_jsonld([(FULL, URL)])
    document["first"]["items"] += [broken, no_target, 42]
    parsed = parse_annotations(encode(document), "partage.jsonld")
    assert [p.record for p in parsed] == [FULL]
    assert [e.source for e in parsed.errors] == [
        "partage.jsonld (annotation n° 2)",
        "partage.jsonld (annotation n° 3)",
        "partage.jsonld (annotation n° 4)",
    ]
    assert "position invalide" in parsed.errors[0].reason
    assert "cible" in parsed.errors[1].reason


def test_unknown_project_values_are_reported_in_french() -> None:
    bad = annotation_to_jsonld(FULL, URL)
    bad["qe:anchorState"] = "perdu"
    good = annotation_to_jsonld(TOMBSTONE, URL)
    parsed = parse_annotations(encode([good, bad]), "x.json")
    assert [p.record for p in parsed] == [TOMBSTONE]
    assert parsed.errors[0].reason == "état d'ancrage inconnu : 'perdu'"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "le fichier n'est pas du texte UTF-8 (octet invalide"),
        ((DATA / "truncated.json").read_bytes(), "JSON invalide ou tronqué (ligne 1, colonne"),
        (b"42", "ne contient pas d'annotations"),
        (b'{"title": "Mes notes"}', "ni annotation ni collection"),
        (b'[{"type": "Annotation", "target": "https://exemple.fr/page"}]', "aucune annotation"),
    ],
)
def test_garbage_is_rejected_with_a_readable_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        parse_annotations(data, "notes.json")
    assert caught.value.source == "notes.json"
    assert reason in caught.value.reason


def test_empty_collection_is_not_an_error() -> None:
    parsed = parse_annotations(encode(annotations_to_jsonld([])), "vide.jsonld")
    assert parsed == []
    assert parsed.errors == []


def test_question_key_of_uri() -> None:
    assert question_key_of_uri("urn:qe:senat-17-02580#answer") == "senat-17-02580"
    assert question_key_of_uri(URL + "#question") == ""
    assert ParsedAnnotation(FULL, URL + "#answer").question_uri == URL


def test_the_documented_example_imports_and_exports_back_unchanged() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "annotation-format.md").read_text(
        encoding="utf-8"
    )
    example = json.loads(doc.rsplit("```json", 1)[1].split("```", 1)[0])
    parsed = parse_annotations(encode(example), "annotation-format.md")
    assert parsed.errors == []
    assert [p.record.deleted for p in parsed] == [False, True]
    exported = annotations_to_jsonld(
        [(p.record, p.question_uri) for p in parsed], collection_id=example["id"]
    )
    assert exported == example
