"""Veille commands: `update`, `follow add|list|remove`, `inbox`."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qe_desktop.domain.follows import FollowKind, InboxItem

if TYPE_CHECKING:
    from qe_desktop.services.container import Services

_FOLLOW_OPTIONS = (
    ("--author", FollowKind.AUTHOR, "un sénateur ou un député (nom, ou référence PA…)"),
    ("--ministry", FollowKind.MINISTRY, "un ministère (mots de son nom)"),
    ("--theme", FollowKind.THEME, "une rubrique ou un thème"),
    ("--search", FollowKind.SEARCH, "une recherche plein texte"),
    ("--question", FollowKind.QUESTION, "une question (clé)"),
)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("update", help="mettre à jour depuis l'open data (AN, Sénat)")
    p.add_argument("--source", choices=["an", "senat"], help="une seule source")
    p.add_argument("--legislature", type=int, help="législature de l'AN (sinon la dernière)")
    p.add_argument("--sources", type=Path, metavar="FILE.json", help="table des sources")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("follow", help="suivre un auteur, un ministère, un thème, une question")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("add", help="ajouter un suivi")
    group = a.add_mutually_exclusive_group(required=True)
    for option, _, text in _FOLLOW_OPTIONS:
        group.add_argument(option, metavar="VALEUR", help=text)
    a = actions.add_parser("list", help="lister les suivis et leurs nouveautés")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("remove", help="ne plus suivre")
    a.add_argument("ids", nargs="+", type=int, metavar="ID")

    p = sub.add_parser("inbox", help="Nouveautés : ce qui est nouveau pour vos suivis")
    p.add_argument("--json", action="store_true")
    p.add_argument("--unseen", action="store_true", help="seulement les non vues")
    p.add_argument("--mark-seen", nargs="+", type=int, metavar="ID", help="marquer comme vues")
    p.add_argument("--mark-all-seen", action="store_true", help="tout marquer comme vu")


def _dump(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_update(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    from qe_desktop.cli import TerminalProgress
    from qe_desktop.sources.errors import SourceError

    veille = services.veille
    veille.sources_file = args.sources
    progress = TerminalProgress(err)
    try:
        veille.table()
    except SourceError as error:
        err.write(f"{error}\n")
        return 2

    def show(done: int, total: int | None, name: str) -> None:
        progress(done, total, name)

    report = veille.update(args.source, args.legislature, show)
    progress.finish()
    if args.json:
        _dump(report.as_json(), out)
    else:
        out.write(report.summary() + "\n")
    for source in report.sources:
        if source.status == "failed":
            err.write(f"échec : {source.message}\n")
    for failure in report.failures:
        err.write(f"échec : {failure.source} : {failure.reason}\n")
    return 0 if report.ok else 1


def cmd_follow(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    veille = services.veille
    if args.action == "add":
        for option, kind, _ in _FOLLOW_OPTIONS:
            value = getattr(args, option.lstrip("-"))
            if value is not None:
                return _follow(kind, value, services, out, err)
        return 0
    if args.action == "remove":
        missing = [i for i in args.ids if not veille.unfollow(i)]
        for follow_id in missing:
            err.write(f"suivi {follow_id} introuvable\n")
        return 1 if missing else 0
    rows = veille.follows()
    if args.json:
        _dump(
            [
                {
                    "id": r.id,
                    "kind": r.kind.value,
                    "value": r.value,
                    "unseen": r.unseen,
                    "total": r.total,
                    "created_at": r.created_at.isoformat(),
                }
                for r in rows
            ],
            out,
        )
        return 0
    for r in rows:
        out.write(f"{r.id}\t{r.kind.label}\t{r.value}\t{r.unseen} non vue(s) / {r.total}\n")
    return 0


def _follow(kind: FollowKind, value: str, services: Services, out: TextIO, err: TextIO) -> int:
    """Follow once: the same thing typed again (other case, accents, spaces) is said to be
    followed already; a question not in the library is followed with a warning."""
    from qe_desktop.domain.follows import normalise_value
    from qe_desktop.domain.views import QuestionNotFound

    veille = services.veille
    wanted = _folded(normalise_value(kind, value))
    for row in veille.follows():
        if row.kind is kind and _folded(row.value) == wanted:
            out.write(f"{row.id}\t{kind.label} : {row.value} (déjà suivi)\n")
            return 0
    try:
        follow_id = veille.follow(kind, value)
    except ValueError as error:
        err.write(f"{error}\n")
        return 2
    out.write(f"{follow_id}\t{kind.label} : {value}\n")
    if kind is FollowKind.QUESTION:
        try:
            services.questions.detail(value.strip())
        except QuestionNotFound:
            err.write(
                f"attention : la question « {value.strip()} » n'est pas dans la bibliothèque ;"
                " elle sera suivie quand une mise à jour l'apportera (vérifiez la clé)\n"
            )
    return 0


def _folded(value: str) -> str:
    from qe_desktop.domain.folding import strip_accents

    return strip_accents(" ".join(value.split()).casefold())


def item_json(item: InboxItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind.value,
        "question_key": item.question_key,
        "follow": item.follow,
        "seen": item.seen,
        "title": item.title,
        "author": item.author,
        "at": item.at.isoformat(),
    }


def cmd_inbox(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    veille = services.veille
    if args.mark_seen:
        unknown = veille.unknown_inbox_ids(args.mark_seen)
        if unknown:
            numbers = ", ".join(str(i) for i in unknown)
            plural = "s" if len(unknown) > 1 else ""
            err.write(
                f"--mark-seen : numéro{plural} inconnu{plural} dans les nouveautés : {numbers}"
                " (rien n'a été marqué ; `qe-desktop inbox` liste les numéros)\n"
            )
            return 2
    if args.mark_seen or args.mark_all_seen:
        count = veille.mark_seen(None if args.mark_all_seen else args.mark_seen)
        if not args.json:
            out.write(f"{count} nouveauté(s) marquée(s) comme vue(s)\n")
            return 0
    items = veille.inbox(unseen_only=args.unseen)
    if args.json:
        _dump([item_json(i) for i in items], out)
        return 0
    if args.mark_seen or args.mark_all_seen:
        return 0
    for i in items:
        mark = " " if i.seen else "●"
        out.write(
            f"{mark} {i.id}\t{i.kind.label}\t{i.question_key}\t{i.author}\t{i.title[:60]}"
            f"\t{i.follow or '—'}\n"
        )
    return 0


Command = Callable[[argparse.Namespace, "Services", TextIO, TextIO], int]
COMMANDS: dict[str, Command] = {"update": cmd_update, "follow": cmd_follow, "inbox": cmd_inbox}
