"""The briefing's table of commitments, as every writer (Word, PDF, Markdown) lays it out.

The title, the line shown when there is nothing to list, the headers, which columns hold
one date and must never wrap, and each column's share of the width are the same in every
format; only the drawing differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qe_desktop.exporters.table_layout import column_shares

TITLE = "Engagements"
EMPTY = "Aucun engagement relevé."
HEADERS = (
    "Question",
    "Engagement",
    "Échéance",
    "Ministère",
    "Statut",
    "Prochaine vérification",
)
# Columns that hold one date: never wrapped ("31/12/19/95" is what a cut date looks like).
UNBREAKABLE = (False, False, True, False, False, True)


@dataclass(frozen=True, slots=True)
class CommitmentTable:
    """The rows of the table (cells in HEADERS order), with what every writer asks of them."""

    rows: tuple[tuple[str, ...], ...]
    headers: tuple[str, ...] = HEADERS
    unbreakable: tuple[bool, ...] = UNBREAKABLE

    @classmethod
    def of(cls, rows: Sequence[Sequence[str]]) -> CommitmentTable:
        """The table of these rows."""
        return cls(tuple(tuple(row) for row in rows))

    def shares(self, room: float) -> list[float]:
        """Each column's share of a table `room` characters wide (see `table_layout`)."""
        return column_shares(self.headers, self.rows, room, unbreakable=self.unbreakable)
