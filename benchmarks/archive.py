"""`make bench-archive`: a whole archive (default 1,000,000 questions) in one library.

Several legislatures of both chambers from the same generator as `make bench`: AN
open-data zips (15th, 16th, 17th) and zips of Sénat pages (16th, 17th), one fifth of
the questions each. The project imports them all in one command; the fastest floor
(`benchmarks/floor.py`) loads the same files. Then the library in use: file size,
search p95 over the 50 queries, the window (first rows, filters, sort, opening).
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from benchmarks.corpus import write_corpus, write_senat_corpus
from benchmarks.floor import floor_import
from benchmarks.run import ROOT, Row, _fresh, _run_cli, bench_search, bench_window, render

PARTS = (("an", 15), ("an", 16), ("an", 17), ("senat", 16), ("senat", 17))


def archive_corpus(count: int, workdir: Path) -> list[Path]:
    """The five zips of the archive (cached in `workdir`)."""
    workdir.mkdir(parents=True, exist_ok=True)
    share = count // len(PARTS)
    paths = []
    for seed, (chamber, legislature) in enumerate(PARTS, start=1):
        path = workdir / f"archive-{chamber}-{legislature}-{share}.zip"
        if not path.exists():
            partial = path.with_suffix(".part")
            writer = write_corpus if chamber == "an" else write_senat_corpus
            writer(partial, share, seed=seed, legislature=legislature)
            partial.rename(path)
        paths.append(path)
    return paths


def _a_question_key(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT key FROM questions WHERE answer_text IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
    connection.close()
    return str(row[0])


def run(count: int, workdir: Path) -> list[Row]:
    parts = archive_corpus(count, workdir)
    floor_db, project_db = workdir / "archive-floor.sqlite", workdir / "archive-project.sqlite"
    _fresh(floor_db, project_db)
    for stale in (workdir / "backups").glob("*") if (workdir / "backups").exists() else []:
        stale.unlink()
    bench_window(workdir / "warm-up.sqlite", workdir, runs=1)  # untimed: bytecode compiled
    floor_time = floor_import(parts, floor_db, fast=True)
    # `import` exits 1 when some entries fail (a few generated pages of a million do): the
    # run goes on, as a user's would; the failures are in the import's log.
    project_time, peak = _run_cli(project_db, workdir, "import", *map(str, parts), tolerated=(0, 1))
    rows = [
        Row(1, f"Import of {count:,}: / fastest floor", project_time, "s", 1.2, floor_time),
        Row(1, "Import: peak RSS", peak, "MB", 600),
        Row(1, "Library file size", project_db.stat().st_size / 1024**2, "MB", float("inf")),
    ]
    search_p95, _ = bench_search(project_db, floor_db)
    rows.append(search_p95)
    window = bench_window(project_db, workdir, _a_question_key(project_db), runs=1)
    rows.append(Row(3, "Window: first rows painted", window["first_rows_s"], "s", 1.0))
    rows.append(Row(3, "Window: sorting by date", window["sort_date_s"] * 1000, "ms", 300))
    rows.append(Row(4, "Filtering by ministry", window["filter_ministry_s"] * 1000, "ms", 100))
    rows.append(Row(4, "Filtering by status", window["filter_status_s"] * 1000, "ms", 100))
    rows.append(Row(5, "Opening a question", window["open_annotated_s"] * 1000, "ms", 100))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out-archive")
    args = parser.parse_args()
    print(render(run(args.count, args.workdir), args.count))


if __name__ == "__main__":
    main()
