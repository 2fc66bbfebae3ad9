"""`search`, `list` and `show`, parsed and answered before the rest of the command line loads.

These commands must answer in a blink on a large library (#25); loading the command
line's package (every sub-command's parser and module, and the domain modules they
import) and setting up the log file cost more than a third of `list`'s time. So the
entry point (`qe_desktop.__main__`) asks this module first: it builds the parser of
the one reading command named (the same options: `add_list`, `add_show`, `add_search`
are what `cli.build_parser` calls too), reads the library with `services.quick_read`
and answers. Anything else (another command, `--help`, `--version`, a mistake in the
options, a library the light reader does not read) returns None, and the full command
line runs as before, with its own words for help and errors.

Outside the `cli` package on purpose: importing `qe_desktop.cli.x` runs the package's
`__init__`, which is the cost avoided here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO, cast

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, QuestionNotFound, Sort

if TYPE_CHECKING:
    from qe_desktop.services.container import Services
    from qe_desktop.services.quick_read import ReadingServices

__all__ = [
    "PROG",
    "READING_PARSERS",
    "STATUS_CHOICES",
    "add_list",
    "add_search",
    "add_show",
    "answer_quickly",
    "answered",
    "cmd_list",
    "cmd_search",
    "cmd_show",
    "found_question",
    "main_parser",
    "positive_int",
]

PROG = "qe-desktop"
DESCRIPTION = "Questions écrites parlementaires : lire, annoter, suivre les engagements."
STATUS_CHOICES = [s.value for s in Status]


def main_parser(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The top-level parser and its options, before any sub-command (`cli.build_parser`)."""
    from qe_desktop import __version__

    parser = parser_class(prog=PROG, description=DESCRIPTION)
    parser.add_argument("--db", metavar="PATH_OR_URL", help="bibliothèque (fichier ou URL)")
    parser.add_argument("--version", action="version", version=f"qe-desktop {__version__}")
    return parser


def positive_int(text: str) -> int:
    """`--limit`: a whole number of at least 1 (a negative one used to mean "no limit")."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"nombre entier positif attendu : « {text} »")
    return value


def add_list(sub: Any) -> None:
    """`list`'s options."""
    p = sub.add_parser("list", help="lister les questions")
    p.add_argument("--status", choices=STATUS_CHOICES)
    p.add_argument("--chamber", choices=["an", "senat"])
    p.add_argument("--limit", type=positive_int, default=None)
    p.add_argument("--json", action="store_true")


def add_show(sub: Any) -> None:
    """`show`'s options."""
    p = sub.add_parser("show", help="afficher une question")
    p.add_argument("key")
    p.add_argument("--json", action="store_true")


def add_search(sub: Any) -> None:
    """`search`'s options."""
    p = sub.add_parser("search", help="recherche plein texte")
    p.add_argument("query")
    p.add_argument("--limit", type=positive_int, default=20)
    p.add_argument("--json", action="store_true")


READING_PARSERS: dict[str, Callable[[Any], None]] = {
    "list": add_list,
    "show": add_show,
    "search": add_search,
}


def _dump(data: Any, out: TextIO) -> None:
    import json

    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_list(args: argparse.Namespace, services: ReadingServices, out: TextIO, err: TextIO) -> int:
    """The questions, newest first: one line each, or their JSON."""
    flt = QuestionFilter(
        chamber=args.chamber,
        statuses=frozenset({Status(args.status)}) if args.status else frozenset(),
    )
    sort = Sort("published_on", True)
    if args.json:
        from qe_desktop.services.serialize import question_json

        rows = services.questions.rows(flt, sort, limit=args.limit or services.questions.count(flt))
        _dump([question_json(services.questions.detail(r.key)) for r in rows], out)
        return 0
    out.write("".join(services.questions.listing(flt, sort, args.limit or None)))
    return 0


def cmd_show(args: argparse.Namespace, services: ReadingServices, out: TextIO, err: TextIO) -> int:
    """One question in full, with its annotations."""
    detail = found_question(services, args.key)
    if args.json:
        from qe_desktop.cli import coverage as coverage_cli
        from qe_desktop.services.insights import similarity_json
        from qe_desktop.services.serialize import question_json

        full = cast("Services", services)  # `show --json` never reads light (`cli.reads_only`)
        extra = {
            **similarity_json(full.insights, detail.key),
            **coverage_cli.show_json(full, detail.key),
        }
        _dump({**question_json(detail), **extra}, out)
        return 0
    r = detail.record
    out.write(f"{detail.key} — {r.chamber.label} — {detail.status.label}\n")
    out.write(f"{detail.author_display} ({r.author.constituency} - {r.author.group})\n")
    if detail.current_group:
        out.write(f"Groupe actuel : {detail.current_group}\n")
    out.write(f"Ministère : {r.answer_ministry or r.ministry_assigned or r.ministry_asked}\n")
    out.write(f"Publiée le {r.published_on} ; réponse le {r.answered_on}\n\n")
    out.write(r.question_text + "\n\n")
    out.write((r.answer_text or "(pas encore de réponse)") + "\n")
    for a in detail.annotations:
        out.write(f"\n[{a.category}] « {a.selector.exact} » {a.note}\n")
        if a.commitment is not None:
            from qe_desktop.exporters.citations import due_label

            c = a.commitment
            out.write(f"  engagement : échéance {due_label(c)}, {c.status.label}, {c.ministry}\n")
    return 0


class KeyNotFound(QuestionNotFound):
    """An unknown key, with the keys it may have meant (said as "Vouliez-vous dire…")."""

    def __init__(self, key: str, near: list[str]) -> None:
        super().__init__(key)
        self.args = (f"{self.args[0]} Vouliez-vous dire : {', '.join(near)} ?",)


def found_question(services: Any, key: str) -> Any:
    """The question `key` names; typed in another case or with spaces around, the one
    key it can only mean; otherwise QuestionNotFound naming the nearest keys (the
    number alone finds its question through the search).
    """
    try:
        return services.questions.detail(key)
    except QuestionNotFound:
        wanted = key.strip()
        if not any(c.isalnum() for c in wanted):
            raise
        rows = services.questions.search(wanted, limit=5)
        same = [r.key for r in rows if r.key.casefold() == wanted.casefold()]
        if len(same) == 1:
            return services.questions.detail(same[0])
        if not rows:
            raise
        raise KeyNotFound(key, [r.key for r in rows[:3]]) from None


def cmd_search(
    args: argparse.Namespace, services: ReadingServices, out: TextIO, err: TextIO
) -> int:
    """The best matches of a full-text search, with their excerpts."""
    if not any(c.isalnum() for c in args.query):  # "", '"', "*" listed every question
        said = f"« {args.query} » ne contient aucun mot" if args.query.strip() else "aucun mot"
        err.write(f"recherche vide : {said} à chercher\n")
        if args.json:
            _dump([], out)  # a script still reads a list (tests/test_cli.py: never fails)
        return 0
    rows = services.questions.search(args.query, limit=args.limit)
    if args.json:
        from qe_desktop.services.serialize import row_json

        _dump([row_json(r) for r in rows], out)
        return 0
    for row in rows:
        snippet = row.snippet.replace("[[", "«").replace("]]", "»").replace("\n", " ")
        out.write(f"{row.key}\t{row.title[:60]}\n    {snippet}\n")
    return 0


READING: dict[str, Callable[[argparse.Namespace, ReadingServices, TextIO, TextIO], int]] = {
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
}


def answered(call: Callable[[TextIO, TextIO], int], out: TextIO | None, err: TextIO | None) -> int:
    """Run a command; errors a user can act on become a message and an exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return call(out, err)
    except QuestionNotFound as error:
        err.write(f"{error}\n")
        return 2
    except (RuntimeError, OSError) as error:
        from qe_desktop.services.backups import BackupUnavailable
        from qe_desktop.services.disk import is_disk_full

        if isinstance(error, BackupUnavailable):
            err.write(f"{error}\n")
            return 2
        if isinstance(error, OSError) and is_disk_full(error):  # backup, export, import
            err.write(f"{error}\n")
            return 1
        raise


class _Declined(Exception):
    """The light parser will not say it: the full command line's parser will."""


class _QuietParser(argparse.ArgumentParser):
    """A parser that hands its mistakes back instead of printing them and exiting."""

    def error(self, message: str) -> Any:
        raise _Declined(message)


def _named(argv: Sequence[str]) -> str | None:
    """The reading command `argv` names, if nothing before it but `--db PATH`."""
    rest = list(argv)
    if rest[:1] == ["--db"]:
        rest = rest[2:]
    elif rest[:1] and rest[0].startswith("--db="):
        rest = rest[1:]
    if not rest or rest[0] not in READING_PARSERS:
        return None
    if any(a in ("-h", "--help") or a.startswith("--h") or a == "--" for a in rest[1:]):
        return None  # the help is the full parser's to print
    return rest[0]


def parse_reading(argv: Sequence[str]) -> argparse.Namespace | None:
    """`argv` parsed as the full parser would, when it names a reading command and
    holds no mistake; None otherwise (the full parser then answers, in its words).
    """
    name = _named(argv)
    if name is None:
        return None
    parser = main_parser(_QuietParser)
    READING_PARSERS[name](parser.add_subparsers(dest="command"))
    try:
        return parser.parse_args(list(argv))
    except _Declined:
        return None


def answer_quickly(argv: Sequence[str], out: TextIO | None = None) -> int | None:
    """`search`, `list` or `show` answered on a SQLite library at head, read with sqlite3
    alone; None when the full command line must run instead (`app.main`), which then
    parses, logs, migrates, backs up and explains as always.

    The log file is set up only if something goes wrong: an uncaught exception still
    ends in the log (`_log_crashes`).
    """
    args = parse_reading(argv)
    if args is None or (args.command == "show" and args.json):  # similar texts, coverage
        return None
    if args.db is not None and not args.db.strip():
        return None  # `--db ""`: the full command line says it is empty
    import sqlite3

    from qe_desktop.services.locations import resolve_location
    from qe_desktop.services.quick_read import quick_services

    _log_crashes()
    services = quick_services(resolve_location(args.db))
    if services is None:
        return None
    try:
        command = READING[args.command]
        return answered(lambda o, e: command(args, services, o, e), out, None)
    except sqlite3.Error:
        _log_failed_read()
        return None
    finally:
        services.close()


def _log_crashes() -> None:
    """An uncaught exception sets up the log file, then is reported as `app.main`'s are."""

    def first_report(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        from qe_desktop.services.logs import (
            configure_logging,
            enable_fault_handler,
            install_exception_hooks,
        )

        configure_logging()
        enable_fault_handler()
        install_exception_hooks()
        sys.excepthook(kind, error, trace)

    sys.excepthook = first_report


def _log_failed_read() -> None:
    import logging

    from qe_desktop.services.logs import configure_logging

    configure_logging()
    logging.getLogger(__name__).info(
        "Light read failed; the services answer instead", exc_info=True
    )
