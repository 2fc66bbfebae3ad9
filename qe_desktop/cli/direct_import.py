"""`qe-desktop import` into a new SQLite library, before SQLAlchemy loads (#25).

`app.main` calls `import_new_library` once the reading process has started: a first load
into a file that does not exist yet is written with `sqlite3` alone
(`services/direct_load.py`); anything else, or a first load that meets a record it
leaves to the ordinary path, returns None and the services import as before.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from qe_desktop.cli import TerminalProgress, print_import_report
from qe_desktop.services.direct_load import load_new_library, loadable_by_names, new_library
from qe_desktop.services.disk import space_warning
from qe_desktop.services.import_start import StartedReading


def import_new_library(
    args: argparse.Namespace,
    location: str,
    started: StartedReading,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int | None:
    """The exit code of an import into a new library, or None (the services import)."""
    path = new_library(location)
    if path is None or started.entries or not loadable_by_names(started.paths):
        return None
    out, err = out or sys.stdout, err or sys.stderr
    if warning := space_warning(path, args.paths):
        err.write(f"attention : {warning}\n")
    progress = TerminalProgress(err)
    report = load_new_library(path, started, progress)
    if report is None:
        args.started_reading = None  # the ordinary path starts its own reader
        return None
    progress.finish()
    return print_import_report(report, out, err)
