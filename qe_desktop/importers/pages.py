"""One entry point for question pages: bytes or pasted text in, one QuestionRecord out.

Decodes the bytes (encoding.py), tells HTML from text, tells a Sénat page from an AN page
and hands it to the right parser. Anything that is not a question page ends in an
ImportFailure naming the source and saying why, in French.
"""

from __future__ import annotations

import re

from qe_desktop.domain.question import Chamber, QuestionRecord
from qe_desktop.importers.an_page import parse_an_page
from qe_desktop.importers.body_only import parse_body_only
from qe_desktop.importers.encoding import check_text_size, decode_text
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.html_page import looks_like_html, read_html_page
from qe_desktop.importers.nos_pages import looks_like_nos_page, parse_nos_page
from qe_desktop.importers.page_common import clean_page_text, identity_from_name
from qe_desktop.importers.senat_html import parse_senat_html_page
from qe_desktop.importers.senat_page import parse_senat_page

_SENAT_MARKS = re.compile(
    r"Question\s+de\s+(?:Mme|Mlle|M\.?)\s*[^()\n]{1,120}?\([^()\n]{0,200}\)\s*publiée\s+(?:le|dans)|"
    r"Question\s+écrite\s+n\s*[°º]\s*\d{1,6}[A-Z]?\s+de\s+(?:Mme|Mlle|M\.?)\s|JO\s+Sénat"
)
_AN_MARKS = re.compile(
    r"^Question\s+de\s*:|FICHE\s+QUESTION|Texte\s+de\s+la\s+(?:QUESTION|REPONSE|question|réponse)|"
    r"Minist[èe]re\s+(?:interrogé|attributaire|répondant)\s*[:>]|^Question\s+N\s*°|QANR5L\d",
    re.MULTILINE,
)
_LINK = re.compile(r"https?://[^\s\"'<>]+")
_USEFUL_LINK = re.compile(r"senat\.fr/questions|assemblee-nationale\.fr/|nosdeputes|nossenateurs")
_UNKNOWN_LAYOUT = (
    "mise en page inconnue : ce n'est ni une page de question du Sénat "
    "ni une page de l'Assemblée nationale"
)


def parse_page_bytes(data: bytes, name: str) -> QuestionRecord:
    """Parse a saved page file (text or HTML, either chamber)."""
    return parse_page_text(decode_text(data, name), name)


def parse_page_text(text: str, source: str) -> QuestionRecord:
    """Parse page text, e.g. pasted from the clipboard (text or HTML, either chamber)."""
    check_text_size(text, source)
    if not text.strip():
        raise ImportFailure(source, "le texte est vide")
    links = (*_links_in(text), source)
    if looks_like_html(text):
        page = read_html_page(text, source)
        if looks_like_nos_page(page.text, (*page.urls, *links)):
            return parse_nos_page(page.text, source, (*page.urls, *links))
        chamber = _chamber_of_urls(page.urls) or detect_chamber(page.text, source)
        if chamber is Chamber.SENAT:
            return parse_senat_html_page(page, source)
        return _parse_plain(page.text, source, chamber)
    if looks_like_nos_page(text, links):
        return parse_nos_page(text, source, links)
    return _parse_plain(text, source, detect_chamber(text, source))


def _links_in(text: str) -> tuple[str, ...]:
    """Addresses in a page that can say which question it is (source links, the page's own)."""
    found = _LINK.findall(text[:200_000])
    return tuple(dict.fromkeys(link for link in found if _USEFUL_LINK.search(link)))


def detect_chamber(text: str, source: str) -> Chamber | None:
    """Which chamber's layout a page text has: header marks first, then the file name."""
    text = clean_page_text(text)
    if _SENAT_MARKS.search(text):
        return Chamber.SENAT
    if _AN_MARKS.search(text):
        return Chamber.AN
    identity = identity_from_name(source)
    return identity.chamber if identity else None


def _chamber_of_urls(urls: tuple[str, ...]) -> Chamber | None:
    for url in urls:
        if "senat.fr" in url.lower():
            return Chamber.SENAT
        if "assemblee-nationale.fr" in url.lower():
            return Chamber.AN
    return None


def _parse_plain(text: str, source: str, chamber: Chamber | None) -> QuestionRecord:
    try:
        if chamber is Chamber.SENAT:
            return parse_senat_page(text, source)
        if chamber is Chamber.AN:
            return parse_an_page(text, source)
        raise ImportFailure(source, _UNKNOWN_LAYOUT)
    except ImportFailure:
        record = parse_body_only(text, source)  # no header: the name and first sentence
        if record is None:
            raise
        return record
