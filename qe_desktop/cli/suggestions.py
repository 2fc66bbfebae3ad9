"""`qe-desktop suggestions fill`: compute the commitment suggestions of every answer now.

The window does the same pass in the background once the French model is loaded; from
a terminal (a nightly job, a server holding a shared library) it fills the cache so that
every reader opens answers with their suggestions ready.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the services load when a command runs (#25)
    from qe_desktop.services.container import Services


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("suggestions", help="suggestions d'engagements (cache)")
    actions = p.add_subparsers(dest="action", required=True)
    fill = actions.add_parser("fill", help="calculer les suggestions de toutes les réponses")
    fill.add_argument("--json", action="store_true")


def cmd_suggestions(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    started = time.perf_counter()
    cache = services.commitments.cache
    cache.load_model()
    loaded = time.perf_counter()
    done = cache.fill()
    seconds = time.perf_counter() - loaded
    rate = done / seconds if seconds > 0 else 0.0
    if args.json:
        figures = {
            "computed": done,
            "model_load_seconds": round(loaded - started, 2),
            "seconds": round(seconds, 2),
            "answers_per_second": round(rate, 1),
        }
        out.write(json.dumps(figures) + "\n")
        return 0
    out.write(
        f"{done} réponse(s) analysée(s) en {seconds:.1f} s ({rate:.1f}/s, "
        f"modèle chargé en {loaded - started:.1f} s)\n"
    )
    return 0
