"""Which archive entries an import has read whole, to be remembered with their last chunk.

An entry is finished when the reader moves to the next input: all it gave is then in
the chunk being filled or in chunks already written. It is stored in the transaction
of the next chunk written, unless reading it or storing one of its questions failed:
such an entry is read again by the next import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qe_desktop.importers.entries import EntryMark
from qe_desktop.services.import_report import Failure, ImportReport
from qe_desktop.services.import_steps import Input


class EntryLedger:
    """Entries finished and not stored yet, each with the questions it gave."""

    def __init__(self) -> None:
        self._current: Input | None = None
        self._failures = 0
        self._questions = 0
        self._finished: list[tuple[Input, int]] = []

    def reached(
        self,
        step: Input,
        report: ImportReport,
        progress: Callable[[int, int | None, str], None],
        total: int | None,
    ) -> None:
        """The reader reached `step`: its failure reported, or its progress shown."""
        self.start(step, len(report.failures))
        if step.failure is not None:
            report.add_failure(step.failure)
        else:
            progress(step.done, total, step.name)

    def start(self, step: Input, failures: int) -> None:
        """The reader reached a new input (`failures`: the report's count so far)."""
        self.finish(failures)
        self._current = step if step.failure is None and step.mark is not None else None
        self._failures, self._questions = failures, 0

    @property
    def pending(self) -> bool:
        """Whether finished entries wait to be stored."""
        return bool(self._finished)

    def question(self) -> None:
        """The current input gave one more question."""
        self._questions += 1

    def finish(self, failures: int) -> None:
        """The current input gave all it holds (the import reached its end)."""
        if self._current is not None and failures == self._failures:
            self._finished.append((self._current, self._questions))
        self._current = None

    def take(self, failed: Sequence[Failure]) -> list[tuple[EntryMark, int]]:
        """The finished entries to store now, less those whose questions failed to store."""
        sources = {failure.source for failure in failed}
        taken = [
            (step.mark, count)
            for step, count in self._finished
            if step.mark is not None and step.name not in sources
        ]
        self._finished = []
        return taken
