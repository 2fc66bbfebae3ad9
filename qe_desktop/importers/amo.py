"""The AN deputies file (AMO): puts a name, a seat and a group on the `acteurRef`.

AMO archives hold one `json/acteur/PA….json` per actor (`{"acteur": {...}}`) and one
`json/organe/PO….json` per organe. From an actor: the identity, the seat of the current
AN mandate (`typeOrgane` ASSEMBLEE: `election.lieu.departement`, `numCirco`) and the
current political group (`typeOrgane` GP: `organes.organeRef`). From an organe: the
label and abbreviation that name a group. "Current" is the mandate with no `dateFin`,
else the one that started last.
"""

from __future__ import annotations

from collections.abc import Iterator

from qe_desktop.domain.deputy import DeputyRecord, OrganeRecord
from qe_desktop.importers.an_shapes import (
    JsonMapping,
    as_list,
    child,
    field_text,
    mapping_of,
    required_mapping,
    root_object,
    text_of,
)
from qe_desktop.importers.errors import ImportFailure

GROUP_KIND = "GP"  # codeType of a political group


def parse_amo_acteur(data: bytes, source: str) -> DeputyRecord:
    """Read one AMO actor file (`{"acteur": {"uid": …, "etatCivil": {"ident": …}}}`)."""
    actor = root_object(data, source, "acteur", "une fiche de député (AMO)")
    return deputy_from_mapping(actor, source)


def deputy_from_mapping(value: object, source: str) -> DeputyRecord:
    """Map one `acteur` object to a record."""
    actor = required_mapping(value, "acteur", source)
    ref = text_of(actor.get("uid"), "uid", source)
    if ref is None:
        raise ImportFailure(source, "référence de l'acteur (« uid ») absente")
    ident = child(child(actor, "etatCivil", source), "ident", source)
    mandates = _mandates(actor, source)
    seat = _current(mandates, "ASSEMBLEE")
    place = child(child(seat, "election", source), "lieu", source) if seat else None
    group = _current(mandates, "GP")
    organes = child(group, "organes", source) if group else None
    return DeputyRecord(
        ref=ref,
        civility=field_text(ident, "civ", source) or "",
        first_name=field_text(ident, "prenom", source) or "",
        last_name=field_text(ident, "nom", source) or "",
        department=field_text(place, "departement", source) or "",
        department_number=field_text(place, "numDepartement", source) or "",
        district=(field_text(place, "numCirco", source) or "").lstrip("0"),
        group_ref=_first_ref(organes, source),
    )


def _mandates(actor: JsonMapping, source: str) -> list[JsonMapping]:
    holder = child(actor, "mandats", source)
    values = as_list(holder.get("mandat")) if holder is not None else []
    return [value for value in values if isinstance(value, dict)]


def _current(mandates: list[JsonMapping], kind: str) -> JsonMapping | None:
    """The open mandate of that kind (no dateFin), else the one that started last."""
    mine = [m for m in mandates if m.get("typeOrgane") == kind]
    if not mine:
        return None
    return max(mine, key=lambda m: (not m.get("dateFin"), str(m.get("dateDebut") or "")))


def _first_ref(organes: JsonMapping | None, source: str) -> str:
    if organes is None:
        return ""
    refs = as_list(organes.get("organeRef"))
    return (text_of(refs[0], "organeRef", source) or "") if refs else ""


def parse_amo_organe(value: object, source: str) -> OrganeRecord:
    """One `organe` object (`{"uid", "codeType", "libelle", "libelleAbrege"}`)."""
    organe = required_mapping(value, "organe", source)
    ref = text_of(organe.get("uid"), "uid", source)
    if ref is None:
        raise ImportFailure(source, "référence de l'organe (« uid ») absente")
    return OrganeRecord(
        ref=ref,
        kind=field_text(organe, "codeType", source) or "",
        label=field_text(organe, "libelle", source) or "",
        abbrev=field_text(organe, "libelleAbrege", source) or "",
    )


def iter_amo_export(
    document: object, source: str
) -> Iterator[DeputyRecord | OrganeRecord | ImportFailure]:
    """Political groups, then actors, of a whole AMO export (`{"export": {"organes": …,
    "acteurs": {"acteur": [...]}}}`)."""
    export = child(mapping_of(document, "document", source), "export", source)
    organes = child(export, "organes", source)
    for index, value in enumerate(as_list(organes.get("organe")) if organes else [], start=1):
        try:
            organe = parse_amo_organe(value, source)
        except ImportFailure as failure:
            yield ImportFailure(f"{source} (organe n° {index})", failure.reason)
            continue
        if organe.kind == GROUP_KIND:
            yield organe
    actors = child(export, "acteurs", source)
    values = as_list(actors.get("acteur")) if actors is not None else []
    for index, value in enumerate(values, start=1):
        try:
            yield deputy_from_mapping(value, source)
        except ImportFailure as failure:
            yield ImportFailure(f"{source} (acteur n° {index})", failure.reason)
