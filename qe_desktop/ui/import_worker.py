"""Imports as a background job, with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from qe_desktop.services.importing import ImportReport, ImportService
from qe_desktop.ui.jobs import Job, JobContext


def start_import(
    service: ImportService,
    paths: list[Path],
    on_progress: Callable[[int, int, str], None],
    on_finished: Callable[[ImportReport], None],
    on_failed: Callable[[str], None],
    parent: QObject,
) -> Job:
    """Import `paths` off the GUI thread; the callbacks run in the GUI thread."""

    def work(context: JobContext) -> ImportReport:
        return service.import_paths(
            paths,
            lambda done, total, name: context.progress(done, total, name),
            context.cancelled,
        )

    def finished(report: Any) -> None:
        assert isinstance(report, ImportReport)
        on_finished(report)

    job = Job("import", work, parent)
    job.progressed.connect(on_progress)
    job.succeeded.connect(finished)
    job.failed.connect(on_failed)
    return job.start()
