"""Column widths from content, so that a narrow column never cuts a word or a date.

Word and Qt both break a word in two when it is wider than its column
("Engageme/nt", "31/12/19/95"). Widths are measured in characters: each
column gets at least its longest word (its whole text where cells must stay on
one line, as dates), then the room left is shared out by how much more text
each column holds. Writers turn the shares into centimetres or percentages.
"""

from __future__ import annotations

from collections.abc import Sequence

PADDING = 2.0  # characters of cell padding, both sides together
LONG_CELL = 60  # beyond this a cell wraps anyway: it asks for no more room
BOLD = 1.12  # headers are bold: wider letters


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)  # NBSP is not a split


def column_shares(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    room: float,
    *,
    unbreakable: Sequence[bool] = (),
) -> list[float]:
    """The share (0–1, summing to 1) of each column of a table `room` characters wide."""
    count = len(header)
    keep = list(unbreakable) + [False] * (count - len(unbreakable))
    least: list[float] = []
    wish: list[float] = []
    for index, title in enumerate(header):
        cells = [row[index] for row in rows]
        words = [_longest_word(cell) for cell in cells]
        if keep[index]:
            words = [len(cell) for cell in cells]
        minimum = max([_longest_word(title) * BOLD, *words]) + PADDING
        longest = max([len(title) * BOLD, *(min(len(cell), LONG_CELL) for cell in cells)])
        least.append(minimum)
        wish.append(max(longest + PADDING, minimum))
    if sum(least) >= room:  # no way to fit every word: keep their proportions
        return [width / sum(least) for width in least]
    spare = room - sum(least)
    extra = [w - m for w, m in zip(wish, least, strict=True)]
    if sum(extra) <= spare:  # every cell fits on one line: widen in proportion
        return [w / sum(wish) for w in wish]
    widths = [m + spare * e / sum(extra) for m, e in zip(least, extra, strict=True)]
    return [width / room for width in widths]
