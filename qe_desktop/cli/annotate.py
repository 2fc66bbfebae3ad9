"""Annotating and following commitments from a terminal, on the window's services.

`qe-desktop annotate KEY --quote TEXT [--part question|answer] [--category C] [--note N]
[--tag T…]` highlights a passage; `annotations list [--question KEY] [--json]` and
`annotations delete ID` read and delete; `commitments accept|dismiss|due|status …`
do what the Commitments view does. Offices script them, tests drive them. Annotation
ids may be shortened to any unique prefix (as `annotations list` prints them).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, MutableMapping
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from qe_desktop.domain.annotation import (
    AnnotationRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
)
from qe_desktop.domain.folding import strip_accents
from qe_desktop.services.serialize import annotation_json

if TYPE_CHECKING:  # the services load when a command runs (`search` must stay light, #25)
    from qe_desktop.services.container import Services

Handler = Callable[[argparse.Namespace, "Services", TextIO, TextIO], int]
PARTS = {"question": Part.QUESTION, "answer": Part.ANSWER, "reponse": Part.ANSWER}
MIN_PREFIX = 4


class UsageError(ValueError):
    """A mistake in the command: the message says what, in French (exit code 2)."""


def add_parsers(sub: Any) -> None:
    """`annotate`, plus `list`/`delete` under `annotations` and actions under `commitments`."""
    p = sub.add_parser("annotate", help="surligner un passage (catégorie, note, étiquettes)")
    p.add_argument("key", help="clé de la question")
    p.add_argument("--quote", required=True, help="le passage exact à surligner")
    p.add_argument("--part", choices=["question", "answer"], help="sinon : là où il se trouve")
    p.add_argument("--occurrence", type=int, default=None, help="n° de l'occurrence (1, 2…)")
    p.add_argument("--category", default="important", help="nom ou libellé (Engagement…)")
    p.add_argument("--note", default="", help="note (Markdown)")
    p.add_argument("--tag", action="extend", nargs="+", default=[], help="étiquettes")
    p.add_argument("--json", action="store_true")

    actions = _subparsers_of(sub.choices["annotations"])
    a = actions.add_parser("list", help="lister les annotations")
    a.add_argument("--question", metavar="KEY")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("delete", help="supprimer une annotation")
    a.add_argument("id")

    commitments = sub.choices["commitments"]
    steps = commitments.add_subparsers(dest="action", required=False)
    c = steps.add_parser("accept", help="relever un engagement suggéré")
    c.add_argument("key")
    c.add_argument("--number", type=int, default=1, help="n° de la suggestion (--suggest)")
    c.add_argument("--due", help="échéance corrigée (JJ/MM/AAAA ou AAAA-MM-JJ)")
    c.add_argument("--precision", choices=[p.value for p in DatePrecision])
    c.add_argument("--json", action="store_true")
    c = steps.add_parser("dismiss", help="écarter une suggestion pour toujours")
    c.add_argument("key")
    c.add_argument("--number", type=int, default=1)
    c = steps.add_parser("due", help="fixer l'échéance d'un engagement")
    c.add_argument("id")
    c.add_argument("due", help="JJ/MM/AAAA, AAAA-MM-JJ, ou « none »")
    c.add_argument("--precision", choices=[p.value for p in DatePrecision], default="day")
    c = steps.add_parser("status", help="changer le statut d'un engagement")
    c.add_argument("id")
    c.add_argument("status", choices=[s.value for s in CommitmentStatus])
    c.add_argument("--reason", default="")
    c.add_argument("--evidence", default="")


def register(commands: MutableMapping[str, Handler]) -> None:
    """Add `annotate`; route the new `annotations`/`commitments` actions, keep the others."""
    commands["annotate"] = _guard(cmd_annotate)
    commands["annotations"] = _route(
        commands["annotations"], {"list": cmd_annotations_list, "delete": cmd_annotations_delete}
    )
    commands["commitments"] = _route(
        commands["commitments"],
        {"accept": cmd_accept, "dismiss": cmd_dismiss, "due": cmd_due, "status": cmd_status},
    )


def _subparsers_of(parser: argparse.ArgumentParser) -> Any:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def _route(fallback: Handler, handlers: dict[str, Handler]) -> Handler:
    def run(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
        handler = handlers.get(getattr(args, "action", None) or "")
        return (
            _guard(handler)(args, services, out, err)
            if handler
            else fallback(args, services, out, err)
        )

    return run


def _guard(handler: Handler) -> Handler:
    def run(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
        from qe_desktop.services.annotations import AnnotationNotFound, ConflictError

        try:
            return handler(args, services, out, err)
        except (UsageError, AnnotationNotFound) as error:
            err.write(f"{error}\n")
            return 2
        except ConflictError:
            err.write("annotation modifiée entre-temps : relancez la commande\n")
            return 1
        except ValueError as error:  # the services' own French messages
            err.write(f"{error}\n")
            return 1

    return run


def _dump(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _fold(text: str) -> str:
    return strip_accents(text.casefold())


# -- annotate ---------------------------------------------------------------------------
def cmd_annotate(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    from qe_desktop.quick_cli import found_question

    detail = found_question(services, args.key)
    texts = {Part.QUESTION: detail.record.question_text, Part.ANSWER: detail.record.answer_text}
    parts = [PARTS[args.part]] if args.part else [Part.ANSWER, Part.QUESTION]
    if args.part == "answer" and not texts[Part.ANSWER]:
        raise UsageError(f"la question {detail.key} n'a pas encore de réponse : --part question ?")
    part, start, end = _locate(args.quote, parts, texts, args.occurrence)
    category = _category(args.category, services)
    # Through the commitment service: an Engagement gets its due date as in the window.
    record = services.commitments.highlight(
        detail.key, part, start, end, category, note=args.note, tags=tuple(args.tag),
    )  # fmt: skip
    if args.json:
        _dump({"question": detail.key, **annotation_json(record)}, out)
        return 0
    quote = record.selector.exact
    out.write(f"annotation {record.id} créée ({category}, {part.value}) : « {quote} »\n")
    return 0


def _locate(
    quote: str, parts: list[Part], texts: dict[Part, str | None], occurrence: int | None
) -> tuple[Part, int, int]:
    """Where the quote is: one place, or the occurrence asked for.

    Verbatim first; else with any run of spaces and line breaks standing for any
    other (a quote copied from a wrapped terminal or a PDF).
    """
    if not quote.strip():
        raise UsageError("--quote : le passage est vide")
    places = _places(quote, parts, texts, occurrence, loose=False) or _places(
        quote.strip(), parts, texts, occurrence, loose=True
    )
    if not places:
        raise UsageError(f"passage introuvable dans le texte : « {quote} »")
    if occurrence is None:
        if len(places) > 1:
            raise UsageError(
                f"le passage figure {len(places)} fois : précisez --occurrence (1 à {len(places)})"
            )
        return places[0]
    if not 1 <= occurrence <= len(places):
        raise UsageError(f"--occurrence : entre 1 et {len(places)}")
    return places[occurrence - 1]


def _places(
    quote: str,
    parts: list[Part],
    texts: dict[Part, str | None],
    occurrence: int | None,
    *,
    loose: bool,
) -> list[tuple[Part, int, int]]:
    import re

    words = [re.escape(w) for w in quote.split()] if loose else [re.escape(quote)]
    pattern = re.compile(r"\s+".join(words))
    places: list[tuple[Part, int, int]] = []
    for part in parts:
        text = texts[part] or ""
        places.extend((part, m.start(), m.end()) for m in _overlapping(pattern, text))
        if places and occurrence is None and len(parts) > 1:
            break  # the answer first: it is what assistants annotate
    return places


def _overlapping(pattern: Any, text: str) -> list[Any]:
    """Every match, overlapping ones included (as `str.find` from each next position)."""
    found = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        found.append(match)
        position = match.start() + 1
    return found


def _category(wanted: str, services: Services) -> str:
    categories = services.annotations.categories()
    for category in categories:
        if _fold(wanted) in (_fold(category.name), _fold(category.label)):
            return category.name
    known = ", ".join(c.label for c in categories)
    raise UsageError(f"catégorie inconnue : « {wanted} » (connues : {known})")


# -- annotations list | delete ------------------------------------------------------------
def cmd_annotations_list(
    args: argparse.Namespace, services: Services, out: TextIO, err: TextIO
) -> int:
    from qe_desktop.services.annotations import AnnotationFilter

    if args.question:
        services.questions.detail(args.question)  # an unknown key says so (exit 2)
    records = services.annotations.search(AnnotationFilter(question_key=args.question))
    records.sort(key=lambda r: (r.question_key, r.part is Part.ANSWER, r.selector.start))
    if args.json:
        _dump([{"question": r.question_key, **annotation_json(r)} for r in records], out)
        return 0
    for r in records:
        note = f" — {r.note.splitlines()[0]}" if r.note else ""
        tags = f" [{', '.join(r.tags)}]" if r.tags else ""
        quote = r.selector.exact if len(r.selector.exact) <= 80 else r.selector.exact[:79] + "…"
        out.write(
            f"{r.id}\t{r.question_key}\t{r.part.value}\t{r.category}\t« {quote} »{note}{tags}\n"
        )
    return 0


def cmd_annotations_delete(
    args: argparse.Namespace, services: Services, out: TextIO, err: TextIO
) -> int:
    record = _annotation(args.id, services)
    services.annotations.delete(record.id, record.version)
    out.write(f"annotation {record.id} supprimée : « {record.selector.exact} »\n")
    return 0


def _annotation(wanted: str, services: Services) -> AnnotationRecord:
    """An annotation by id or unique id prefix."""
    from qe_desktop.services.annotations import AnnotationFilter, AnnotationNotFound

    try:
        return services.annotations.get(wanted)
    except AnnotationNotFound:
        pass
    if len(wanted) < MIN_PREFIX:
        raise UsageError(f"annotation introuvable : {wanted}")
    found = [r for r in services.annotations.search(AnnotationFilter()) if r.id.startswith(wanted)]
    if len(found) != 1:
        raise UsageError(
            f"annotation introuvable : {wanted}"
            if not found
            else f"identifiant ambigu : {wanted} ({len(found)} annotations)"
        )
    return found[0]


# -- commitments accept | dismiss | due | status -------------------------------------------
def cmd_accept(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    due = _day(args.due) if args.due else None  # a mistyped date is said first
    suggestion = _suggestion(args.key, args.number, services)
    precision = DatePrecision(args.precision) if args.precision else None
    record = services.commitments.accept(args.key, suggestion, due, precision)
    if args.json:
        _dump({"question": record.question_key, **annotation_json(record)}, out)
        return 0
    commitment = record.commitment
    when = commitment.due_date.isoformat() if commitment and commitment.due_date else "non datée"
    out.write(f"engagement {record.id} relevé (échéance : {when}) : « {suggestion.sentence} »\n")
    return 0


def cmd_dismiss(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    suggestion = _suggestion(args.key, args.number, services)
    services.commitments.dismiss(args.key, suggestion)
    out.write(f"suggestion écartée : « {suggestion.sentence} »\n")
    return 0


def cmd_due(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    record = _annotation(args.id, services)
    due = None if args.due.lower() in ("none", "aucune", "") else _day(args.due)
    changed = services.commitments.set_due(
        record.id, due, DatePrecision(args.precision), record.version
    )
    out.write(f"engagement {changed.id} : échéance {due.isoformat() if due else 'non datée'}\n")
    return 0


def cmd_status(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    record = _annotation(args.id, services)
    status = CommitmentStatus(args.status)
    services.commitments.change_status(
        record.id, status, args.reason, args.evidence, record.version
    )
    out.write(f"engagement {record.id} : {status.label}\n")
    return 0


def _suggestion(key: str, number: int, services: Services) -> Any:
    suggestions = services.commitments.suggestions(key)
    if not suggestions:
        raise UsageError(f"aucun engagement suggéré dans la réponse de {key}")
    if not 1 <= number <= len(suggestions):
        raise UsageError(f"--number : entre 1 et {len(suggestions)}")
    return suggestions[number - 1]


def _day(value: str) -> date:
    from qe_desktop.cli.dates import DateError, parse_day

    try:
        return parse_day(value)
    except DateError as error:
        raise UsageError(str(error)) from None
