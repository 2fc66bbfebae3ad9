"""Read W3C Web Annotation JSON-LD shared by colleagues (DESIGN §7).

Accepts what qe-desktop writes (docs/annotation-format.md) and, leniently, what
other annotation tools write: an AnnotationCollection, an AnnotationPage, a JSON
list of annotations or one Annotation. A broken annotation inside a good file is
reported and skipped; the others are kept.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeGuard

from qe_desktop.domain.annotation import (
    DEFAULT_CATEGORIES,
    AnchorState,
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
    Selector,
    StatusChange,
)
from qe_desktop.domain.folding import slug
from qe_desktop.domain.parse_reasons import text_or_json_reason
from qe_desktop.importers.errors import ImportFailure

DEFAULT_IMPORT_CATEGORY = "important"  # for annotations that carry no category at all
URN_PREFIX = "urn:qe:"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MAX_PAGES = 10_000
_NOTE_PURPOSES = {"commenting", "describing", "replying"}


@dataclass(frozen=True, slots=True)
class ParsedAnnotation:
    """An annotation and the target it names, before its question is looked up.

    `record.question_key` is filled from `qe:questionKey` or a `urn:qe:KEY`
    target; it is empty when the target is an official URL, which the caller
    matches against the library's questions.
    """

    record: AnnotationRecord
    source: str  # target source as written, e.g. "urn:qe:KEY#answer"

    @property
    def question_uri(self) -> str:
        """The target without its #question / #answer fragment."""
        return strip_part(self.source)


class ParsedAnnotations(list[ParsedAnnotation]):
    """The annotations read from one file, with the per-annotation failures."""

    def __init__(self, items: list[ParsedAnnotation], errors: list[ImportFailure]) -> None:
        super().__init__(items)
        self.errors = errors


class _Invalid(Exception):
    """One annotation that cannot be read; the message is the French reason."""


def parse_annotations(
    data: bytes,
    source: str,
    *,
    category_by_label: Mapping[str, str] | None = None,
) -> ParsedAnnotations:
    """Parse a JSON-LD file; raise ImportFailure when nothing in it can be used.

    `category_by_label` maps category labels (as the user sees them) to stable
    names, for annotations that name their category by label only.
    """
    try:
        document = json.loads(data)
    except ValueError as error:  # its own words are English
        raise ImportFailure(source, text_or_json_reason(error)) from error
    except RecursionError as error:
        raise ImportFailure(source, "JSON illisible (imbrication trop profonde)") from error
    raw_items = _annotation_items(document, source)
    labels = _label_index(category_by_label)
    parsed: list[ParsedAnnotation] = []
    errors: list[ImportFailure] = []
    for index, item in enumerate(raw_items, start=1):
        try:
            parsed.append(_parse_annotation(item, labels))
        except _Invalid as error:
            errors.append(ImportFailure(f"{source} (annotation n° {index})", str(error)))
    if raw_items and not parsed:
        raise ImportFailure(source, f"aucune annotation lisible : {errors[0].reason}")
    return ParsedAnnotations(parsed, errors)


def strip_part(target_source: str) -> str:
    base, hash_sign, fragment = target_source.rpartition("#")
    return base if hash_sign and fragment in (Part.QUESTION, Part.ANSWER) else target_source


def question_key_of_uri(uri: str) -> str:
    """KEY for urn:qe:KEY (fragment ignored), else "" (an official URL)."""
    uri = strip_part(uri)
    return uri[len(URN_PREFIX) :] if uri.startswith(URN_PREFIX) else ""


# -- the document ----------------------------------------------------------------


def _annotation_items(document: Any, source: str) -> list[Any]:
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise ImportFailure(source, "ce fichier ne contient pas d'annotations W3C")
    types = _types(document)
    if types & {"AnnotationCollection", "as:OrderedCollection", "OrderedCollection"}:
        return list(_collection_items(document))
    if types & {"AnnotationPage", "OrderedCollectionPage"}:
        return list(_page_items(document))
    if types & {"Annotation", "oa:Annotation"} or "target" in document:
        return [document]
    raise ImportFailure(
        source, "ce fichier ne contient ni annotation ni collection d'annotations W3C"
    )


def _collection_items(collection: dict[str, Any]) -> Iterator[Any]:
    if isinstance(collection.get("items"), list):
        yield from collection["items"]
    first = collection.get("first")
    if isinstance(first, list):
        for entry in first:
            if isinstance(entry, dict) and "AnnotationPage" in _types(entry):
                yield from _page_items(entry)
            else:
                yield entry
    elif isinstance(first, dict):
        yield from _page_items(first)


def _page_items(page: dict[str, Any]) -> Iterator[Any]:
    """Items of a page and of the pages embedded after it (linked pages are not fetched)."""
    current: Any = page
    for _ in range(_MAX_PAGES):
        if not isinstance(current, dict):
            return
        items = current.get("items", [])
        yield from items if isinstance(items, list) else [items]
        current = current.get("next")


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("type", node.get("@type"))
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


# -- one annotation --------------------------------------------------------------


def _parse_annotation(item: Any, labels: Mapping[str, str]) -> ParsedAnnotation:
    if not isinstance(item, dict):
        raise _Invalid("une annotation doit être un objet JSON")
    target_source, selector = _target(item.get("target"))
    note, tags, category = _bodies(item, labels)
    created = _datetime(item.get("created"), "created")
    modified = _datetime(item.get("modified"), "modified")
    record = AnnotationRecord(
        id=_annotation_id(item),
        question_key=_text(item, "qe:questionKey") or question_key_of_uri(target_source),
        part=_part(target_source),
        selector=selector,
        category=category,
        text_hash=_text(item, "qe:textHash"),
        creator=_creator(item.get("creator")),
        created=created or modified or _EPOCH,
        modified=modified or created or _EPOCH,
        note=note,
        tags=tags,
        anchor_state=_enum(AnchorState, item.get("qe:anchorState"), "état d'ancrage")
        or AnchorState.ANCHORED,
        previous_exact=_optional_text(item, "qe:previousExact"),
        commitment=_commitment(item.get("qe:commitment")),
        deleted=_flag(item.get("qe:deleted")),
        version=_version(item.get("qe:version")),
    )
    return ParsedAnnotation(record, target_source)


def _annotation_id(item: dict[str, Any]) -> str:
    """A uuid hex id: kept from urn:uuid:…, derived stably from any other id or content."""
    raw = item.get("id", item.get("@id"))
    if isinstance(raw, str) and raw.strip():
        try:
            return uuid.UUID(raw.strip()).hex
        except ValueError:
            return uuid.uuid5(uuid.NAMESPACE_URL, raw.strip()).hex
    content = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    return uuid.uuid5(uuid.NAMESPACE_URL, "qe-desktop:" + content).hex


def _target(target: Any) -> tuple[str, Selector]:
    candidates = target if isinstance(target, list) else [target]
    for candidate in candidates:
        if isinstance(candidate, dict) and isinstance(candidate.get("source"), str):
            selector = _selector(candidate.get("selector"))
            if selector is not None:
                return candidate["source"].strip(), selector
    if any(isinstance(c, (dict, str)) for c in candidates):
        raise _Invalid("cible sans citation (TextQuoteSelector avec « exact » et « source »)")
    raise _Invalid("annotation sans cible (« target »)")


def _selector(raw: Any) -> Selector | None:
    selectors = [s for s in (raw if isinstance(raw, list) else [raw]) if isinstance(s, dict)]
    quote = next((s for s in selectors if "TextQuoteSelector" in _types(s)), None)
    if quote is None or not isinstance(quote.get("exact"), str):
        return None
    exact = quote["exact"]
    position = next((s for s in selectors if "TextPositionSelector" in _types(s)), None)
    start, end = 0, len(exact)  # unknown position: re-anchoring will find the quote
    if position is not None:
        raw_start, raw_end = position.get("start"), position.get("end")
        if not (_is_int(raw_start) and _is_int(raw_end) and 0 <= raw_start <= raw_end):
            raise _Invalid(f"position invalide : début {raw_start!r}, fin {raw_end!r}")
        start, end = int(raw_start), int(raw_end)
    return Selector(
        exact=exact,
        prefix=_text(quote, "prefix"),
        suffix=_text(quote, "suffix"),
        start=start,
        end=end,
    )


def _part(target_source: str) -> Part:
    """#answer targets the answer; anything else, the question."""
    _base, hash_sign, fragment = target_source.rpartition("#")
    return Part.ANSWER if hash_sign and fragment == Part.ANSWER else Part.QUESTION


def _bodies(item: dict[str, Any], labels: Mapping[str, str]) -> tuple[str, tuple[str, ...], str]:
    raw = item.get("body", [])
    bodies = raw if isinstance(raw, list) else [raw]
    notes: list[str] = []
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    tags: list[str] = []
    category = ""
    for body in bodies:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue  # an IRI body or a body we cannot show: ignored
        value = body["value"]
        purposes = body.get("purpose", [])
        purposes = set(purposes if isinstance(purposes, list) else [purposes])
        if "tagging" in purposes:
            tags.append(value)
        elif "classifying" in purposes:
            category = category or _category(body, labels)
        elif not purposes or purposes & _NOTE_PURPOSES:
            notes.append(value)
    return "\n\n".join(notes), tuple(tags), category or DEFAULT_IMPORT_CATEGORY


def _category(body: dict[str, Any], labels: Mapping[str, str]) -> str:
    name = body.get("qe:category")
    if isinstance(name, str) and name.strip():
        return name.strip()
    label = body["value"].strip()
    return labels.get(label) or labels.get(label.casefold()) or _slug(label)


def _label_index(category_by_label: Mapping[str, str] | None) -> dict[str, str]:
    index = {c.label: c.name for c in DEFAULT_CATEGORIES}
    index.update(category_by_label or {})
    index.update({label.casefold(): name for label, name in list(index.items())})
    return index


def _slug(label: str) -> str:
    return slug(label) or DEFAULT_IMPORT_CATEGORY


def _creator(raw: Any) -> str:
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    if isinstance(raw, str):
        return raw
    if isinstance(raw, dict):
        for key in ("name", "nickname", "id"):
            if isinstance(raw.get(key), str):
                return str(raw[key])
    return ""


def _commitment(raw: Any) -> CommitmentRecord | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _Invalid("« qe:commitment » doit être un objet")
    history = raw.get("qe:history", [])
    if not isinstance(history, list):
        raise _Invalid("« qe:history » doit être une liste")
    return CommitmentRecord(
        due_date=_date(raw.get("qe:dueDate"), "qe:dueDate"),
        precision=_enum(DatePrecision, raw.get("qe:precision"), "précision d'échéance")
        or DatePrecision.VAGUE,
        ministry=_text(raw, "qe:ministry"),
        status=_enum(CommitmentStatus, raw.get("qe:status"), "statut d'engagement")
        or CommitmentStatus.TO_CHECK,
        evidence=_text(raw, "qe:evidence"),
        next_check=_date(raw.get("qe:nextCheck"), "qe:nextCheck"),
        history=tuple(_status_change(change) for change in history),
    )


def _status_change(raw: Any) -> StatusChange:
    if not isinstance(raw, dict):
        raise _Invalid("un changement de statut doit être un objet")
    status = _enum(CommitmentStatus, raw.get("qe:status"), "statut d'engagement")
    at = _datetime(raw.get("qe:at"), "qe:at")
    if status is None or at is None:
        raise _Invalid("changement de statut sans « qe:status » ou sans « qe:at »")
    return StatusChange(
        status=status,
        author=_text(raw, "qe:author"),
        at=at,
        reason=_text(raw, "qe:reason"),
        evidence=_text(raw, "qe:evidence"),
    )


# -- values ----------------------------------------------------------------------


def _text(node: dict[str, Any], key: str) -> str:
    value = node.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Invalid(f"« {key} » doit être un texte")
    return value


def _optional_text(node: dict[str, Any], key: str) -> str | None:
    return _text(node, key) if node.get(key) is not None else None


def _enum[E: (AnchorState, DatePrecision, CommitmentStatus)](
    kind: type[E], value: Any, what: str
) -> E | None:
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        raise _Invalid(f"{what} inconnu : {value!r}") from None


def _datetime(value: Any, key: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        raise _Invalid(f"date et heure invalides dans « {key} » : {value!r}")
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _date(value: Any, key: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value)
    raise _Invalid(f"date invalide dans « {key} » : {value!r}")


def _flag(value: Any) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _Invalid(f"« qe:deleted » doit valoir true ou false, pas {value!r}")
    return value


def _version(value: Any) -> int:
    if value is None:
        return 1
    if not _is_int(value) or value < 1:
        raise _Invalid(f"« qe:version » doit être un entier positif, pas {value!r}")
    return int(value)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
