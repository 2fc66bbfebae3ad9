"""Field readers for AN pages: the labelled FICHE/q14 header, authors, closures.

The FICHE and 14th-legislature headers are flattened to one line (one FICHE variant puts
every value on its own line) and cut at the known labels; each value runs to the next label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from qe_desktop.domain.folding import strip_accents
from qe_desktop.domain.question import Closing, ClosingKind
from qe_desktop.importers.page_common import (
    LEGISLATURE,
    capitalize_first,
    normalise_civility,
    one_line,
    parse_any_date,
    parse_numeric_date,
    split_affiliation,
)

_LABELS: tuple[tuple[str, str], ...] = (
    ("number", r"Question\s+N\s*[°º]\s*:?"),
    ("asked", r"Minist[èe]re\s+interrog[ée]\s*[:>]"),
    ("assigned", r"Minist[èe]re\s+(?:attributaire|répondant)\s*[:>]"),
    ("published", r"Question\s+publi[ée]e\s+au\s+JO\s+le\s*:?"),
    ("answered", r"R[ée]ponse\s+publi[ée]e\s+au\s+JO\s+le\s*:?"),
    ("rubrique", r"Rubrique\s*[:>]"),
    ("title", r"T[êe]te\s+d['’]analyse\s*[:>]"),
    ("analysis", r"(?<![’'])Analyse\s*[:>]"),
    ("renewed", r"Date\s+de\s+renouvellement\s*:?"),
    ("signaled", r"Date\s+de\s+signalement\s*:?|Question\s+signal[ée]e\s+au\s+JO\s+le\s*:?"),
    ("reassigned", r"Date\s+de\s+changement\s+d['’]attribution\s*:?"),
    ("closed", r"Question\s+retir[ée]e\s+le\s*:?|Date\s+de\s+cl[ôo]ture\s*:?"),
    (
        "kind",
        r"Question\s+écrite\b|Question\s+au\s+Gouvernement\b|Question\s+orale\s+sans\s+débat\b",
    ),
)
_LABEL_PATTERN = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern in _LABELS))
_NUMBER_VALUE = re.compile(
    r"^(?P<number>\d{1,6})\s*(?:de\s+(?P<author>.*?))?\s*(?P<kind>\bQE|\bQG|\bQOSD)?\s*$"
)
_AUTHOR = re.compile(
    r"^(?P<civ>Mme|Mlle|M\.?)(?:\s+|(?=[A-Z]))(?P<name>[^()]*?)\s*(?:\((?P<aff>.*)\))?\s*$"
)
_PAGE_VALUE = re.compile(r"page\s*:?\s*(\d{1,6})", re.IGNORECASE)
_MAX_VALUE = 600
_QTYPES = (("gouvernement", "QG"), ("orale", "QOSD"), ("ecrite", "QE"))


@dataclass(slots=True)
class AnHeader:
    """What an AN page says about a question besides its texts: a FICHE/q14 header whole,
    or a dynamic page's labels one by one (`importers/an_page.py` fills the same fields)."""

    legislature: int | None = None
    number: str | None = None
    qtype: str | None = None
    civility: str = ""
    name: str = ""
    constituency: str = ""
    group: str = ""
    ministry_asked: str | None = None
    ministry_assigned: str | None = None
    assigned_on: date | None = None
    published_on: date | None = None
    question_page: str | None = None
    answered_on: date | None = None
    answer_page: str | None = None
    title: str | None = None
    rubrique: str | None = None
    analysis: str | None = None
    signaled_on: date | None = None
    renewed_on: list[date] = field(default_factory=list)
    closing: Closing | None = None


def read_fiche_header(header: str) -> AnHeader:
    """Cut a flattened FICHE/q14 header at its labels and read each value."""
    values: dict[str, list[str]] = {}
    matches = list(_LABEL_PATTERN.finditer(header))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(header)
        key = match.lastgroup or ""
        value = header[match.end() : end].strip()[:_MAX_VALUE]  # longer is not a header value
        values.setdefault(key, []).append(value)
    legislature = LEGISLATURE.search(header)
    number, civility, name, constituency, group, qtype = _read_number_value(
        _first(values, "number")
    )
    published = _first(values, "published")
    answered = _first(values, "answered")
    kind = _first(values, "kind")
    renewed = [d for d in (parse_numeric_date(v) for v in values.get("renewed", [])) if d]
    return AnHeader(
        legislature=int(legislature.group(1)) if legislature else None,
        number=number,
        qtype=qtype or (qtype_from_label(kind) if kind is not None else None),
        civility=civility,
        name=name,
        constituency=constituency,
        group=group,
        ministry_asked=_ministry(_first(values, "asked")),
        ministry_assigned=_ministry(_first(values, "assigned")),
        assigned_on=parse_numeric_date(_first(values, "reassigned") or ""),
        published_on=parse_numeric_date(published or ""),
        question_page=_page(published),
        answered_on=parse_numeric_date(answered or ""),
        answer_page=_page(answered),
        title=_first(values, "title") or None,
        rubrique=_first(values, "rubrique") or None,
        analysis=_first(values, "analysis") or None,
        signaled_on=parse_numeric_date(_first(values, "signaled") or ""),
        renewed_on=sorted(set(renewed)),
        closing=_closing(_first(values, "closed")),
    )


def _first(values: dict[str, list[str]], key: str) -> str | None:
    found = values.get(key)
    return found[0] if found else None


def _read_number_value(value: str | None) -> tuple[str | None, str, str, str, str, str | None]:
    """`34804 de M. Verwaerde Yves ( UDF - Paris ) QE` -> number, author parts, type."""
    if not value:
        return None, "", "", "", "", None
    match = _NUMBER_VALUE.match(value)
    if match is None:
        digits = re.match(r"\d{1,6}", value)
        return (digits.group(0) if digits else None), "", "", "", "", None
    civility, name, constituency, group = "", "", "", ""
    author = _AUTHOR.match(match.group("author") or "")
    if author is not None:
        civility = normalise_civility(author.group("civ"))
        name = one_line(author.group("name"))
        if author.group("aff"):
            constituency, group = split_affiliation(author.group("aff"), constituency_last=True)
    return match.group("number"), civility, name, constituency, group, match.group("kind")


def _ministry(value: str | None) -> str | None:
    return capitalize_first(value) if value else None


def _page(value: str | None) -> str | None:
    match = _PAGE_VALUE.search(value or "")
    return match.group(1) if match else None


def _closing(value: str | None) -> Closing | None:
    """`19/06/2017 (fin de mandat)` or `24 mai 2005 Retrait à l'initiative de l'auteur`."""
    if not value:
        return None
    on = parse_any_date(value)
    cause = re.sub(r"^\s*\d{1,2}(?:/\d{1,2}/\d{4}|(?:er)?\s+\S+\s+\d{4})", "", value)
    return closing_from_cause(cause.strip(" ()-"), on)


def closing_from_cause(cause: str, on: date | None) -> Closing:
    """Map an AN closing cause to a kind; the cause is kept as the label.

    A question closed at the end of the author's mandate (or of the legislature, or at the
    author's death) is not answered and never will be: LAPSED. A withdrawal by the author
    is WITHDRAWN. Anything else is OTHER.
    """
    label = capitalize_first(one_line(cause).strip(" ().")) or "Question clôturée"
    folded = strip_accents(label.lower())
    if any(word in folded for word in ("fin de mandat", "fin de legislature", "caduc", "deces")):
        return Closing(ClosingKind.LAPSED, label, on)
    if "retrait" in folded or "retire" in folded:
        return Closing(ClosingKind.WITHDRAWN, label, on)
    return Closing(ClosingKind.OTHER, label, on)


def qtype_from_label(label: str) -> str | None:
    """`Question écrite` -> QE, `Question au Gouvernement` -> QG, `QE` -> QE."""
    folded = strip_accents(label.strip().lower())
    if folded.upper() in ("QE", "QG", "QOSD"):
        return folded.upper()
    for word, qtype in _QTYPES:
        if word in folded:
            return qtype
    return None


def parse_author_line(value: str) -> tuple[str, str]:
    """`M. Jean-Claude Lenoir` -> ("M.", "Jean-Claude Lenoir")."""
    value = one_line(value[:_MAX_VALUE])
    match = _AUTHOR.match(value)
    if match is None:
        return "", value
    return normalise_civility(match.group("civ")), one_line(match.group("name"))


def name_in_text_order(name: str, question_text: str, *, surname_first: bool) -> str:
    """Write the name as the question text does ("M. Yves Verwaerde attire…").

    Headers write "Verwaerde Yves" or "Jean-Claude Lenoir"; the text settles the order.
    With no text to compare, a two-word name from a surname-first header is swapped.
    """
    tokens = name.split()
    if len(tokens) < 2:
        return name
    folded_text = _fold(question_text[:600])
    for shift in range(len(tokens)):
        candidate = tokens[shift:] + tokens[:shift]
        if _fold(" ".join(candidate)) in folded_text:
            return " ".join(candidate)
    if surname_first and len(tokens) == 2:
        return f"{tokens[1]} {tokens[0]}"
    return name


def _fold(value: str) -> str:
    return " ".join(strip_accents(value).lower().replace("-", " ").split())
