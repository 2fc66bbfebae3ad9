"""What an import did: counts, failures by file, updates held for review, a full disk.

Counted only once a question is in; a chunk whose transaction never commits (a full
disk) is forgotten again (`checkpoint` / `rollback`), so the report never claims
more than the library holds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from qe_desktop.domain.annotation import Part
from qe_desktop.importers.entries import UnchangedEntry
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import SkippedEntry
from qe_desktop.storage.import_log_values import ImportEntry
from qe_desktop.storage.outcome import Outcome, UpsertResult

log = logging.getLogger("qe_desktop.services.import_history")  # one logger for the history


def counted_parts(*parts: tuple[int, str]) -> str:
    """The optional parts of a summary: each template filled with its count, dropped at zero.

    A report says "— 2 député(s)" or nothing, never "— 0 député(s)".
    """
    return "".join(template.format(count) for count, template in parts if count)


@dataclass(frozen=True, slots=True)
class Failure:
    """A source that could not be imported, and why, in French for the report."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class HeldUpdate:
    """A suspicious update stored as a pending version (`qe-desktop versions KEY`)."""

    key: str
    part: Part
    label: str  # "À vérifier : la nouvelle version est plus courte"

    def line(self) -> str:
        """One line of the report: what is held, on which question and part."""
        where = "question" if self.part is Part.QUESTION else "réponse"
        return f"{self.label} — {self.key} ({where})"


DISK_FULL = "Disque plein : {n} question(s) importée(s), la bibliothèque est intacte."


@dataclass
class ImportReport:
    """What an import did, counted per outcome, with its failures and held updates."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    new_answers: int = 0
    deputies: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    held: list[HeldUpdate] = field(default_factory=list)
    cancelled: bool = False
    disk_full: bool = False

    def add_failure(self, failure: ImportFailure) -> None:
        """File a read failure as skipped (expected) or failed (to report); an archive
        entry unchanged since it was imported counts its questions as unchanged.
        """
        if isinstance(failure, UnchangedEntry):
            self.unchanged += failure.questions
        elif isinstance(failure, SkippedEntry):
            self.skipped.append(Failure(failure.source, failure.reason))
        else:
            self.failures.append(Failure(failure.source, failure.reason))

    @property
    def failed(self) -> int:
        """Number of sources that could not be imported."""
        return len(self.failures)

    @property
    def ok(self) -> bool:
        """Whether everything was imported (no failure, disk not full)."""
        return not self.failures and not self.disk_full

    @property
    def disk_full_message(self) -> str:
        """What the user reads when the disk filled up: how much came in, the library intact."""
        return DISK_FULL.format(n=self.imported + self.updated)

    def checkpoint(self) -> tuple[int, ...]:
        """The counts before a chunk, to forget it if its transaction never commits."""
        return (
            self.imported,
            self.updated,
            self.unchanged,
            self.new_answers,
            self.deputies,
            len(self.failures),
            len(self.keys),
            len(self.held),
        )

    def rollback(self, mark: tuple[int, ...]) -> None:
        """Forget the counts of a chunk whose transaction was rolled back."""
        self.imported, self.updated, self.unchanged, self.new_answers, self.deputies = mark[:5]
        del self.failures[mark[5] :], self.keys[mark[6] :], self.held[mark[7] :]

    def count(self, result: UpsertResult) -> None:
        """Count one stored question under its outcome, and a new answer if it brought one."""
        if result.outcome is Outcome.IMPORTED:
            self.imported += 1
        elif result.outcome is Outcome.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1
        if result.new_answer and result.outcome is Outcome.UPDATED:
            self.new_answers += 1
        self.held.extend(HeldUpdate(result.key, h.part, h.reason.label) for h in result.held)
        self.keys.append(result.key)

    def summary(self) -> str:
        """The report in one French sentence for the status bar and the terminal."""
        text = (
            f"{self.imported} importée(s), {self.updated} mise(s) à jour, "
            f"{self.unchanged} inchangée(s), {self.failed} en échec"
        )
        text += counted_parts(
            (self.new_answers, " — {} nouvelle(s) réponse(s)"),
            (self.deputies, " — {} député(s)"),
            (len(self.held), " — {} à vérifier"),
            (self.cancelled, " (import interrompu)"),
        )
        if self.disk_full:
            text = self.disk_full_message
        return text

    def held_lines(self) -> list[str]:
        """One line per update held for review."""
        return [held.line() for held in self.held]


def history_entry(
    sources: list[str], started: datetime, report: ImportReport | None, error: BaseException | None
) -> ImportEntry:
    """The import history's line for one import (`ImportHistory`, and the first load of a
    new library): its counts, or the error that ended it.
    """
    failures: tuple[tuple[str, str], ...] = ()
    if report is not None:
        failures = tuple((f.source, f.reason) for f in report.failures)
    elif error is not None:
        failures = (("", str(error) or type(error).__name__),)
    entry = ImportEntry(
        id=0,
        started_at=started,
        finished_at=datetime.now(UTC),  # storage.types.utcnow, without SQLAlchemy
        sources=tuple(sources),
        imported=report.imported if report else 0,
        updated=report.updated if report else 0,
        unchanged=report.unchanged if report else 0,
        failed=report.failed if report else len(failures),
        new_answers=report.new_answers if report else 0,
        failures=failures,
        cancelled=report.cancelled if report else error is not None,
    )
    log.info(
        "import of %d source(s): %d new, %d updated, %d unchanged, %d failed%s",
        len(sources), entry.imported, entry.updated, entry.unchanged, entry.failed,
        " (cancelled)" if entry.cancelled else "",
    )  # fmt: skip
    return entry
