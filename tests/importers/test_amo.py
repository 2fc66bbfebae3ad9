"""The AN deputies file (AMO): actor records that put names on acteurRef."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qe_desktop.domain.deputy import DeputyRecord, OrganeRecord
from qe_desktop.importers.amo import iter_amo_export, parse_amo_acteur, parse_amo_organe
from qe_desktop.importers.errors import ImportFailure

AMO = Path(__file__).resolve().parents[1] / "data" / "importers" / "amo"


def test_full_actor_record() -> None:
    record = parse_amo_acteur((AMO / "PA700001.json").read_bytes(), "PA700001.json")
    assert record == DeputyRecord(
        ref="PA700001",
        civility="M.",
        first_name="Jean",
        last_name="Exemple",
        department="Aveyron",
        department_number="12",
        district="2",
        group_ref="PO800490",
    )
    assert record.constituency == "Aveyron (2e circonscription)"
    assert record.full_name == "Jean Exemple"
    assert record.formal_name == "M. Jean Exemple"


def test_minimal_actor_record() -> None:
    record = parse_amo_acteur((AMO / "PA700002.json").read_bytes(), "PA700002.json")
    assert record.formal_name == "Mme Claire Modèle"


def test_plain_string_uid_is_accepted() -> None:
    data = json.dumps({"acteur": {"uid": "PA1", "etatCivil": {"ident": {"nom": "Seul"}}}})
    record = parse_amo_acteur(data.encode(), "PA1.json")
    assert (record.ref, record.full_name, record.formal_name) == ("PA1", "Seul", "Seul")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ((AMO / "PO800490.json").read_bytes(), "aucun objet « acteur »"),
        (b'{"acteur": {"etatCivil": {}}}', "uid"),
        (b'{"acteur": {"uid": {"#text": "PA1"}, "etatCivil": []}}', "etatCivil"),
        (b'{"acteur": {"uid": {"#text": "PA1"', "JSON invalide ou tronqué"),
        (b'{"acteur": "PA1"}', "acteur"),
    ],
)
def test_malformed_actor_files_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        parse_amo_acteur(data, "PA1.json")
    assert caught.value.source == "PA1.json"
    assert reason in caught.value.reason


def test_whole_export_yields_each_actor_and_names_the_broken_one() -> None:
    document = {
        "export": {
            "acteurs": {
                "acteur": [
                    {"uid": {"#text": "PA1"}, "etatCivil": {"ident": {"prenom": "A", "nom": "Un"}}},
                    {"etatCivil": {"ident": {"nom": "Sans référence"}}},
                    {
                        "uid": {"#text": "PA3"},
                        "etatCivil": {"ident": {"prenom": "C", "nom": "Trois"}},
                    },
                ]
            }
        }
    }
    results = list(iter_amo_export(document, "AMO30.json"))
    assert [r.ref for r in results if isinstance(r, DeputyRecord)] == ["PA1", "PA3"]
    failure = results[1]
    assert isinstance(failure, ImportFailure)
    assert failure.source == "AMO30.json (acteur n° 2)"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=1000))
def test_arbitrary_bytes_never_crash_the_actor_parser(data: bytes) -> None:
    with contextlib.suppress(ImportFailure):
        parse_amo_acteur(data, "x.json")


def test_the_current_mandates_give_the_seat_and_the_group() -> None:
    actor = json.loads((AMO / "PA700001.json").read_text(encoding="utf-8"))
    mandates = actor["acteur"]["mandats"]["mandat"]
    old_seat = {**mandates[0], "uid": "PM1", "legislature": "16", "dateDebut": "2022-06-22",
                "dateFin": "2024-06-09",
                "election": {"lieu": {"departement": "Lozère", "numDepartement": "48",
                                      "numCirco": "1"}}}  # fmt: skip
    old_group = {**mandates[1], "uid": "PM2", "dateDebut": "2022-06-22", "dateFin": "2024-06-09",
                 "organes": {"organeRef": "PO1"}}  # fmt: skip
    actor["acteur"]["mandats"]["mandat"] = [old_seat, old_group, *mandates]
    record = parse_amo_acteur(json.dumps(actor).encode(), "PA700001.json")
    assert (record.department, record.district, record.group_ref) == ("Aveyron", "2", "PO800490")


def test_a_group_organe_names_the_group() -> None:
    document = json.loads((AMO / "PO800490.json").read_text(encoding="utf-8"))
    organe = parse_amo_organe(document["organe"], "PO800490.json")
    assert organe == OrganeRecord(
        "PO800490", "GP", "Libertés, Indépendants, Outre-mer et Territoires", "LIOT"
    )
    deputy = DeputyRecord("PA1", group=organe.label, group_abbrev=organe.abbrev, district="1",
                          department="Paris")  # fmt: skip
    assert deputy.group_label == "Libertés, Indépendants, Outre-mer et Territoires (LIOT)"
    assert deputy.constituency == "Paris (1re circonscription)"
