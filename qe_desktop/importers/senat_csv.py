"""The Sénat's `questions-depuis-un-an.csv`: metadata and status of a year of questions.

`;`-separated, Latin-1/Windows-1252 (UTF-8 accepted too), ISO dates. Columns are read
by header name, so a reordered, shortened or lengthened file still imports; headers we
do not know are reported (a `SkippedEntry`), rows that cannot be read are reported with
their line number and the other rows are imported. The CSV carries no texts: those come
from each question's page ("URL Question"), fetched for what the user follows or opens.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime

from qe_desktop.domain.parse_reasons import csv_reason
from qe_desktop.domain.question import Author, Chamber, Closing, ClosingKind, QuestionRecord
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import SkippedEntry

KNOWN_HEADERS = (
    "Sort",
    "Nature",
    "Numéro",
    "Référence",
    "Titre",
    "Nom",
    "Prénom",
    "Civilité",
    "Circonscription",
    "Groupe",
    "Type Appartenance",
    "Date de publication JO",
    "Ministère de dépôt",
    "Date de transmission",
    "Ministère de transmission",
    "Ministère de réponse",
    "Date de réponse JO",
    "Référence de la question rappelée",
    "Thème(s)",
    "Thème QC",
    "URL Question",
)
REQUIRED = ("Numéro", "Date de publication JO")
# Where the Sénat's legislatures begin (they follow the Assemblée's): numbers restart.
LEGISLATURE_STARTS = (
    (17, date(2024, 7, 18)),
    (16, date(2022, 6, 28)),
    (15, date(2017, 6, 27)),
    (14, date(2012, 6, 26)),
    (13, date(2007, 6, 26)),
    (12, date(2002, 6, 25)),
    (11, date(1997, 6, 12)),
)
_PAGE_ID = re.compile(r"(q[A-Z]{2,5}\d{6,}[A-Z]?)", re.IGNORECASE)
_SIGNATURE = ("numero", "url question")


def _fold(value: str) -> str:
    """Header spelling differences (accents, case, spaces) do not matter."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("\ufeff", "").split())


_BY_FOLDED = {_fold(name): name for name in KNOWN_HEADERS}


def looks_like_senat_csv(head: bytes) -> bool:
    """Whether the first bytes are this CSV's header line."""
    first = _decode(head.split(b"\n", 1)[0])
    folded = _fold(first)
    return ";" in first and all(mark in folded for mark in _SIGNATURE)


def iter_senat_csv(data: bytes, source: str) -> Iterator[QuestionRecord | ImportFailure]:
    """One record per readable row; failures for unreadable rows, a note for odd headers."""
    reader = csv.reader(io.StringIO(_decode(data), newline=""), delimiter=";")
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailure(source, "fichier CSV vide") from None
    except csv.Error as error:
        raise ImportFailure(source, f"en-tête CSV illisible : {csv_reason(error)}") from error
    columns = {_BY_FOLDED.get(_fold(h), h.strip()): i for i, h in enumerate(header)}
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise ImportFailure(
            source,
            f"colonne(s) manquante(s) : {', '.join(missing)} — est-ce bien le fichier "
            "des questions du Sénat (questions-depuis-un-an.csv) ?",
        )
    unknown = [h.strip() for h in header if h.strip() and _fold(h) not in _BY_FOLDED]
    if unknown:
        yield SkippedEntry(source, f"colonne(s) inconnue(s) ignorée(s) : {', '.join(unknown)}")
    line = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            line = reader.line_num
            yield ImportFailure(
                f"{source} (ligne {line})", f"ligne CSV illisible : {csv_reason(error)}"
            )
            continue
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        try:
            yield _record(fields, columns, len(header), source)
        except ImportFailure as failure:
            yield ImportFailure(f"{source} (ligne {line})", failure.reason)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace").replace("\ufffd", "")


def _record(fields: list[str], columns: dict[str, int], width: int, source: str) -> QuestionRecord:
    if len(fields) > width and any(f.strip() for f in fields[width:]):
        raise ImportFailure(source, f"{len(fields)} champs au lieu de {width} (ligne coupée ?)")

    def get(name: str) -> str:
        index = columns.get(name)
        if index is None or index >= len(fields):
            return ""
        return " ".join(fields[index].split())

    number = re.sub(r"\D", "", get("Numéro"))
    if not number:
        raise ImportFailure(source, "numéro de question absent")
    published = _date(get("Date de publication JO"), "date de publication", source)
    if published is None:
        raise ImportFailure(source, "date de publication absente")
    url = get("URL Question") or None
    page_id = _PAGE_ID.search(url) if url else None
    first, last = get("Prénom"), get("Nom")
    return QuestionRecord(
        chamber=Chamber.SENAT,
        question_text="",
        qtype=_qtype(get("Nature")),
        legislature=legislature_on(published),
        number=number.zfill(5),
        uid=page_id.group(1) if page_id else None,
        url=url,
        title=get("Titre") or None,
        themes=tuple(t.strip() for t in re.split(r"\s*[;/|]\s*", get("Thème(s)")) if t.strip()),
        rubrique=get("Thème(s)") or None,
        author=Author(
            name=" ".join(p for p in (first, last.upper()) if p),
            civility=get("Civilité"),
            constituency=get("Circonscription"),
            group=get("Groupe"),
        ),
        ministry_asked=get("Ministère de dépôt") or None,
        ministry_assigned=get("Ministère de transmission") or None,
        assigned_on=_date(get("Date de transmission"), "date de transmission", source),
        published_on=published,
        answer_ministry=get("Ministère de réponse") or None,
        answered_on=_date(get("Date de réponse JO"), "date de réponse", source),
        closing=_closing(get("Sort")),
        recalls=get("Référence de la question rappelée") or None,
        source=source,
    )


def legislature_on(day: date) -> int | None:
    for number, start in LEGISLATURE_STARTS:
        if day >= start:
            return number
    return None


def _qtype(nature: str) -> str:
    folded = _fold(nature)
    if not folded or folded in ("qe", "question ecrite") or "ecrite" in folded:
        return "QE"
    if "orale" in folded or folded == "qosd":
        return "QOSD"
    if "gouvernement" in folded or folded == "qag":
        return "QG"
    return nature.strip().upper()[:8]


def _closing(sort: str) -> Closing | None:
    folded = _fold(sort)
    if "caduc" in folded or "caduq" in folded:
        return Closing(ClosingKind.LAPSED, sort)
    if "retir" in folded:
        return Closing(ClosingKind.WITHDRAWN, sort)
    return None


def _date(value: str, what: str, source: str) -> date | None:
    if not value:
        return None
    text = value.strip()[:10]
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ImportFailure(source, f"{what} illisible : « {value} »")
