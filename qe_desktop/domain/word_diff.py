"""Word-level differences between two near-identical texts (copy-paste answers side by side).

`domain/text_versions.word_diff` (a stored text against its earlier version) is the same
idea written apart: its words keep their trailing spaces, so its pieces differ at the
spaces; one of the two should go once both views are checked against one tokenisation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum


class DiffKind(StrEnum):
    """Whether a piece of a word diff is shared, or only in one of the two texts."""

    SAME = "same"
    REMOVED = "removed"  # only in the first text
    ADDED = "added"  # only in the second text


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """A run of words in the diff of two near-identical texts."""

    kind: DiffKind
    text: str


_TOKEN = re.compile(r"\s+|[^\s]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(first: str, second: str) -> list[DiffPiece]:
    """Word-level differences; concatenating SAME+REMOVED gives `first`, SAME+ADDED `second`."""
    a, b = _tokens(first), _tokens(second)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces: list[DiffPiece] = []

    def emit(kind: DiffKind, tokens: list[str]) -> None:
        if not tokens:
            return
        text = "".join(tokens)
        if pieces and pieces[-1].kind is kind:
            pieces[-1] = DiffPiece(kind, pieces[-1].text + text)
        else:
            pieces.append(DiffPiece(kind, text))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            emit(DiffKind.SAME, a[i1:i2])
            continue
        emit(DiffKind.REMOVED, a[i1:i2])
        emit(DiffKind.ADDED, b[j1:j2])
    return pieces
