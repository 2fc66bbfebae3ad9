"""Assemblée nationale open data: one question per JSON or XML file, or the 14th legislature XML.

Both formats go through the same mapping: XML elements are first turned into the
shape the AN's own JSON conversion produces (once = object, several = list,
empty = null), so a question reads the same whichever file it came from.

Field choices (DESIGN §3, §5):
- title = the `analyse` entries (joined by " ; "), else `teteAnalyse`; analysis = `teteAnalyse`;
- question text = the last `texteQuestion` (latest wording); date and page = the first one
  (the original publication, from which the deadline runs);
- answer = every distinct `texteReponse` text; date and page = the first answer;
- ministry_assigned = the last `minAttrib` (the current one);
- a closing that reports a published answer (`REP_PUB`) is not a closing: the answer is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import IO, TYPE_CHECKING

from qe_desktop.domain.folding import strip_accents
from qe_desktop.domain.parse_reasons import xml_reason
from qe_desktop.domain.question import Author, Chamber, Closing, ClosingKind, QuestionRecord
from qe_desktop.domain.text import canonical_text
from qe_desktop.importers.an_shapes import (
    JsonMapping,
    as_list,
    child,
    field_text,
    mapping_of,
    parse_an_date,
    required_mapping,
    root_object,
    text_of,
)
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.xml_guard import DTD_REFUSED, guarded_stream

if TYPE_CHECKING:  # lxml loads with the first XML file (a JSON import never needs it)
    from lxml import etree

AN_NAMESPACE = "http://schemas.assemblee-nationale.fr/referentiel"
QUESTION_URL = "https://www.assemblee-nationale.fr/dyn/{legislature}/questions/{uid}"

_UID = re.compile(r"^QANR5L(\d+)([A-Z]+?)(\d+)$")
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_LAPSED_WORDS = (
    "caduc",
    "fin de mandat",
    "fin du mandat",
    "fin de legislature",
    "fin de la legislature",
    "changement de gouvernement",
    "remaniement",
    "deces",
    "demission",
    "cessation",
)
_LAPSED_CODES = ("CAD", "FIN", "DEC", "CHG", "CHANG")


def parse_an_json(data: bytes, source: str) -> QuestionRecord:
    """Read one `QANR5L{leg}QE{n}.json` file (top-level `{"question": {...}}`)."""
    question = root_object(data, source, "question", "une question de l'Assemblée nationale")
    return question_from_mapping(question, source)


def question_from_mapping(value: object, source: str) -> QuestionRecord:
    """Map one `question` object (JSON shape) to a record."""
    question = required_mapping(value, "question", source)
    uid = field_text(question, "uid", source)
    if uid is None:
        raise ImportFailure(source, "identifiant de la question (« uid ») absent")
    parts = _UID.match(uid)
    identifiant = child(question, "identifiant", source)
    legislature = _legislature(
        field_text(identifiant, "legislature", source) or (parts[1] if parts else None), source
    )
    number = field_text(identifiant, "numero", source) or (parts[3] if parts else None)
    qtype = field_text(question, "type", source) or (parts[2] if parts else "QE")
    url = QUESTION_URL.format(legislature=legislature, uid=uid) if legislature else None

    indexation = child(question, "indexationAN", source)
    head = field_text(indexation, "teteAnalyse", source)
    analyses = _texts(as_list(_get(child(indexation, "analyses", source), "analyse")), source)

    asked = _texts_list(question, "textesQuestion", "texteQuestion", source)
    answers = _texts_list(question, "textesReponse", "texteReponse", source)
    attributions = _entries(question, "minAttribs", "minAttrib", source)
    current = attributions[-1] if attributions else None
    ministry_assigned = _ministry(child(current, "denomination", source), source)
    assigned_on = _jo(current, source)[0]

    question_texts = [text for _, _, text in asked if text]
    published_on, question_page = next(((d, p) for d, p, _ in asked if d or p), (None, None))
    if published_on is None and not asked:
        published_on = assigned_on  # a QG has no question text: it is asked the day it is assigned
    answer_texts = list(dict.fromkeys(text for _, _, text in answers if text))
    answered_on, answer_page = next(((d, p) for d, p, _ in answers if d or p), (None, None))

    closing, closed_on, closing_label = _closing(child(question, "cloture", source), source)
    answer_note = None
    if closing is None and closed_on is not None and answered_on is None:
        answered_on = closed_on  # answer published, text not in the file
        if not answers:
            answer_note = f"{closing_label or 'Réponse publiée'} (texte absent du fichier)"
    has_answer = bool(answers) or answer_note is not None

    return QuestionRecord(
        chamber=Chamber.AN,
        question_text=question_texts[-1] if question_texts else "",
        qtype=qtype,
        legislature=legislature,
        number=number,
        uid=uid,
        url=url,
        title=" ; ".join(analyses) or head,
        rubrique=field_text(indexation, "rubrique", source),
        analysis=head,
        themes=tuple(analyses),
        author=_author(child(question, "auteur", source), source),
        ministry_asked=_ministry(child(question, "minInt", source), source),
        ministry_assigned=ministry_assigned,
        assigned_on=assigned_on,
        published_on=published_on,
        question_page=question_page,
        answer_ministry=ministry_assigned if has_answer else None,
        answered_on=answered_on if has_answer else None,
        answer_page=answer_page,
        answer_text="\n".join(answer_texts) or None,
        answer_note=answer_note,
        closing=closing,
        signaled_on=_signaled_on(child(question, "signalement", source), source),
        renewed_on=_renewals(child(question, "renouvellements", source), source),
        source=source,
    )


def iter_an_xml(data: bytes | IO[bytes], source: str) -> Iterator[QuestionRecord | ImportFailure]:
    """Stream the `question` elements of an AN XML file, one record (or failure) each.

    Works for one question or for the 14th legislature's single file: elements are
    cleared as soon as they are read, so memory stays flat. Documents declaring a
    DTD or entities are refused by us before lxml reads a byte (`xml_guard`), so the
    reason does not depend on the lxml release; lxml's own guards stay as a second wall.
    """
    from lxml import etree

    stream, refusal = guarded_stream(data)
    if refusal:
        yield ImportFailure(source, refusal)
        return
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    checked = False
    count = 0
    try:
        for event, element in events:
            if not checked:
                checked = True
                refusal = _dtd_refusal(element)
                if refusal:
                    yield ImportFailure(source, refusal)
                    return
            if event != "end" or _local_name(element) != "question":
                continue
            count += 1
            try:
                yield question_from_mapping(_element_value(element), source)
            except ImportFailure as failure:
                where = source if element.getparent() is None else f"{source} (question n° {count})"
                yield ImportFailure(where, failure.reason)
            finally:
                _release(element)
    except etree.XMLSyntaxError as exc:
        detail = (exc.msg or "").strip()[:200]
        if _ENTITY_TROUBLE.search(detail):  # newer libxml2 stops entity bombs while parsing
            yield ImportFailure(source, DTD_REFUSED)
            return
        yield ImportFailure(source, xml_reason(detail, exc.lineno, exc.position[1]))
        return
    except (etree.LxmlError, RecursionError) as exc:
        yield ImportFailure(source, f"XML illisible : {str(exc)[:200]}")
        return
    if count == 0:
        yield ImportFailure(
            source, "aucun élément « question » : ce n'est pas un fichier de questions de l'AN"
        )


def parse_an_xml(data: bytes | IO[bytes], source: str) -> Iterator[QuestionRecord]:
    """Like `iter_an_xml`, but raise the first failure (for callers wanting all or nothing)."""
    for item in iter_an_xml(data, source):
        if isinstance(item, ImportFailure):
            raise item
        yield item


# --- JSON-shape helpers -------------------------------------------------------------


def _get(parent: JsonMapping | None, key: str) -> object:
    return None if parent is None else parent.get(key)


def _legislature(value: str | None, source: str) -> int | None:
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 3:
        raise ImportFailure(source, f"législature invalide « {value[:20]} »")
    return int(value)


def _texts(values: list[object], source: str) -> list[str]:
    texts = (text_of(value, "analyse", source) for value in values)
    return [text for text in texts if text]


def _entries(parent: JsonMapping, container: str, item: str, source: str) -> list[JsonMapping]:
    values = as_list(_get(child(parent, container, source), item))
    entries = (mapping_of(value, item, source) for value in values)
    return [entry for entry in entries if entry is not None]


def _jo(entry: JsonMapping | None, source: str) -> tuple[date | None, str | None]:
    info = child(entry, "infoJO", source)
    return parse_an_date(field_text(info, "dateJO", source), "dateJO", source), field_text(
        info, "pageJO", source
    )


def _texts_list(
    parent: JsonMapping, container: str, item: str, source: str
) -> list[tuple[date | None, str | None, str]]:
    """(JO date, JO page, canonical text) for each `texteQuestion` / `texteReponse`."""
    result: list[tuple[date | None, str | None, str]] = []
    for entry in _entries(parent, container, item, source):
        raw = text_of(entry.get("texte"), "texte", source) or ""
        text = canonical_text(raw, is_html=True, strip_an_heading=True)
        result.append((*_jo(entry, source), text))
    return result


def _ministry(organ: JsonMapping | None, source: str) -> str | None:
    return field_text(organ, "developpe", source) or field_text(organ, "abrege", source)


def _author(author: JsonMapping | None, source: str) -> Author:
    identity = child(author, "identite", source)
    group = child(author, "groupe", source)
    return Author(
        ref=field_text(identity, "acteurRef", source) or "",
        group=field_text(group, "developpe", source) or field_text(group, "abrege", source) or "",
        constituency=_constituency(author, identity, source),
    )


def _constituency(author: JsonMapping | None, identity: JsonMapping | None, source: str) -> str:
    for holder in (author, identity):
        value = _get(holder, "circonscription")
        if isinstance(value, dict) and "#text" not in value:
            place = mapping_of(value, "circonscription", source)
            return (
                field_text(place, "libelle", source) or field_text(place, "developpe", source) or ""
            )
        if value is not None:
            return text_of(value, "circonscription", source) or ""
    return ""


@lru_cache(maxsize=1024)  # a few closing labels, repeated on thousands of questions
def _ascii_lower(value: str) -> str:
    return strip_accents(value).lower()


def _closing(
    cloture: JsonMapping | None, source: str
) -> tuple[Closing | None, date | None, str | None]:
    """(closing, its date, its label); a published answer yields no Closing."""
    if cloture is None:
        return None, None, None
    code = (field_text(cloture, "codeCloture", source) or "").upper()
    label = field_text(cloture, "libelleCloture", source)
    on = parse_an_date(field_text(cloture, "dateCloture", source), "dateCloture", source)
    words = _ascii_lower(label or "")
    if code.startswith(_LAPSED_CODES) or any(word in words for word in _LAPSED_WORDS):
        return Closing(ClosingKind.LAPSED, label or code, on), on, label
    if code.startswith("RET") or "retir" in words or "retrait" in words:
        return Closing(ClosingKind.WITHDRAWN, label or code, on), on, label
    if code.startswith("REP") or "reponse" in words:
        return None, on, label
    if not code and not label:
        return None, None, None
    return Closing(ClosingKind.OTHER, label or code, on), on, label


def _signaled_on(signalement: JsonMapping | None, source: str) -> date | None:
    found = field_text(signalement, "dateDepotSignal", source)
    if found is None:
        return _jo(signalement, source)[0]
    return parse_an_date(found, "dateDepotSignal", source)


def _renewals(renewals: JsonMapping | None, source: str) -> tuple[date, ...]:
    days: set[date | None] = set()
    for value in as_list(_get(renewals, "renouvellement")):
        if isinstance(value, dict):
            entry = mapping_of(value, "renouvellement", source)
            raw = field_text(entry, "dateRenouvellement", source)
            days.add(parse_an_date(raw, "renouvellement", source) if raw else _jo(entry, source)[0])
        else:
            raw = text_of(value, "renouvellement", source)
            days.add(parse_an_date(raw, "renouvellement", source))
    return tuple(sorted(day for day in days if day is not None))


# --- XML helpers ----------------------------------------------------------------------


def _local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


_ENTITY_TROUBLE = re.compile(r"amplification|entit(?:y|ies)\b.*(?:loop|recurs|exceed)", re.I)


def _dtd_refusal(element: etree._Element) -> str | None:
    info = element.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.system_url:
        return DTD_REFUSED
    return None


def _release(element: etree._Element) -> None:
    """Free a processed element and its already-read siblings (streaming)."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _element_value(element: etree._Element) -> object:
    """The JSON-shape value of an element: text, object, or `None` when empty."""
    if element.get(_XSI_NIL) == "true":
        return None
    if _local_name(element) == "texte":
        return _inner_markup(element) or None
    children = [node for node in element if isinstance(node.tag, str)]
    if not children:
        return (element.text or "").strip() or None
    grouped: dict[str, list[object]] = {}
    for node in children:
        grouped.setdefault(_local_name(node), []).append(_element_value(node))
    return {key: values[0] if len(values) == 1 else values for key, values in grouped.items()}


def _inner_markup(element: etree._Element) -> str:
    """A `texte` element's HTML: escaped text, CDATA, or (rarely) real child elements."""
    from lxml import etree

    parts = [element.text or ""]
    parts.extend(
        etree.tostring(node, encoding="unicode", with_tail=True)
        for node in element
        if isinstance(node.tag, str)
    )
    return "".join(parts)
