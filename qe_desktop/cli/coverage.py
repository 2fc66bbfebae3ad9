"""`qe-desktop coverage`: answers by coverage, and the `coverage` object of `show --json`."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from qe_desktop.domain.coverage import coverage_to_json

if TYPE_CHECKING:
    from qe_desktop.services.container import Services


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("coverage", help="réponses classées par couverture des demandes")
    p.add_argument("--ministry", help="seulement les réponses de ce ministère")
    p.add_argument("--question", metavar="KEY", help="le détail d'une question")
    p.add_argument("--json", action="store_true")


def show_json(services: Services, key: str) -> dict[str, Any]:
    """`{"coverage": {...}}` for `show KEY --json` (computed and cached on first call)."""
    return {"coverage": coverage_to_json(services.coverage.compute(key))}


def cmd_coverage(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    if args.question:
        return _one(args, services, out)
    analysed = services.coverage.fill(progress=_progress(err))  # bring the cache up to date
    if analysed and err.isatty():
        err.write("\n")
    lines = services.coverage.lines(args.ministry)
    if args.json:
        data = [
            {
                "key": line.key,
                "ministry": line.ministry,
                "answered_on": line.answered_on,
                "demands": line.demands,
                "answered": line.answered,
                "treated": line.treated,
                "share": line.share,
            }
            for line in lines
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for line in lines:
        share = "—" if line.share is None else f"{100 * line.share:.0f} %"
        out.write(
            f"{line.key}\t{share}\t{line.answered}/{line.demands} répondues, "
            f"{line.treated}/{line.demands} traitées\t{line.ministry[:60]}\n"
        )
    return 0


def _one(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    coverage = services.coverage.compute(args.question)
    if args.json:
        json.dump(coverage_to_json(coverage), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    from qe_desktop.domain.coverage import VERDICT_LABELS_FR

    out.write(f"{coverage.treated} demande(s) sur {len(coverage.demands)} traitée(s)\n")
    for number, item in enumerate(coverage.demands, start=1):
        out.write(f"\n{number}. [{VERDICT_LABELS_FR[item.addressed]}] {item.demand.text}\n")
        for evidence in item.evidence:
            out.write(f"   « {evidence.text} »\n")
    return 0


def _progress(err: TextIO) -> Any:
    def report(done: int, total: int) -> None:
        if err.isatty():
            err.write(f"\ranalyse des réponses : {done}/{total}")
            err.flush()

    return report
