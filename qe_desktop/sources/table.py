"""The table of official sources, as data: a JSON file shipped with the app, overridable.

Shape: `{"an": {"17": URL, "16": URL, ...}, "senat": URL}`. Older AN legislatures have
their own file names (`Questions_ecrites_XV.json.zip`), so every URL is spelled out
rather than built from a pattern; a user (or an office proxy mirror) can point any
of them elsewhere with `--sources FILE.json` or in the preferences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from qe_desktop.domain.parse_reasons import text_or_json_reason
from qe_desktop.sources.errors import SourceError

DEFAULT_TABLE = "sources.json"


@dataclass(frozen=True, slots=True)
class SourceTable:
    """Where each official source lives: AN zips per legislature, the Sénat CSV."""

    an: dict[int, str] = field(default_factory=dict)
    senat: str | None = None

    @property
    def current_legislature(self) -> int | None:
        """The latest AN legislature with a source, the one updates follow by default."""
        return max(self.an) if self.an else None

    def an_url(self, legislature: int | None = None) -> tuple[int, str]:
        """The AN zip of a legislature (the current one by default)."""
        leg = legislature if legislature is not None else self.current_legislature
        if leg is None or leg not in self.an:
            known = ", ".join(str(n) for n in sorted(self.an)) or "aucune"
            raise SourceError(
                "Assemblée nationale",
                f"pas d'adresse pour la {leg}e législature (connues : {known})",
            )
        return leg, self.an[leg]

    def merged(self, other: SourceTable) -> SourceTable:
        """This table with the entries `other` names replaced."""
        return SourceTable(an={**self.an, **other.an}, senat=other.senat or self.senat)


def table_from_json(document: Any, origin: str) -> SourceTable:
    """Validate the JSON shape; a bad file is a French error naming it."""
    if not isinstance(document, dict):
        raise SourceError(origin, "table des sources invalide : un objet JSON est attendu")
    an: dict[int, str] = {}
    raw_an = document.get("an", {})
    if not isinstance(raw_an, dict):
        raise SourceError(origin, "« an » doit associer des numéros de législature à des URL")
    for leg, url in raw_an.items():
        if not str(leg).isdigit() or not _is_url(url):
            raise SourceError(origin, f"entrée « an » invalide : {leg!r} → {url!r}")
        an[int(leg)] = url
    senat = document.get("senat")
    if senat is not None and not _is_url(senat):
        raise SourceError(origin, f"« senat » doit être une URL http(s) : {senat!r}")
    unknown = sorted(set(document) - {"an", "senat"})
    if unknown:
        raise SourceError(origin, f"clé(s) inconnue(s) : {', '.join(unknown)}")
    return SourceTable(an=an, senat=senat)


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def default_table() -> SourceTable:
    """The table shipped in resources/sources.json."""
    node = resources.files("qe_desktop.resources") / DEFAULT_TABLE
    return table_from_json(json.loads(node.read_text("utf-8")), DEFAULT_TABLE)


def load_table(path: Path | None) -> SourceTable:
    """The shipped table, with the entries of `path` (when given) overriding it."""
    table = default_table()
    if path is None:
        return table
    try:
        document = json.loads(Path(path).read_text("utf-8"))
    except OSError as error:
        raise SourceError(str(path), f"lecture impossible ({error.strerror or error})") from error
    except ValueError as error:
        raise SourceError(str(path), text_or_json_reason(error)) from error
    return table.merged(table_from_json(document, str(path)))
