"""The storage mappings' field tables: every field of a record stored and read back.

The same-named fields travel through one table each way (`storage/mapping.py`), so mypy's
missing-argument check no longer sees them: these tests do it instead.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.domain.question import Author, Chamber, Closing, ClosingKind, QuestionRecord
from qe_desktop.services.library import open_library
from qe_desktop.storage import import_log, mapping
from qe_desktop.storage.import_log import ImportEntry
from qe_desktop.storage.models import Deputy, ImportLog, Question

BUILT_BY_HAND = {
    "chamber",
    "question_text",
    "themes",
    "author",
    "closing",
    "renewed_on",
    "source",
}


def _every_field_set() -> QuestionRecord:
    day = date(2025, 3, 4)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(QuestionRecord):
        if f.name in BUILT_BY_HAND:
            continue
        values[f.name] = day if f.name.endswith("_on") else f"{f.name} value"
    values["legislature"] = 17
    return QuestionRecord(
        chamber=Chamber.SENAT,
        question_text="Question.",
        themes=("Santé", "Travail"),
        author=Author("Mme Herzog", "Mme", "Moselle", "UC", "PA1"),
        closing=Closing(ClosingKind.WITHDRAWN, "retirée", date(2025, 9, 1)),
        renewed_on=(date(2025, 6, 1), date(2025, 7, 1)),
        source="file.zip",
        **values,
    )


def test_the_table_and_the_hand_built_fields_are_the_whole_record() -> None:
    names = {f.name for f in dataclasses.fields(QuestionRecord)}
    table = set(mapping._FIELDS_FROM_RECORD)
    assert not table & BUILT_BY_HAND
    assert table | BUILT_BY_HAND == names
    assert table <= set(Question.__table__.columns.keys())


def test_a_record_stored_and_read_back_is_the_same() -> None:
    record = _every_field_set()
    row = cast("Question", SimpleNamespace(**mapping.record_values(record)))
    assert mapping.record_from_row(row) == record


def test_the_author_columns_are_the_whole_author() -> None:
    assert set(mapping.AUTHOR_COLUMNS) == {f.name for f in dataclasses.fields(Author)}
    assert set(mapping.AUTHOR_COLUMNS.values()) <= set(Question.__table__.columns.keys())


def test_a_deputy_stored_and_read_back_is_the_same() -> None:
    names = {f.name for f in dataclasses.fields(DeputyRecord)}
    assert set(mapping.DEPUTY_FIELDS) | {"ref", "group", "group_abbrev"} == names
    assert set(mapping.DEPUTY_FIELDS) <= set(Deputy.__table__.columns.keys())
    deputy = DeputyRecord("PA1", *(f"{name} value" for name in mapping.DEPUTY_FIELDS), "G", "g")
    row = SimpleNamespace(ref="PA1", **{n: getattr(deputy, n) for n in mapping.DEPUTY_FIELDS})
    assert mapping.deputy_from_row(row, "G", "g") == deputy


def test_an_import_entry_stored_and_read_back_is_the_same(tmp_path: Path) -> None:
    names = {f.name for f in dataclasses.fields(ImportEntry)}
    assert set(import_log.SAME_FIELDS) | {"id", "sources", "failures"} == names
    assert set(import_log.SAME_FIELDS) <= set(ImportLog.__table__.columns.keys())
    at = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    entry = ImportEntry(
        0,
        at,
        at + timedelta(seconds=3),
        ("a.zip", "b.csv"),
        1,
        2,
        3,
        4,
        5,
        (("b.csv", "why"),),
        True,
    )
    database = open_library(tmp_path / "log.sqlite")
    with database.write() as session:
        import_log.record_import(session, entry)
    with database.read() as session:
        [read] = import_log.recent_imports(session)
    database.close()
    assert read == dataclasses.replace(entry, id=read.id)
