"""What a sync of two libraries changed on each side, and the conflicts it settled.

In French for the status bar, as JSON for the CLI's `sync --json`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

HERE, THERE = "ici", "en face"


@dataclass
class SideChanges:
    """What a sync changed in one library."""

    questions_added: int = 0
    questions_updated: int = 0
    annotations_added: int = 0
    annotations_updated: int = 0
    annotations_deleted: int = 0
    notes_updated: int = 0

    @property
    def total(self) -> int:
        """Number of items changed on this side."""
        return sum(dataclasses.astuple(self))

    def summary(self) -> str:
        """This side's changes in one French phrase."""
        if not self.total:
            return "rien"
        return (
            f"{self.questions_added} question(s) ajoutée(s), {self.questions_updated} mise(s) "
            f"à jour ; {self.annotations_added} annotation(s) ajoutée(s), "
            f"{self.annotations_updated} modifiée(s), {self.annotations_deleted} supprimée(s) ; "
            f"{self.notes_updated} note(s) mise(s) à jour"
        )


@dataclass(frozen=True, slots=True)
class SyncConflict:
    """An item changed on both sides since the last sync; `lost` is the version not kept."""

    kind: str  # "annotation" | "note"
    question_key: str
    item_id: str
    kept: str  # HERE or THERE: whose version both libraries now hold
    lost: str

    def describe(self) -> str:
        """The conflict in French, with the version kept and the one set aside."""
        what = "annotation" if self.kind == "annotation" else "note de la question"
        return (
            f"{self.question_key} : {what} modifiée des deux côtés ; la version {self.kept} "
            f"(la plus récente) est gardée. Version écartée : {self.lost}"
        )


@dataclass
class SyncReport:
    """What a sync changed on each side, and the conflicts it settled."""

    peer: str
    last_sync: datetime | None = None
    here: SideChanges = field(default_factory=SideChanges)
    there: SideChanges = field(default_factory=SideChanges)
    conflicts: list[SyncConflict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether either library changed."""
        return bool(self.here.total or self.there.total)

    def summary(self) -> str:
        """The sync in French for the status bar."""
        if not self.changed and not self.conflicts:
            return f"Déjà synchronisée avec {self.peer} : rien à échanger."
        return (
            f"Synchronisation avec {self.peer}. Ici : {self.here.summary()}. "
            f"En face : {self.there.summary()}. {len(self.conflicts)} conflit(s)."
        )

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI's `sync --json` gives it."""
        return {
            "peer": self.peer,
            "last_sync": self.last_sync.isoformat() if self.last_sync else None,
            "here": dataclasses.asdict(self.here),
            "there": dataclasses.asdict(self.there),
            "conflicts": [dataclasses.asdict(c) for c in self.conflicts],
        }
