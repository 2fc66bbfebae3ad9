"""Canonical offsets are code points; QTextCursor positions are UTF-16 units."""

from __future__ import annotations


def to_qt(text: str, offset: int) -> int:
    """Code-point offset -> QTextDocument position (astral characters count twice)."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def from_qt(text: str, position: int) -> int:
    """QTextDocument position -> code-point offset."""
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
