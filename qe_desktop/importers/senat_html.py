"""Read a Sénat question page saved from a browser (`…/questions/base/2025/qSEQ250103038.html`).

The visible text goes through the text parser (senat_page), so both formats follow the
same conventions. The page itself then says which question it is: the canonical link,
`og:url`, the "saved from url" comment of some browsers, else the file name, give the page
id (qSEQ…), hence the official URL and, when the text does not state it, the number.
The title comes from the `<h1>`, else `og:title`, else `<title>`.
"""

from __future__ import annotations

import dataclasses
import re

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers.html_page import HtmlPage, read_html_page
from qe_desktop.importers.page_common import senat_number_from_uid, senat_uid_in_url, senat_url
from qe_desktop.importers.senat_page import parse_senat_page

_SITE_NAME = re.compile(
    r"\s*[-–|]\s*(?:Sénat|senat\.fr)\s*$|^\s*(?:Sénat|senat\.fr)\s*[-–|:]\s*", re.IGNORECASE
)
_NOT_A_TITLE = re.compile(
    r"^(?:Sénat|Le Sénat|Questions?(?: écrites?)?|Recherche)$|^Question\s+écrite\s+n|législature",
    re.IGNORECASE,
)


def parse_senat_html(markup: str, source: str) -> QuestionRecord:
    """Parse a saved senat.fr question page; ImportFailure when it is not one."""
    return parse_senat_html_page(read_html_page(markup, source), source)


def parse_senat_html_page(page: HtmlPage, source: str) -> QuestionRecord:
    record = parse_senat_page(page.text, source)
    uid = next((u for u in map(senat_uid_in_url, page.urls) if u), None) or record.uid
    number = record.number or (senat_number_from_uid(uid) if uid else None)
    return dataclasses.replace(
        record,
        uid=uid,
        url=senat_url(uid) if uid else record.url,
        number=number,
        title=_title(page) or record.title,
    )


def _title(page: HtmlPage) -> str | None:
    for heading in page.headings:
        if not _NOT_A_TITLE.match(heading) and len(heading) <= 300:
            return heading
    if page.meta_title:
        title = _SITE_NAME.sub("", page.meta_title).strip()
        if title and not _NOT_A_TITLE.match(title):
            return title
    return None
