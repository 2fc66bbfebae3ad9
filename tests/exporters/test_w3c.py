"""W3C Web Annotation JSON-LD export: the shape colleagues' tools expect (DESIGN §7)."""

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
from qe_desktop.exporters.w3c import (
    ANNO_CONTEXT,
    annotation_to_jsonld,
    annotations_to_jsonld,
    iso_datetime,
    write_jsonld,
)

TEXT = "La ministre indique que le rapport sera remis au Parlement d'ici juin 2025."
URI = "https://www.senat.fr/questions/base/2024/qSEQ241202580.html"


def record(**changes: Any) -> AnnotationRecord:
    start = TEXT.index("d'ici juin 2025")
    values: dict[str, Any] = {
        "id": "3f2b8c4e9d0a4b1c8e7f6a5b4c3d2e1f",
        "question_key": "senat-17-02580",
        "part": Part.ANSWER,
        "selector": Selector.from_span(TEXT, start, start + len("d'ici juin 2025")),
        "category": "engagement",
        "text_hash": "a" * 32,
        "creator": "Camille Martin",
        "created": datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        "modified": datetime(2025, 3, 2, 17, 5, 12, 250000, tzinfo=UTC),
    }
    values.update(changes)
    return AnnotationRecord(**values)


def test_collection_holds_the_annotations_in_its_first_page() -> None:
    document = annotations_to_jsonld([(record(), URI), (record(id="1" * 32), "urn:qe:K")])
    assert document["type"] == "AnnotationCollection"
    assert document["@context"][0] == ANNO_CONTEXT
    assert document["id"].startswith("urn:uuid:")
    assert document["total"] == 2
    page = document["first"]
    assert page["type"] == "AnnotationPage"
    assert [a["id"] for a in page["items"]] == [
        "urn:uuid:3f2b8c4e-9d0a-4b1c-8e7f-6a5b4c3d2e1f",
        "urn:uuid:11111111-1111-1111-1111-111111111111",
    ]
    assert all("@context" not in a for a in page["items"])  # inherited from the collection
    json.dumps(document)  # plain JSON all the way down


def test_annotation_has_the_w3c_required_keys_and_selectors() -> None:
    annotation = annotation_to_jsonld(record(), URI)
    assert annotation["@context"][0] == ANNO_CONTEXT
    assert annotation["type"] == "Annotation"
    assert annotation["created"] == "2025-03-01T09:30:00Z"
    assert annotation["modified"] == "2025-03-02T17:05:12.250000Z"
    assert annotation["creator"] == {"type": "Person", "name": "Camille Martin"}
    assert annotation["motivation"] == "highlighting"
    assert annotation["target"] == {
        "source": URI + "#answer",
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": "d'ici juin 2025",
                "prefix": "rapport sera remis au Parlement ",
                "suffix": ".",
            },
            {"type": "TextPositionSelector", "start": 59, "end": 74},
        ],
    }
    assert TEXT[59:74] == "d'ici juin 2025"


def test_note_tags_and_category_become_textual_bodies() -> None:
    annotation = annotation_to_jsonld(
        record(note="Échéance **précise** : à suivre.", tags=("rapport", "2025")), URI
    )
    assert annotation["motivation"] == "commenting"
    assert annotation["body"] == [
        {
            "type": "TextualBody",
            "purpose": "commenting",
            "format": "text/markdown",
            "value": "Échéance **précise** : à suivre.",
        },
        {"type": "TextualBody", "purpose": "tagging", "value": "rapport"},
        {"type": "TextualBody", "purpose": "tagging", "value": "2025"},
        {
            "type": "TextualBody",
            "purpose": "classifying",
            "value": "Engagement",
            "qe:category": "engagement",
        },
    ]


def test_category_label_follows_the_users_labels() -> None:
    annotation = annotation_to_jsonld(
        record(category="relancer"), URI, category_labels={"relancer": "Relance ministère"}
    )
    assert annotation["body"][-1]["value"] == "Relance ministère"
    assert annotation["body"][-1]["qe:category"] == "relancer"


def test_project_fields_travel_in_the_qe_extension() -> None:
    commitment = CommitmentRecord(
        due_date=date(2025, 6, 30),
        precision=DatePrecision.MONTH,
        ministry="Transition écologique",
        status=CommitmentStatus.IN_PROGRESS,
        evidence="Annonce en conseil des ministres",
        next_check=date(2025, 7, 15),
        history=(
            StatusChange(
                CommitmentStatus.IN_PROGRESS,
                "Camille Martin",
                datetime(2025, 4, 1, 8, 0, tzinfo=UTC),
                reason="Calendrier confirmé",
            ),
        ),
    )
    annotation = annotation_to_jsonld(
        record(
            anchor_state=AnchorState.REVIEW,
            previous_exact="d'ici mai 2025",
            commitment=commitment,
            deleted=True,
            version=4,
        ),
        URI,
    )
    assert annotation["qe:questionKey"] == "senat-17-02580"
    assert annotation["qe:anchorState"] == "review"
    assert annotation["qe:textHash"] == "a" * 32
    assert annotation["qe:previousExact"] == "d'ici mai 2025"
    assert annotation["qe:deleted"] is True
    assert annotation["qe:version"] == 4
    assert annotation["qe:commitment"] == {
        "qe:dueDate": "2025-06-30",
        "qe:precision": "month",
        "qe:ministry": "Transition écologique",
        "qe:status": "en_cours",
        "qe:evidence": "Annonce en conseil des ministres",
        "qe:nextCheck": "2025-07-15",
        "qe:history": [
            {
                "qe:status": "en_cours",
                "qe:author": "Camille Martin",
                "qe:at": "2025-04-01T08:00:00Z",
                "qe:reason": "Calendrier confirmé",
                "qe:evidence": "",
            }
        ],
    }
    context = annotation["@context"][1]
    assert context["qe"].startswith("urn:")
    assert context["qe:dueDate"] == {"@type": "xsd:date"}


def test_plain_annotation_leaves_optional_project_fields_out() -> None:
    annotation = annotation_to_jsonld(record(), "urn:qe:senat-17-02580")
    assert "qe:previousExact" not in annotation
    assert "qe:commitment" not in annotation
    assert annotation["qe:deleted"] is False
    assert annotation["target"]["source"] == "urn:qe:senat-17-02580#answer"


def test_times_are_written_in_utc() -> None:
    paris = datetime.fromisoformat("2025-03-01T10:30:00+01:00")
    assert iso_datetime(paris) == "2025-03-01T09:30:00Z"
    assert iso_datetime(datetime(2025, 3, 1, 9, 30)) == "2025-03-01T09:30:00Z"


def test_write_jsonld_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "notes.jsonld"
    target.write_text("ancien contenu", encoding="utf-8")
    document = annotations_to_jsonld([(record(note="Élément à suivre"), URI)])
    write_jsonld(target, document)
    assert json.loads(target.read_text(encoding="utf-8")) == document
    assert "Élément à suivre" in target.read_text(encoding="utf-8")  # not \\u-escaped
    assert [p.name for p in tmp_path.iterdir()] == ["notes.jsonld"]


def test_failed_write_keeps_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "notes.jsonld"
    target.write_text("ancien contenu", encoding="utf-8")
    with pytest.raises(TypeError):
        write_jsonld(target, {"bad": object()})
    assert target.read_text(encoding="utf-8") == "ancien contenu"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.jsonld"]
