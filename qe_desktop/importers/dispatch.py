"""Decide what an input is (by its name, then its first bytes) and hand it to the right parser.

`.csv` is the Sénat's questions file (questions-depuis-un-an.csv);
`.json` is AN open data (`question`, or a whole collection) or the AN deputies file
(`acteur`, or a whole `export`); `.xml` is AN open data, streamed; `.html`/`.htm` is a
saved Sénat page; `.txt` and extensionless inputs are looked at: JSON, XML, else page
text. Parsing never raises: every problem comes out as an `ImportFailure` in the stream,
so one broken file never stops an import (DESIGN §5).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from qe_desktop.domain.deputy import DeputyRecord, OrganeRecord
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers.amo import (
    GROUP_KIND,
    deputy_from_mapping,
    iter_amo_export,
    parse_amo_organe,
)
from qe_desktop.importers.an_opendata import iter_an_xml, question_from_mapping
from qe_desktop.importers.an_shapes import as_list, load_json
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.senat_csv import iter_senat_csv, looks_like_senat_csv
from qe_desktop.importers.sources import SkippedEntry, SourceItem, iter_sources, name_suffix

logger = logging.getLogger(__name__)

Parsed = QuestionRecord | DeputyRecord | OrganeRecord | ImportFailure

_PAGE_SUFFIXES = frozenset({".html", ".htm"})
_SNIFFED_SUFFIXES = frozenset({".txt", ""})
_QUESTION_COLLECTIONS = ("questionsEcrites", "questionsGvt", "questionsOralesSansDebat")
_UNUSED_AMO_OBJECTS = ("deport", "mandat", "pays")
_SNIFF_BYTES = 512


def parse_item(item: SourceItem) -> Iterator[Parsed]:
    """Records read from one input, and failures (with the input's name) in their place."""
    try:
        yield from _parse(item)
    except ImportFailure as failure:
        yield failure
    except Exception as exc:  # last line of defence: hostile input must not stop an import
        logger.error("Unexpected error reading %s", item.name, exc_info=True)
        yield ImportFailure(
            item.name, f"erreur inattendue en lisant le fichier ({type(exc).__name__})"
        )


def iter_records(paths: Sequence[Path]) -> Iterator[Parsed]:
    """Everything under `paths`, parsed: the whole import pipeline minus storage."""
    for source in iter_sources(paths):
        if isinstance(source, ImportFailure):
            yield source
        else:
            yield from parse_item(source)


def detect_format(item: SourceItem) -> str | None:
    """`json`, `xml`, `page`, `senat_csv`, or `None` when the input is none of these."""
    suffix = name_suffix(item.name.rsplit("!", 1)[-1].replace("\\", "/"))
    if suffix == ".csv":
        with item.open() as stream:
            return "senat_csv" if looks_like_senat_csv(stream.read(_SNIFF_BYTES * 8)) else None
    if suffix in (".json", ".xml"):
        return suffix[1:]
    if suffix in _PAGE_SUFFIXES:
        return "page"
    if suffix not in _SNIFFED_SUFFIXES:
        return None
    with item.open() as stream:
        head = stream.read(_SNIFF_BYTES)
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith((b"{", b"[")):
        return "json"
    if start.startswith((b"<?xml", b"<question")):
        return "xml"
    return "page"


def _parse(item: SourceItem) -> Iterator[Parsed]:
    kind = detect_format(item)
    if kind == "xml":
        with item.open() as stream:
            yield from iter_an_xml(stream, item.name)
    elif kind == "json":
        yield from _parse_json(item)
    elif kind == "page":
        yield _parse_page(item)
    elif kind == "senat_csv":
        yield from iter_senat_csv(item.data, item.name)
    else:
        suffix = PurePosixPath(item.name).suffix
        raise ImportFailure(
            item.name,
            f"format non reconnu (extension « {suffix} ») : formats acceptés .json, .xml "
            "(open data de l'AN), .html, .htm, .txt (pages du Sénat), .csv (questions du "
            "Sénat) et .zip",
        )


def _parse_json(item: SourceItem) -> Iterator[Parsed]:
    document = load_json(item.data, item.name)
    if isinstance(document, dict):
        if "question" in document:
            yield question_from_mapping(document["question"], item.name)
            return
        if "acteur" in document:
            yield deputy_from_mapping(document["acteur"], item.name)
            return
        if "organe" in document:
            organe = parse_amo_organe(document["organe"], item.name)
            if organe.kind != GROUP_KIND:
                raise SkippedEntry(item.name, "ignoré : organe AMO qui n'est pas un groupe")
            yield organe
            return
        if "export" in document:
            yield from iter_amo_export(document, item.name)
            return
        for key in _QUESTION_COLLECTIONS:
            if key in document:
                yield from _question_collection(document[key], item.name)
                return
        if any(key in document for key in _UNUSED_AMO_OBJECTS):
            raise SkippedEntry(item.name, "ignoré : fiche du référentiel AMO sans député")
    raise ImportFailure(
        item.name,
        "format non reconnu : JSON sans objet « question » (AN) ni « acteur » (députés)",
    )


def _question_collection(value: object, source: str) -> Iterator[Parsed]:
    """A whole legislature in one JSON (`{"questionsEcrites": {"question": [...]}}`)."""
    questions = as_list(value.get("question")) if isinstance(value, dict) else []
    if not questions:
        raise ImportFailure(source, "collection de questions vide")
    for index, question in enumerate(questions, start=1):
        try:
            yield question_from_mapping(question, source)
        except ImportFailure as failure:
            yield ImportFailure(f"{source} (question n° {index})", failure.reason)


def _parse_page(item: SourceItem) -> QuestionRecord | ImportFailure:
    try:
        from qe_desktop.importers.pages import parse_page_bytes
    except ImportError:
        return ImportFailure(item.name, "lecteur de pages du Sénat indisponible")
    record: QuestionRecord = parse_page_bytes(item.data, item.name)
    return record
