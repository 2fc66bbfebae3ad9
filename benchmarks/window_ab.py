"""The window probe on one library, two versions of the code in turn (A, B, A, B, …).

    python -m benchmarks.window_ab DB KEY A_DIR B_DIR [--rounds N] [--workdir DIR]

A_DIR and B_DIR are checkouts (or `git archive` exports) of the two commits; each probe runs
in a fresh process with that folder first on the path, so the two versions share the
library, the machine's load of the moment and this environment's dependencies. Interleaving
spreads a busy minute over both sides instead of charging it to one. Prints one JSON object:
every figure's median per side, with each run's figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.run import _environment


def probe(code: Path, db: Path, key: str, workdir: Path) -> dict[str, float]:
    """One window probe in a fresh process running the code under `code`."""
    settings = workdir / f"settings-{code.name}.ini"
    settings.unlink(missing_ok=True)
    env = _environment(workdir)
    env["PYTHONPATH"] = str(code)
    launched = repr(time.monotonic())
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.window_probe", str(db), str(settings), key, launched],
        cwd=code,
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    figures: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("key")
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("benchmarks/out-ab"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    sides = {"A": args.a.resolve(), "B": args.b.resolve()}
    for code in sides.values():  # untimed: bytecode compiled, as after an installation
        probe(code, args.db, args.key, args.workdir)
    runs: dict[str, list[dict[str, float]]] = {"A": [], "B": []}
    for round_ in range(args.rounds):
        order = ("A", "B") if round_ % 2 == 0 else ("B", "A")  # neither side always first
        for side in order:
            runs[side].append(probe(sides[side], args.db, args.key, args.workdir))
            print(side, json.dumps(runs[side][-1]), file=sys.stderr, flush=True)
    medians = {
        side: {name: statistics.median(run[name] for run in done) for name in done[0]}
        for side, done in runs.items()
    }
    print(json.dumps({"medians": medians, "runs": runs}, indent=1))


if __name__ == "__main__":
    main()
