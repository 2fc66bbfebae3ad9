"""The users' notes are Markdown: make them safe to pass on, and readable in Word and PDF.

Two jobs, one place, so that every format agrees on what a note says:
- `safe_markdown` keeps a note's Markdown (bold, lists, links) for the Markdown
  export but takes away what a renderer would turn into live HTML: raw tags are
  escaped and links keep only safe schemes (http, https, mailto);
- `note_blocks` parses a note (CommonMark, raw HTML off, via markdown-it-py)
  into paragraphs and list items of styled spans, which the Word and PDF writers
  draw with their own bold, italic and hyperlinks instead of showing `**daté**`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_BREAKS: dict[str, str] = {"softbreak": " ", "hardbreak": "\n"}
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]+")
# [label](destination "title"), the destination possibly in <…>
_INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.)*)\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)((?:\s+[^)]*)?)\)"
)
# [label]: destination, a link reference definition
_DEFINITION = re.compile(r"^( {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*)(<[^>\n]*>|\S+)(.*)$", re.MULTILINE)


def is_safe_link(destination: str) -> bool:
    """True for relative links and http(s)/mailto ones, as a browser would read the scheme."""
    decoded = _INVISIBLE.sub("", html.unescape(destination.strip("<>")))
    match = _SCHEME.match(decoded)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def _inline_link(match: re.Match[str]) -> str:
    if is_safe_link(match.group(3)):
        return match.group(0)
    return match.group(2)  # the label alone: the text stays, the link goes


def _definition(match: re.Match[str]) -> str:
    if is_safe_link(match.group(2)):
        return match.group(0)
    return f"{match.group(1)}#{match.group(3)}"


def safe_markdown(text: str) -> str:
    """A user's Markdown with raw HTML escaped and unsafe links removed (text kept)."""
    text = text.replace("<", "&lt;")  # no tag, no comment, no <javascript:…> autolink
    text = _INLINE_LINK.sub(_inline_link, text)
    return _DEFINITION.sub(_definition, text)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None  # a safe URL


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, or one list item: `marker` is "•" or "3." and `depth` its nesting."""

    spans: tuple[Span, ...]
    marker: str = ""
    depth: int = 0

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def _spans(children: list[Token]) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = 0
    link: list[str | None] = []
    for token in children:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            link.append(href if href and is_safe_link(href) else None)
        elif kind == "link_close":
            if link:
                link.pop()
        else:
            text = _BREAKS.get(kind, token.content)
            if kind == "image":
                text = "".join(child.content for child in token.children or [])
            if text:
                spans.append(Span(text, bold > 0, italic > 0, link[-1] if link else None))
    return tuple(spans)


def note_blocks(text: str) -> tuple[Block, ...]:
    """The paragraphs and list items of a note, in order, with their inline styles."""
    blocks: list[Block] = []
    lists: list[list[int]] = []  # one [next number or -1 for bullets] per open list
    marker = ""
    for token in _parser().parse(safe_markdown(text)):
        if token.type == "bullet_list_open":
            lists.append([-1])
        elif token.type == "ordered_list_open":
            lists.append([int(str(token.attrs.get("start", 1)))])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open" and lists:
            number = lists[-1][0]
            marker = "•" if number < 0 else f"{token.info or number}."
            if number >= 0:
                lists[-1][0] = number + 1
        elif token.type == "inline":
            spans = _spans(token.children or [])
            if spans:
                depth = max(len(lists) - 1, 0)
                blocks.append(Block(spans, marker, depth if lists else 0))
            marker = ""
        elif token.type in ("code_block", "fence") and token.content.strip():
            blocks.append(Block((Span(token.content.rstrip("\n")),)))
    return tuple(blocks)
