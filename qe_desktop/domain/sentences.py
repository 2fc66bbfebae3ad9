"""Split French administrative prose into sentences with code-point spans.

Commitment suggestions highlight whole sentences, so a sentence must not stop at
"M.", "art.", "n°", "p. 100", "S.N.C.F." or inside « ... », and spans must index
the canonical text exactly (DESIGN §3).
"""

from __future__ import annotations

import re

from qe_desktop.domain.text import Span

# Abbreviations that end with a period but not a sentence (compared lower-case).
ABBREVIATIONS = frozenset(
    (
        *("m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "pr", "st", "ste"),
        *("art", "arts", "al", "cf", "ex", "n", "no", "nos", "p", "pp", "vol", "chap"),
        *("av", "bd", "env", "hab", "fig", "réf", "dép", "coll", "op", "cit", "ibid"),
        *("suiv", "sq", "tél", "cie", "dir", "gén", "sect", "min", "max", "vs"),
    )
)
# End punctuation, closing quotes/brackets, spaces, then something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?…]+(?P<close>[\s\u00a0]*[»”\")\]])*(?P<gap>\s+)(?=[A-ZÀ-ÖØ-Þ«\"“(])")
_INITIALISM = re.compile(r"^(?:\w\.)*\w$")  # "M", "L", "S.N.C.F", "T.G.V"
_NEXT_WORD = re.compile(r"(\w+)")
# Capitalised words that open sentences: after "S.N.C.F." they mean the sentence ended.
_OPENERS = frozenset(
    (
        *("le", "la", "les", "l", "il", "ils", "elle", "elles", "ce", "cette", "ces", "cet"),
        *("en", "par", "dans", "enfin", "ainsi", "de", "des", "du", "d", "un", "une", "au"),
        *("aux", "pour", "sur", "toutefois", "cependant", "afin", "lors", "si", "néanmoins"),
        *("dès", "depuis", "à", "a"),
    )
)
# "Réponse. - " in front of Sénat answers is a label, not a sentence.
_ANSWER_LABEL = re.compile(r"^Réponse\s*\.\s*[-–—]\s*")


Sentence = Span  # a sentence of a text with its offsets, to anchor or highlight it


def _word_before(text: str, index: int) -> str:
    start = index
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(«\"“'’":
        start -= 1
    return text[start:index]


def _is_abbreviation(word: str, next_word: str) -> bool:
    bare = word.rstrip(".")
    if not bare:
        return False
    if bare.lower() in ABBREVIATIONS:
        return True
    if not _INITIALISM.match(bare) or any(len(part) != 1 for part in bare.split(".")):
        return False
    # "M." or "L." never end a sentence; "S.N.C.F." does when a sentence visibly starts.
    return len(bare) == 1 or next_word.lower() not in _OPENERS


def _word_after(text: str, index: int) -> str:
    m = _NEXT_WORD.match(text, index)
    return m.group(1) if m else ""


def _quote_depth(text: str, start: int, end: int) -> int:
    chunk = text[start:end]
    return chunk.count("«") - chunk.count("»")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; each span is stripped of surrounding spaces."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph in text.split("\n"):
        _split_paragraph(text, offset, offset + len(paragraph), sentences)
        offset += len(paragraph) + 1
    return sentences


def _split_paragraph(text: str, start: int, end: int, out: list[Sentence]) -> None:
    label = _ANSWER_LABEL.match(text[start:end])
    if label:
        start += label.end()
    sentence_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(_word_before(text, m.start()), _word_after(text, m.end())):
            continue
        closes_quote = "»" in (m.group(0)[: m.start("gap") - m.start()])
        if _quote_depth(text, sentence_start, m.start()) > 0 and not closes_quote:
            continue
        _append(text, sentence_start, m.start("gap"), out)
        sentence_start = m.end()
    _append(text, sentence_start, end, out)


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))
