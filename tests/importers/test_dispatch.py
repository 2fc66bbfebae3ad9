"""Choosing the parser by name and content, and never letting an exception escape."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from qe_desktop.domain.deputy import DeputyRecord, OrganeRecord
from qe_desktop.domain.question import Chamber, QuestionRecord
from qe_desktop.importers import dispatch, sources
from qe_desktop.importers.dispatch import detect_format, iter_records, parse_item
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import SkippedEntry, SourceItem

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
QUESTION = (DATA / "an_json" / "qe_answered" / "input.json").read_bytes()
QUESTION_XML = (DATA / "an_xml" / "qe_answered_namespace" / "input.xml").read_bytes()
ACTOR = (DATA / "amo" / "PA700001.json").read_bytes()


def parse(name: str, data: bytes) -> list[QuestionRecord | DeputyRecord | ImportFailure]:
    return list(parse_item(SourceItem(name, data)))


def test_question_json_gives_a_question_named_after_its_source() -> None:
    name = "Questions_ecrites.json.zip!json/QANR5L17QE1234.json"
    (record,) = parse(name, QUESTION)
    assert isinstance(record, QuestionRecord)
    assert (record.key, record.source) == ("QANR5L17QE1234", name)


def test_actor_json_gives_a_deputy() -> None:
    (record,) = parse("AMO.json.zip!json/acteur/PA700001.json", ACTOR)
    assert isinstance(record, DeputyRecord)
    assert (record.ref, record.formal_name, record.group_ref) == (
        "PA700001",
        "M. Jean Exemple",
        "PO800490",
    )


def test_amo_group_files_give_the_group_and_other_organes_are_skipped() -> None:
    (result,) = parse(
        "AMO.zip!json/organe/PO800490.json", (DATA / "amo" / "PO800490.json").read_bytes()
    )
    assert isinstance(result, OrganeRecord) and result.abbrev == "LIOT"
    other = {"organe": {"uid": "PO1", "codeType": "COMPER", "libelle": "Commission"}}
    (skipped,) = parse("AMO.zip!json/organe/PO1.json", json.dumps(other).encode())
    assert isinstance(skipped, SkippedEntry)


def test_whole_amo_export_gives_every_deputy() -> None:
    actor = json.loads(ACTOR)["acteur"]
    document = {"export": {"acteurs": {"acteur": [actor, {**actor, "uid": {"#text": "PA2"}}]}}}
    results = parse("AMO30.json", json.dumps(document).encode())
    assert [r.ref for r in results if isinstance(r, DeputyRecord)] == ["PA700001", "PA2"]


def test_legislature_in_one_json_gives_every_question() -> None:
    question = json.loads(QUESTION)["question"]
    document = {"questionsEcrites": {"question": [question, {"type": "QE"}]}}
    first, second = parse("Questions_ecrites_XIV.json", json.dumps(document).encode())
    assert isinstance(first, QuestionRecord)
    assert isinstance(second, ImportFailure)
    assert second.source == "Questions_ecrites_XIV.json (question n° 2)"


def test_unknown_json_is_not_recognised() -> None:
    (failure,) = parse("scrutin.json", b'{"scrutin": {}}')
    assert isinstance(failure, ImportFailure) and not isinstance(failure, SkippedEntry)
    assert failure.reason.startswith("format non reconnu")


def test_xml_question_is_read() -> None:
    (record,) = parse("QANR5L17QE1234.xml", QUESTION_XML)
    assert isinstance(record, QuestionRecord)
    assert record.published_on is not None and record.published_on.isoformat() == "2024-10-08"


def test_streamed_xml_is_parsed_from_its_stream(tmp_path: Path) -> None:
    path = tmp_path / "q.xml"
    path.write_bytes(QUESTION_XML)
    item = SourceItem(str(path), opener=lambda: path.open("rb"), size=len(QUESTION_XML))
    (record,) = parse_item(item)
    assert isinstance(record, QuestionRecord) and record.uid == "QANR5L17QE1234"


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("presse-papiers", b'\xef\xbb\xbf  {"question": {}}', "json"),
        ("export.txt", b'{"question": {}}', "json"),
        ("QANR5L17QE1", b'<?xml version="1.0"?><question/>', "xml"),
        ("notes.txt", "Question de M. DUPONT…".encode(), "page"),
        ("page.htm", b"<html></html>", "page"),
        ("photo.png", b"\x89PNG", None),
        ("archive.zip!rapport.PDF", b"%PDF", None),
        ("Q.JSON", b"{}", "json"),
    ],
)
def test_format_is_decided_by_name_then_content(name: str, data: bytes, kind: str | None) -> None:
    assert detect_format(SourceItem(name, data)) == kind


def test_unrecognised_format_is_a_failure_listing_the_accepted_ones() -> None:
    (failure,) = parse("rapport.pdf", b"%PDF-1.7")
    assert isinstance(failure, ImportFailure)
    assert failure.source == "rapport.pdf"
    assert "format non reconnu (extension « .pdf »)" in failure.reason
    assert ".zip" in failure.reason


def test_json_content_in_a_text_file_is_read_as_json() -> None:
    (record,) = parse("copie.txt", QUESTION)
    assert isinstance(record, QuestionRecord) and record.key == "QANR5L17QE1234"


def test_senat_page_text_goes_to_the_page_parser() -> None:
    name = "qSEQ080203308.txt"
    (record,) = parse(name, (DATA / "dispatch" / name).read_bytes())
    assert isinstance(record, QuestionRecord)
    assert record.chamber is Chamber.SENAT
    assert record.source == name


def test_an_unexpected_error_becomes_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(value: object, source: str) -> QuestionRecord:
        raise KeyError("bug")

    monkeypatch.setattr(dispatch, "question_from_mapping", broken)
    (failure,) = parse("QANR5L17QE1.json", QUESTION)
    assert isinstance(failure, ImportFailure)
    assert failure.source == "QANR5L17QE1.json"
    assert "erreur inattendue" in failure.reason


def test_iter_records_goes_through_folders_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(QUESTION)
    (tmp_path / "b.json").write_bytes(QUESTION[:50])
    (tmp_path / "c.xml").write_bytes(QUESTION_XML)
    (tmp_path / "d.json").write_bytes(ACTOR)
    results = list(iter_records([tmp_path, tmp_path / "absent.json"]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == [
        "QuestionRecord",
        "ImportFailure",
        "QuestionRecord",
        "DeputyRecord",
        "ImportFailure",
    ]
    assert isinstance(results[1], ImportFailure)
    assert results[1].source == str(tmp_path / "b.json")
    assert "tronqué" in results[1].reason


def test_legislature_xml_in_an_archive_is_streamed_and_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "STREAM_THRESHOLD_BYTES", 1000)
    collection = (DATA / "an_xml" / "legislature14_collection" / "input.xml").read_bytes()
    path = tmp_path / "Questions_ecrites_XIV.xml.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Questions_ecrites_XIV.xml", collection)
    (item,) = sources.iter_sources([path])  # the enumeration is over: the stream still opens
    assert isinstance(item, SourceItem) and item.is_streamed
    records = list(parse_item(item))
    assert [r.key for r in records if isinstance(r, QuestionRecord)] == [
        "QANR5L14QE1",
        "QANR5L14QE2",
        "QANR5L14QE3",
    ]
    assert all(
        isinstance(r, QuestionRecord) and r.source == f"{path}!Questions_ecrites_XIV.xml"
        for r in records
    )
