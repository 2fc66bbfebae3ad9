"""The command line starts a large import's reading process before the library opens:
the library it leaves is the one the ordinary path leaves, row for row."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.services import import_start
from qe_desktop.services.importing import ImportService
from qe_desktop.services.library import open_library
from qe_desktop.storage.deputies import upsert_deputy

_TABLES = {
    "questions": "SELECT * FROM questions ORDER BY key",
    "text_versions": "SELECT q.key, v.part, v.text, v.text_hash, v.source, v.state "
    "FROM text_versions v JOIN questions q ON q.id = v.question_id ORDER BY q.key, v.part",
    "import_entries": "SELECT * FROM import_entries ORDER BY archive, entry",
}
_WORDS = ("ministre", "école", "santé", "agriculture", "réponse")
# Written at the time of the import, or the id of such a row: never equal twice.
_MOMENTS = {"id", "imported_at", "started_at", "finished_at", "created_at", "updated_at"}
_FTS_SHADOWS = ("question_search_",)


def library_rows(db: Path) -> dict[str, object]:
    """Every row of every table (ids and times aside; the full-text index's own tables
    through what searches find), the schema, and the search results in bm25 order."""
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        held: dict[str, object] = {}
        for table, query in _TABLES.items():
            rows = [dict(row) for row in connection.execute(query)]
            for row in rows:
                row.pop("id", None)
                row.pop("imported_at", None)
            held[table] = rows
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if name not in _TABLES and name != "question_search"
            and not name.startswith(_FTS_SHADOWS)
        ]  # fmt: skip
        for table in names:
            rows = [
                {k: row[k] for k in row.keys() if k not in _MOMENTS}  # noqa: SIM118
                for row in connection.execute(f'SELECT * FROM "{table}"')
            ]
            held[table] = sorted(rows, key=repr)
        held["schema"] = connection.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
        held["journal"] = connection.execute("PRAGMA journal_mode").fetchone()[0]
        for word in _WORDS:
            held[word] = connection.execute(
                "SELECT q.key FROM question_search s JOIN questions q ON q.id = s.rowid "
                "WHERE question_search MATCH ? ORDER BY bm25(question_search), q.key",
                (word,),
            ).fetchall()
    connection.close()
    return {
        k: [tuple(r) if isinstance(r, sqlite3.Row) else r for r in v] if isinstance(v, list) else v
        for k, v in held.items()
    }


_library = library_rows


def _cli_import(db: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    """`qe-desktop import` as a user runs it: a fresh process (the reader forked early)."""
    command = [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


def test_the_early_reader_leaves_the_library_the_ordinary_path_leaves(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=11)
    early = _cli_import(tmp_path / "early.sqlite", corpus)
    assert early.returncode == 0, early.stderr
    assert "600 importée(s)" in early.stdout
    database = open_library(tmp_path / "ordinary.sqlite")
    report = ImportService(database, process_min_items=10**9).import_paths([corpus])
    database.close()
    assert report.imported == 600
    assert _library(tmp_path / "early.sqlite") == _library(tmp_path / "ordinary.sqlite")

    again = _cli_import(tmp_path / "early.sqlite", corpus)  # the entries are known: skipped
    assert again.returncode == 0, again.stderr
    assert "0 importée(s), 0 mise(s) à jour, 600 inchangée(s)" in again.stdout


def test_it_starts_only_for_a_large_import_into_a_sqlite_library(tmp_path: Path) -> None:
    small = write_corpus(tmp_path / "petit.zip", 20, seed=3)
    large = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=3)
    db = tmp_path / "lib.sqlite"
    assert import_start.start_reading([small], str(db)) is None
    assert import_start.start_reading([large], "postgresql://serveur/base") is None
    started = import_start.start_reading([large], str(db))  # a new library: nothing known
    assert started is not None
    assert started.entries == {} and started.total == 600
    started.close()


def test_a_library_holding_deputies_leaves_the_reader_to_the_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names are filled in while reading: the service's own reader gets the deputies."""
    large = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=3)
    db = tmp_path / "lib.sqlite"
    database = open_library(db)
    with database.write() as session:
        upsert_deputy(session, DeputyRecord("PA1", first_name="Jeanne", last_name="Martin"))
    database.close()
    assert import_start.start_reading([large], str(db)) is None


def test_a_started_reading_for_other_paths_is_closed_and_not_used(tmp_path: Path) -> None:
    one = write_corpus(tmp_path / "un.zip", 600, seed=3)
    other = write_corpus(tmp_path / "autre.zip", 30, seed=5)
    started = import_start.start_reading([one], str(tmp_path / "lib.sqlite"))
    assert started is not None
    database = open_library(tmp_path / "lib.sqlite")
    report = ImportService(database).import_paths([other], started=started)
    database.close()
    assert report.imported == 30
    with pytest.raises(StopIteration):
        next(iter(started.reads))


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--db", "lib.sqlite", "import", "a.zip", "b"], ("lib.sqlite", ["a.zip", "b"])),
        (["--db=lib.sqlite", "import", "a.zip"], ("lib.sqlite", ["a.zip"])),
        (["import", "a.zip"], (None, ["a.zip"])),
        (["--db", "import", "import", "a.zip"], ("import", ["a.zip"])),
        (["import"], None),  # the command line explains
        (["import", "--help"], None),
        (["import", "a.zip", "-x"], None),
        (["--db", "-lib", "import", "a.zip"], None),
        (["--version", "import", "a.zip"], None),
        (["annotations", "import", "notes.json"], None),
        (["search", "import"], None),
    ],
)
def test_only_the_plain_import_command_forks_its_reader_first(
    argv: list[str], expected: tuple[str | None, list[str]] | None
) -> None:
    assert import_start._import_arguments(argv) == expected


def test_the_reader_forked_first_is_the_one_the_command_uses(tmp_path: Path) -> None:
    large = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=3)
    db = tmp_path / "lib.sqlite"
    import_start.start_early(["--db", str(db), "import", str(large)])
    started = import_start.take_early([large], str(db))
    assert started is not None and started.total == 600
    assert import_start.take_early([large], str(db)) is None  # taken once
    started.close()

    import_start.start_early(["--db", str(db), "import", str(large)])
    assert import_start.take_early([large], str(tmp_path / "autre.sqlite")) is None  # closed
    assert import_start._early is None


def test_the_writing_process_of_a_first_load_loads_no_parser(tmp_path: Path) -> None:
    """The reader, forked first thing, parses; the writer only unpickles what it sends."""
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=11)
    script = (
        "import sys; from qe_desktop.__main__ import main; code = main(); "
        "print(sorted(m for m in ('lxml', 'qe_desktop.importers.dispatch', "
        "'qe_desktop.services.import_reading') if m in sys.modules), code)"
    )
    argv = ["--db=" + str(tmp_path / "new.sqlite"), "import", str(corpus)]
    done = subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "600 importée(s)" in done.stdout
    assert done.stdout.strip().endswith("[] 0")
