"""An update as a background job (`ui/jobs.py`), for services that take progress callbacks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from qe_desktop.ui.jobs import Job, JobContext

Progress = Callable[[int, int | None, str], None]  # done, total (None: unknown), name
Work = Callable[[Progress, Callable[[], bool]], object]
MAX_INT = 2**31 - 1  # Qt's signals carry 32-bit ints: byte counts of large downloads are capped


def start_job(
    work: Work,
    on_progress: Callable[[int, int, str], None],
    on_finished: Callable[[object], None],
    on_failed: Callable[[str], None],
    parent: QObject,
) -> Job:
    """Run `work(progress, cancelled)` as a job; the callbacks run in the GUI thread."""

    def run(context: JobContext) -> object:
        def progress(done: int, total: int | None, name: str) -> None:
            context.progress(min(done, MAX_INT), min(total or 0, MAX_INT), name)

        return work(progress, context.cancelled)

    job = Job("veille", run, parent)
    job.progressed.connect(on_progress)
    job.succeeded.connect(on_finished)
    job.failed.connect(on_failed)
    return job.start()
