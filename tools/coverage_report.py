"""What `train_coverage.py` prints: the data's make-up, evidence and verdict figures by protocol,
and the verdict confusion by kind of demand."""

from __future__ import annotations

from collections import Counter
from typing import Any

import coverage_cv as cv
import numpy as np

from qe_desktop.nlp import verdict
from qe_desktop.nlp.demands import asked_kind


def header(
    set_name: str,
    names: list[str],
    rows: list[Any],
    y: np.ndarray,
    files: np.ndarray,
    groups: dict[str, np.ndarray],
) -> None:
    """Pairs, demands, cited sentences, and how the held-out protocols group them."""
    print(
        f"{set_name}: {len(names)} pairs, {len(rows)} found demands, {len(y)} (demand, sentence) "
        f"pairs, {int(y.sum())} cited ({y.mean():.0%}); protocols: {cv.SHUFFLES} shuffles of "
        f"{cv.FOLDS} folds grouped by pair, leave one chamber out, leave one period out"
        + (", fitted on the old pairs and scored on the new (--since)" if "since" in groups else "")
    )
    for protocol in groups:
        of_file = dict(zip(files.tolist(), groups[protocol].tolist(), strict=True))
        pairs = Counter(of_file.values())
        demands = Counter(of_file[d.file] for d in rows)
        cells = ", ".join(f"{k} {pairs[k]} pairs/{demands[k]} demands" for k in sorted(demands))
        print(f"  {protocol}: {cells}")


def evidence_table(configs: dict[str, tuple[Any, ...]]) -> None:
    """Evidence precision / recall / F1 of each configuration (C, params, scores) by protocol."""
    print("evidence (cues, C; threshold, also, floor, near, top_k, relative, opening, passage):")
    for label, (fs, c, params, scores) in configs.items():
        cells = "  ".join(
            f"{p}: P={v[0]:.2f} R={v[1]:.2f} F1={v[2]:.2f}" for p, v in scores.items()
        )
        print(f"  {label:<9} {fs} C={c} {params}\n            {cells}")


def pareto(results: list[Any]) -> None:
    """The best F1 (both CV kinds) at each precision floor: what fewer sentences cost."""
    cells = []
    for floor in (0.72, 0.74, 0.76, 0.78, 0.80):
        above = [r for r in results if r[1] >= floor]
        if above:
            f1, precision, fs, c, params, _ = max(above, key=lambda r: r[0])
            cells.append(f"P>={floor:.2f}: F1 {f1:.3f} (P {precision:.3f}, {fs}, C={c}, {params})")
    print("  evidence precision floors (mean of shuffled and held-out):")
    for cell in cells:
        print(f"    {cell}")


def verdict_line(label: str, c: float, acc: dict[str, Any]) -> None:
    """Verdict accuracy on found demands under each protocol (on dev pairs / retired test pairs)."""
    cells = "  ".join(f"{p} {v[0]:.3f} ({v[2]:.2f}/{v[3]:.2f})" for p, v in acc.items())
    print(f"  verdict {label:<16} C={c:<5} {cells}")


def confusion(protocol: str, rows: list[Any], predicted: list[str]) -> None:
    """Verdict errors (first run of `protocol`) by kind of demand: gold -> predicted."""
    print(f"verdict confusion, {protocol} (gold->predicted):")
    counts: Counter[tuple[str, str, str]] = Counter()
    for d, guess in zip(rows, predicted, strict=True):
        if guess != "-":
            counts[verdict.demand_kind(d.text, asked_kind(d.text)), d.gold_verdict, guess] += 1
    for kind in verdict.DEMAND_KINDS:
        cells = {(g, p): n for (k, g, p), n in counts.items() if k == kind}
        if not cells:
            continue
        total = sum(cells.values())
        right = sum(n for (g, p), n in cells.items() if g == p)
        wrong = ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(cells.items()) if g != p)
        gold = Counter(g for (g, _), n in cells.items() for _ in range(n))
        print(f"  {kind:<9} {right:>3}/{total:<3} (gold {dict(gold)}); errors: {wrong or '-'}")
