"""Word-level differences between two texts: copy-paste answers side by side (Analyses),
a stored text against one of its versions (the reader's versions bar, `versions KEY`).
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


# A word with the spaces after it (spaces opening the text stand alone). Words are
# matched without their spaces: a lone space never anchors a match (an inserted phrase
# stays one piece), and the text's last word still matches once a sentence follows it.
_TOKEN = re.compile(r"\S+\s*|\s+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _shared_end_space(first: str, second: str) -> int:
    """How many trailing spaces (the same ones) end both texts."""
    count = 0
    while (
        count < min(len(first), len(second))
        and first[-1 - count] == second[-1 - count]
        and first[-1 - count].isspace()
    ):
        count += 1
    return count


def word_diff(first: str, second: str) -> list[DiffPiece]:
    """Word-level differences; concatenating SAME+REMOVED gives `first`, SAME+ADDED `second`.

    A replaced word's following space is shared, not changed: "10" → "12", then " millions".
    """
    a, b = _tokens(first), _tokens(second)
    words_a, words_b = [t.rstrip() for t in a], [t.rstrip() for t in b]
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    pieces: list[DiffPiece] = []

    def emit(kind: DiffKind, text: str) -> None:
        if not text:
            return
        if pieces and pieces[-1].kind is kind:
            pieces[-1] = DiffPiece(kind, pieces[-1].text + text)
        else:
            pieces.append(DiffPiece(kind, text))

    def changed(removed: str, added: str) -> None:
        shared = _shared_end_space(removed, added)
        emit(DiffKind.REMOVED, removed[: len(removed) - shared])
        emit(DiffKind.ADDED, added[: len(added) - shared])
        emit(DiffKind.SAME, removed[len(removed) - shared :])

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            changed("".join(a[i1:i2]), "".join(b[j1:j2]))
            continue
        for old, new in zip(a[i1:i2], b[j1:j2], strict=True):
            word = old.rstrip()
            emit(DiffKind.SAME, word)
            if old == new:
                emit(DiffKind.SAME, old[len(word) :])
            else:  # the same word, other spaces after it
                changed(old[len(word) :], new[len(word) :])
    return pieces
