"""Re-importing an archive: entries unchanged since their import are skipped unread."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from qe_desktop.services import import_reading
from qe_desktop.services.container import Services
from qe_desktop.services.importing import ImportService
from qe_desktop.storage.database import Database

ADDED = "Le ministre apporte les précisions suivantes."


def _corpus(path: Path, count: int = 40) -> Path:
    return write_corpus(path, count, seed=9)


def _rewrite(archive: Path, change: set[str] = frozenset(), broken: str = "") -> None:
    """The same archive, in place: answers of `change` (entry names) grow a paragraph,
    and `broken` (an entry name) becomes unreadable JSON."""
    with zipfile.ZipFile(archive) as old:
        entries = {name: old.read(name) for name in old.namelist()}
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in entries.items():
            if name in change:
                record = json.loads(data)
                answer = record["question"]["textesReponse"]["texteReponse"]
                answer["texte"] = f"<p>{ADDED}</p>" + answer["texte"]
                data = json.dumps(record, ensure_ascii=False).encode()
            if name == broken:
                data = b'{"question": {'
            new.writestr(name, data)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the inputs actually parsed (in this process)."""
    names: list[str] = []
    real = import_reading.parse_item

    def counting(item):  # type: ignore[no-untyped-def]
        names.append(item.name)
        return real(item)

    monkeypatch.setattr(import_reading, "parse_item", counting)
    return names


def _answered_entries(archive: Path, count: int) -> set[str]:
    """The names of the first `count` entries whose question has an answer."""
    with zipfile.ZipFile(archive) as zipped:
        names = sorted(zipped.namelist())
        answered = [n for n in names if json.loads(zipped.read(n))["question"]["textesReponse"]]
    return set(answered[:count])


def test_an_unchanged_archive_is_not_read_again(
    services: Services, tmp_path: Path, parsed: list[str]
) -> None:
    corpus = _corpus(tmp_path / "Questions_ecrites.json.zip")
    assert services.importing.import_paths([corpus]).imported == 40
    parsed.clear()

    again = services.importing.import_paths([corpus])

    assert (again.imported, again.updated, again.unchanged, again.failed) == (0, 0, 40, 0)
    assert parsed == []


def test_only_the_changed_entries_are_read_and_updated(
    services: Services, tmp_path: Path, parsed: list[str]
) -> None:
    corpus = _corpus(tmp_path / "Questions_ecrites.json.zip")
    services.importing.import_paths([corpus])
    changed = _answered_entries(corpus, 2)
    _rewrite(corpus, change=changed)
    parsed.clear()

    again = services.importing.import_paths([corpus])

    assert (again.imported, again.updated, again.unchanged) == (0, 2, 38)
    assert {name.rsplit("!", 1)[1] for name in parsed} == changed
    parsed.clear()
    assert services.importing.import_paths([corpus]).unchanged == 40  # remembered anew
    assert parsed == []


def test_an_entry_that_failed_is_read_again_next_time(
    services: Services, tmp_path: Path, parsed: list[str]
) -> None:
    corpus = _corpus(tmp_path / "Questions_ecrites.json.zip")
    with zipfile.ZipFile(corpus) as zipped:
        broken = sorted(zipped.namelist())[3]
    _rewrite(corpus, broken=broken)
    first = services.importing.import_paths([corpus])
    assert (first.imported, first.failed) == (39, 1)
    parsed.clear()

    again = services.importing.import_paths([corpus])

    assert (again.unchanged, again.failed) == (39, 1)
    assert [name.rsplit("!", 1)[1] for name in parsed] == [broken]


def test_reader_processes_skip_unchanged_entries_too(database: Database, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "Questions_ecrites.json.zip", count=30)
    importing = ImportService(database, process_min_items=1)
    assert importing.import_paths([corpus]).imported == 30
    _rewrite(corpus, change=_answered_entries(corpus, 1))

    again = importing.import_paths([corpus])

    assert (again.updated, again.unchanged, again.failed) == (1, 29, 0)


def test_an_unchanged_reimport_takes_no_backup(
    services: Services, db_path: Path, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path / "Questions_ecrites.json.zip", count=10)
    services.importing.import_paths([corpus])
    before = [b.path for b in services.backups.list() if b.reason == "avant-import"]

    services.importing.import_paths([corpus])

    after = [b.path for b in services.backups.list() if b.reason == "avant-import"]
    assert after == before
    with sqlite3.connect(db_path) as connection:
        stored = connection.execute("SELECT count(*), sum(questions) FROM import_entries")
        assert stored.fetchone() == (10, 10)
