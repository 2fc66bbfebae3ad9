"""AN open data: golden files (JSON and XML), the 14th legislature stream, broken inputs."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qe_desktop.domain.question import ClosingKind, QuestionRecord
from qe_desktop.domain.status import Status, Timing
from qe_desktop.importers import an_opendata
from qe_desktop.importers.an_opendata import iter_an_xml, parse_an_json, parse_an_xml
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.xml_guard import DTD_REFUSED

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
JSON_CASES = sorted(path.name for path in (DATA / "an_json").iterdir())
XML_CASES = sorted(path.name for path in (DATA / "an_xml").iterdir())
UPDATE = os.environ.get("QE_UPDATE_GOLDEN") == "1"  # regenerate expected.json, then review


def jsonable(value: object) -> object:
    """A record as plain JSON values, for golden files."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: jsonable(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [jsonable(item) for item in value]
    return value


def check_golden(case_dir: Path, actual: object) -> None:
    expected_path = case_dir / "expected.json"
    if UPDATE:
        text = json.dumps(actual, ensure_ascii=False, indent=2) + "\n"
        expected_path.write_text(text, encoding="utf-8")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", JSON_CASES)
def test_json_golden(case: str) -> None:
    case_dir = DATA / "an_json" / case
    record = parse_an_json((case_dir / "input.json").read_bytes(), f"{case}.json")
    check_golden(case_dir, jsonable(record))


@pytest.mark.parametrize("case", XML_CASES)
def test_xml_golden(case: str) -> None:
    case_dir = DATA / "an_xml" / case
    records = list(parse_an_xml((case_dir / "input.xml").read_bytes(), f"{case}.xml"))
    check_golden(case_dir, [jsonable(record) for record in records])


def load_json_case(case: str) -> QuestionRecord:
    return parse_an_json((DATA / "an_json" / case / "input.json").read_bytes(), "x")


def test_xml_and_json_of_the_same_question_give_the_same_record() -> None:
    from_json = load_json_case("qe_answered")
    xml = (DATA / "an_xml" / "qe_answered_namespace" / "input.xml").read_bytes()
    (from_xml,) = parse_an_xml(xml, "x")
    assert from_xml == from_json
    assert from_xml.content_hash == from_json.content_hash


def test_real_question_au_gouvernement_reads_as_answered() -> None:
    record = load_json_case("real_qg_17_1")
    assert (record.key, record.qtype, record.legislature) == ("QANR5L17QG1", "QG", 17)
    assert record.url == "https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QG1"
    assert record.author.ref == "PA842279"
    assert record.author.group == "Rassemblement National"
    assert record.answer_text is not None
    assert record.answer_text.startswith("SITUATION À MAYOTTE\nMme la présidente . La parole")
    assert "<" not in record.answer_text
    timing = _timing(record, today=date(2026, 1, 1))
    assert timing.status is Status.ANSWERED


def test_jo_heading_is_removed_from_question_text() -> None:
    record = load_json_case("qe_answered")
    assert record.question_text.startswith("M. Jean Exemple attire l'attention")
    assert "\n" in record.question_text  # <br/> became a paragraph break
    assert "aides 2023." in record.question_text  # &nbsp; became a plain space


def test_last_attribution_is_the_current_ministry() -> None:
    record = load_json_case("qe_lists_reassigned")
    assert record.ministry_asked == "Santé et prévention"
    assert record.ministry_assigned == "Organisation territoriale et professions de santé"
    assert record.assigned_on == date(2023, 9, 5)
    # the original publication sets the deadline, the last wording is the text shown
    assert record.published_on == date(2023, 6, 13)
    assert record.question_text.endswith("désertification médicale en zone rurale.")
    assert record.answer_text == "Le Gouvernement a engagé un plan d'accès aux soins."


def test_signalee_question_has_a_ten_day_deadline() -> None:
    record = load_json_case("qe_signalee_pending")
    assert record.signaled_on == date(2025, 2, 10)
    timing = _timing(record, today=date(2025, 2, 25))
    assert timing.deadline == date(2025, 2, 20)
    assert timing.status is Status.OVERDUE


def test_withdrawn_and_lapsed_closings() -> None:
    withdrawn = load_json_case("qe_withdrawn")
    lapsed = load_json_case("qe_lapsed")
    assert withdrawn.closing is not None and withdrawn.closing.kind is ClosingKind.WITHDRAWN
    assert withdrawn.closing.on == date(2022, 10, 18)
    assert lapsed.closing is not None and lapsed.closing.kind is ClosingKind.LAPSED
    assert _timing(withdrawn, today=date(2025, 1, 1)).status is Status.WITHDRAWN
    assert _timing(lapsed, today=date(2025, 1, 1)).status is Status.LAPSED


def test_published_answer_without_its_text_still_counts_as_answered() -> None:
    record = load_json_case("qe_answer_text_missing")
    assert record.closing is None
    assert record.answer_text is None
    assert record.answered_on == date(2024, 12, 3)
    assert record.answer_note == "Réponse publiée (texte absent du fichier)"
    assert record.published_on == date(2024, 9, 10)  # "2024-09-10+02:00"
    assert record.author.constituency == "Sarthe (3e circonscription)"


def test_renewals_are_sorted_dates() -> None:
    record = load_json_case("qe_renewed")
    assert record.renewed_on == (date(2020, 10, 6), date(2021, 2, 9))


def _timing(record: QuestionRecord, *, today: date) -> Timing:
    return Timing.of(
        published_on=record.published_on,
        answered_on=record.answered_on,
        has_answer=record.answer_text is not None,
        closing_kind=record.closing.kind if record.closing else None,
        signaled_on=record.signaled_on,
        today=today,
    )


# --- XML: the 14th legislature file and hostile documents --------------------------------

QUESTION_XML = (
    "<question><uid>QANR5L14QE{n}</uid><type>QE</type>"
    "<textesQuestion><texteQuestion><infoJO><dateJO>0{d}/07/2012</dateJO></infoJO>"
    "<texte>{n}. — 3 juillet 2012. — Texte de la question {n}.</texte>"
    "</texteQuestion></textesQuestion></question>"
)


def collection(*questions: str) -> bytes:
    body = "".join(questions)
    return f'<?xml version="1.0"?><questionsEcrites>{body}</questionsEcrites>'.encode()


def test_a_broken_question_in_the_collection_does_not_stop_the_others() -> None:
    broken = "<question><type>QE</type></question>"  # no uid
    data = collection(QUESTION_XML.format(n=1, d=3), broken, QUESTION_XML.format(n=3, d=4))
    results = list(iter_an_xml(data, "XIV.xml"))
    assert [type(item).__name__ for item in results] == [
        "QuestionRecord",
        "ImportFailure",
        "QuestionRecord",
    ]
    failure = results[1]
    assert isinstance(failure, ImportFailure)
    assert failure.source == "XIV.xml (question n° 2)"
    assert "uid" in failure.reason
    assert [r.question_text for r in results if isinstance(r, QuestionRecord)] == [
        "Texte de la question 1.",
        "Texte de la question 3.",
    ]


def test_truncated_collection_keeps_what_was_read_and_says_where_it_broke() -> None:
    data = collection(*(QUESTION_XML.format(n=n, d=3) for n in range(1, 4)))[:-60]
    results = list(iter_an_xml(io.BytesIO(data), "XIV.xml"))
    assert [r.number for r in results if isinstance(r, QuestionRecord)] == ["1", "2"]
    failure = results[-1]
    assert isinstance(failure, ImportFailure)
    assert failure.reason.startswith("XML invalide ou tronqué (ligne 1, colonne ")


def test_parse_an_xml_raises_the_failure() -> None:
    with pytest.raises(ImportFailure, match="aucun élément « question »"):
        list(parse_an_xml(b"<rapport><titre>x</titre></rapport>", "rapport.xml"))


def test_collection_is_streamed_with_elements_released(monkeypatch: pytest.MonkeyPatch) -> None:
    """Questions already read are dropped: the tree only holds the parser's read-ahead."""
    data = collection(*(QUESTION_XML.format(n=n, d=3) for n in range(1, 2001)))
    real_release = an_opendata._release
    held: list[int] = []

    def spy(element: Any) -> None:
        real_release(element)
        parent = element.getparent()
        held.append(len(parent) if parent is not None else 0)

    monkeypatch.setattr(an_opendata, "_release", spy)
    records = [r for r in iter_an_xml(io.BytesIO(data), "XIV.xml") if isinstance(r, QuestionRecord)]
    assert len(records) == 2000
    assert len(held) == 2000
    assert max(held) < 400  # one 32 KB read-ahead, not the 2,000 questions of the file


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_entity_declarations_are_refused(name: str) -> None:
    data = (DATA / "hostile" / name).read_bytes()
    (failure,) = list(iter_an_xml(data, name))
    assert isinstance(failure, ImportFailure)
    assert failure.reason == DTD_REFUSED  # our words, whatever the lxml release says
    assert "root:" not in failure.reason  # nothing from /etc/passwd leaks into messages


def test_external_dtd_is_refused_without_network() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE question SYSTEM "http://example.invalid/q.dtd">'
        b"<question><uid>QANR5L17QE1</uid></question>"
    )
    (failure,) = list(iter_an_xml(data, "q.xml"))
    assert isinstance(failure, ImportFailure)
    assert failure.reason == DTD_REFUSED


# --- JSON: broken inputs ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "vide"),
        (b'{"question": {"uid": "QANR5L17QE1", "type"', "JSON invalide ou tronqué (ligne 1"),
        (b"\xff\xfe{}", "UTF-8"),
        (b'{"acteur": {}}', "aucun objet « question »"),
        (b"[1, 2]", "aucun objet « question »"),
        (b'{"question": null}', "vide"),
        (b'{"question": {"type": "QE"}}', "uid"),
        (b'{"question": {"uid": "QANR5L17QE1", "identifiant": "x"}}', "identifiant"),
        (b'{"question": {"uid": ["a"]}}', "uid"),
        (b'{"question": {"uid": "QANR5L17QE1", "cloture": {"dateCloture": "31/02/2024"}}}', "date"),
        (b'{"question": {"uid": "Q", "identifiant": {"legislature": "XVII"}}}', "législature"),
        (b"[" * 100_000, "JSON"),
    ],
)
def test_malformed_json_gives_a_french_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        parse_an_json(data, "QANR5L17QE1.json")
    assert caught.value.source == "QANR5L17QE1.json"
    assert reason in caught.value.reason


# --- Hypothesis: nothing but ImportFailure escapes ------------------------------------------

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_json_parser(data: bytes) -> None:
    with contextlib.suppress(ImportFailure):
        parse_an_json(data, "x.json")


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_xml_parser(data: bytes) -> None:
    for item in iter_an_xml(data, "x.xml"):
        assert isinstance(item, QuestionRecord | ImportFailure)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(
        st.sampled_from(
            [
                "uid", "identifiant", "numero", "legislature", "type", "indexationAN",
                "analyses", "analyse", "auteur", "identite", "acteurRef", "groupe",
                "developpe", "minAttribs", "minAttrib", "infoJO", "dateJO", "texte",
                "textesQuestion", "texteQuestion", "textesReponse", "texteReponse",
                "cloture", "codeCloture", "signalement", "renouvellements",
                "renouvellement", "#text", "circonscription",
            ]
        ),
        children,
        max_size=5,
    ),
    max_leaves=25,
)  # fmt: skip


@FUZZ
@given(JSON_VALUES)
def test_wrongly_shaped_questions_never_crash_the_json_parser(question: object) -> None:
    data = json.dumps({"question": question}).encode()
    with contextlib.suppress(ImportFailure):
        parse_an_json(data, "x.json")


GOLDEN_INPUTS = [
    *(DATA / "an_json" / case / "input.json" for case in JSON_CASES),
    *(DATA / "an_xml" / case / "input.xml" for case in XML_CASES),
]


@FUZZ
@given(
    st.sampled_from(GOLDEN_INPUTS),
    st.integers(min_value=0),
    st.lists(st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=3)), max_size=4),
)
def test_damaged_real_files_never_crash_the_parsers(
    path: Path, cut: int, damage: list[tuple[int, bytes]]
) -> None:
    """Truncated or corrupted versions of valid files: a record or an ImportFailure."""
    data = bytearray(path.read_bytes())
    for position, replacement in damage:
        at = position % len(data)
        data[at : at + len(replacement)] = replacement
    damaged = bytes(data[: len(data) - cut % len(data)])
    if path.suffix == ".json":
        with contextlib.suppress(ImportFailure):
            parse_an_json(damaged, "x.json")
    else:
        for item in iter_an_xml(damaged, "x.xml"):
            assert isinstance(item, QuestionRecord | ImportFailure)
