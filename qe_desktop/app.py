"""Composition root: builds the database, the services and (if asked) the window."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from qe_desktop import __version__, cli
from qe_desktop.services.locations import resolve_location
from qe_desktop.services.logs import configure_logging

if TYPE_CHECKING:  # SQLAlchemy and the services load only past the light commands (#25)
    from qe_desktop.services.container import Services
    from qe_desktop.services.import_start import StartedReading

logger = logging.getLogger(__name__)


def write_pdf(html: str, path: Path) -> None:
    """Qt draws PDFs; it is imported only when one is asked for (the CLI stays light)."""
    from qe_desktop.ui.pdf_export import write_pdf as qt_write_pdf

    qt_write_pdf(html, path)


def build_services(location: str) -> Services:
    """The library opened and its services built; the daily check and backup are left to
    the caller (the window runs them in the background once shown, the CLI right away).
    """
    from qe_desktop.services.container import Services
    from qe_desktop.services.library import default_user_name, open_library

    database = open_library(location)
    return Services.build(database, default_user_name(), pdf_writer=write_pdf)


def main(argv: Sequence[str]) -> int:
    """Run the command line's command, or open the window on the chosen library."""
    args = cli.parse(argv)
    configure_logging()
    logger.info("qe-desktop %s: %s", __version__, args.command)  # not version(): 40 ms
    from qe_desktop.cli.library_check import LibraryChoiceError, check_library_choice

    try:
        check_library_choice(args, os.environ)
    except LibraryChoiceError as error:
        sys.stderr.write(f"{error}\n")
        return error.code
    location = resolve_location(args.db)
    if args.command in cli.GUI_COMMANDS:
        from qe_desktop.ui import system_libraries

        if system_libraries.has_no_display(os.environ):
            if args.command != "screenshot":
                sys.stderr.write(system_libraries.NO_DISPLAY_ADVICE)
                return 1
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a PNG needs no screen
        if advice := system_libraries.check_system_libraries():  # before Qt loads its plugin
            sys.stderr.write(advice)
            return 1
        from qe_desktop.ui.application import run_gui

        return int(run_gui(args, location, build_services))  # turns the collector on
    if cli.reads_only(args) and (code := _read_light(args, location)) is not None:
        return code
    started = _start_reading(args, location)  # parses while the services load (#25)
    if started is not None:  # a first load into a new file: sqlite3 alone (#25)
        from qe_desktop.cli.direct_import import import_new_library

        if (code := import_new_library(args, location, started)) is not None:
            return code
        started = cast("StartedReading | None", args.started_reading)
    from qe_desktop.services.library import (
        CorruptDatabaseError,
        LibraryUnavailableError,
        NewerDatabaseError,
    )

    gc.enable()
    try:
        try:
            services = build_services(location)
        except (NewerDatabaseError, CorruptDatabaseError, LibraryUnavailableError) as error:
            sys.stderr.write(f"{error}\n")
            return 3
        try:
            services.backups.daily()
        except CorruptDatabaseError as error:
            services.database.close()
            sys.stderr.write(f"{error}\n")
            return 3
        try:
            return cli.run(args, services)
        finally:
            services.database.close()
    except Exception as error:
        if (busy := cli.busy_message(error, location)) is None:
            raise
        sys.stderr.write(busy + "\n")
        return 1
    finally:
        if started is not None:
            started.close()


def _start_reading(args: argparse.Namespace, location: str) -> StartedReading | None:
    """`import`: the reading process of a large import, started before SQLAlchemy loads."""
    if args.command != "import":
        return None
    from qe_desktop.services.import_start import start_reading, take_early

    started = take_early(args.paths, location)  # forked by `__main__`, first thing
    args.started_reading = started or start_reading(args.paths, location)
    return cast("StartedReading | None", args.started_reading)


def _read_light(args: argparse.Namespace, location: str) -> int | None:
    """`search`, `list`, `show` on a SQLite library at head, read with sqlite3 alone (#25).

    None when the full services must run instead: another kind of library, a schema to
    migrate, the day's backup to take, or a read that failed (a lock held too long, a
    damaged page): the services then check, explain and answer. The collector stays
    off: these commands make no reference cycles worth scanning.
    """
    import sqlite3

    from qe_desktop.services.quick_read import quick_services

    services = quick_services(location)
    if services is None:
        return None
    try:
        return cli.run_reading(args, services)
    except sqlite3.Error:
        logger.info("Light read failed; the services answer instead", exc_info=True)
        return None
    finally:
        services.close()
