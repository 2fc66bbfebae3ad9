"""Body-only copies: the question's text (and maybe its answer) with no page header.

Assistants often copy just the text. The file name still says which question it is
(`qSEQ190912357.txt`, `14-26562QE.txt`, `QANR5L14QE46830.txt`), and the first sentence
says who asks whom ("Mme Isabelle Raimond-Pavero interroge Mme la ministre des armées…").
Without both, the text stays refused: a question nobody can identify is not imported.
"""

from __future__ import annotations

import re

from qe_desktop.domain.question import Author, Chamber, QuestionRecord
from qe_desktop.domain.text import canonical_text
from qe_desktop.importers.addressee import author_in_text, ministry_from_addressee
from qe_desktop.importers.page_common import (
    ANY_DATE_PATTERN,
    an_url,
    clean_page_text,
    identity_from_name,
    parse_any_date,
    senat_url,
)

_ANSWER_MARK = re.compile(
    r"^(?:Texte\s+de\s+la\s+r[ée]ponse\s*:?|R[ée]ponse\b[^\n]{0,300}?publi[ée]e\b[^\n]*)$",
    re.IGNORECASE,
)
_DATE = re.compile(ANY_DATE_PATTERN)
_PAGE_LINE = re.compile(r"^-?\s*page\s+\d+\s*$", re.IGNORECASE)


def parse_body_only(text: str, source: str) -> QuestionRecord | None:
    """A record from a body-only copy, or None when the name or the text cannot tell."""
    identity = identity_from_name(source)
    if identity is None or identity.number is None:
        return None
    lines = [line.strip() for line in clean_page_text(text).split("\n")]
    question: list[str] = []
    answer: list[str] = []
    answered_on = None
    target = question
    for line in lines:
        if not line or _PAGE_LINE.match(line):
            continue
        if target is question and _ANSWER_MARK.match(line):
            found = _DATE.search(line)
            answered_on = parse_any_date(found.group(0)) if found else None
            target = answer
            continue
        target.append(line)
    is_an = identity.chamber is Chamber.AN
    question_text = canonical_text("\n".join(question), strip_an_heading=is_an)
    civility, name = author_in_text(question_text)
    if not name:
        return None
    answer_text = canonical_text("\n".join(answer)) or None
    url = None
    if is_an and identity.legislature is not None:
        url = an_url(identity.legislature, identity.qtype, identity.number)
    elif identity.uid is not None:
        url = senat_url(identity.uid)
    return QuestionRecord(
        chamber=identity.chamber,
        question_text=question_text,
        qtype=identity.qtype,
        legislature=identity.legislature,
        number=identity.number,
        uid=identity.uid,
        url=url,
        author=Author(name=name, civility=civility),
        ministry_asked=ministry_from_addressee(question_text),
        answered_on=answered_on,
        answer_text=answer_text,
        source=source,
    )
