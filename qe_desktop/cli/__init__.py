"""The command line (DESIGN §6): the same services as the window, from a terminal."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qe_desktop import quick_cli
from qe_desktop.argparse_fr import FrenchParser
from qe_desktop.cli import annotate, history, suggestions
from qe_desktop.cli import coverage as coverage_cli
from qe_desktop.cli import veille as veille_commands
from qe_desktop.cli import versions as versions_cli
from qe_desktop.domain.annotation import CommitmentStatus
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.quick_cli import answered, cmd_list, cmd_search, cmd_show
from qe_desktop.services.serialize import commitment_row_json, suggestion_json

# Nothing here loads SQLAlchemy, Qt or a parser: `search`, `list` and `show` may run on
# the standard library's sqlite3 alone (#25, tests/test_cli_light.py); the services'
# modules load in the handlers that need them.
if TYPE_CHECKING:
    from qe_desktop.services.container import Services
    from qe_desktop.services.importing import ImportReport
    from qe_desktop.services.quick_read import ReadingServices

GUI_COMMANDS = {"gui", "screenshot"}
# The values of `exporters.formats.ExportFormat`, spelt out: `search`, `list` and `show`
# must not load the writers (a test keeps both lists equal).
EXPORT_FORMATS = ["md", "docx", "pdf", "csv", "xlsx", "ics"]


def build_parser() -> argparse.ArgumentParser:
    parser = quick_cli.main_parser(FrenchParser)  # headings and errors in French
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("gui", help="ouvrir la fenêtre (par défaut)")

    p = sub.add_parser("import", help="importer des fichiers, dossiers ou archives .zip")
    p.add_argument("paths", nargs="+", type=Path)

    quick_cli.add_list(sub)
    quick_cli.add_show(sub)

    p = sub.add_parser("stats", help="délais de réponse et volumes par ministère")
    p.add_argument("--chamber", choices=["an", "senat"])
    p.add_argument("--legislature", type=int)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("commitments", help="engagements du Gouvernement et leur suivi")
    p.add_argument("--suggest", metavar="KEY", help="engagements suggérés dans une réponse")
    p.add_argument("--overdue", action="store_true", help="seulement les engagements en retard")
    p.add_argument("--ministry", help="seulement ceux de ce ministère")
    p.add_argument("--status", choices=[s.value for s in CommitmentStatus])
    p.add_argument("--due-this-month", action="store_true", help="échéance ce mois-ci")
    p.add_argument("--json", action="store_true")

    quick_cli.add_search(sub)

    p = sub.add_parser("annotations", help="partager les annotations (W3C JSON-LD)")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("export", help="écrire les annotations dans un fichier")
    a.add_argument("-o", "--output", type=Path, required=True)
    a.add_argument("--question", metavar="KEY", action="append")
    a = actions.add_parser("import", help="fusionner les annotations d'un fichier")
    a.add_argument("file", type=Path)

    p = sub.add_parser("backups", help="sauvegardes de la bibliothèque")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("list", help="lister les sauvegardes")
    a.add_argument("--json", action="store_true")
    actions.add_parser("create", help="faire une sauvegarde maintenant")
    a = actions.add_parser("restore", help="restaurer une sauvegarde")
    a.add_argument("file", type=Path)

    p = sub.add_parser("export", help="notes de synthèse et tableaux (docx, md, pdf, csv, xlsx)")
    p.add_argument("--format", choices=EXPORT_FORMATS, help="sinon : extension")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--question", metavar="KEY", action="extend", nargs="+")
    p.add_argument("--title", default="", help="titre de la note")
    p.add_argument("--only-annotated", action="store_true", help="seulement les passages annotés")
    p.add_argument("--no-question-text", action="store_true", help="sans le texte des questions")

    sub.add_parser("migrate", help="créer ou mettre à jour le schéma de la bibliothèque")
    p = sub.add_parser("sync", help="synchroniser avec une autre bibliothèque (équipe)")
    p.add_argument("--with", dest="peer", metavar="PATH_OR_URL", required=True)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("screenshot", help="rendre la fenêtre dans un PNG")
    p.add_argument("out", type=Path)
    p.add_argument("--question", metavar="KEY")
    p.add_argument("--size", default="1600x900", help="LARGEURxHAUTEUR")
    history.add_parsers(sub)
    annotate.add_parsers(sub)
    coverage_cli.add_parsers(sub)
    suggestions.add_parsers(sub)
    veille_commands.add_parsers(sub)
    versions_cli.add_parsers(sub)
    return parser


def _dump(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


class TerminalProgress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()

    def __call__(self, done: int, total: int | None, name: str) -> None:
        if not self._tty:
            return
        if total:
            width = 30
            filled = int(width * min(done, total) / total)
            bar = "█" * filled + "·" * (width - filled)
            line = f"\r[{bar}] {done}/{total} {name[-40:]:<40}"
        else:
            line = f"\r{done} fichier(s) {name[-50:]:<50}"
        self._stream.write(line)
        self._stream.flush()

    def finish(self) -> None:
        if self._tty:
            self._stream.write("\n")


def cmd_import(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    warning = services.importing.space_warning(args.paths)
    if warning:
        err.write(f"attention : {warning}\n")
    progress = TerminalProgress(err)
    started = getattr(args, "started_reading", None)  # app._start_reading
    report: ImportReport = services.importing.import_paths(args.paths, progress, started=started)
    progress.finish()
    return print_import_report(report, out, err)


def print_import_report(report: ImportReport, out: TextIO, err: TextIO) -> int:
    """The import's summary, held updates and failures; the exit code."""
    if report.disk_full:
        err.write(report.disk_full_message + "\n")
        return 1
    out.write(report.summary() + "\n")
    for line in report.held_lines():
        out.write(line + "\n")
    for failure in report.failures:
        err.write(f"échec : {failure.source} : {failure.reason}\n")
    for note in report.skipped[:5]:  # e.g. unknown CSV columns, a README in a zip
        err.write(f"note : {note.source} : {note.reason}\n")
    return 0 if report.ok else 1


def cmd_stats(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    flt = QuestionFilter(chamber=args.chamber, legislature=args.legislature)
    figures = services.insights.stats(flt)
    if args.json:
        from qe_desktop.services.insights import figures_json

        _dump([figures_json(m) for m in figures], out)
        return 0
    out.write("Questions\tRépondues\tDélai médian\tDans le délai\tMinistère\n")
    for m in figures:
        median = "—" if m.median_delay is None else f"{m.median_delay:g} j"
        share = "—" if m.share_in_time is None else f"{m.share_in_time:.0%}"
        out.write(f"{m.questions}\t{m.answered}\t{median}\t{share}\t{m.ministry or '—'}\n")
        if m.ministry and m.names != (m.ministry,):  # the portfolio's own ministry names
            out.write(f"\t\t\t\t  {' ; '.join(m.names)}\n")
    return 0


def cmd_commitments(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    if args.suggest:
        suggestions = services.commitments.suggestions(args.suggest)
        if args.json:
            _dump([suggestion_json(s) for s in suggestions], out)
            return 0
        if not suggestions:
            out.write(f"Aucun engagement suggéré dans la réponse de {args.suggest}.\n")
        for n, s in enumerate(suggestions, start=1):
            due = s.due.strftime("%d/%m/%Y") if s.due else "non datée"
            out.write(
                f"{n}. [{s.start}-{s.end}] confiance {s.confidence:.2f} — échéance {due}"
                f" (précision : {s.precision.value})\n   « {s.sentence} »\n"
                f"   pourquoi : {s.explanation or ' ; '.join(s.cues)}\n"
            )
        return 0
    from qe_desktop.domain.commitment_tracking import CommitmentFilter

    flt = CommitmentFilter(
        overdue=args.overdue,
        ministry=args.ministry,
        status=CommitmentStatus(args.status) if args.status else None,
        due_this_month=args.due_this_month,
    )
    rows = services.commitments.list(flt)
    if not rows and args.ministry:
        err.write(_no_ministry(args.ministry, services, CommitmentFilter))
    if args.json:
        _dump([commitment_row_json(r) for r in rows], out)
        return 0
    for r in rows:
        due = r.due_date.strftime("%d/%m/%Y") if r.due_date else "non datée"
        late = f"en retard de {r.days_overdue} j" if r.is_overdue else "—"
        quote = r.quote if len(r.quote) <= 90 else r.quote[:89] + "…"
        out.write(f"{due}\t{r.status.label}\t{late}\t{r.question_key}\t{r.ministry}\t« {quote} »\n")
    return 0


def _no_ministry(typed: str, services: Services, make_filter: Any) -> str:
    """No commitment for this ministry: a typo? The nearest ministries that have some."""
    import difflib

    from qe_desktop.domain.folding import strip_accents

    def words(text: str) -> list[str]:
        return [w for w in strip_accents(text.casefold()).replace("'", " ").split() if len(w) > 3]

    names = sorted({r.ministry for r in services.commitments.list(make_filter()) if r.ministry})
    typed_words = words(typed)
    near = [
        name
        for name in names
        if any(difflib.get_close_matches(w, words(name), n=1, cutoff=0.75) for w in typed_words)
    ][:3]
    hint = f" (nom exact attendu) ; ministères proches : {' ; '.join(near)}" if near else ""
    return f"aucun engagement pour le ministère « {typed} »{hint}\n"


def cmd_annotations(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    if args.action == "export":
        return _export_annotations(args, services, out, err)
    report = services.exchange.import_file(args.file)
    out.write(report.summary() + "\n")
    for failure in report.failures:
        err.write(f"échec : {failure.source} : {failure.reason}\n")
    return 0 if not report.failures else 1


def _shown(path: Path) -> str:
    """The path as typed; `-o ""` (read as ".") is named by its option."""
    return "-o" if str(path) in ("", ".") else str(path)


def _export_annotations(
    args: argparse.Namespace, services: Services, out: TextIO, err: TextIO
) -> int:
    """`annotations export`: an unknown key or an unwritable path says so; no half file."""
    from qe_desktop.exporters.file_errors import french_reason, output_problem

    if problem := output_problem(args.output):
        err.write(f"{_shown(args.output)} : {problem}\n")
        return 2
    for key in args.question or []:
        services.questions.detail(key)  # an unknown key says so (exit 2)
    try:
        count = services.exchange.export(args.output, args.question)
    except OSError as error:
        err.write(f"Impossible d'écrire {args.output} : {french_reason(error, writing=True)}\n")
        return 1
    out.write(f"{count} annotation(s) écrite(s) dans {args.output}\n")
    return 0


def cmd_backups(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    backups = services.backups
    if args.action == "create":
        out.write(f"sauvegarde : {backups.create()}\n")
        return 0
    if args.action == "restore":
        if not args.file.is_file():
            err.write(f"{args.file} : sauvegarde introuvable\n")
            return 2
        try:
            safety = backups.restore(args.file)
        except ValueError as error:
            err.write(f"{error}\n")
            return 1
        out.write(f"restaurée depuis {args.file} (état précédent gardé dans {safety})\n")
        return 0
    listed = backups.list()
    if args.json:
        _dump(
            [
                {"path": str(b.path), "reason": b.reason, "taken_at": b.taken_at.isoformat()}
                for b in listed
            ],
            out,
        )
        return 0
    for b in listed:
        out.write(f"{b.taken_at:%d/%m/%Y %H:%M:%S}\t{b.reason}\t{b.size // 1024} Kio\t{b.path}\n")
    return 0


def cmd_export(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    from qe_desktop.exporters.file_errors import output_problem
    from qe_desktop.exporters.formats import ExportFormat
    from qe_desktop.services.exporting import ExportError, ExportOptions

    if problem := output_problem(args.output):
        err.write(f"{_shown(args.output)} : {problem}\n")
        return 2
    named = ExportFormat.from_path(args.output)
    fmt = ExportFormat(args.format) if args.format else named
    if fmt is None:
        err.write(f"{args.output} : précisez --format (md, docx, pdf, csv, xlsx ou ics)\n")
        return 2
    if named is not None and named is not fmt:  # `--format csv -o note.md`: a slip
        err.write(
            f"{args.output} : l'extension annonce du {named.value}, --format demande du"
            f" {fmt.value} : corrigez l'un ou l'autre\n"
        )
        return 2
    replacing = args.output.exists()
    options = ExportOptions(
        title=args.title,
        include_question_text=not args.no_question_text,
        only_annotated=args.only_annotated,
    )
    try:
        result = services.exporting.export(args.question, fmt, args.output, options)
    except ExportError as error:
        err.write(f"{error}\n")
        return 1
    out.write(result.summary() + "\n")
    if replacing:
        out.write(f"(le fichier existant {args.output} a été remplacé)\n")
    return 0


def cmd_migrate(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    """Opening the library already migrated it: say where it stands."""
    from qe_desktop.services.library import describe, schema_revision

    info = describe(services.database)
    out.write(f"{info.location} : schéma à jour ({schema_revision(services.database)})\n")
    return 0


def cmd_sync(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    from qe_desktop.cli.library_check import LibraryChoiceError, check_peer
    from qe_desktop.services.library import (
        CorruptDatabaseError,
        LibraryUnavailableError,
        NewerDatabaseError,
    )
    from qe_desktop.services.sync import SyncError

    try:
        created = check_peer(args.peer)
    except LibraryChoiceError as error:
        err.write(f"{error}\n")
        return error.code
    try:
        report = services.sync.sync_with(args.peer)
    except (SyncError, LibraryUnavailableError, NewerDatabaseError, CorruptDatabaseError) as error:
        err.write(f"{error}\n")
        return 1
    if args.json:
        _dump(report.as_json(), out)
        return 0
    out.write(report.summary() + "\n")
    if created:
        err.write(f"note : {args.peer} n'existait pas : une nouvelle bibliothèque y a été créée\n")
    for conflict in report.conflicts:
        out.write(f"conflit : {conflict.describe()}\n")
    return 0


Command = Callable[[argparse.Namespace, "Services", TextIO, TextIO], int]
COMMANDS: dict[str, Command] = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "stats": cmd_stats,
    "commitments": cmd_commitments,
    "search": cmd_search,
    "annotations": cmd_annotations,
    "backups": cmd_backups,
    "export": cmd_export,
    "migrate": cmd_migrate,
    "sync": cmd_sync,
    "imports": history.cmd_imports,
    "coverage": coverage_cli.cmd_coverage,
    "suggestions": suggestions.cmd_suggestions,
    **veille_commands.COMMANDS,
    "versions": versions_cli.cmd_versions,
}


annotate.register(COMMANDS)


def run(
    args: argparse.Namespace,
    services: Services,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the parsed command on the library's services; errors a user can act on become
    a message and an exit code."""
    command = COMMANDS[args.command]
    return answered(lambda o, e: command(args, services, o, e), out, err)


# `search`, `list` and `show` (text) need only the questions: on a SQLite library at
# head they run on `services.quick_read` (sqlite3, no SQLAlchemy), parsed by `quick_cli`.
READING = quick_cli.READING


def busy_message(error: BaseException, location: str) -> str | None:
    """A library another program holds (an import, the window) past the wait: what to
    do, in French; None for any other error. SQLite rolled the command back whole."""
    from qe_desktop.services.library import display_url

    cause = getattr(error, "orig", None) or error
    text = str(cause).lower()
    if "database is locked" not in text and "database is busy" not in text:
        return None
    return (
        f"La bibliothèque {display_url(location)} est occupée par un autre programme "
        "(un import, la fenêtre ?) : rien n'a été modifié, réessayez dans un instant."
    )


def reads_only(args: argparse.Namespace) -> bool:
    """Whether the command only reads questions (`show --json` adds similar texts and
    coverage, which need the full services)."""
    return args.command in READING and not (args.command == "show" and args.json)


def run_reading(
    args: argparse.Namespace,
    services: ReadingServices,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run a reading command (`reads_only`) on the light services."""
    command = READING[args.command]
    return answered(lambda o, e: command(args, services, o, e), out, err)


def parse(argv: Sequence[str]) -> argparse.Namespace:
    args = build_parser().parse_args(list(argv))
    if args.command is None:
        args.command = "gui"
    return args
