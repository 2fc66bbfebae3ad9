"""Turn a saved HTML page into the text a reader sees, safely.

lxml parses with no network access and no entity resolution; comments, processing
instructions, scripts, styles, frames, embedded objects and hidden elements are dropped
before any text is read, so nothing in the page is executed or fetched. Whitespace inside
text is collapsed as a browser does; block ends and `<br>` become line breaks, which is
what a copy of the page from a browser gives and what the text parsers expect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from qe_desktop.domain.text import BLOCK_TAGS, DROPPED_TAGS
from qe_desktop.importers.errors import ImportFailure

_DROPPED = tuple(tag for tag in DROPPED_TAGS if tag != "title")  # the page title is read
_BLOCKS = frozenset(BLOCK_TAGS)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_HEAD_CHARS = 64 * 1024
_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", re.IGNORECASE | re.DOTALL)
_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_LOOKS_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(
    r"</?(?:p|div|br|span|a|table|td|tr|h[1-6]|body|html|head|meta|script)\b[^>]*>", re.I
)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """The visible text of a page and the metadata that says which page it is."""

    text: str
    urls: tuple[str, ...]  # canonical link, og:url, "saved from url" comment, in that order
    headings: tuple[str, ...]  # h1 texts
    meta_title: str | None  # og:title, else <title>


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_LOOKS_HTML_START.match(head)) or len(_TAG.findall(head)) >= 3


def read_html_page(markup: str, source: str) -> HtmlPage:
    """Parse markup into an HtmlPage; ImportFailure when nothing can be read."""
    saved_from = _SAVED_FROM.search(markup[:4096])
    cleaned = _UNSAFE_CHARS.sub("", _without_doctype(_XML_DECLARATION.sub("", markup, count=1)))
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True
    )
    try:
        root = lxml.html.document_fromstring(cleaned, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ImportFailure(source, "page HTML illisible ou vide") from exc
    urls = [*_link_urls(root), *_meta_contents(root, "og:url")]
    if saved_from is not None:
        urls.append(saved_from.group(1))
    titles = _meta_contents(root, "og:title") or [_text_of(el) for el in root.iter("title")]
    headings = tuple(t for t in (_text_of(el) for el in root.iter("h1")) if t)
    _drop_invisible(root)
    return HtmlPage(
        text=_visible_text(root),
        urls=tuple(u.strip() for u in urls if u and u.strip()),
        headings=headings,
        meta_title=next((t for t in titles if t), None),
    )


def _without_doctype(markup: str) -> str:
    """Drop the DOCTYPE (and any internal subset declaring entities) at the top of a page."""
    found = _DOCTYPE.search(markup[:_HEAD_CHARS])
    return markup[: found.start()] + markup[found.end() :] if found else markup


def _link_urls(root: lxml.html.HtmlElement) -> list[str]:
    return [
        str(el.get("href") or "")
        for el in root.iter("link")
        if "canonical" in str(el.get("rel") or "").lower().split()
    ]


def _meta_contents(root: lxml.html.HtmlElement, name: str) -> list[str]:
    return [
        _SPACES.sub(" ", str(el.get("content") or "")).strip()
        for el in root.iter("meta")
        if str(el.get("property") or el.get("name") or "").lower() == name
    ]


def _text_of(element: lxml.html.HtmlElement) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _drop_invisible(root: lxml.html.HtmlElement) -> None:
    doomed = [
        el
        for el in root.iter()
        if not isinstance(el.tag, str)
        or el.tag.lower() in _DROPPED
        or el.get("hidden") is not None
        or str(el.get("aria-hidden") or "").lower() == "true"
        or _HIDDEN_STYLE.search(str(el.get("style") or ""))
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _visible_text(root: lxml.html.HtmlElement) -> str:
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS or tag == "br":
                parts.append("\n")
            if el.text and tag:
                parts.append(el.text if tag == "pre" else _SPACES.sub(" ", el.text))
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(_SPACES.sub(" ", el.tail))
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(lines)
