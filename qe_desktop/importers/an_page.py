"""Read the text of an Assemblée nationale question page.

Layouts (all seen on questions.assemblee-nationale.fr and assemblee-nationale.fr/dyn/):
- the old "FICHE QUESTION" (legislatures 7 to 13): labelled fields `Question N° :`,
  `Ministère interrogé :`, `Question publiée au JO le : … page : …`, then `Texte de la
  QUESTION :` / `Texte de la REPONSE :`; one variant puts every field on its own line;
  fragments keep only a text cell between `|` separators;
- the 14th-legislature page: `Ministère interrogé > …`, `Rubrique > …`, `Date de
  renouvellement: …`, `Texte de la question` / `Texte de la réponse`;
- the /dyn/ page: `Question écrite n° N :`, title, `NNe Législature`, `Question de : M. X`,
  `Département (Ne circonscription) - Groupe`, text, `Réponse publiée le 16 septembre 2025`,
  answer, then `Données clés` (`Auteur :`, `Rubrique :`, `Ministère interrogé :`,
  `Ministère répondant :`, `Dates :`…), closures `Question clôturée le … / Cause : …`.

Conventions:
- identity comes from the page, else from the file name (`14-26562QE`, `QANR5L14QE46830`);
  a page that gives neither number nor legislature is refused. A fragment with no question
  text (only the answer cell) still imports, with question_text "".
- uid `QANR5L{leg}{type}{n}`; url is the /dyn/ address built from it.
- author name in the order of the question text ("M. Yves Verwaerde attire…"), whatever
  order the header uses; ministries get a capital first letter.
- title is the "tête d'analyse" (the line under the /dyn/ number), rubrique and analysis as
  given; `Ministère répondant`/`attributaire` is ministry_assigned, and answer_ministry
  when the question was answered.
- closures: "Fin de mandat" (and other ends that leave a question unanswered for good) is
  LAPSED with its label; "Retrait à l'initiative de l'auteur" is WITHDRAWN. The closing line
  may come with or without accents ("Date de cloture"), its date and cause on the next
  lines, or below the text cells of a FICHE.
- an empty answer cell means no answer: the table codes a FICHE leaves after it
  ("SOC 7 FL Bourgogne N", on one line or many, with or without `|`) are not an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date

from qe_desktop.domain.question import Author, Chamber, Closing, ClosingKind, QuestionRecord
from qe_desktop.domain.text import canonical_text
from qe_desktop.importers.addressee import author_in_text
from qe_desktop.importers.an_fields import (
    AnHeader,
    closing_from_cause,
    name_in_text_order,
    parse_author_line,
    qtype_from_label,
    read_fiche_header,
)
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.page_common import (
    ANY_DATE_PATTERN,
    an_uid,
    an_url,
    capitalize_first,
    clean_page_text,
    identity_from_name,
    one_line,
    parse_any_date,
    split_affiliation,
)

_TEXT_MARKS = re.compile(r"Texte\s+de\s+la\s+(?P<which>question|r[ée]ponse)\s*:?", re.IGNORECASE)
_DYN_AUTHOR = re.compile(r"^Question\s+de\s*:\s*(?P<rest>.*)$")
_DYN_NUMBER = re.compile(
    r"^(?P<type>Question\s+(?:écrite|au\s+Gouvernement|orale\s+sans\s+débat))\s+n\s*[°º]\s*"
    r"(?P<number>\d{1,6})\s*:?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_DYN_LEGISLATURE = re.compile(r"^(\d{1,2})\s*(?:e|è|ème)\s+législature$", re.IGNORECASE)
_DATE_ANY = rf"(?P<date>{ANY_DATE_PATTERN})"
_PAGE = r"(?:\s*,?\s*page\s*:?\s*(?P<page>\d{1,6}))?"
_ANSWER_PUB = re.compile(rf"^Réponse\s+publiée\s+(?:au\s+JO\s+)?le\s*:?\s*{_DATE_ANY}{_PAGE}")
_QUESTION_PUB = re.compile(rf"^Question\s+publiée\s+(?:au\s+JO\s+)?le\s*:?\s*{_DATE_ANY}{_PAGE}")
_SIGNALED = re.compile(
    rf"^(?:Question\s+signalée\s+(?:au\s+JO\s+)?le|Date\s+de\s+signalement)\s*:?\s*{_DATE_ANY}"
)
_RENEWED = re.compile(
    rf"^(?:Question\s+renouvelée\s+le|Date\s+de\s+renouvellement)\s*:?\s*{_DATE_ANY}"
)
_CLOSED_LABEL = (
    r"(?:Question\s+cl[ôo]tur[ée]e\s+le\s*:?|Date\s+de\s+cl[ôo]ture\s*:?|"
    r"Question\s+retir[ée]e\s+le\s*:?)"
)
_CLOSED = re.compile(rf"^{_CLOSED_LABEL}\s*{_DATE_ANY}\s*(?P<rest>.*)$", re.IGNORECASE)
_CLOSED_ALONE = re.compile(rf"^{_CLOSED_LABEL}\s*$", re.IGNORECASE)
_CLOSED_IN_CELL = re.compile(r"Question\s+retir[ée]e\s+le|Date\s+de\s+cl[ôo]ture", re.I)
_CODE_SPLIT = re.compile(r"[\s|]+")
_DATED_LINE = re.compile(rf"^{_DATE_ANY}\s*(?P<rest>.*)$")
_NO_CAUSE = "Question clôturée"
_CAUSE = re.compile(r"^Cause\s*:\s*(?P<cause>.+)$")
_META = re.compile(
    r"^(?P<label>Auteur|Type\s+de\s+question|Rubrique|Tête\s+d['’]analyse|Analyse|"
    r"Ministère\s+interrogé|Ministère\s+répondant|Ministère\s+attributaire)\s*:\s*(?P<value>.*)$"
)
_META_MARKS = re.compile(
    r"^(?:Données\s+clés|Dates?\s*:?|partager|Haut\s+de\s+page)$", re.IGNORECASE
)
_AFFILIATION_LINE = re.compile(r"circonscription\)|^[-–]\s")
# Left-overs of the old FICHE table after the answer cell: "SOC", "7", "FL", "Bourgogne", "N".
_RESIDUE_LINE = re.compile(r"^[\w'’-]{1,20}(?:\s[\w'’-]{1,20})?$")


@dataclass(slots=True)
class _AnDraft(AnHeader):
    name_surname_first: bool = False
    question: list[str] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)


def parse_an_page(text: str, source: str) -> QuestionRecord:
    """Parse AN page text into a record; ImportFailure when it is not one."""
    lines = [_without_cell_bars(line) for line in clean_page_text(text).split("\n")]
    draft = _AnDraft()
    if any(_DYN_AUTHOR.match(line) for line in lines):
        _read_dyn(lines, draft)
    elif _TEXT_MARKS.search("\n".join(lines)) or _looks_like_fiche(lines):
        _read_fiche("\n".join(lines), draft)
    else:
        raise ImportFailure(source, "mise en page de l'Assemblée nationale non reconnue")
    return _build_record(draft, source)


def _without_cell_bars(line: str) -> str:
    return line.strip().strip("|").strip()


def _looks_like_fiche(lines: list[str]) -> bool:
    return any(line.startswith(("FICHE QUESTION", "Question N°")) for line in lines)


def _read_fiche(text: str, draft: _AnDraft) -> None:
    marks = list(_TEXT_MARKS.finditer(text))
    header_end = marks[0].start() if marks else len(text)
    header = read_fiche_header(one_line(text[:header_end]))
    for name in (f.name for f in fields(AnHeader)):
        setattr(draft, name, getattr(header, name))
    draft.name_surname_first = True
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        zone = _closing_lines(text[mark.end() : end].split("\n"), draft)
        zone = _strip_residue(zone)
        if _only_layout_codes(zone):
            zone = []
        if mark.group("which").lower() == "question":
            draft.question = zone
        else:
            draft.answer = zone


def _closing_lines(lines: list[str], draft: _AnDraft) -> list[str]:
    """Take the closing line out of a text cell (some FICHEs put it after the cells)."""
    kept: list[str] = []
    for line in lines:
        found = _CLOSED_IN_CELL.search(line)
        if found is None:
            kept.append(line)
            continue
        closing = read_fiche_header(one_line(line[found.start() :])).closing
        draft.closing = draft.closing or closing
        before = line[: found.start()].strip()
        if before:
            kept.append(before)
    return kept


def _only_layout_codes(lines: list[str]) -> bool:
    """True for what an empty cell leaves: short codes, no word of a sentence in them.

    A real text, however short, holds a lowercase word ("Réponse en cours", "de") or
    ends a sentence; the table codes ("SOC 7 FL Bourgogne N") hold neither.
    """
    tokens = [token for token in _CODE_SPLIT.split(" ".join(lines)) if token]
    if not tokens or len(tokens) > 12:
        return False
    sentence = any(token[:1].islower() and len(token) > 1 for token in tokens)
    return not sentence and not tokens[-1].endswith((".", "?", "!", "»"))


def _strip_residue(lines: list[str]) -> list[str]:
    """Drop the table codes the old FICHE leaves after its last text cell."""
    kept = [line for line in lines if line]
    while kept and _RESIDUE_LINE.match(kept[-1]) and not kept[-1].endswith("."):
        kept.pop()
    return kept


def _read_dyn(lines: list[str], draft: _AnDraft) -> None:
    start = next(i for i, line in enumerate(lines) if _DYN_AUTHOR.match(line))
    _read_dyn_preamble(lines[:start], draft)
    index = _read_dyn_author(lines, start, draft)
    mode = "question"
    for line in lines[index:]:
        if not line:
            continue
        new_mode = _read_dyn_line(line, draft, mode)
        if new_mode is not None:
            mode = new_mode
        elif mode == "question":
            draft.question.append(line)
        elif mode == "answer":
            draft.answer.append(line)
        elif mode == "cause" and draft.closing is not None:
            draft.closing = closing_from_cause(line, draft.closing.on)
            mode = "meta"


def _read_dyn_preamble(lines: list[str], draft: _AnDraft) -> None:
    titles: list[str] = []
    for line in lines:
        if (numbered := _DYN_NUMBER.match(line)) is not None:
            draft.number = numbered.group("number")
            draft.qtype = qtype_from_label(numbered.group("type"))
            if numbered.group("title"):
                titles.append(numbered.group("title"))
        elif (legislature := _DYN_LEGISLATURE.match(line)) is not None:
            draft.legislature = int(legislature.group(1))
        elif line and not _META_MARKS.match(line) and len(line) <= 250:
            titles.append(line)
    draft.title = one_line(" ".join(titles)) or None


def _read_dyn_author(lines: list[str], start: int, draft: _AnDraft) -> int:
    """Read `Question de : M. X` and the affiliation line; return where the text starts."""
    rest = _DYN_AUTHOR.match(lines[start])
    assert rest is not None
    index = start + 1
    author = rest.group("rest").strip()
    if not author:
        while index < len(lines) and not lines[index]:
            index += 1
        author = lines[index] if index < len(lines) else ""
        index += 1
    draft.civility, draft.name = parse_author_line(author)
    probe = index
    while probe < len(lines) and not lines[probe]:
        probe += 1
    if probe < len(lines) and len(lines[probe]) < 200 and _AFFILIATION_LINE.search(lines[probe]):
        draft.constituency, draft.group = split_affiliation(lines[probe], constituency_last=False)
        index = probe + 1
    return index


def _read_dyn_line(line: str, draft: _AnDraft, mode: str) -> str | None:
    """Metadata lines of a /dyn/ page; returns the new reading mode, None for a text line."""
    if (answer := _ANSWER_PUB.match(line)) is not None:
        draft.answered_on = draft.answered_on or parse_any_date(answer.group("date"))
        draft.answer_page = draft.answer_page or answer.group("page")
        return "answer" if not draft.answer and mode == "question" else "meta"
    if (question := _QUESTION_PUB.match(line)) is not None:
        draft.published_on = draft.published_on or parse_any_date(question.group("date"))
        draft.question_page = draft.question_page or question.group("page")
        return "meta"
    if (signaled := _SIGNALED.match(line)) is not None:
        draft.signaled_on = parse_any_date(signaled.group("date"))
        return "meta"
    if (renewed := _RENEWED.match(line)) is not None:
        renewed_on = parse_any_date(renewed.group("date"))
        if renewed_on and renewed_on not in draft.renewed_on:
            draft.renewed_on.append(renewed_on)
        return "meta"
    if (closed := _CLOSED.match(line)) is not None:
        return _read_closure(parse_any_date(closed.group("date")), closed.group("rest"), draft)
    if _CLOSED_ALONE.match(line):
        return "closing-date"  # "Date de clôture :" then the date (and cause) below
    if mode == "closing-date" and (dated := _DATED_LINE.match(line)) is not None:
        return _read_closure(parse_any_date(dated.group("date")), dated.group("rest"), draft)
    if (cause_line := _CAUSE.match(line)) is not None:
        on = draft.closing.on if draft.closing else None
        draft.closing = closing_from_cause(cause_line.group("cause"), on)
        return "meta"
    if (meta := _META.match(line)) is not None:
        _read_meta(meta.group("label"), meta.group("value").strip(), draft)
        return "meta"
    if _META_MARKS.match(line):
        return "meta"
    return None


def _read_closure(on: date | None, cause: str, draft: _AnDraft) -> str:
    """`Question clôturée le D` or `Date de clôture : D`; the cause on this line or the next."""
    cause = cause.strip(" ()")
    if cause:
        draft.closing = closing_from_cause(cause, on)
        return "meta"
    if draft.closing is not None and draft.closing.label != _NO_CAUSE:
        return "meta"  # the "Dates" block repeats a closure already read
    draft.closing = Closing(ClosingKind.OTHER, _NO_CAUSE, on)
    return "cause"


def _read_meta(label: str, value: str, draft: _AnDraft) -> None:
    if not value:
        return
    label = one_line(label).replace("’", "'")
    if label == "Auteur" and not draft.name:
        draft.civility, draft.name = parse_author_line(value)
    elif label == "Type de question":
        draft.qtype = qtype_from_label(value) or draft.qtype
    elif label == "Rubrique":
        draft.rubrique = value
    elif label == "Tête d'analyse":
        draft.title = draft.title or value
    elif label == "Analyse":
        draft.analysis = value
    elif label == "Ministère interrogé":
        draft.ministry_asked = capitalize_first(value)
    else:
        draft.ministry_assigned = capitalize_first(value)


def _build_record(draft: _AnDraft, source: str) -> QuestionRecord:
    from_name = identity_from_name(source)
    name_fits = from_name is not None and from_name.chamber is Chamber.AN
    legislature = draft.legislature or (from_name.legislature if name_fits and from_name else None)
    number = draft.number or (from_name.number if name_fits and from_name else None)
    qtype = draft.qtype or (from_name.qtype if name_fits and from_name else "QE")
    if legislature is None or number is None:
        raise ImportFailure(
            source,
            "page de l'Assemblée nationale sans numéro ou sans législature "
            "(ni dans la page ni dans le nom du fichier)",
        )
    question_text = canonical_text("\n".join(draft.question), strip_an_heading=True)
    answer_text = canonical_text("\n".join(draft.answer)) or None
    answered = draft.answered_on is not None or answer_text is not None
    name = name_in_text_order(draft.name, question_text, surname_first=draft.name_surname_first)
    civility = draft.civility
    if not name:  # no header: the first sentence names the author
        civility, name = author_in_text(question_text)
    return QuestionRecord(
        chamber=Chamber.AN,
        question_text=question_text,
        qtype=qtype,
        legislature=legislature,
        number=number,
        uid=an_uid(legislature, qtype, number),
        url=an_url(legislature, qtype, number),
        title=draft.title,
        rubrique=draft.rubrique,
        analysis=draft.analysis,
        author=Author(
            name=name, civility=civility, constituency=draft.constituency, group=draft.group
        ),
        ministry_asked=draft.ministry_asked,
        ministry_assigned=draft.ministry_assigned,
        assigned_on=draft.assigned_on,
        published_on=draft.published_on,
        question_page=draft.question_page,
        answer_ministry=draft.ministry_assigned if answered else None,
        answered_on=draft.answered_on,
        answer_page=draft.answer_page,
        answer_text=answer_text,
        closing=draft.closing,
        signaled_on=draft.signaled_on,
        renewed_on=tuple(sorted(draft.renewed_on)),
        source=source,
    )
