"""`make bench`: the project against a standard-library floor, on a realistic corpus.

Every figure is measured in this run; ratios compare the project with the floor
(json + sqlite3 + FTS5 written with the standard library alone) on the same data.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import build_vocabulary, write_corpus
from benchmarks.floor import floor_search

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    number: int
    what: str
    value: float | None
    unit: str
    target: float
    floor: float | None = None

    @property
    def measured(self) -> float | None:
        if self.value is None:
            return None
        return self.value / self.floor if self.floor else self.value

    @property
    def ok(self) -> bool:
        return self.measured is not None and self.measured <= self.target  # inf: no target


def _python() -> str:
    return sys.executable


def _environment(workdir: Path) -> dict[str, str]:
    """The app's processes as a user runs them: headless here, with compiled bytecode.

    pip compiles an installed package's bytecode once; a sandbox that forbids writing
    it (PYTHONDONTWRITEBYTECODE) would make every start compile the whole app again.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(workdir / "bytecode"))
    return env


def _run_cli(
    db: Path, workdir: Path, *args: str, tolerated: tuple[int, ...] = (0,)
) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one command-line run (exit codes in `tolerated` pass)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [_python(), "-m", "qe_desktop", "--db", str(db), *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        env=_environment(workdir),
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in tolerated:
        raise subprocess.CalledProcessError(process.returncode, process.args)
    return elapsed, usage.ru_maxrss / 1024


def _run_floor(db: Path, workdir: Path, source: Path, fast: bool = True) -> tuple[float, float]:
    """Seconds and CPU seconds of a floor import in a fresh process, as the project is run:
    both pay the interpreter's start (a floor timed inside this warm process would not)."""
    before = _cpu(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [
            _python(),
            "-m",
            "benchmarks.floor",
            *([] if fast else ["--trigger"]),
            str(db),
            str(source),
        ],
        cwd=ROOT,
        check=True,
        env=_environment(workdir),
    )
    return time.perf_counter() - started, _cpu(resource.RUSAGE_CHILDREN) - before


def _queries(count: int = 50, seed: int = 11) -> list[str]:
    """One word, two words, a phrase, a rare word, an accented word, in turn."""
    rng = random.Random(seed)
    words = build_vocabulary().words
    common, middle, rare = words[20:300], words[300:3000], words[3000:20000]
    accented = [w for w in words[:5000] if any(ch in w for ch in "éèêàçôû")]
    makers = [
        lambda: rng.choice(middle),
        lambda: f"{rng.choice(common)} {rng.choice(middle)}",
        lambda: f'"{rng.choice(common)} {rng.choice(common)}"',
        lambda: rng.choice(rare),
        lambda: rng.choice(accented),
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def bench_search(project_db: Path, floor_db: Path) -> tuple[Row, Row]:
    from benchmarks.support import open_services
    from qe_desktop.storage.search import fts5_query, parse_terms

    services = open_services(project_db)
    connection = sqlite3.connect(floor_db)
    project_times, floor_times = [], []
    for query in _queries():
        floor_search(connection, fts5_query(parse_terms(query)))  # warm both caches alike
        services.questions.search(query)
        started = time.perf_counter()
        services.questions.search(query)
        project_times.append(time.perf_counter() - started)
        floor_times.append(floor_search(connection, fts5_query(parse_terms(query))))
    connection.close()
    services.database.close()
    p95, floor_p95 = _p95(project_times) * 1000, _p95(floor_times) * 1000
    return (
        Row(2, "Full-text search, 50 queries: p95", p95, "ms", 50),
        Row(2, "Full-text search: p95 / raw FTS5 p95", p95, "ms", 1.3, floor_p95),
    )


def bench_annotations(project_db: Path, workdir: Path, questions: int) -> tuple[Row, str]:
    """100 annotations on each of `questions` answers, then a re-import changing those answers."""
    from benchmarks.support import annotate_bulk, changed_answers_zip, open_services

    services = open_services(project_db)
    keys = annotate_bulk(services, questions=questions, per_question=100, heavy_key_annotations=300)
    services.database.close()
    changed = changed_answers_zip(project_db, keys[1:], workdir / "changed.zip")
    services = open_services(project_db)
    started = time.perf_counter()
    report = services.importing.import_paths([changed])
    elapsed = time.perf_counter() - started
    services.database.close()
    assert report.updated == questions, report.summary()
    what = f"Re-anchoring {questions * 100:,} annotations after re-import"
    return Row(5, what, elapsed, "s", 5 * questions / 100), keys[0]


def bench_window(db: Path, workdir: Path, key: str = "", runs: int = 3) -> dict[str, float]:
    """The window probe run `runs` times in fresh processes; the median of each figure."""
    settings = workdir / f"settings-{db.stem}.ini"
    figures: dict[str, list[float]] = {}
    for _ in range(runs):
        settings.unlink(missing_ok=True)
        launched = repr(time.monotonic())  # the probe counts from here, interpreter included
        output = subprocess.run(
            [_python(), "-m", "benchmarks.window_probe", str(db), str(settings), key, launched],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            env=_environment(workdir),
        ).stdout
        for name, value in json.loads(output.strip().splitlines()[-1]).items():
            figures.setdefault(name, []).append(float(value))
    return {name: statistics.median(values) for name, values in figures.items()}


SETUP: dict[str, float] = {}  # untimed preparation, reported under the table


def prepare_fingerprints(db: Path) -> float:
    """Near-duplicate fingerprints, as a library in use has them (the window would
    otherwise compute them in the background while being measured)."""
    from benchmarks.support import open_services

    services = open_services(db)
    started = time.perf_counter()
    services.insights.refresh_fingerprints()
    elapsed = time.perf_counter() - started
    services.database.close()
    return elapsed


def corpus_files(count: int, workdir: Path) -> tuple[Path, Path]:
    """The zip of `count` questions and the same files loose in a folder (both cached)."""
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / f"Questions_ecrites-{count}.json.zip"
    if not corpus.exists():
        write_corpus(corpus, count)
    loose = workdir / f"loose-{count}"
    if not (loose / ".complete").exists():
        shutil.rmtree(loose, ignore_errors=True)
        with zipfile.ZipFile(corpus) as archive:
            archive.extractall(loose)
        (loose / ".complete").touch()
    return corpus, loose


def _fresh(*dbs: Path) -> None:
    for db in dbs:
        for stale in db.parent.glob(db.name + "*"):
            stale.unlink()


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def bench_import(
    count: int, workdir: Path, repeats: int = 1, trigger: bool = True
) -> tuple[list[Row], dict[str, Path]]:
    """Each form (zip, loose files): the fastest floor, the project, the trigger floor, in
    turn (interleaved, `repeats` times, medians). Returns the rows and the databases kept.

    Every one runs in a fresh process, interpreter start included. CPU seconds (user +
    system, the project's reader processes included) are reported beside the
    wall-clock times: on a loaded machine they move much less.
    """
    corpus, loose = corpus_files(count, workdir)
    rows: list[Row] = []
    kept: dict[str, Path] = {}
    for form, source in (("one zip", corpus), ("loose files", loose)):
        tag = "zip" if source == corpus else "loose"
        fast_db = workdir / f"floor-fast-{count}-{tag}.sqlite"
        trigger_db = workdir / f"floor-trigger-{count}-{tag}.sqlite"
        project_db = workdir / f"project-{count}-{tag}.sqlite"
        fast, project, triggered, peaks, fast_cpu, project_cpu = [], [], [], [], [], []
        for _ in range(repeats):
            _fresh(fast_db, trigger_db, project_db)
            floor_wall, floor_cpu = _run_floor(fast_db, workdir, source)
            fast.append(floor_wall)
            fast_cpu.append(floor_cpu)
            before = _cpu(resource.RUSAGE_CHILDREN)
            elapsed, peak = _run_cli(project_db, workdir, "import", str(source))
            project_cpu.append(_cpu(resource.RUSAGE_CHILDREN) - before)
            project.append(elapsed)
            peaks.append(peak)
            if trigger:
                triggered.append(_run_floor(trigger_db, workdir, source, fast=False)[0])
        what = f"Import of {count:,}, {form}"
        median = statistics.median
        rows.append(Row(1, f"{what}: / fastest floor", median(project), "s", 1.2, median(fast)))
        rows.append(
            Row(
                1, f"{what}: CPU / fastest floor's", median(project_cpu), "s", 1.2, median(fast_cpu)
            )
        )
        if trigger:
            rows.append(
                Row(1, f"{what}: / trigger floor", median(project), "s", 1.2, median(triggered))
            )
        rows.append(Row(1, f"{what}: peak RSS", max(peaks), "MB", 600))
        kept[f"project-{tag}"], kept[f"floor-{tag}"] = project_db, fast_db
    return rows, kept


def bench_unchanged(count: int, workdir: Path, db: Path) -> Row:
    """Re-importing the same legislature: nothing changed, nothing written."""
    corpus, _ = corpus_files(count, workdir)
    elapsed, _ = _run_cli(db, workdir, "import", str(corpus))
    return Row(1, f"Re-import of the same {count:,} (unchanged)", elapsed, "s", 0.25 * count / 1000)


def bench_cli(db: Path, workdir: Path, key: str, runs: int = 5) -> list[Row]:
    """`search`, `list`, `show` from the launch of the process to its exit (medians)."""
    commands = {
        "search": ("search", "santé publique", "--limit", "20"),
        "list": ("list", "--status", "overdue"),
        "show": ("show", key),
    }
    rows = []
    for name, args in commands.items():
        _run_cli(db, workdir, *args)  # untimed: file pages in the system cache, as in use
        times = [_run_cli(db, workdir, *args)[0] for _ in range(runs)]
        rows.append(
            Row(7, f"Command line: `{name}` in all", statistics.median(times) * 1000, "ms", 300)
        )
    return rows


def run(
    count: int,
    workdir: Path,
    window_runs: int = 3,
    sizes: tuple[int, ...] = (),
    repeats: int = 1,
) -> list[Row]:
    """Import rows for every size in `sizes` (and `count`); the other figures at `count`."""
    workdir.mkdir(parents=True, exist_ok=True)
    for stale in workdir.glob("*.sqlite*"):
        stale.unlink()
    for stale in (workdir / "backups").glob("*") if (workdir / "backups").exists() else []:
        stale.unlink()
    warm_up = workdir / "warm-up.sqlite"
    bench_window(warm_up, workdir, runs=1)  # untimed: bytecode compiled, as after an installation
    rows: list[Row] = []
    for size in sorted({*sizes, count}):
        size_rows, kept = bench_import(size, workdir, repeats)
        rows.extend(size_rows)
    project_db, floor_db = kept["project-zip"], kept["floor-zip"]
    rows.append(bench_unchanged(count, workdir, project_db))
    rows.extend(bench_search(project_db, floor_db))
    reanchor_row, heavy_key = bench_annotations(project_db, workdir, min(100, count // 20))
    rows.extend(bench_cli(project_db, workdir, heavy_key))
    SETUP["fingerprints_s"] = prepare_fingerprints(project_db)
    window = bench_window(project_db, workdir, heavy_key, runs=window_runs)
    rows.append(Row(3, "Window: first rows painted", window["first_rows_s"], "s", 0.7))
    rows.append(Row(3, "Window: RSS", window["rss_mb"], "MB", 300))
    rows.append(Row(3, "Window: scrolling to the end", window["scroll_end_s"] * 1000, "ms", 300))
    rows.append(Row(3, "Window: sorting by date", window["sort_date_s"] * 1000, "ms", 300))
    rows.append(Row(4, "Filtering by ministry", window["filter_ministry_s"] * 1000, "ms", 100))
    rows.append(Row(4, "Filtering by status", window["filter_status_s"] * 1000, "ms", 100))
    rows.append(
        Row(
            5,
            "Opening a question with 300 annotations",
            window["open_annotated_s"] * 1000,
            "ms",
            70,
        )
    )
    rows.append(reanchor_row)
    empty = workdir / "empty.sqlite"
    cold = bench_window(empty, workdir, runs=window_runs)
    rows.append(Row(6, "Cold start on an empty library", cold["first_rows_s"], "s", 1.5))
    return rows


def imports_only(count: int, workdir: Path, sizes: tuple[int, ...], repeats: int) -> list[Row]:
    """Section 1 alone: every size against the fastest floor, then an unchanged re-import."""
    workdir.mkdir(parents=True, exist_ok=True)
    bench_window(workdir / "warm-up.sqlite", workdir, runs=1)  # bytecode compiled, untimed
    rows: list[Row] = []
    for size in sorted({*sizes, count}):
        size_rows, kept = bench_import(size, workdir, repeats, trigger=False)
        rows.extend(size_rows)
    rows.append(bench_unchanged(count, workdir, kept["project-zip"]))
    return rows


def render(rows: list[Row], count: int) -> str:
    lines = [
        f"qe-desktop benchmark — {count:,} questions — {platform.platform()}, "
        f"{os.cpu_count()} CPU, Python {platform.python_version()}",
        "",
        "| # | What is measured | Project | Floor | Ratio | Target | Met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        value = "—" if row.value is None else f"{row.value:,.2f} {row.unit}"
        floor = f"{row.floor:,.2f} {row.unit}" if row.floor else ""
        ratio = f"{row.measured:.2f}" if row.floor and row.measured is not None else ""
        unit = "" if row.floor else f" {row.unit}"
        target = "—" if row.target == float("inf") else f"≤ {row.target:g}{unit}"
        lines.append(
            f"| {row.number} | {row.what} | {value} | {floor} | {ratio} | {target} | "
            f"{'yes' if row.ok else 'NO'} |"
        )
    lines.append("")
    lines.append(
        "Ratios (1): the project's time over the floor's, measured in turn in the same run. "
        "Window figures (3 to 6): the median over fresh processes (3 in `make bench`); "
        "in each, every action is timed 5 times and its median kept. Start-up is counted "
        "from the process launch."
    )
    if SETUP:
        lines.append("")
        lines.extend(f"Untimed preparation: {name} = {value:,.1f}" for name, value in SETUP.items())
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--sizes", default="2000,20000", help="smaller sizes, imports only")
    parser.add_argument("--repeats", type=int, default=1, help="interleaved import runs")
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument(
        "--imports-only",
        action="store_true",
        help="import rows only (fastest floor, no trigger floor) and the unchanged re-import",
    )
    args = parser.parse_args()
    sizes = tuple(int(size) for size in args.sizes.split(",") if size)
    if args.imports_only:
        print(render(imports_only(args.count, args.workdir, sizes, args.repeats), args.count))
        return
    rows = run(args.count, args.workdir, sizes=sizes, repeats=args.repeats)
    from benchmarks.veille import veille_rows  # the Veille's rows (issue #21)

    rows += veille_rows(args.count, args.workdir)
    from benchmarks.annotations_view import annotation_rows  # issue #24

    rows += annotation_rows(args.workdir)
    print(render(rows, args.count))


if __name__ == "__main__":
    main()
