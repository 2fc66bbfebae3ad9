"""Reading the Assemblée nationale open-data shape, whatever its quirks.

AN files are a mechanical conversion of XML to JSON: an element seen once is an
object, several are a list, an empty one is `null`, and a leaf with attributes
becomes `{"@attr": …, "#text": …}`. These helpers read that shape defensively so
that a hostile or truncated file ends in an ImportFailure, never a TypeError.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from qe_desktop.domain.parse_reasons import json_reason, utf8_reason
from qe_desktop.importers.errors import ImportFailure

JsonMapping = Mapping[str, object]

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]|[+-]\d{2}:?\d{2}$|Z$)")
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:$|\s)")


def load_json(data: bytes, source: str) -> object:
    """Decode a JSON document, explaining in French why it cannot be read."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailure(source, utf8_reason(exc)) from None
    if not text.strip():
        raise ImportFailure(source, "le fichier JSON est vide")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailure(source, json_reason(exc)) from None
    except (ValueError, RecursionError):
        raise ImportFailure(
            source, "JSON illisible (nombre démesuré ou imbrication trop profonde)"
        ) from None


def root_object(data: bytes, source: str, key: str, kind: str) -> object:
    """The `key` object of a `{key: {...}}` file, or why the file is not a `kind`."""
    document = load_json(data, source)
    if not isinstance(document, dict) or key not in document:
        raise ImportFailure(source, f"aucun objet « {key} » : ce n'est pas {kind}")
    return document[key]


def required_mapping(value: object, what: str, source: str) -> JsonMapping:
    """A mapping that must hold something: the whole record is read from it."""
    mapping = mapping_of(value, what, source)
    if mapping is None:
        raise ImportFailure(source, f"l'objet « {what} » est vide")
    return mapping


def mapping_of(value: object, what: str, source: str) -> JsonMapping | None:
    """An object field, `None` when empty; anything else is a malformed file."""
    if value is None or value == "":
        return None
    if type(value) is dict:  # a decoded JSON object or a converted XML element: str keys
        return value
    if isinstance(value, Mapping) and all(isinstance(key, str) for key in value):
        return value
    raise ImportFailure(source, f"champ « {what} » mal formé (objet attendu)")


def child(parent: JsonMapping | None, key: str, source: str) -> JsonMapping | None:
    """`parent[key]` as an object, tolerating a missing parent or key."""
    if parent is None:
        return None
    value = parent.get(key)
    if type(value) is dict:  # most objects: no second call (35,000 a 2,000-question import)
        return value
    return mapping_of(value, key, source)


def as_list(value: object) -> list[object]:
    """One element or several: always a list (empty for `null`)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [item for item in value if item is not None]
    return [value]


def text_of(value: object, what: str, source: str) -> str | None:
    """A leaf's text: a string, a number, or `{"#text": …}`; `None` when empty."""
    if type(value) is str:  # most leaves: tested first, without the ABC checks below
        return value.strip() or None
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        if value.get("@xsi:nil") in ("true", True):
            return None
        if "#text" in value:
            return text_of(value["#text"], what, source)
        if not value or all(str(key).startswith("@") for key in value):
            return None
    raise ImportFailure(source, f"champ « {what} » mal formé (texte attendu)")


def field_text(parent: JsonMapping | None, key: str, source: str) -> str | None:
    """`parent[key]` as text, tolerating a missing parent or key."""
    if parent is None:
        return None
    value = parent.get(key)
    if type(value) is str:  # most leaves: `text_of`'s first case, without the call
        return value.strip() or None
    return text_of(value, key, source)


def parse_an_date(value: str | None, what: str, source: str) -> date | None:
    """ISO dates (`2024-10-03`, `2024-10-03+02:00`, `2024-10-03T…`) or `DD/MM/YYYY`."""
    if value is None:
        return None
    day = _date_of(value)
    if day is None:
        raise ImportFailure(source, f"date invalide « {value[:40]} » (champ « {what} »)")
    return day


@lru_cache(maxsize=8192)
def _date_of(value: str) -> date | None:
    """`parse_an_date` without the failure: `None` for no date. Cached: a legislature's
    questions share a few hundred JO dates (8,800 dates read for 2,000 questions).
    """
    iso = _ISO_DATE.match(value)
    french = None if iso else _FR_DATE.match(value)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if french:
            return date(int(french[3]), int(french[2]), int(french[1]))
    except ValueError:
        pass
    return None
