"""What a veille update did, source by source, in French for the window and as JSON for the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qe_desktop.services.import_report import counted_parts

if TYPE_CHECKING:
    from qe_desktop.services.importing import Failure


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """What became of one source during an update."""

    source: str
    url: str
    status: str  # unchanged | updated | failed | cancelled
    message: str = ""
    downloaded: int = 0

    def as_json(self) -> dict[str, Any]:
        """The outcome as the CLI's `update --json` gives it."""
        return {
            "source": self.source,
            "url": self.url,
            "status": self.status,
            "message": self.message,
            "downloaded_bytes": self.downloaded,
        }


@dataclass
class UpdateReport:
    """What an update fetched, imported and put in the inbox."""

    sources: list[SourceOutcome] = field(default_factory=list)
    imported: int = 0
    updated: int = 0
    new_questions: int = 0  # inbox items created
    new_answers: int = 0
    deadlines: int = 0
    commitments: int = 0
    pages: int = 0
    failures: list[Failure] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        """Whether every source was fetched and imported."""
        return all(s.status != "failed" for s in self.sources) and not self.failures

    @property
    def downloaded(self) -> int:
        """Bytes downloaded by the update."""
        return sum(s.downloaded for s in self.sources)

    @property
    def new_items(self) -> int:
        """Inbox items the update created."""
        return self.new_questions + self.new_answers + self.deadlines + self.commitments

    def summary(self) -> str:
        """The update in French, source by source, for the status bar and the log."""
        parts = []
        for s in self.sources:
            state = {
                "unchanged": "inchangé",
                "updated": "mis à jour",
                "failed": "échec",
                "cancelled": "annulé",
            }[s.status]
            parts.append(f"{s.source} : {state}")
        text = " ; ".join(parts) or "aucune source"
        text += (
            f" — {self.imported} question(s) importée(s), {self.updated} mise(s) à jour ; "
            f"Nouveautés : {self.new_questions} question(s), {self.new_answers} réponse(s)"
        )
        return text + counted_parts(
            (self.deadlines, ", {} délai(s) dépassé(s)"),
            (self.commitments, ", {} engagement(s) en retard"),
            (self.pages, " ; {} page(s) lue(s)"),
            (self.cancelled, " (mise à jour annulée)"),
        )

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI's `update --json` gives it."""
        return {
            "sources": [s.as_json() for s in self.sources],
            "imported": self.imported,
            "updated": self.updated,
            "new_questions": self.new_questions,
            "new_answers": self.new_answers,
            "deadlines_passed": self.deadlines,
            "overdue_commitments": self.commitments,
            "pages": self.pages,
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
            "cancelled": self.cancelled,
        }
