"""The log file and crash reports: what happened, kept where a user can find and send it.

One rotating file in the user log folder (platformdirs), configured once by the entry
points (`qe_desktop.app`); every module logs through `logging.getLogger(__name__)`.
Uncaught exceptions (main thread and others) become a crash report written to the log;
the window adds a dialog on top (`qe_desktop.ui.crash`). A hard crash (segfault in a
C extension) is written by `faulthandler` next to the log and copied into the log at
the next start, so it is never lost.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from time import perf_counter
from types import TracebackType
from typing import IO

LOG_DIR_VARIABLE = "QE_DESKTOP_LOG_DIR"
LOG_FILE = "qe-desktop.log"
FAULT_FILE = "plantages.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

logger = logging.getLogger("qe_desktop")  # the parent of every module's logger
crash_logger = logging.getLogger("qe_desktop.crash")
_handler: RotatingFileHandler | None = None
_fault_file: IO[str] | None = None

type ReportSink = Callable[[str], None]


def log_folder() -> Path:
    """Where the logs go: `QE_DESKTOP_LOG_DIR`, else the user log folder."""
    chosen = os.environ.get(LOG_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    from platformdirs import user_log_dir

    return Path(user_log_dir("qe-desktop", appauthor=False))


def log_file() -> Path:
    """The current log file, to show it or attach it to a report."""
    return log_folder() / LOG_FILE


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Send the `qe_desktop` loggers to the rotating file; safe to call again.

    Returns the file, or None when the folder cannot be written (read-only home):
    the app still runs, without a log.
    """
    global _handler
    path = log_file()
    if _handler is not None and Path(_handler.baseFilename) == path.resolve():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        sys.stderr.write(f"qe-desktop : journal impossible dans {path} ({error})\n")
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    shutdown_logging()
    _handler = handler
    logger.addHandler(handler)
    logger.setLevel(level)
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(handler)
    _collect_previous_fault(path.parent / FAULT_FILE)
    return path


def shutdown_logging() -> None:
    """Detach and close the file handler (tests; the next configure starts afresh)."""
    global _handler
    if _handler is not None:
        logger.removeHandler(_handler)
        logging.getLogger("py.warnings").removeHandler(_handler)
        _handler.close()
        _handler = None


def enable_fault_handler() -> None:
    """Tracebacks of hard crashes (segfaults, aborts) go to a file beside the log."""
    global _fault_file
    if _fault_file is not None:
        return
    try:
        _fault_file = (log_folder() / FAULT_FILE).open("a", encoding="utf-8")
    except OSError:
        logger.warning("faulthandler: %s cannot be written", log_folder() / FAULT_FILE)
        return
    faulthandler.enable(_fault_file, all_threads=True)


def _collect_previous_fault(path: Path) -> None:
    """A hard crash of the previous run, copied into the log, then cleared."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return
    if text and _fault_file is None:
        logger.critical("The previous run crashed hard (faulthandler):\n%s", text)
        path.write_text("", encoding="utf-8")


class Operation:
    """What an operation reports when it ends (`outcome`: how many, of what)."""

    def __init__(self) -> None:
        self.outcome = "done"


@contextmanager
def logged(log: logging.Logger, what: str) -> Iterator[Operation]:
    """Log an operation's start, its outcome and duration, or its failure (re-raised)."""
    operation = Operation()
    started = perf_counter()
    log.info("%s: started", what)
    try:
        yield operation
    except Exception:
        log.error("%s: failed after %.2f s", what, perf_counter() - started, exc_info=True)
        raise
    log.info("%s: %s in %.2f s", what, operation.outcome, perf_counter() - started)


def version() -> str:
    """The installed version, for crash reports; "?" when run from sources.

    Reading the installed metadata costs a command-line start 40 ms of CPU: the start
    line of the log gives `qe_desktop.__version__` instead.
    """
    from importlib import metadata

    try:
        return metadata.version("qe-desktop")
    except metadata.PackageNotFoundError:
        return "?"


def crash_report(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    thread: str | None = None,
) -> str:
    """The text a user copies: what failed, where, on which versions. No library data."""
    lines = [
        f"qe-desktop {version()} — {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} ({sys.executable}), {platform.platform()}",
        f"Thread: {thread or threading.current_thread().name}",
        f"Log: {log_file()}",
        "",
        *traceback.format_exception(kind, error, trace),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def install_exception_hooks(sink: ReportSink | None = None) -> None:
    """Uncaught exceptions, in any thread, become a logged crash report handed to `sink`.

    Without a sink (the command line) the report is also printed on stderr.
    """

    def report(
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
        thread: str | None = None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        text = crash_report(kind, error, trace, thread)
        crash_logger.critical("Uncaught exception\n%s", text)
        if sink is None:
            sys.stderr.write(text + "\n")
            return
        try:
            sink(text)
        except Exception:  # the dialog itself failed: the report is in the log already
            crash_logger.exception("The crash report could not be shown")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else None
        report(args.exc_type, args.exc_value, args.exc_traceback, name)

    sys.excepthook = report
    threading.excepthook = thread_hook
