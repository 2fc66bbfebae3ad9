"""What storing a question did, in a module without SQLAlchemy.

The import report counts these; the first load of a new library (`services/first_load.py`)
fills the same report without loading SQLAlchemy (#25).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from qe_desktop.domain.text_versions import HeldText


class Outcome(StrEnum):
    """What storing a question did: new, updated, or nothing to change."""

    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class UpsertResult:
    """What storing one question did, and which texts changed (to re-anchor annotations)."""

    question_id: int
    key: str
    outcome: Outcome
    new_answer: bool = False
    question_text_changed: bool = False
    answer_text_changed: bool = False
    held: tuple[HeldText, ...] = ()  # suspicious texts stored as pending versions
