"""SIGKILL in the middle of real work: the library opens, passes its checks, loses nothing saved."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from tests.conftest import SEED

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
CORPUS_SIZE = 2_500


def _count(db: Path, table: str = "questions") -> int:
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _checks(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # the full-text index agrees with its content table
        connection.execute(
            "INSERT INTO question_search(question_search) VALUES ('integrity-check')"
        )
        half_written = connection.execute(
            "SELECT count(*) FROM questions WHERE key IS NULL OR content_hash = ''"
        ).fetchone()[0]
        assert half_written == 0


class _FinishedFirst(AssertionError):
    """The process ended before the moment it was to be killed."""


def _kill_when(
    process: subprocess.Popen[bytes], ready, timeout: float = 120, poll: float = 0.05
) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if process.poll() is not None:
            raise _FinishedFirst(f"finished before the kill: {process.stderr.read()!r}")  # type: ignore[union-attr]
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("the work never reached the point of the kill")
        time.sleep(poll)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def _cli(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _import(db: Path, corpus: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", str(corpus)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_kill_during_a_large_import_then_reimport_completes_without_duplicates(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", CORPUS_SIZE, seed=7)
    db = tmp_path / "kill.sqlite"
    process = _cli(db, "import", str(corpus))
    _kill_when(process, lambda: 0 < _count(db) < CORPUS_SIZE)
    survived = _count(db)
    assert 0 < survived < CORPUS_SIZE
    _checks(db)

    done = _import(db, corpus)
    assert done.returncode == 0, done.stderr
    assert _count(db) == CORPUS_SIZE
    with sqlite3.connect(db) as connection:
        duplicates = connection.execute(
            "SELECT count(*) FROM (SELECT uid FROM questions GROUP BY uid HAVING count(*) > 1)"
        ).fetchone()[0]
    assert duplicates == 0
    _checks(db)


ANNOTATING = textwrap.dedent(
    """
    import sys
    from qe_desktop.domain.annotation import Part
    from qe_desktop.services.container import Services
    from qe_desktop.services.library import open_library

    services = Services.build(open_library(sys.argv[1]), "robot")
    key = sys.argv[2]
    text = services.questions.detail(key).record.answer_text
    for i in range(100_000):
        start = (i * 7) % (len(text) - 30)
        record = services.annotations.create(key, Part.ANSWER, start, start + 25, "chiffre",
                                             note=f"note {i}")
        print(record.id, flush=True)
    """
)


def test_kill_during_annotation_saves_keeps_every_saved_annotation(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", str(SEED)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    with sqlite3.connect(db) as connection:
        key = connection.execute("SELECT key FROM questions").fetchone()[0]
    script = tmp_path / "annotate.py"
    script.write_text(ANNOTATING, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), str(db), key],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    saved: list[str] = []
    assert process.stdout is not None
    while len(saved) < 40:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(process.stderr.read() if process.stderr else "no output")  # type: ignore[union-attr]
        saved.append(line.decode().strip())
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    _checks(db)
    with sqlite3.connect(db) as connection:
        present = {row[0] for row in connection.execute("SELECT id FROM annotations")}
    assert set(saved) <= present


def _multiply_annotations(db: Path, copies: int) -> None:
    """Clone the library's one annotation `copies` times (a large export in seconds)."""
    columns = (
        'question_id, part, exact, prefix, suffix, start, "end", text_hash, category, note, '
        "creator, created, modified, anchor_state, previous_exact, deleted, version"
    )
    with sqlite3.connect(db) as connection:
        row = connection.execute(f"SELECT {columns} FROM annotations").fetchone()
        connection.executemany(
            f"INSERT INTO annotations (id, {columns}) VALUES ({', '.join('?' * 18)})",
            ((str(uuid.uuid4()), *row) for _ in range(copies)),
        )


def test_kill_during_an_export_leaves_no_half_file_and_a_sound_library(tmp_path: Path) -> None:
    """Killed while the new file is being written: the old file stays, whole and unchanged."""
    db = tmp_path / "export.sqlite"
    subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", str(SEED)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    with sqlite3.connect(db) as connection:
        key = connection.execute("SELECT key FROM questions").fetchone()[0]
    _annotate_with_services(db, key, tmp_path)
    out = tmp_path / "partage.jsonld"
    assert _cli(db, "annotations", "export", "-o", str(out)).wait(timeout=120) == 0
    before = out.read_bytes()
    assert len(json.loads(before)["first"]["items"]) == 1
    copies = 20_000
    for _attempt in range(4):
        _multiply_annotations(db, copies)
        process = _cli(db, "annotations", "export", "-o", str(out))
        writing = lambda: any(p.suffix == ".tmp" for p in tmp_path.iterdir())  # noqa: E731
        try:
            _kill_when(process, writing, poll=0.002)
            break
        except _FinishedFirst:
            before = out.read_bytes()  # a whole new export: the next, larger one is killed
            copies *= 2
    else:
        raise AssertionError("the export always finished before it could be killed")
    process.wait(timeout=30)
    assert out.read_bytes() == before  # the old file, byte for byte, never a half-new one
    json.loads(out.read_text(encoding="utf-8"))
    _checks(db)


def _annotate_with_services(db: Path, key: str, tmp_path: Path) -> None:
    """One annotation, made through the services as the window makes it."""
    script = tmp_path / "one.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            from qe_desktop.domain.annotation import Part
            from qe_desktop.services.container import Services
            from qe_desktop.services.library import open_library

            services = Services.build(open_library(sys.argv[1]), "robot")
            services.annotations.create(sys.argv[2], Part.ANSWER, 0, 20, "chiffre")
            """
        ),
        encoding="utf-8",
    )
    subprocess.run([sys.executable, str(script), str(db), key], cwd=ROOT, check=True, timeout=120)


def test_a_killed_first_load_is_completed_by_the_ordinary_path_as_if_never_killed(
    tmp_path: Path,
) -> None:
    """`qe-desktop import` into a new file writes with sqlite3 alone (`direct_load`): killed
    between chunks, the library opens through the services, and a re-import leaves what
    one ordinary import leaves (its history aside: the killed run never finished)."""
    from qe_desktop.services.importing import ImportService
    from qe_desktop.services.library import open_library
    from tests.services.test_import_start import library_rows

    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", CORPUS_SIZE, seed=9)
    db = tmp_path / "kill.sqlite"
    _kill_when(_cli(db, "import", str(corpus)), lambda: 0 < _count(db) < CORPUS_SIZE)
    survived = _count(db)
    assert 0 < survived < CORPUS_SIZE
    _checks(db)
    assert _count(db, "import_log") == 0
    with sqlite3.connect(db) as connection:  # entries only with all their questions
        marked = connection.execute("SELECT sum(questions) FROM import_entries").fetchone()[0]
    assert (marked or 0) <= survived
    open_library(db).close()  # the ordinary path opens it as it is

    done = _import(db, corpus)
    assert done.returncode == 0, done.stderr
    _checks(db)
    ordinary = tmp_path / "ordinary.sqlite"
    database = open_library(ordinary)
    ImportService(database, process_min_items=10**9).import_paths([corpus])
    database.close()
    resumed, whole = library_rows(db), library_rows(ordinary)
    for held in (resumed, whole):
        held.pop("import_log")
    assert resumed == whole


def test_a_first_load_killed_inside_a_chunk_is_rolled_back_from_its_journal(
    tmp_path: Path,
) -> None:
    """The first load writes its chunks under a rollback journal: killed in the middle of
    one, with pages of it already in the file, the next opening rolls it back whole."""
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 300, seed=12)
    db = tmp_path / "new.sqlite"
    script = tmp_path / "killed.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, signal, sqlite3, sys
            from pathlib import Path
            from qe_desktop.importers.sources import iter_sources
            from qe_desktop.services import direct_load
            from qe_desktop.services.import_reading import read_inputs
            from qe_desktop.storage.bulk_sql import write_new_chunk
            from qe_desktop.storage.prepared import PreparedQuestion

            db, corpus = sys.argv[1], Path(sys.argv[2])
            rows = [r for r in read_inputs(iter_sources([corpus]), {})
                    if isinstance(r, PreparedQuestion)]
            connection = sqlite3.connect(db, isolation_level=None)
            assert direct_load._create(connection)
            connection.execute("BEGIN IMMEDIATE")
            write_new_chunk(connection, rows[:100], "2026-12-07 21:00:00.000000")
            connection.execute("COMMIT")
            connection.execute("PRAGMA cache_size = 5")  # pages go to the file before COMMIT
            connection.execute("BEGIN IMMEDIATE")
            write_new_chunk(connection, rows[100:], "2026-12-07 21:00:00.000000")
            assert os.path.exists(db + "-journal")
            os.kill(os.getpid(), signal.SIGKILL)
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script), str(db), str(corpus)], cwd=ROOT, check=False, timeout=120
    )
    assert done.returncode == -signal.SIGKILL
    assert Path(f"{db}-journal").exists()  # a hot journal: the chunk half in the file
    assert _count(db) == 100  # rolled back by the first connection to read it
    _checks(db)
    from qe_desktop.services.library import open_library

    open_library(db).close()  # the ordinary path opens it, in WAL mode
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.close()
