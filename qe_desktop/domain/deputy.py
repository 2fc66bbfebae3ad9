"""A deputy from the Assemblée nationale deputies file (AMO): name, seat and group."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DeputyRecord:
    """One AN actor: the reference questions carry (`PA…`), the name, the seat, the group.

    `department`/`district` come from the current AN mandate (`election.lieu`); the group
    is the current GP mandate's `organeRef`, named once its organe file is known.
    """

    ref: str
    civility: str = ""
    first_name: str = ""
    last_name: str = ""
    department: str = ""  # "Aveyron"
    department_number: str = ""  # "12", "2A", "971"
    district: str = ""  # constituency number in the department: "2"
    group_ref: str = ""  # PO…
    group: str = ""  # "Libertés, Indépendants, Outre-mer et Territoires"
    group_abbrev: str = ""  # "LIOT"

    @property
    def full_name(self) -> str:
        """`Prénom Nom`, the form shown next to a question."""
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def formal_name(self) -> str:
        """`M. Prénom Nom`, the form used in briefing notes."""
        return " ".join(part for part in (self.civility, self.full_name) if part)

    @property
    def constituency(self) -> str:
        """The seat as the AN pages write it, "Aveyron (2e circonscription)"; "" if unknown."""
        if not self.department:
            return ""
        if not self.district:
            return self.department
        ordinal = "1re" if self.district == "1" else f"{self.district}e"
        return f"{self.department} ({ordinal} circonscription)"

    @property
    def group_label(self) -> str:
        """The group as "Libertés, Indépendants… (LIOT)", or as much of it as is known."""
        if self.group and self.group_abbrev and self.group_abbrev != self.group:
            return f"{self.group} ({self.group_abbrev})"
        return self.group or self.group_abbrev


@dataclass(frozen=True, slots=True)
class OrganeRecord:
    """An AMO organe (`PO…`): here, what names a political group."""

    ref: str
    kind: str = ""  # codeType: "GP" for a political group
    label: str = ""
    abbrev: str = ""
