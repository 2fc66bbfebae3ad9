"""The command line's sqlite3 read path gives the records the services give (#25).

`storage/reader.py` repeats in plain SQL what `storage/questions.py` and its neighbours
say with SQLAlchemy (status rule, title, author, order, ranking, excerpts, numbers,
annotations, commitments, deputies): every difference would be a different output
of `qe-desktop list`, `search` or `show`.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from qe_desktop.domain.annotation import CommitmentStatus, Part
from qe_desktop.domain.deputy import DeputyRecord, OrganeRecord
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, QuestionNotFound, QuestionRow, Sort
from qe_desktop.services.container import Services
from qe_desktop.services.quick_read import QuickQuestions, quick_services
from qe_desktop.services.serialize import listing_line
from qe_desktop.storage.backups import make_backup
from qe_desktop.storage.deputies import upsert_deputy, upsert_organe
from qe_desktop.storage.reader import LibraryReader, ReaderUnavailable
from qe_desktop.storage.reader_sql import _LISTING_LINE, LISTING_SOURCE

QUERIES = [
    "intelligence artificielle",
    '"services publics"',
    "santé",
    "numérique -",
    "46830",
    "n° 46830",
    "QANR5L14QE46830",
    "S 03038",
    'NEAR( "ouvert *',
    "mot-introuvable-xyz",
    "",
]


def _annotated(services: Services) -> Services:
    """Annotations of every kind: tags, notes, a commitment with history, a tombstone."""
    keys = [row.key for row in services.questions.rows(QuestionFilter(), Sort("number"))]
    for n, key in enumerate(keys):
        detail = services.questions.detail(key)
        part = Part.ANSWER if detail.record.answer_text else Part.QUESTION
        text = detail.record.answer_text or detail.record.question_text
        for start in (0, 40):
            services.annotations.create(
                key, part, start, start + 30, "chiffre", note=f"note {n}", tags=("b", "a")
            )
        gone = services.annotations.create(key, Part.QUESTION, 5, 25, "important")
        services.annotations.delete(gone.id, gone.version)
        if part is Part.ANSWER and len(text) > 120:
            made = services.commitments.highlight(key, part, 60, 120, due=date(2026, 6, 30))
            services.commitments.change_status(
                made.id, CommitmentStatus.IN_PROGRESS, "relancé", "courrier", made.version
            )
        version = services.annotations.question_note(key)[1]
        services.annotations.save_question_note(key, f"Note libre {n}", version)
    return services


@pytest.fixture
def library(sample_services: Services) -> tuple[Services, LibraryReader]:
    services = _annotated(sample_services)
    key = services.questions.rows(QuestionFilter(chamber="an"), Sort("number"))[0].key
    with services.database.write() as session:  # its author known to the deputies file
        session.execute(text("UPDATE questions SET author_ref = 'PA1' WHERE key = :k"), {"k": key})
        upsert_organe(session, OrganeRecord("PO1", "GP", "Groupe Un", "G1"))
        upsert_deputy(session, DeputyRecord("PA1", "Mme", "Ada", "Lovelace", group_ref="PO1"))
    assert services.database.path is not None
    reader = LibraryReader.open(services.database.path)
    yield services, reader
    reader.close()


def _plain(rows: list[QuestionRow]) -> list[QuestionRow]:
    return [dataclasses.replace(row, coverage=None) for row in rows]  # coverage: never read


FILTERS = [
    QuestionFilter(),
    QuestionFilter(chamber="an"),
    QuestionFilter(chamber="senat"),
    *(QuestionFilter(statuses=frozenset({status})) for status in Status),
    QuestionFilter(statuses=frozenset({Status.OVERDUE, Status.PENDING}), chamber="senat"),
    QuestionFilter(text="intelligence"),
    QuestionFilter(text="intelligence", chamber="senat"),
    QuestionFilter(text='"de la"'),  # a phrase: newest first, no bm25 (#25)
    QuestionFilter(text='"de la" sécurité', chamber="an"),
]


@pytest.mark.parametrize("flt", FILTERS)
def test_rows_and_counts_match_the_service(
    library: tuple[Services, LibraryReader], flt: QuestionFilter
) -> None:
    services, reader = library
    today = date.today()
    quick = QuickQuestions(reader)
    assert quick.count(flt) == services.questions.count(flt) == reader.count(flt, today)
    for sort in (Sort("published_on", True), Sort("published_on"), Sort("rank")):
        for offset, limit in ((0, 200), (1, 2)):
            expected = services.questions.rows(flt, sort, offset=offset, limit=limit)
            assert _plain(quick.rows(flt, sort, offset, limit)) == _plain(expected), sort


@pytest.mark.parametrize("window", [10_000, 1])
@pytest.mark.parametrize("query", QUERIES)
def test_search_matches_the_service(
    library: tuple[Services, LibraryReader],
    query: str,
    window: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same results, within the ranked window (`search.RANK_WINDOW`) and past it."""
    from qe_desktop.storage import search

    monkeypatch.setattr(search, "RANK_WINDOW", window)
    services, reader = library
    quick = QuickQuestions(reader)
    for limit in (20, 1):
        assert _plain(quick.search(query, limit)) == _plain(services.questions.search(query, limit))
    assert quick.keys_by_number(query) == services.questions.keys_by_number(query)


def test_search_results_carry_excerpts(library: tuple[Services, LibraryReader]) -> None:
    _, reader = library
    found = QuickQuestions(reader).search("intelligence artificielle")
    assert found and all("[[" in row.snippet for row in found)


def test_every_question_in_full_matches_the_service(
    library: tuple[Services, LibraryReader],
) -> None:
    services, reader = library
    quick = QuickQuestions(reader)
    keys = [row.key for row in services.questions.rows(QuestionFilter(), Sort("number"))]
    assert len(keys) >= 10
    details = [quick.detail(key) for key in keys]
    assert details == [services.questions.detail(key) for key in keys]
    annotations = [a for d in details for a in d.annotations]
    assert any(a.commitment and a.commitment.history for a in annotations)
    assert all(a.tags == ("a", "b") for a in annotations if a.category == "chiffre")
    assert any(d.current_group == "Groupe Un (G1)" for d in details)
    assert all(d.note.startswith("Note libre") for d in details)
    with pytest.raises(QuestionNotFound):
        quick.detail("nope")


def _copy(services: Services, tmp_path: Path) -> Path:
    assert services.database.path is not None
    copy = tmp_path / "copie" / "bibliotheque.sqlite"
    copy.parent.mkdir()
    source = sqlite3.connect(services.database.path)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return copy


def test_the_light_path_needs_the_day_s_backup_and_a_schema_at_head(
    sample_services: Services, tmp_path: Path
) -> None:
    copy = _copy(sample_services, tmp_path)
    assert quick_services(str(copy)) is None  # no backup today: the services check and back up
    make_backup(copy, "quotidienne")
    light = quick_services(str(copy))
    assert light is not None
    assert light.questions.count(QuestionFilter()) == sample_services.questions.total()
    light.close()
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0007_search_statistics'")
    connection.close()
    assert quick_services(str(copy)) is None  # to migrate: the services do it
    with pytest.raises(ReaderUnavailable):
        LibraryReader.open(copy)
    assert quick_services("postgresql://qe@localhost/qe") is None
    assert quick_services(str(tmp_path / "absente.sqlite")) is None


@pytest.mark.parametrize("flt", FILTERS)
def test_listing_lines_made_in_sql_are_those_of_the_rows(
    library: tuple[Services, LibraryReader], flt: QuestionFilter
) -> None:
    """`qe-desktop list` prints lines SQLite makes (#25): byte for byte `listing_line`."""
    services, reader = library
    with services.database.write() as session:  # what the line format has to deal with
        session.execute(
            text(
                "UPDATE questions SET title = :t, author_name = '', published_on = NULL"
                " WHERE id = (SELECT min(id) FROM questions)"
            ),
            {"t": "Une ligne\net une autre, « guillemets » et accents : " + "é" * 80},
        )
        session.execute(
            text(
                "UPDATE questions SET title = '', rubrique = ''"
                " WHERE id = (SELECT max(id) FROM questions)"
            )
        )
    quick = QuickQuestions(reader)
    for sort in (Sort("published_on", True), Sort("published_on")):
        for limit in (1000, 2):
            expected = services.questions.listing(flt, sort, limit)
            assert quick.listing(flt, sort, limit) == expected, sort
            assert expected == [
                listing_line(r) for r in services.questions.rows(flt, sort, 0, limit)
            ]
    lines = quick.listing(QuestionFilter(), Sort("published_on"), 1000)
    assert any("\t—\t" in line and "Une ligne et une autre" in line for line in lines)
    assert all(line.count("\n") == 1 and line.endswith("\n") for line in lines)


@pytest.mark.parametrize("status", [None, *Status])
def test_listing_reads_the_listing_index_alone(
    library: tuple[Services, LibraryReader], status: Status | None
) -> None:
    """`list` reads its lines from `ix_questions_listing` (migration 0016, #25): the table
    only for a question with neither title nor rubrique, by its id."""
    _, reader = library
    flt = QuestionFilter(chamber="an", statuses=frozenset({status}) if status else frozenset())
    params = {"today": "2026-12-07", "title_chars": 70, "limit": -1, "chamber": "an"}
    where = reader._where(flt, params)
    sql = f"SELECT {_LISTING_LINE} FROM {LISTING_SOURCE}"
    sql += (" WHERE " + " AND ".join(where)) if where else ""
    plan = [row[3] for row in reader.connection.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert plan[0] == "SCAN questions USING COVERING INDEX ix_questions_listing", plan
    assert all("SCAN" not in step for step in plan[1:]), plan
