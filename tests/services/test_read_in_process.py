"""Large imports parse their files in a child process: same results, failures and Cancel."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from qe_desktop.services.container import Services
from qe_desktop.services.importing import ImportService
from qe_desktop.services.library import open_library
from qe_desktop.services.read_in_process import read_in_process


def _corpus(tmp_path: Path, count: int = 40) -> Path:
    return write_corpus(tmp_path / "Questions_ecrites.json.zip", count, seed=9)


def _with_a_broken_entry(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(name, old.read(name))
        new.writestr("json/QANR5L16QE99999.json", b'{"question": {"uid": ')
    return target


def _stored(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT key, content_hash, author_name FROM questions ORDER BY key"
        ).fetchall()
    connection.close()
    return rows


def test_the_process_reader_stores_what_the_thread_reader_stores(tmp_path: Path) -> None:
    corpus = _with_a_broken_entry(_corpus(tmp_path), tmp_path / "avec-erreur.zip")
    reports, stored = [], []
    for name, least in (("fil", 10**9), ("processus", 1)):
        db = tmp_path / f"{name}.sqlite"
        database = open_library(db)
        report = ImportService(database, process_min_items=least).import_paths([corpus])
        database.close()
        reports.append(report)
        stored.append(_stored(db))
    by_thread, by_process = reports
    assert by_process.imported == by_thread.imported == 40
    assert by_process.failures == by_thread.failures  # named, with the reason, both ways
    assert "QANR5L16QE99999.json" in by_process.failures[0].source
    assert stored[0] == stored[1]


def test_cancel_stops_the_reading_process(services: Services, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, count=300)
    importing = ImportService(services.database, process_min_items=1)
    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 5

    report = importing.import_paths(
        [corpus], progress=lambda done, total, name: seen.append(done), cancelled=cancelled
    )
    assert report.cancelled
    assert report.imported < 300
    assert not multiprocessing.active_children()


def test_the_consumer_stopping_early_terminates_the_child(tmp_path: Path) -> None:
    reads = read_in_process([_corpus(tmp_path, count=200)], {}, batch=5)
    first = next(reads)
    assert first is not None
    reads.close()
    assert not multiprocessing.active_children()


def test_an_empty_folder_ends_at_once(tmp_path: Path) -> None:
    empty = tmp_path / "vide"
    empty.mkdir()
    assert list(read_in_process([empty], {})) == []


PARENT = """
import multiprocessing, sys, time
from pathlib import Path
from qe_desktop.services.read_in_process import read_in_process

if __name__ == "__main__":
    reads = read_in_process([Path(sys.argv[1])], {}, batch=int(sys.argv[2]))
    next(reads)
    print(multiprocessing.active_children()[0].pid, flush=True)
    time.sleep(120)
"""


def _ended(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")  # exited, waiting to be reaped by init


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize(
    ("count", "batch"),
    [
        (200, 1),  # the child waits for room in the queue
        (40, 20),  # the child has put everything and waits for the pipe to drain
    ],
)
def test_the_reader_ends_when_the_importing_process_is_killed(
    tmp_path: Path, count: int, batch: int
) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen(
        [sys.executable, str(script), str(_corpus(tmp_path, count=count)), str(batch)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 20
    while not _ended(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    ended = _ended(child)
    if not ended:
        os.kill(child, signal.SIGKILL)
    assert ended, "the reading process outlived the import"


def test_several_readers_hand_over_exactly_what_one_reader_reads(tmp_path: Path) -> None:
    from qe_desktop.importers.sources import iter_sources
    from qe_desktop.services.import_reading import read_inputs

    corpus = _with_a_broken_entry(_corpus(tmp_path, count=45), tmp_path / "avec-erreur.zip")

    def comparable(reads: object) -> list[object]:  # exceptions never compare equal
        return [(type(r), str(r)) if isinstance(r, Exception) else r for r in reads]  # type: ignore[attr-defined]

    alone = comparable(read_inputs(iter_sources([corpus]), {}))
    assert len(alone) == 2 * 46 and isinstance(alone[1], tuple)  # the broken entry comes first
    for readers, batch in ((2, 7), (3, 4), (1, 200)):
        assert comparable(read_in_process([corpus], {}, batch=batch, readers=readers)) == alone
