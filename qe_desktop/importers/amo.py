"""The AN deputies file (AMO): puts a name on the `acteurRef` that questions carry.

AMO archives hold one `json/acteur/PA….json` per actor (`{"acteur": {...}}`), next to
`json/organe/…` files this project does not use. Only the identity is read.
"""

from __future__ import annotations

from collections.abc import Iterator

from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.importers.an_shapes import (
    as_list,
    child,
    field_text,
    load_json,
    mapping_of,
    text_of,
)
from qe_desktop.importers.errors import ImportFailure


def parse_amo_acteur(data: bytes, source: str) -> DeputyRecord:
    """Read one AMO actor file (`{"acteur": {"uid": …, "etatCivil": {"ident": …}}}`)."""
    document = load_json(data, source)
    if not isinstance(document, dict) or "acteur" not in document:
        raise ImportFailure(
            source, "aucun objet « acteur » : ce n'est pas une fiche de député (AMO)"
        )
    return deputy_from_mapping(document["acteur"], source)


def deputy_from_mapping(value: object, source: str) -> DeputyRecord:
    """Map one `acteur` object to a record."""
    actor = mapping_of(value, "acteur", source)
    if actor is None:
        raise ImportFailure(source, "l'objet « acteur » est vide")
    ref = text_of(actor.get("uid"), "uid", source)
    if ref is None:
        raise ImportFailure(source, "référence de l'acteur (« uid ») absente")
    ident = child(child(actor, "etatCivil", source), "ident", source)
    return DeputyRecord(
        ref=ref,
        civility=field_text(ident, "civ", source) or "",
        first_name=field_text(ident, "prenom", source) or "",
        last_name=field_text(ident, "nom", source) or "",
    )


def iter_amo_export(document: object, source: str) -> Iterator[DeputyRecord | ImportFailure]:
    """Actors of a whole AMO export (`{"export": {"acteurs": {"acteur": [...]}}}`)."""
    export = child(mapping_of(document, "document", source), "export", source)
    actors = child(export, "acteurs", source)
    values = as_list(actors.get("acteur")) if actors is not None else []
    for index, value in enumerate(values, start=1):
        try:
            yield deputy_from_mapping(value, source)
        except ImportFailure as failure:
            yield ImportFailure(f"{source} (acteur n° {index})", failure.reason)
