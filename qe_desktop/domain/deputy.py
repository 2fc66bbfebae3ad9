"""A deputy from the Assemblée nationale deputies file (AMO), to put names on acteurRef."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DeputyRecord:
    """One AN actor: the reference questions carry (`PA…`) and the name it stands for."""

    ref: str
    civility: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def full_name(self) -> str:
        """`Prénom Nom`, the form shown next to a question."""
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def formal_name(self) -> str:
        """`M. Prénom Nom`, the form used in briefing notes."""
        return " ".join(part for part in (self.civility, self.full_name) if part)
