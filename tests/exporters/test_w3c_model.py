"""A real export of the samples against every MUST of the W3C Web Annotation Data Model.

The checks (tests/exporters/web_annotation_model.py) come from the specification,
not from the exporter; the last tests prove they catch what they claim to catch.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from qe_desktop.services.container import Services
from tests.exporters.library import Annotated
from tests.exporters.web_annotation_model import (
    annotation_errors,
    collection_errors,
    page_errors,
)


@pytest.fixture
def exported(sample_services: Services, annotated: Annotated, tmp_path: Path) -> dict[str, Any]:
    """The whole library's annotations (note, tags, commitment, bare highlight, tombstone)."""
    sample_services.annotations.delete(annotated.bare.id, annotated.bare.version)
    path = tmp_path / "annotations.jsonld"
    assert sample_services.exchange.export(path) == 4
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_the_export_meets_every_must_of_the_model(exported: dict[str, Any]) -> None:
    assert collection_errors(exported) == []


def test_the_embedded_first_page_has_an_id_and_points_to_its_collection(
    exported: dict[str, Any],
) -> None:
    page = exported["first"]
    assert page["id"].startswith("urn:uuid:") and page["id"] != exported["id"]
    assert page["partOf"] == exported["id"]
    assert page_errors(page, collection=exported) == []


def test_each_annotation_alone_meets_the_model_with_the_context(
    exported: dict[str, Any],
) -> None:
    items = exported["first"]["items"]
    assert {a["motivation"] for a in items} == {"commenting", "highlighting"}
    for item in items:
        alone = {"@context": exported["@context"], **item}
        assert annotation_errors(alone) == []


def _broken(document: dict[str, Any], change: str) -> dict[str, Any]:
    broken = copy.deepcopy(document)
    first = broken["first"]
    annotation = first["items"][0]
    if change == "page id":
        del first["id"]
    elif change == "page type":
        first["type"] = "Page"
    elif change == "context":
        broken["@context"] = ["http://example.org/context.jsonld"]
    elif change == "annotation id":
        annotation["id"] = "pas une IRI"
    elif change == "target":
        del annotation["target"]
    elif change == "created":
        annotation["created"] = "2025-03-01T09:30:00+01:00"
    elif change == "exact":
        del annotation["target"]["selector"][0]["exact"]
    elif change == "start":
        annotation["target"]["selector"][1]["start"] = -1
    elif change == "value":
        del annotation["body"][0]["value"]
    elif change == "source":
        annotation["target"]["source"] = ["urn:a", "urn:b"]
    elif change == "total":
        broken["total"] = "deux"
    elif change == "next":
        broken["total"] = len(first["items"]) + 5
    elif change == "format":
        annotation["body"][0]["format"] = "markdown"
    return broken


@pytest.mark.parametrize(
    "change",
    [
        "page id",
        "page type",
        "context",
        "annotation id",
        "target",
        "created",
        "exact",
        "start",
        "value",
        "source",
        "total",
        "next",
        "format",
    ],
)
def test_the_checks_catch_each_broken_requirement(exported: dict[str, Any], change: str) -> None:
    assert collection_errors(_broken(exported, change)) != []
