"""What `train_coverage.py` prints: the data's make-up, evidence and verdict figures by protocol,
and the verdict confusion by kind of demand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import coverage_cv as cv
import numpy as np

from qe_desktop.nlp import verdict


def header(
    set_name: str, names: list[str], rows: list[Any], y: np.ndarray, groups: dict[str, np.ndarray]
) -> None:
    """Pairs, demands, cited sentences, and how the held-out protocols group them."""
    print(
        f"{set_name}: {len(names)} pairs, {len(rows)} found demands, {len(y)} (demand, sentence) "
        f"pairs, {int(y.sum())} cited ({y.mean():.0%}); protocols: {cv.SHUFFLES} shuffles of "
        f"{cv.FOLDS} folds grouped by pair, leave one chamber out, leave one period out"
    )
    for protocol in ("chamber", "period"):
        pairs = Counter(dict(zip((d.file for d in rows), (getattr(d, protocol) for d in rows))).values())
        demands = Counter(getattr(d, protocol) for d in rows)
        cells = ", ".join(f"{k} {pairs[k]} pairs/{demands[k]} demands" for k in sorted(demands))
        print(f"  {protocol}: {cells}")


def evidence_table(configs: dict[str, dict[str, tuple[float, ...]]], c: float, params: Any) -> None:
    """Evidence precision / recall / F1 of each configuration under each protocol."""
    print(f"evidence chosen: C={c} (threshold, also, floor, near, top_k, relative)={params}")
    for label, scores in configs.items():
        cells = "  ".join(
            f"{p}: P={v[0]:.2f} R={v[1]:.2f} F1={v[2]:.2f}" for p, v in scores.items()
        )
        print(f"  evidence {label:<10} {cells}")


def verdict_line(set_name: str, c: float, acc: dict[str, Any]) -> None:
    """Verdict accuracy on found demands under each protocol, and the decision list's."""
    cells = "  ".join(f"{p} {v[0]:.3f}" for p, v in acc.items())
    rules = "/".join(f"{v[1]:.3f}" for v in acc.values())
    print(f"  verdict {set_name:<16} C={c:<5} {cells}  | decision list {rules}")


def confusion(
    protocol: str,
    rows: list[Any],
    chosen: list[list[int]],
    predicted: list[str],
    verdict_input: Callable[[Any, list[int]], verdict.VerdictInput | None],
) -> None:
    """Verdict errors (first run of `protocol`) by kind of demand: gold -> predicted."""
    print(f"verdict confusion, {protocol} (gold->predicted):")
    counts: Counter[tuple[str, str, str]] = Counter()
    for d, ch, guess in zip(rows, chosen, predicted, strict=True):
        item = verdict_input(d, ch)
        from qe_desktop.nlp.demands import asked_kind

        kind = verdict.demand_kind(d.text, asked_kind(d.text))
        counts[kind, d.gold_verdict, guess if item is not None else "no"] += 1
    for kind in verdict.DEMAND_KINDS:
        cells = {(g, p): n for (k, g, p), n in counts.items() if k == kind}
        if not cells:
            continue
        total = sum(cells.values())
        right = sum(n for (g, p), n in cells.items() if g == p)
        wrong = ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(cells.items()) if g != p)
        gold = Counter(g for (g, _), n in cells.items() for _ in range(n))
        print(f"  {kind:<9} {right:>3}/{total:<3} right (gold {dict(gold)}); errors: {wrong or '-'}")
