"""A word diff as HTML, the same in the Analyses' copy-paste answers and the reader's versions.

Removed words struck through in red, added ones in green; a space between a removed word
and the word that replaced it ("old new", not "oldnew").
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from qe_desktop.domain.word_diff import DiffKind, DiffPiece

REMOVED_STYLE = "background:#fde2e1;color:#9b1c1c;text-decoration:line-through"
ADDED_STYLE = "background:#d8f3dc;color:#1b4332"


def diff_html(pieces: Sequence[DiffPiece]) -> str:
    """Differences as HTML: struck through in red = only in the first text, green = added."""
    out = []
    previous: DiffKind | None = None
    for piece in pieces:
        text = escape(piece.text).replace("\n", "<br>")
        if piece.kind is DiffKind.REMOVED:
            out.append(f"<span style='{REMOVED_STYLE}'>{text}</span>")
        elif piece.kind is DiffKind.ADDED:
            gap = " " if previous is DiffKind.REMOVED else ""  # "old new", not "oldnew"
            out.append(f"{gap}<span style='{ADDED_STYLE}'>{text}</span>")
        else:
            out.append(text)
        previous = piece.kind
    return "".join(out)
