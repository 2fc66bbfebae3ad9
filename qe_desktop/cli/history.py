"""`qe-desktop imports`: the history of imports, newest first."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from qe_desktop.quick_cli import positive_int

if TYPE_CHECKING:  # the services load when a command runs (#25)
    from qe_desktop.services.container import Services
    from qe_desktop.services.import_history import ImportEntry


def add_parsers(sub: Any) -> None:
    """The `imports` command."""
    p = sub.add_parser("imports", help="historique des imports")
    p.add_argument("--limit", type=positive_int, default=50)
    p.add_argument("--json", action="store_true")


def entry_json(entry: ImportEntry) -> dict[str, Any]:
    """One import of `qe-desktop imports --json`."""
    return {
        "id": entry.id,
        "started_at": entry.started_at.isoformat(),
        "finished_at": entry.finished_at.isoformat() if entry.finished_at else None,
        "sources": list(entry.sources),
        "imported": entry.imported,
        "updated": entry.updated,
        "unchanged": entry.unchanged,
        "failed": entry.failed,
        "new_answers": entry.new_answers,
        "failures": [{"source": s, "reason": r} for s, r in entry.failures],
        "cancelled": entry.cancelled,
    }


def cmd_imports(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    """List the latest imports (and what each refused)."""
    entries = services.import_history.recent(args.limit)
    if args.json:
        json.dump([entry_json(e) for e in entries], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for e in entries:
        when = e.started_at.astimezone().strftime("%d/%m/%Y %H:%M")
        sources = ", ".join(e.sources[:3]) + (" …" if len(e.sources) > 3 else "")
        cut = " (interrompu)" if e.cancelled else ""
        out.write(
            f"{when}\t{e.imported} importée(s), {e.updated} mise(s) à jour, "
            f"{e.unchanged} inchangée(s), {e.failed} en échec{cut}\t{sources}\n"
        )
        for source, reason in e.failures[:10]:
            out.write(f"\téchec : {source} : {reason}\n")
    return 0
