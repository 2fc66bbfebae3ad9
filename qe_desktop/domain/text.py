"""Canonical text: the one text that every offset refers to (DESIGN §3).

Display, search snippets, annotations and exports all index into the string this
module produces, so its rules must never change silently.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass

# The one list of HTML elements that end a paragraph, and of those whose content is never
# text: fragments (AN open data) and whole saved pages (importers/html_page.py) use both.
BLOCK_TAGS = (
    "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "thead", "tbody", "tfoot",
    "caption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
    "header", "footer", "nav", "main", "aside", "pre", "dd", "dt", "dl", "form", "address",
    "figure", "figcaption", "hr", "fieldset", "legend", "details", "summary", "center",
)  # fmt: skip
DROPPED_TAGS = (
    "head", "title", "script", "style", "noscript", "template", "iframe", "frame", "frameset",
    "object", "embed", "applet", "svg", "math", "canvas", "audio", "video", "select",
    "button", "input", "textarea",
)  # fmt: skip
_BLOCK_BREAK = re.compile(rf"<\s*/?\s*(?:br|{'|'.join(BLOCK_TAGS)})\b[^>]*>", re.IGNORECASE)
_DROP_ELEMENTS = re.compile(
    rf"<\s*({'|'.join(DROPPED_TAGS)})\b[^>]*>.*?<\s*/\s*\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # Cc, less \t \n \r
# The control characters `str.split()` takes for spaces: dropped, never a word break.
_CONTROL_SPACES = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85")
_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH_TAG = re.compile("</?p>")
# The Latin-1 characters `str.isprintable` refuses, newline aside (controls, NBSP, soft hyphen).
_UNPRINTABLE_LATIN1 = bytes(c for c in range(256) if c != 0x0A and not chr(c).isprintable())
# AN texts start with a JO heading: "13382. — 10 mars 2026. — "
_AN_HEADING = re.compile(
    r"^\s*\d+\s*\.\s*[—–-]\s*\d{1,2}(?:er)?\s+\w+\s+\d{4}\s*\.\s*[—–-]\s*", re.UNICODE
)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a canonical text with its code-point offsets, to anchor or highlight it.

    One type for sentences, demands and evidence passages: they index the same texts.
    """

    start: int
    end: int
    text: str


def html_to_text(markup: str) -> str:
    """Turn an HTML fragment into plain text with block ends as newlines.

    Most AN fragments hold nothing but paragraphs (`<p>…</p>`) and line breaks: those
    are replaced by newlines as `_BLOCK_BREAK` would, and when no other tag is left the
    patterns of `html_by_patterns` are not run (3,403 generated fragments: 38 -> 28 ms).
    """
    plain = _PARAGRAPH_TAG.sub("\n", markup)  # one pass, not two `replace` (3,403: 27 -> 12 ms)
    if "<" in plain:
        plain = plain.replace("<br>", "\n").replace("<br/>", "\n").replace("<br />", "\n")
    if "<" not in plain:
        return html.unescape(plain)
    return html_by_patterns(markup)


def html_by_patterns(markup: str) -> str:
    """`html_to_text` for any fragment: comments and dropped elements removed, block
    ends turned into newlines, other tags removed, entities decoded.
    """
    if "<!--" in markup:  # the substring tests spare whole scans of most fragments
        markup = _COMMENT.sub("", markup)
    markup = _DROP_ELEMENTS.sub("", markup)
    markup = _BLOCK_BREAK.sub("\n", markup)
    markup = _TAG.sub("", markup)
    return html.unescape(markup)


def canonical_text(raw: str, *, is_html: bool = False, strip_an_heading: bool = False) -> str:
    """Return the canonical form of a question or answer text.

    Rules (DESIGN §3): tags removed with block ends as paragraph breaks, entities
    decoded, NFC, whitespace runs (NBSP included) collapsed to one space inside a
    paragraph, paragraphs joined by a single newline, no empty paragraph, no
    leading or trailing whitespace. Control characters (NUL included) are dropped.
    """
    text = html_to_text(raw) if is_html else raw
    latin1 = _latin1(text)
    if latin1 is None:
        result = _canonical_lines(unicodedata.normalize("NFC", text))
    elif len(latin1.translate(None, _UNPRINTABLE_LATIN1)) == len(latin1) and "  " not in text:
        # Every line printable (no \r either), no two spaces meet: `_canonical_lines`
        # would only strip each line's edge spaces.
        result = "\n".join(
            [line for line in [line.strip(" ") for line in text.split("\n")] if line]
        )
    else:  # a Latin-1 text is NFC already (tests/domain/test_canonical_fast.py)
        result = _canonical_lines(text)
    if strip_an_heading:
        result = _AN_HEADING.sub("", result, count=1)
    return result


def _canonical_lines(text: str) -> str:
    """`canonical_text` of an NFC plain text: line ends unified, each line's whitespace
    collapsed and control characters dropped, empty lines dropped.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    kept = []
    for line in text.split("\n"):
        # A printable line holds no control character and no whitespace but spaces:
        # nothing to drop, and nothing to collapse unless two spaces meet. `str.split()`
        # splits on exactly the characters `\s` matches (str.isspace), in C.
        if line.isprintable() and "  " not in line:
            line = line.strip(" ")
        elif (collapsed := " ".join(line.split())).isprintable() and not any(
            space in line for space in _CONTROL_SPACES
        ):  # only spaces to collapse (NBSP, tabs): the regex below costs 5 times more
            line = collapsed
        else:
            line = " ".join(_CONTROL.sub("", line).split())
        if line:
            kept.append(line)
    return "\n".join(kept)


def _latin1(text: str) -> bytes | None:
    """The text in Latin-1 when every character is below U+0100 (one copy in C), else
    `None`. Such a text is NFC already, and its printable test is one `bytes.translate`
    (3,403 generated texts: NFC's quick check 12 ms, the lines' tests ≈ 15 ms more).

    Every character below U+0100 is its own NFC form with combining class 0, so no
    sequence of them can be reordered or composed: NFC gives the text back unchanged.
    """
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def text_hash(text: str) -> str:
    """Stable hash of a canonical text, stored with annotations made on it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
