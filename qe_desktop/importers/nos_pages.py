"""Question pages of NosDéputés.fr and NosSénateurs.fr (Regards Citoyens), copied or saved.

Assistants read questions there a lot. The page (regardscitoyens/nosdeputes.fr,
`question/showSuccess.php`) shows: the MP's name; `Question écrite N° 26562 au Ministère
de l'intérieur : Titre` (NosSénateurs puts the title on its own line), with
` (retirée)` or ` (caduque)` for a closed question; a `source` link to the official
page; `Question soumise le 21 mai 2013` and the text; then `Réponse émise le …` and the
answer, or `Cette question n'a pas encore de réponse.`, or `Retirée le 19 juin 2017
(fin de mandat)`; then the comments, which are not part of the question.

Identity: the number from the heading; the AN legislature from the address
(`/14/question/QE/…`, `2012-2017.nosdeputes.fr`), the official source link, or the date
the question was asked; a Sénat question's page id from its source link, else from its
publication month and number (`qSEQ{yymm}{number:05}`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from qe_desktop.domain.question import Author, Chamber, Closing, QuestionRecord
from qe_desktop.domain.text import canonical_text
from qe_desktop.importers.addressee import author_in_text
from qe_desktop.importers.an_fields import closing_from_cause
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.page_common import (
    ANY_DATE_PATTERN,
    an_uid,
    an_url,
    capitalize_first,
    clean_page_text,
    line_starting_with,
    one_line,
    parse_any_date,
    senat_uid_in,
    senat_url,
)

_SITE = re.compile(r"nos\s*d[ée]put[ée]s|nos\s*s[ée]nateurs", re.IGNORECASE)
_HEADING = re.compile(
    r"^(?P<kind>Question(?:\s+(?:écrite|orale(?:\s+sans\s+débat)?|au\s+Gouvernement))?)\s+"
    r"N\s*[°º]\s*(?P<number>\d{1,6})(?P<suffix>[A-Z]?)\s+(?:au|à\s+la|à\s+l['’]|aux)\s*"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
_CLOSED_TAG = re.compile(r"\s*\((?P<tag>retirée|caduque)\)\s*$", re.IGNORECASE)
_DATE = rf"(?P<date>{ANY_DATE_PATTERN})"
_ASKED = re.compile(rf"^Question\s+soumise\s+le\s+(?:\w+\s+)?{_DATE}", re.IGNORECASE)
_ANSWERED = re.compile(rf"^Réponse\s+émise\s+le\s+(?:\w+\s+)?{_DATE}", re.IGNORECASE)
_PENDING = re.compile(
    rf"^(?:Réponse\s+à\s+venir(?:\s+le\s+(?:\w+\s+)?{_DATE})?|Réponse)\s*$|"
    r"^Cette\s+question\s+n['’]a\s+pas\s+encore\s+de\s+réponse",
    re.IGNORECASE,
)
_WITHDRAWN = re.compile(
    rf"^Retirée(?:\s+le\s+(?:\w+\s+)?{_DATE})?\s*(?:\((?P<cause>[^)]*)\))?\s*$", re.IGNORECASE
)
_END = line_starting_with(
    "Aucun commentaire",
    r"\d+ commentaires?",
    r"Commentaires?\b",
    "Laisser un commentaire",
    "Être alerté",
    "Vous devez être",
    "Donnez votre avis",
    "Les commentaires",
    r"NosDéputés\.fr",
    r"NosSénateurs\.fr",
    "Regards Citoyens",
    "Retrouvez",
)
_NOISE = re.compile(r"^(?:source|partager|imprimer|\|)$", re.IGNORECASE)
_AN_HOST_YEARS = re.compile(r"(\d{4})-(\d{4})\.nosdeputes\.fr", re.IGNORECASE)
_AN_LEGISLATURE_PATH = re.compile(r"nosdeputes\.fr/(\d{2})/question", re.IGNORECASE)
_AN_OFFICIAL = re.compile(r"/q(\d{1,2})/\1-(\d{1,6})(QE|QG|QOSD)\.htm|QANR5L(\d{1,2})(QE|QG|QOSD)")
# First day of each legislature: a question asked on or after it belongs to it.
_LEGISLATURES = (
    (date(2024, 7, 18), 17),
    (date(2022, 6, 22), 16),
    (date(2017, 6, 21), 15),
    (date(2012, 6, 20), 14),
    (date(2007, 6, 20), 13),
    (date(2002, 6, 19), 12),
    (date(1997, 6, 12), 11),
)


def looks_like_nos_page(text: str, urls: tuple[str, ...] = ()) -> bool:
    """A NosDéputés/NosSénateurs question page: the site's name or address, and its layout."""
    head = text[:20_000]
    site = bool(_SITE.search(head)) or any(_SITE.search(u.replace(".", " ")) for u in urls)
    site = site or any("nosdeputes.fr" in u or "nossenateurs.fr" in u for u in urls)
    return site and re.search(r"Question\s+soumise\s+le", head, re.IGNORECASE) is not None


@dataclass(slots=True)
class _Draft:
    number: str | None = None
    suffix: str = ""
    qtype: str = "QE"
    ministry: str | None = None
    title: str | None = None
    tag: str = ""
    published_on: date | None = None
    answered_on: date | None = None
    closing: Closing | None = None
    header_name: str = ""
    question: list[str] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)


def parse_nos_page(text: str, source: str, urls: tuple[str, ...] = ()) -> QuestionRecord:
    """Parse the text of a NosDéputés/NosSénateurs question page; ImportFailure if it is not."""
    lines = [one_line(line) for line in clean_page_text(text).split("\n")]
    draft = _read(lines)
    if draft.number is None or draft.published_on is None:
        raise ImportFailure(
            source, "page NosDéputés/NosSénateurs sans « Question … N° » ni « soumise le »"
        )
    chamber = _chamber(text, urls, source)
    question_text = canonical_text("\n".join(draft.question))
    civility, name = author_in_text(question_text)
    author = Author(name=name or draft.header_name, civility=civility)
    answer_text = canonical_text("\n".join(draft.answer)) or None
    if draft.closing is None and draft.tag and answer_text is None:
        draft.closing = closing_from_cause(draft.tag, None)
    common = {
        "question_text": question_text,
        "qtype": draft.qtype,
        "title": draft.title,
        "author": author,
        "ministry_asked": draft.ministry,
        "published_on": draft.published_on,
        "answered_on": draft.answered_on if answer_text else None,
        "answer_text": answer_text,
        "closing": draft.closing if answer_text is None else None,
        "source": source,
    }
    if chamber is Chamber.SENAT:
        uid = next((u for u in map(senat_uid_in, urls) if u), None)
        if uid is None and draft.qtype == "QE":
            uid = f"qSEQ{draft.published_on:%y%m}{int(draft.number):05d}{draft.suffix}"
        return QuestionRecord(
            chamber=Chamber.SENAT,
            number=f"{int(draft.number):05d}",
            uid=uid,
            url=senat_url(uid) if uid else None,
            **common,  # type: ignore[arg-type]
        )
    legislature = _an_legislature(urls, draft.published_on)
    if legislature is None:
        raise ImportFailure(source, "page NosDéputés : législature inconnue")
    return QuestionRecord(
        chamber=Chamber.AN,
        legislature=legislature,
        number=str(int(draft.number)),
        uid=an_uid(legislature, draft.qtype, str(int(draft.number))),
        url=an_url(legislature, draft.qtype, str(int(draft.number))),
        **common,  # type: ignore[arg-type]
    )


def _read(lines: list[str]) -> _Draft:
    draft = _Draft()
    mode = "head"
    for index, line in enumerate(lines):
        if not line or _NOISE.match(line):
            continue
        if mode in ("question", "answer", "closed") and _END.match(line):
            break
        if mode == "head" and (heading := _HEADING.match(line)) is not None:
            _read_heading(heading, draft, lines[:index])
            continue
        if (asked := _ASKED.match(line)) is not None:
            draft.published_on = parse_any_date(asked.group("date"))
            mode = "question"
        elif mode == "head" and draft.number is not None and not _SITE.search(line):
            draft.title = draft.title or line  # NosSénateurs: the title under the heading
        elif mode == "question" and (answered := _ANSWERED.match(line)) is not None:
            draft.answered_on = parse_any_date(answered.group("date"))
            mode = "answer"
        elif mode == "question" and (withdrawn := _WITHDRAWN.match(line)) is not None:
            cause = withdrawn.group("cause") or "Retrait"
            on = parse_any_date(withdrawn.group("date") or "")
            draft.closing = closing_from_cause(cause, on)
            mode = "closed"
        elif mode == "question" and _PENDING.match(line):
            mode = "closed"
        elif mode == "question":
            draft.question.append(line)
        elif mode == "answer":
            draft.answer.append(line)
    return draft


def _read_heading(heading: re.Match[str], draft: _Draft, before: list[str]) -> None:
    kind = heading.group("kind").lower()
    draft.qtype = "QG" if "gouvernement" in kind else "QOSD" if "orale" in kind else "QE"
    draft.number = heading.group("number")
    draft.suffix = heading.group("suffix")
    rest = heading.group("rest")
    tagged = _CLOSED_TAG.search(rest)
    if tagged is not None:
        draft.tag = tagged.group("tag").lower()
        rest = rest[: tagged.start()]
    ministry, _, title = rest.partition(" : ")
    draft.ministry = capitalize_first(ministry.strip()) or None
    draft.title = title.strip() or None
    names = [line for line in before if line and not _SITE.search(line) and len(line) <= 80]
    draft.header_name = names[-1] if names else ""


def _chamber(text: str, urls: tuple[str, ...], source: str) -> Chamber:
    where = " ".join((text[:20_000], *urls, source)).lower()
    senat = "nossenateurs" in where.replace("é", "e") or "nos sénateurs" in where
    return Chamber.SENAT if senat else Chamber.AN


def _an_legislature(urls: tuple[str, ...], asked: date) -> int | None:
    for url in urls:
        if (path := _AN_LEGISLATURE_PATH.search(url)) is not None:
            return int(path.group(1))
        if (official := _AN_OFFICIAL.search(url)) is not None:
            return int(official.group(1) or official.group(4))
        if (years := _AN_HOST_YEARS.search(url)) is not None:
            return _legislature_on(date(int(years.group(1)), 12, 31))
    return _legislature_on(asked)


def _legislature_on(day: date) -> int | None:
    return next((number for start, number in _LEGISLATURES if day >= start), None)
