"""Canonical offsets are code points; QTextCursor positions are UTF-16 units.

Painting 300 highlights converts 600 offsets: the places of the astral characters
(the only ones that count twice) are found once per text and then bisected, instead
of walking the text at every conversion.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache


@lru_cache(maxsize=16)
def _astral(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Code-point indices of the astral characters, and where each one ends in UTF-16
    units, less one (a position beyond it has passed the whole character)."""
    if text.isascii() or max(text) <= "\uffff":
        return (), ()
    indices = tuple(i for i, ch in enumerate(text) if ord(ch) > 0xFFFF)
    return indices, tuple(index + rank + 1 for rank, index in enumerate(indices))


def to_qt(text: str, offset: int) -> int:
    """Code-point offset -> QTextDocument position (astral characters count twice)."""
    indices, _ = _astral(text)
    before = len(text[:offset]) if offset < 0 else min(offset, len(text))  # as text[:offset]
    return offset + bisect_left(indices, before)


def from_qt(text: str, position: int) -> int:
    """QTextDocument position -> code-point offset (inside a surrogate pair: after it)."""
    _, ends = _astral(text)
    return max(0, min(position - bisect_left(ends, position), len(text)))
