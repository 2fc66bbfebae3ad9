"""What an importer produces for one question: an immutable record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum

from qe_desktop.domain.folding import slug
from qe_desktop.domain.labelled import LabelledEnum


class Chamber(LabelledEnum):
    """The chamber a question was asked in (labelled with the short name lists show)."""

    AN = "an", "AN"
    SENAT = "senat", "Sénat"


class ClosingKind(StrEnum):
    """Why a question ended without (or besides) an answer."""

    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Author:
    """The parliamentarian who asked a question, as the source gives them."""

    name: str = ""
    civility: str = ""
    constituency: str = ""
    group: str = ""
    ref: str = ""  # AN acteurRef (PA…) until the deputies file maps it to a name


@dataclass(frozen=True, slots=True)
class Closing:
    """How a question ended without an answer (withdrawn, lapsed), and when."""

    kind: ClosingKind
    label: str = ""
    on: date | None = None


@dataclass(frozen=True, slots=True)
class QuestionRecord:
    """One question as read from a file, with canonical texts (DESIGN §3)."""

    chamber: Chamber
    question_text: str
    qtype: str = "QE"
    legislature: int | None = None
    number: str | None = None
    uid: str | None = None  # AN uid (QANR5L17QE1234) or Sénat page id (qSEQ250103038)
    url: str | None = None
    title: str | None = None
    rubrique: str | None = None
    analysis: str | None = None
    themes: tuple[str, ...] = ()
    author: Author = field(default_factory=Author)
    ministry_asked: str | None = None
    ministry_assigned: str | None = None
    assigned_on: date | None = None
    published_on: date | None = None
    question_page: str | None = None
    answer_ministry: str | None = None
    answered_on: date | None = None
    answer_page: str | None = None
    answer_text: str | None = None
    answer_note: str | None = None  # e.g. "Réponse apportée en séance publique"
    closing: Closing | None = None
    signaled_on: date | None = None
    renewed_on: tuple[date, ...] = ()
    erratum: str | None = None
    recalls: str | None = None  # number of the question a "question de rappel" recalls
    source: str = ""

    @property
    def key(self) -> str:
        """The key the user sees and types for this question, e.g. "AN-17-QE-1234"."""
        return question_key(self)

    @property
    def content_hash(self) -> str:
        """Hash of everything imported (not the source name): same hash = nothing changed."""
        return record_hash(self, text_digest(self.question_text), text_digest(self.answer_text))


# Everything but the source and the two long texts, which enter the hash by their own
# digests (the ones stored beside them): a question of 10,000 characters is hashed
# once, not escaped into JSON first (#25: the whole record in JSON was 18 % of an
# import's parsing). The rest as its `repr` (strings, numbers, dates, tuples and the
# two small records: stable, and written in C), not JSON: half the cost again.
_HASHED_FIELDS = tuple(
    f.name
    for f in fields(QuestionRecord)
    if f.name not in ("source", "question_text", "answer_text", "chamber")
)


def text_digest(text: str | None) -> str:
    """A text's hash as stored beside it (`domain.text.text_hash`; None hashes as "")."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:32]


def record_hash(record: QuestionRecord, question_digest: str, answer_digest: str) -> str:
    """`QuestionRecord.content_hash`, the texts' digests given (computed once on import)."""
    values = [getattr(record, name) for name in _HASHED_FIELDS]
    texts = (question_digest, answer_digest, record.answer_text is None)
    payload = repr((record.chamber.value, values, texts))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _slug(value: str) -> str:
    return slug(value)


def question_key(record: QuestionRecord) -> str:
    """The stable, human-readable key used on the command line and in URNs.

    AN questions use their open-data uid. Sénat questions use legislature and
    number when known, else the page id, else author, date and JO page (a
    question copied without its number must still be recognised on re-import).
    """
    if record.chamber is Chamber.AN:
        if record.uid:
            return record.uid
        return f"QANR5L{record.legislature or 0}{record.qtype}{record.number or '0'}"
    if record.number and record.legislature:
        return f"senat-{record.legislature}-{record.number}"
    if record.uid:
        return f"senat-{record.uid}"
    day = record.published_on.strftime("%Y%m%d") if record.published_on else "nodate"
    who = _slug(record.author.name)[:30] or "anonyme"
    page = f"-p{record.question_page}" if record.question_page else ""
    return f"senat-{day}-{who}{page}"


def question_uri(key: str, url: str | None) -> str:
    """The official URL when known, else a URN (DESIGN §6)."""
    return url or f"urn:qe:{key}"


def official_url(record: QuestionRecord) -> str | None:
    """The record's URL, else the official page its number makes certain, else None.

    Sénat written questions live at `…/base/YYYY/qSEQ{yymm}{number:05}.html` (month of
    publication); AN questions at `…/dyn/{legislature}/questions/QANR5L{leg}{type}{n}`.
    """
    if record.url:
        return record.url
    number = (record.number or "").strip()
    if not number.isdigit():
        return None
    if record.chamber is Chamber.SENAT and record.qtype == "QE" and record.published_on:
        day = record.published_on
        uid = f"qSEQ{day:%y%m}{int(number):05d}"
        return f"https://www.senat.fr/questions/base/{day.year}/{uid}.html"
    if record.chamber is Chamber.AN and record.legislature:
        uid = f"QANR5L{record.legislature}{record.qtype}{int(number)}"
        return f"https://www.assemblee-nationale.fr/dyn/{record.legislature}/questions/{uid}"
    return None
