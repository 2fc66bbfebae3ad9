"""The first load of a new library on sqlite3 alone leaves the ordinary path's library,
and leaves every other case to the ordinary path."""

from __future__ import annotations

import argparse
import io
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus, write_senat_corpus
from qe_desktop.cli.direct_import import import_new_library
from qe_desktop.services import direct_load, import_start
from qe_desktop.services.importing import ImportService
from qe_desktop.services.library import open_library
from qe_desktop.storage import bulk
from qe_desktop.storage.bulk_sql import sqlite_stamp
from qe_desktop.storage.models import Question
from tests.services.test_import_start import library_rows

SENAT_PAGE = Path(__file__).parents[1] / "data/importers/senat_html/with_answer/input.html"
AMO = Path(__file__).parents[1] / "data/importers/amo"


def _direct(db: Path, *paths: Path) -> tuple[int | None, str, argparse.Namespace]:
    """`import_new_library` in this process, as `app.main` calls it."""
    started = import_start.start_reading(list(paths), str(db))
    assert started is not None
    args = argparse.Namespace(paths=list(paths), started_reading=started)
    out, err = io.StringIO(), io.StringIO()
    code = import_new_library(args, str(db), started, out, err)
    if code is None:
        started.close()
    return code, out.getvalue(), args


def _ordinary(db: Path, *paths: Path) -> None:
    database = open_library(db)
    ImportService(database, process_min_items=10**9).import_paths(list(paths))
    database.close()


def _cli_import(db: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


def test_a_first_load_leaves_the_library_the_ordinary_path_leaves(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 1_200, seed=5)
    code, out, _ = _direct(tmp_path / "direct.sqlite", corpus)
    assert code == 0
    assert "1200 importée(s)" in out
    _ordinary(tmp_path / "ordinary.sqlite", corpus)
    direct, ordinary = (
        library_rows(tmp_path / "direct.sqlite"),
        library_rows(tmp_path / "ordinary.sqlite"),
    )
    assert direct["import_log"] and direct["sqlite_stat1"]  # history line and statistics
    assert direct == ordinary
    assert not Path(f"{tmp_path / 'direct.sqlite'}-wal").exists()  # checkpointed and closed

    again = _cli_import(tmp_path / "direct.sqlite", corpus)  # the ordinary path, entries known
    assert again.returncode == 0, again.stderr
    assert "0 importée(s), 0 mise(s) à jour, 1200 inchangée(s)" in again.stdout
    again = _cli_import(tmp_path / "direct.sqlite", write_corpus(tmp_path / "x.zip", 1_200, 5))
    assert "0 importée(s), 0 mise(s) à jour, 1200 inchangée(s)" in again.stdout  # read, hashed


def _same_library(db: Path, other: Path) -> dict[str, object]:
    """`library_rows` of both, which must agree; the statistics of the import-time index
    aside (the ordinary path stamps each Sénat question it looked up at its own write:
    more distinct times, as ids and times are, never equal twice).
    """
    held, expected = library_rows(db), library_rows(other)
    for rows in (held, expected):
        rows["sqlite_stat1"] = [
            row
            for row in rows["sqlite_stat1"]  # type: ignore[attr-defined]
            if row["idx"] != "ix_questions_imported_at"
        ]
    assert held == expected
    return held


def test_sénat_pages_and_open_data_together_are_loaded_directly(tmp_path: Path) -> None:
    an = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=5)
    senat = write_senat_corpus(tmp_path / "senat-17.zip", 900, seed=3, legislature=17)
    page = Path(shutil.copy(SENAT_PAGE, tmp_path / "page.html"))
    inputs = (an, senat, page)
    db = tmp_path / "direct.sqlite"
    code, out, _ = _direct(db, *inputs)
    assert code == 0, out
    assert "1501 importée(s)" in out
    _ordinary(tmp_path / "ordinary.sqlite", *inputs)
    _same_library(db, tmp_path / "ordinary.sqlite")
    with sqlite3.connect(db) as connection:  # a senator asks several questions on one day
        (senat,) = connection.execute(
            "SELECT count(*) FROM questions WHERE chamber = 'senat'"
        ).fetchone()
        (alike,) = connection.execute(
            "SELECT count(*) FROM (SELECT 1 FROM questions WHERE chamber = 'senat' "
            "GROUP BY author_name, published_on HAVING count(*) > 1)"
        ).fetchone()
    connection.close()
    assert senat == 901 and alike > 10
    again = _cli_import(db, *inputs)
    assert again.returncode == 0, again.stderr
    assert "0 importée(s), 0 mise(s) à jour, 1501 inchangée(s)" in again.stdout


def test_sénat_pages_alone_are_loaded_directly(tmp_path: Path) -> None:
    senat = write_senat_corpus(tmp_path / "senat-16.zip", 700, seed=4, legislature=16)
    code, out, _ = _direct(tmp_path / "direct.sqlite", senat)
    assert code == 0 and "700 importée(s)" in out
    _ordinary(tmp_path / "ordinary.sqlite", senat)
    _same_library(tmp_path / "direct.sqlite", tmp_path / "ordinary.sqlite")


@pytest.mark.parametrize("later", [False, True], ids=["same chunk", "a later chunk"])
def test_a_sénat_question_an_earlier_one_is_leaves_the_import_to_the_ordinary_path(
    tmp_path: Path, later: bool
) -> None:
    """Another legislature's number, but the same senator, day, JO page and number:
    `find_existing` takes it for the first one (an update), from the chunk being filled
    or from the rows committed before it.
    """
    corpus = write_senat_corpus(tmp_path / "corpus.zip", 600, seed=6)
    senat = tmp_path / "senat-17.zip"
    with zipfile.ZipFile(corpus) as source, zipfile.ZipFile(senat, "w") as target:
        names = source.namelist()
        first = source.read(names[0]).decode("utf-8")
        assert " - 17e législature" in first.splitlines()[0]
        twin = first.replace(" - 17e législature", " - 16e législature", 1)
        for name in names:
            target.writestr(name, source.read(name))
        # entries are read in the order of their names: right after the first, or last
        target.writestr("senat/q17-999999.txt" if later else "senat/q17-000001b.txt", twin)
    db = tmp_path / "direct.sqlite"
    code, _, _ = _direct(db, senat)
    assert code is None and not db.exists()
    assert _cli_import(db, senat).returncode == 0
    _ordinary(tmp_path / "ordinary.sqlite", senat)
    held = _same_library(db, tmp_path / "ordinary.sqlite")
    assert len(held["questions"]) == 600  # type: ignore[arg-type]  # one question, updated


def test_a_deputies_file_is_left_to_the_ordinary_path_by_its_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=5)
    amo = tmp_path / "AMO10_deputes_actifs_mandats_actifs_organes.json.zip"
    with zipfile.ZipFile(amo, "w") as archive:
        for path in sorted(AMO.glob("*.json")):
            folder = "acteur" if path.name.startswith("PA") else "organe"
            archive.writestr(f"json/{folder}/{path.name}", path.read_bytes())
    db = tmp_path / "direct.sqlite"

    def loads_nothing_twice(*_: object) -> None:
        raise AssertionError("decided from the names: the AN part is not written, then redone")

    monkeypatch.setattr("qe_desktop.cli.direct_import.load_new_library", loads_nothing_twice)
    code, _, args = _direct(db, amo, corpus)
    assert code is None and args.started_reading is not None  # its reader serves the services
    assert not db.exists()
    monkeypatch.undo()
    done = _cli_import(db, amo, corpus)
    assert done.returncode == 0, done.stderr
    _ordinary(tmp_path / "ordinary.sqlite", amo, corpus)
    assert library_rows(db) == library_rows(tmp_path / "ordinary.sqlite")


def test_a_question_met_twice_leaves_the_import_to_the_ordinary_path(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "base.zip", 600, seed=8)
    twice = tmp_path / "Questions_ecrites.json.zip"
    with zipfile.ZipFile(corpus) as source, zipfile.ZipFile(twice, "w") as target:
        names = source.namelist()
        for name in names:
            target.writestr(name, source.read(name))
        target.writestr("json/copie.json", source.read(names[3]))  # the same question again
    db = tmp_path / "direct.sqlite"
    code, _, _ = _direct(db, twice)
    assert code is None and not db.exists()
    assert _cli_import(db, twice).returncode == 0
    _ordinary(tmp_path / "ordinary.sqlite", twice)
    assert library_rows(db) == library_rows(tmp_path / "ordinary.sqlite")


def test_only_a_new_file_at_the_snapshot_s_head_is_loaded_directly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "vide.sqlite"
    open_library(existing).close()  # an empty library the window created: ordinary path
    assert direct_load.new_library(str(existing)) is None
    assert direct_load.new_library("postgresql://serveur/base") is None
    assert direct_load.new_library(str(tmp_path / "neuve.sqlite")) == tmp_path / "neuve.sqlite"
    assert direct_load.snapshot_is_head()
    monkeypatch.setattr(direct_load, "snapshot_revision", lambda: "0014_import_speed")
    assert not direct_load.snapshot_is_head()  # a migration follows: Alembic must run
    assert direct_load.new_library(str(tmp_path / "neuve.sqlite")) is None


def test_the_command_loads_no_sqlalchemy_for_a_first_load(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=2)
    script = (
        "import sys; from qe_desktop import app; code = app.main(sys.argv[1:]); "
        "print('sqlalchemy' in sys.modules, code)"
    )
    db = tmp_path / "lib.sqlite"
    command = [sys.executable, "-c", script, "--db", str(db), "import", str(corpus)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert done.stdout.splitlines()[-1] == "False 0", done.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM questions").fetchone() == (600,)
    connection.close()


def test_shared_rules_agree() -> None:
    """The stamp written by sqlite3 is SQLAlchemy's; one statistics threshold."""
    moment = datetime(2026, 12, 7, 18, 5, 9, 12, tzinfo=UTC)
    column = Question.__table__.c.imported_at
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    assert processor is not None
    assert sqlite_stamp(moment) == processor(moment)
    assert direct_load.ANALYZE_AFTER == bulk.ANALYZE_AFTER


def test_a_new_library_in_a_folder_not_made_yet(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 600, seed=4)
    db = tmp_path / "pas" / "encore" / "lib.sqlite"
    code, out, _ = _direct(db, corpus)
    assert code == 0 and "600 importée(s)" in out
    open_library(db).close()  # the services open it as it is


def test_inputs_are_judged_by_their_names(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "an.zip", 5, seed=2)
    mixed = tmp_path / "mixed.zip"
    with zipfile.ZipFile(corpus) as source, zipfile.ZipFile(mixed, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("senat/q16-000001.txt", "Question écrite n° 1")
    folder = tmp_path / "loose"
    (folder / "json").mkdir(parents=True)
    (folder / "json" / "QANR5L17QE1.json").write_text("{}", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"")
    (folder / "page.html").write_text("<html></html>", encoding="utf-8")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 cut")
    page = Path(shutil.copy(SENAT_PAGE, tmp_path / "p.html"))
    assert direct_load.loadable_by_names([corpus, mixed, folder, page])
    assert not direct_load.loadable_by_names([broken])
    assert not direct_load.loadable_by_names([corpus, tmp_path / "." / "an.zip"])  # twice
    deputies = tmp_path / "deputes"
    deputies.mkdir()
    shutil.copy(AMO / "PA700001.json", deputies)
    assert not direct_load.loadable_by_names([corpus, deputies])
    assert not direct_load.loadable_by_names([tmp_path / "AMO10_deputes.json"])
