"""Read the text of a Sénat question page (copied from senat.fr, saved, or pasted).

Layouts: the classic page (`Question de M. NOM Prénom (Département - Groupe) publiée le
DD/MM/YYYY`, text, `- page N`, `Transmise au …`, `Réponse du … publiée le …`, text,
`- page N`, `Page mise à jour le`), its pre-2002 form (`Réponse du ministère : Intérieur`,
`Réponse. - ` in front of the answer), the full page (`15e législature`, `Question écrite
n° 12357 de Mme Prénom Nom (…)`, `publiée dans le JO Sénat du … - page N`) and the Basile
search-result page whose navigation is run together with the header.

Conventions, the same for every Sénat record:
- author name: given name(s) first, then the surname with the capitals the page uses:
  the classic header `M. GENET Fabien` gives "Fabien GENET", `M. du LUART Roland` gives
  "Roland du LUART"; the full page already writes `Isabelle Raimond-Pavero` and is kept.
  Keys slug the name, so only the order matters, never the case.
- number: five characters as the Sénat writes it ("03038", "0286S"); from the page when it
  states it, else from the page id (qSEQ + yymm + number) found in a URL or the file name.
- legislature only when the page states it (`17e législature`); never guessed from a date.
- ministries as written with a capital first letter; old short labels give "Intérieur".
- closing: `La question est caduque` is LAPSED; any `… a été retirée …` is WITHDRAWN (also
  "pour cause de fin de mandat": the page calls it withdrawn).
- `Le texte de cette question n'est pas disponible…` gives question_text ""; the same for
  the answer gives answer_text None and the sentence in answer_note, like `Réponse
  apportée en séance publique le …`.
- texts are canonical; `- page N`, `Page mise à jour le`, site navigation, a leading `- `
  (1993 pages) and the `Réponse. - ` marker of pre-2002 answers are not part of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from qe_desktop.domain.question import Author, Chamber, Closing, ClosingKind, QuestionRecord
from qe_desktop.domain.text import canonical_text
from qe_desktop.importers.addressee import ministry_from_addressee
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.page_common import (
    LEGISLATURE,
    capitalize_first,
    clean_page_text,
    line_starting_with,
    normalise_civility,
    one_line,
    parse_numeric_date,
    senat_number_from_uid,
    senat_uid_in,
    senat_uid_in_url,
    senat_url,
    split_affiliation,
)
from qe_desktop.importers.senat_title import derived_title

_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_PUBLISHED = (
    rf"publiée\s+(?:le|dans\s+le\s+JO\s+Sénat\s+du)\s*(?P<date>{_DATE})"
    rf"(?:\s*[-–]\s*page\s*(?P<page>\d{{1,6}}))?"
)
_PUBLISHED_NO_GROUPS = (
    rf"publiée\s+(?:le|dans\s+le\s+JO\s+Sénat\s+du)\s*{_DATE}(?:\s*[-–]\s*page\s*\d{{1,6}})?"
)
_CIVILITY = r"(?P<civ>Mme|Mlle|M\.?)"
_NO = r"n(?:\s*[°º]|o(?=\s*\d))\s*"  # n°, nº and the old "no"
_AFFILIATION = r"\((?P<aff>[^()\n]{0,200}?)\)"
_CLASSIC_HEADER = re.compile(
    rf"Question\s+de\s+{_CIVILITY}\s*(?P<name>[^()\n]{{1,120}}?)\s*{_AFFILIATION}\s*{_PUBLISHED}"
)
_FULL_HEADER = re.compile(
    rf"Question\s+écrite\s+{_NO}(?P<number>\d{{1,6}}[A-Z]?)\s+de\s+{_CIVILITY}\s*"
    rf"(?P<name>[^()\n]{{1,120}}?)\s*{_AFFILIATION}(?:\s*{_PUBLISHED})?"
)
_NUMBER = re.compile(rf"Question\s+écrite\s+{_NO}(\d{{1,6}}(?!\d)[A-Z]?)")

# Markers glued to the previous word when navigation and page are copied run together.
# Each starts with one of C, E, L, P, Q, R, T, V: the first test passes over every other
# position without trying the look-behind and the alternatives (3 times faster on a page).
_GLUED_MARKER = re.compile(
    r"(?=[CELPQRTV])(?<=\S)(?=Question\s+de\s+(?:Mme|Mlle|M\.?)\s|"
    r"Question\s+écrite\s+n\s*[°º]|Transmise\s+au|"
    r"Réponse\s+(?:du|de\s+la|de\s+l['’]|des)\s|Réponse\s+apportée|Page\s+mise\s+à\s+jour|"
    r"La\s+question\s+(?:est\s+caduque|a\s+été\s+retirée)|Cette\s+question\s+de\s+rappel|"
    r"En\s+attente\s+de\s+réponse|Le\s+texte\s+de\s+cette|Voir\s+la\s+réponse|Erratum\b)"
)
_GLUED_PAGE = re.compile(
    r"([.!?»)\"”])[ ]?([-–][ ]?page[ ]\d{1,6})(?=[ ]*$|[A-ZÀ-Ý])", re.MULTILINE
)

_GLUED_DATE = re.compile(rf"({_PUBLISHED_NO_GROUPS})(?=[A-ZÀ-Ý])")
_PAGE_LINE = re.compile(r"^[-–—]\s*page\s*(\d{1,6})\s*$", re.IGNORECASE)
_TRANSMISE = re.compile(
    rf"^Transmise\s+(?:au|aux|à\s+la|à\s+l['’]|à)\s*(?:ministère\s*:\s*)?(?P<min>.+?)"
    rf"(?:\s+le\s+(?P<date>{_DATE}))?\s*\.?$"
)
_ANSWER_HEAD = re.compile(
    rf"^Réponse\s+(?:du|de\s+la|de\s+l['’]|des|de)\s*(?:ministère\s*:\s*)?(?P<min>.+?)\s+{_PUBLISHED}\s*$"
)
_ANSWER_HEAD_START = re.compile(
    r"^Réponse\s+(?:du|de\s+la|de\s+l['’]|des)\s+(?P<min>[^\n]{3,300})$"
)
_PUBLISHED_LINE = re.compile(rf"^{_PUBLISHED}\s*$")
_SEANCE = re.compile(rf"^Réponse\s+apportée\s+en\s+séance\s+publique(?:\s+le\s+(?P<date>{_DATE}))?")
_NO_QUESTION_TEXT = re.compile(r"^Le\s+texte\s+de\s+cette\s+question\s+n['’]est\s+pas\s+disponible")
_NO_ANSWER_TEXT = re.compile(r"^Le\s+texte\s+de\s+cette\s+réponse\s+n['’]est\s+pas\s+disponible")
_CADUQUE = re.compile(r"^La\s+question\s+est\s+caduque\b")
_WITHDRAWN = re.compile(r"^(?:La|Cette)\s+question(?:\s+de\s+rappel)?\s+a\s+été\s+retirée\b")
_RECALLED = re.compile(
    rf"^Voir\s+la\s+réponse\s+à\s+la\s+question\s+rappelée\s+(?:{_NO})?(\d{{1,5}}[A-Z]?)"
)
_PENDING = re.compile(
    r"^En\s+attente\s+de\s+réponse\s+(?:du|de\s+la|de\s+l['’]|des)\s+(?P<min>.+?)\.?$"
)
_ERRATUM = re.compile(r"^erratum\b", re.IGNORECASE)
_FOOTER = line_starting_with(
    "Page mise à jour",
    "Haut de page",
    "Retour en haut",
    "Nous contacter",
    "Plan du site",
    "Mentions légales",
    "Accessibilité",
    "Données personnelles",
    "Gestion des cookies",
    "Suivez le Sénat",
    r"Sénat\s*[-–]\s*15,? rue de Vaugirard",
)
_FOOTER_TEXT = "page mise à jour le"
_MAX_MARKER_LINE = 600
_RECALL_IN_TEXT = re.compile(
    r"\brappelle\b[^\n]{0,400}?\bles\s+termes\s+de\s+sa\s+question(?:\s+écrite)?\s+"
    rf"{_NO}(\d{{1,5}}[A-Z]?)"
)
_NAV_LINE = re.compile(
    r"Allez\s+au\s+contenu|Allez\s+à\s+la\s+navigation|recherche|^Accueil|^Retour|"
    r"précédente|suivante|^Imprimer|^Envoyer|^Partager|^Menu\b|^Sénat\b|^Connexion|^Sommaire|"
    r"https?://|[>|]|législature|^Question\s+écrite|^Questions?\b|:\s*$",
    re.IGNORECASE,
)
_LEADING_DASH = re.compile(r"^[-–]\s+(?=\S)")
_OLD_ANSWER_MARK = re.compile(r"^Réponse\s*\.\s*[-–—]\s*")


@dataclass(slots=True)
class _Body:
    """What the lines after the header say, filled in reading order."""

    question: list[str] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)
    erratum: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    question_page: str | None = None
    ministry_assigned: str | None = None
    assigned_on: date | None = None
    answer_ministry: str | None = None
    answered_on: date | None = None
    answer_page: str | None = None
    pending_ministry: str | None = None
    closing: Closing | None = None
    recalls: str | None = None
    seance_on: date | None = None


def parse_senat_page(text: str, source: str) -> QuestionRecord:
    """Parse Sénat page text into a record; ImportFailure when it is not one."""
    text = _unglue(clean_page_text(text))
    header = _find_header(text)
    if header is None:
        raise ImportFailure(
            source,
            "page du Sénat sans en-tête « Question de M./Mme … publiée le … » : "
            "impossible d'identifier la question",
        )
    preamble = text[: header.start()]
    body = _read_body(text[header.end() :].split("\n"))
    return _build_record(header, preamble, body, text, source)


def senat_title_from_preamble(preamble: str) -> str | None:
    """The page title: the last line before the header that is not navigation."""
    candidates = [
        one_line(line)
        for line in preamble.split("\n")
        if line.strip() and len(line.strip()) <= 250 and not _NAV_LINE.search(line)
    ]
    return candidates[-1] if candidates else None


def _unglue(text: str) -> str:
    text = _GLUED_PAGE.sub(r"\1\n\2\n", text)
    text = _GLUED_DATE.sub(r"\1\n", text)
    return _GLUED_MARKER.sub("\n", text)


def _find_header(text: str) -> re.Match[str] | None:
    found = [m for m in (_CLASSIC_HEADER.search(text), _FULL_HEADER.search(text)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def _read_body(lines: list[str]) -> _Body:
    body = _Body()
    state = "question"
    resume_at = 0
    for index, raw in enumerate(lines):
        if index < resume_at:
            continue
        line = raw.strip()
        if not line:
            continue
        if _is_footer(line):
            break
        if len(line) > _MAX_MARKER_LINE:  # no page marker is that long: plain text
            _append_text(line, state, body)
            continue
        if (page := _PAGE_LINE.match(line)) is not None:
            state = _read_page(page.group(1), state, body)
            continue
        if (head := _answer_head(line, lines, index)) is not None:
            ministry, published, resume_at = head
            body.answer_ministry = capitalize_first(ministry)
            body.answered_on = parse_numeric_date(published.group("date"))
            body.answer_page = published.group("page")
            state = "answer"
            continue
        if state in ("question", "after_question") and (sent := _TRANSMISE.match(line)):
            body.ministry_assigned = capitalize_first(sent.group("min"))
            body.assigned_on = parse_numeric_date(sent.group("date") or "")
            state = "after_question"
            continue
        if (status := _read_status(line, body)) is not None:
            state = status or ("after_question" if state == "question" else "after_answer")
            continue
        if _ERRATUM.match(line):
            state = "erratum"
        _append_text(line, state, body)
    return body


def _append_text(line: str, state: str, body: _Body) -> None:
    target = {"question": body.question, "answer": body.answer, "erratum": body.erratum}
    if state in target:
        target[state].append(line)


def _read_page(page: str, state: str, body: _Body) -> str:
    """`- page N` closes the question, then the answer; later ones belong to an erratum."""
    if state in ("question", "after_question"):
        body.question_page = body.question_page or page
        return "after_question"
    if state != "erratum" and body.answer_page is None:
        body.answer_page = page
    return "after_answer"


def _is_footer(line: str) -> bool:
    if _FOOTER.match(line):
        return True
    lowered = line.lower()
    return len(lowered) >= 2 and _FOOTER_TEXT.startswith(lowered)


def _answer_head(line: str, lines: list[str], index: int) -> tuple[str, re.Match[str], int] | None:
    """`Réponse du X publiée le D` on one line, or `Réponse du X` then `publiée …`.

    Returns the ministry, the match holding date and page, and the index of the first
    line after the header.
    """
    if (head := _ANSWER_HEAD.match(line)) is not None:
        return head.group("min"), head, index + 1
    start = _ANSWER_HEAD_START.match(line)
    if start is None:
        return None
    following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
    if following is None:
        return None
    published = _PUBLISHED_LINE.match(lines[following].strip())
    if published is None:
        return None
    return start.group("min").strip(), published, following + 1


def _read_status(line: str, body: _Body) -> str | None:
    """Closing, pending and availability lines.

    Returns None for any other line, else the reading state that follows ("" = the
    default: the current text block is over).
    """
    if _NO_QUESTION_TEXT.match(line):
        return "after_question"
    if _NO_ANSWER_TEXT.match(line):
        body.notes.append(line)
        return "after_answer"
    if (seance := _SEANCE.match(line)) is not None:
        body.notes.append(line)
        body.seance_on = parse_numeric_date(seance.group("date") or "")
        return "answer"  # the text of an oral answer may follow
    if _CADUQUE.match(line):
        body.closing = Closing(ClosingKind.LAPSED, line.rstrip(". "))
    elif _WITHDRAWN.match(line):
        body.closing = Closing(ClosingKind.WITHDRAWN, line.rstrip(". "))
    elif (recalled := _RECALLED.match(line)) is not None:
        body.recalls = _senat_number(recalled.group(1))
    elif (pending := _PENDING.match(line)) is not None:
        body.pending_ministry = capitalize_first(pending.group("min"))
    else:
        return None
    return ""


def _build_record(
    header: re.Match[str], preamble: str, body: _Body, text: str, source: str
) -> QuestionRecord:
    groups = header.groupdict()
    constituency, group = split_affiliation(groups["aff"], constituency_last=False)
    name = one_line(groups["name"])
    if header.re is _CLASSIC_HEADER:
        name = _given_name_first(name)
    author = Author(
        name=name,
        civility=normalise_civility(groups["civ"]),
        constituency=constituency,
        group=group,
    )
    uid = senat_uid_in_url(text) or senat_uid_in(source)
    number_match = _NUMBER.search(preamble)
    number = groups.get("number") or (number_match.group(1) if number_match else None)
    if number is None and uid is not None:
        number = senat_number_from_uid(uid)
    legislature_match = LEGISLATURE.search(preamble + header.group(0))
    question_text = _LEADING_DASH.sub("", canonical_text("\n".join(body.question)))
    answer_text = _OLD_ANSWER_MARK.sub("", canonical_text("\n".join(body.answer))) or None
    recalls = body.recalls or _recalled_in(question_text)
    return QuestionRecord(
        chamber=Chamber.SENAT,
        question_text=question_text,
        legislature=int(legislature_match.group(1)) if legislature_match else None,
        number=_senat_number(number) if number else None,
        uid=uid,
        url=senat_url(uid) if uid else None,
        title=senat_title_from_preamble(preamble) or derived_title(question_text),
        author=author,
        ministry_asked=ministry_from_addressee(question_text),
        ministry_assigned=body.ministry_assigned or body.pending_ministry,
        assigned_on=body.assigned_on,
        published_on=parse_numeric_date(groups["date"] or ""),
        question_page=groups["page"] or body.question_page,
        answer_ministry=body.answer_ministry,
        answered_on=body.answered_on or body.seance_on,
        answer_page=body.answer_page,
        answer_text=answer_text,
        answer_note="\n".join(body.notes) or None,
        closing=body.closing,
        erratum=canonical_text("\n".join(body.erratum)) or None,
        recalls=recalls,
        source=source,
    )


def _recalled_in(question_text: str) -> str | None:
    match = _RECALL_IN_TEXT.search(question_text)
    return _senat_number(match.group(1)) if match else None


def _senat_number(value: str) -> str:
    """Sénat numbers on five digits, as the Sénat writes them (`1751` -> `01751`)."""
    return value.zfill(5) if value.isdigit() else value


def _given_name_first(name: str) -> str:
    """`GENET Fabien` -> `Fabien GENET`; `du LUART Roland` -> `Roland du LUART`."""
    tokens = name.split()
    capitals = [i for i, token in enumerate(tokens) if _is_capitalised_word(token)]
    if not capitals or capitals[-1] == len(tokens) - 1:
        return " ".join(tokens)
    last = capitals[-1]
    return " ".join(tokens[last + 1 :] + tokens[: last + 1])


def _is_capitalised_word(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)
