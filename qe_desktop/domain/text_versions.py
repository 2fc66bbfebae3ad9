"""Text versions: when an update looks like damage, and what changed between two versions.

Every question or answer text a library has held is kept (DESIGN §4). An update that
shortens a text sharply, cuts its end, drops an answer or comes from a less complete
source than the stored one is held as a *pending* version for the user to apply or
reject: a truncated saved page must never silently replace a full answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import PurePosixPath

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.labelled import LabelledEnum

SHORTER_RATIO = 0.6  # a new text under 60 % of the stored one's length is suspicious
_SENTENCE_END = re.compile(r"[.!?…»)\]\"']\s*$")
PASTE_SOURCE = "presse-papiers"


class VersionState(StrEnum):
    """Where a text version stands: shown, replaced, awaiting the user, or refused."""

    CURRENT = "current"  # the text shown, searched and annotated
    EARLIER = "earlier"  # a text the question held before
    PENDING = "pending"  # a suspicious update waiting for the user's decision
    REJECTED = "rejected"  # a suspicious update the user refused (kept, never applied)


class HoldReason(LabelledEnum):
    """Why an update was held for review instead of applied (labelled with the report's line)."""

    SHORTER = "shorter", "À vérifier : la nouvelle version est plus courte"
    END_LOST = "end_lost", "À vérifier : la nouvelle version est plus courte (la fin manque)"
    ANSWER_DROPPED = "answer_dropped", "À vérifier : la nouvelle version n'a plus de réponse"
    LESS_COMPLETE_SOURCE = (
        "less_complete_source",
        "À vérifier : la nouvelle version vient d'une source moins complète",
    )


@dataclass(frozen=True, slots=True)
class HeldText:
    """A text an import did not apply: stored as a pending version instead."""

    part: Part
    text: str
    reason: HoldReason


@dataclass(frozen=True, slots=True)
class TextVersion:
    """One text a question held (or was offered); `id` and `text_hash` are stable keys."""

    id: int
    question_key: str
    part: Part
    text: str
    text_hash: str
    source: str
    imported_at: datetime
    state: VersionState
    reason: str = ""


def source_rank(source: str) -> int:
    """How complete a source usually is: open data > saved page > text file > a paste."""
    name = source.rsplit("!", 1)[-1].lower()
    if not name or name == PASTE_SOURCE:
        return 0
    suffix = PurePosixPath(name).suffix
    if suffix in {".json", ".xml"}:
        return 3
    if suffix in {".html", ".htm"}:
        return 2
    return 1


def judge_update(
    old: str,
    new: str,
    *,
    old_source: str = "",
    new_source: str = "",
    erratum: bool = False,
) -> HoldReason | None:
    """Why an update from `old` to `new` must wait for the user (None: apply it now).

    A first text (a real new answer) and an official erratum always apply.
    """
    if not old or old == new or erratum:
        return None
    if not new.strip():
        return HoldReason.ANSWER_DROPPED
    if len(new) < SHORTER_RATIO * len(old):
        return HoldReason.SHORTER
    if _lost_its_end(old, new):
        return HoldReason.END_LOST
    if source_rank(new_source) < source_rank(old_source):
        return HoldReason.LESS_COMPLETE_SOURCE
    return None


def _lost_its_end(old: str, new: str) -> bool:
    """A truncation: the new text is the old one's beginning, or it stops mid-sentence."""
    stripped = new.rstrip()
    if len(stripped) < len(old.rstrip()) and old.startswith(stripped):
        return True
    return bool(_SENTENCE_END.search(old)) and not _SENTENCE_END.search(new)
