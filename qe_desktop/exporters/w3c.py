"""Annotations as W3C Web Annotation JSON-LD, to share with colleagues (DESIGN §7).

The format is documented in docs/annotation-format.md; what is not covered by
the W3C vocabulary (anchoring state, commitments, tombstones…) travels in a
small `qe:` extension of the JSON-LD context.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from qe_desktop.domain.annotation import (
    DEFAULT_CATEGORIES,
    AnnotationRecord,
    CommitmentRecord,
    StatusChange,
)
from qe_desktop.exporters.atomic import write_text_atomically

JsonObject = dict[str, Any]

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
QE_VOCABULARY = "urn:qe-desktop:vocab:"
QE_CONTEXT: JsonObject = {
    "qe": QE_VOCABULARY,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "qe:deleted": {"@type": "xsd:boolean"},
    "qe:version": {"@type": "xsd:integer"},
    "qe:dueDate": {"@type": "xsd:date"},
    "qe:nextCheck": {"@type": "xsd:date"},
    "qe:at": {"@type": "xsd:dateTime"},
    "qe:history": {"@container": "@list"},
}
CONTEXT: list[Any] = [ANNO_CONTEXT, QE_CONTEXT]
GENERATOR: JsonObject = {"type": "Software", "name": "qe-desktop"}
_DEFAULT_LABELS = {category.name: category.label for category in DEFAULT_CATEGORIES}


def annotations_to_jsonld(
    items: Sequence[tuple[AnnotationRecord, str]],
    *,
    category_labels: Mapping[str, str] | None = None,
    collection_id: str | None = None,
    label: str = "Annotations qe-desktop",
) -> JsonObject:
    """An AnnotationCollection holding every (annotation, question URI) pair.

    `category_labels` maps a category's stable name to the label the user sees
    (the default French labels when omitted); tombstones are exported too, so
    that deletions reach the people the file is shared with.
    """
    annotations = [
        annotation_to_jsonld(record, uri, category_labels=category_labels, with_context=False)
        for record, uri in items
    ]
    collection = collection_id or uuid.uuid4().urn
    page = {
        "id": page_id(collection),  # the model requires an IRI for every page (§5.2)
        "type": "AnnotationPage",
        "partOf": collection,
        "startIndex": 0,
        "items": annotations,
    }
    return {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": label,
        "generator": GENERATOR,
        "total": len(annotations),
        "first": page,
    }


def page_id(collection_id: str, number: int = 1) -> str:
    """The IRI of a collection's page: a name-based urn:uuid, the same for the same collection."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{collection_id}#page-{number}").urn


def annotation_to_jsonld(
    record: AnnotationRecord,
    question_uri: str,
    *,
    category_labels: Mapping[str, str] | None = None,
    with_context: bool = True,
) -> JsonObject:
    """One Annotation; `question_uri` is the question's official URL or urn:qe:KEY.

    Inside a collection the annotations inherit the collection's `@context`
    (as in the W3C model's examples), so `with_context=False` leaves it out.
    """
    labels = _DEFAULT_LABELS if category_labels is None else category_labels
    selector = record.selector
    annotation: JsonObject = {
        "id": annotation_urn(record.id),
        "type": "Annotation",
        "created": iso_datetime(record.created),
        "modified": iso_datetime(record.modified),
        "creator": {"type": "Person", "name": record.creator},
        "motivation": "commenting" if record.note else "highlighting",
        "body": _bodies(record, labels.get(record.category, record.category)),
        "target": {
            "source": f"{question_uri}#{record.part.value}",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": selector.exact,
                    "prefix": selector.prefix,
                    "suffix": selector.suffix,
                },
                {"type": "TextPositionSelector", "start": selector.start, "end": selector.end},
            ],
        },
        "qe:questionKey": record.question_key,
        "qe:anchorState": record.anchor_state.value,
        "qe:textHash": record.text_hash,
        "qe:deleted": record.deleted,
        "qe:version": record.version,
    }
    if with_context:
        annotation = {"@context": CONTEXT, **annotation}
    if record.previous_exact is not None:
        annotation["qe:previousExact"] = record.previous_exact
    if record.commitment is not None:
        annotation["qe:commitment"] = _commitment(record.commitment)
    return annotation


def write_jsonld(path: str | os.PathLike[str], document: Mapping[str, Any]) -> None:
    """Write the document as UTF-8 JSON, atomically: a reader never sees half a file."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_text_atomically(Path(path), text)


def annotation_urn(annotation_id: str) -> str:
    """urn:uuid:… for a uuid hex id; any other id gets a stable name-based uuid."""
    try:
        return uuid.UUID(annotation_id).urn
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, annotation_id).urn


def iso_datetime(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z; a naive datetime is taken as UTC already."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _bodies(record: AnnotationRecord, category_label: str) -> list[JsonObject]:
    bodies: list[JsonObject] = []
    if record.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/markdown",
                "value": record.note,
            }
        )
    bodies.extend(
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in record.tags
    )
    if record.category:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "classifying",
                "value": category_label,
                "qe:category": record.category,
            }
        )
    return bodies


def _commitment(commitment: CommitmentRecord) -> JsonObject:
    result: JsonObject = {}
    _put_date(result, "qe:dueDate", commitment.due_date)
    result["qe:precision"] = commitment.precision.value
    result["qe:ministry"] = commitment.ministry
    result["qe:status"] = commitment.status.value
    result["qe:evidence"] = commitment.evidence
    _put_date(result, "qe:nextCheck", commitment.next_check)
    result["qe:history"] = [_status_change(change) for change in commitment.history]
    return result


def _status_change(change: StatusChange) -> JsonObject:
    return {
        "qe:status": change.status.value,
        "qe:author": change.author,
        "qe:at": iso_datetime(change.at),
        "qe:reason": change.reason,
        "qe:evidence": change.evidence,
    }


def _put_date(target: JsonObject, key: str, day: date | None) -> None:
    if day is not None:
        target[key] = day.isoformat()
