"""Accent and case folding: the one place that decides when "Énergie" equals "energie".

Three needs, three functions, every caller uses one of them:
- `fold`: lower-case, accent-free, **same length** (offsets found in the folded text are
  valid in the original): searching and highlighting, date phrases, filters;
- `strip_accents`: accents removed, case kept: matching names and labels from importers;
- `slug`: an ASCII identifier ("Intérieur et Outre-mer" -> "interieur-et-outre-mer").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "slug", "strip_accents"]

# Characters NFD leaves alone but that users type interchangeably (apostrophes, spaces).
_SAME_LENGTH = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " "}


class _FoldTable(dict[int, str]):
    """`str.translate` table filled on first sight of each character: folding a long
    answer is then one C loop instead of a Python call per character.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _SAME_LENGTH:
            folded = _SAME_LENGTH[char]
        else:
            base = unicodedata.normalize("NFD", char)[0]
            lower = base.lower()
            folded = lower if len(lower) == 1 else base
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accent-free copy of `text` with the same length (offsets stay valid)."""
    return text.translate(_FOLD)


def strip_accents(value: str) -> str:
    """`value` without its combining accents (case and length of base letters kept)."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(value: str) -> str:
    """Lower-case ASCII words joined by hyphens ("" when nothing is left)."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
