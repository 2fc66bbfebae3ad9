"""A prepared question's row is what SQLAlchemy itself would store, and comes back whole."""

from __future__ import annotations

import pickle
import sqlite3
from datetime import date
from pathlib import Path

from qe_desktop.domain.question import Author, Chamber, Closing, ClosingKind, QuestionRecord
from qe_desktop.storage.bulk import insert_new
from qe_desktop.storage.database import Database
from qe_desktop.storage.prepared import prepare
from qe_desktop.storage.questions import upsert_question

RECORD = QuestionRecord(
    chamber=Chamber.AN,
    question_text="Sur les écoles rurales.\nSecond paragraphe.",
    uid="QANR5L17QE42",
    legislature=17,
    number="42",
    title="Écoles",
    author=Author(name="Mme Jeanne Martin", ref="PA1"),
    ministry_asked="Éducation",
    published_on=date(2024, 3, 5),
    answered_on=date(2024, 6, 1),
    answer_text="Le ministre répond.",
    closing=Closing(ClosingKind.OTHER, "Clôture", date(2024, 6, 1)),
    renewed_on=(date(2024, 5, 2),),
    source="QANR5L17QE42.json",
)
_COMPARED = "SELECT * FROM questions"


def _row(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        row = dict(connection.execute(_COMPARED).fetchone())
        types = connection.execute(
            "SELECT typeof(published_on), typeof(answered), typeof(imported_at) FROM questions"
        ).fetchone()
    connection.close()
    row.pop("id")
    row.pop("imported_at")
    row["types"] = tuple(types)
    return row


def test_a_bulk_row_is_stored_as_the_orm_stores_it(tmp_path: Path) -> None:
    bulk, orm = Database(tmp_path / "bulk.sqlite").open(), Database(tmp_path / "orm.sqlite").open()
    with bulk.write() as session:
        insert_new(session, [pickle.loads(pickle.dumps(prepare(RECORD)))])
    with orm.write() as session:
        upsert_question(session, RECORD)
    bulk.close()
    orm.close()
    assert _row(tmp_path / "bulk.sqlite") == _row(tmp_path / "orm.sqlite")
    assert _row(tmp_path / "bulk.sqlite")["types"] == ("text", "integer", "text")


def test_a_prepared_question_gives_its_record_back_after_a_pickle() -> None:
    prepared = pickle.loads(pickle.dumps(prepare(RECORD)))
    assert prepared.record == RECORD
    assert prepared.values["published_on"] == date(2024, 3, 5)
    assert prepared.values["answered"] is True
    assert prepared.content_hash == RECORD.content_hash
    assert (prepared.uid, prepared.chamber, prepared.key) == ("QANR5L17QE42", "an", RECORD.key)


def test_the_prepared_columns_are_the_tables_without_id_and_import_time() -> None:
    """`storage/prepared.py` spells the columns out (no SQLAlchemy in the reading process)."""
    from sqlalchemy import Boolean, Date

    from qe_desktop.storage.models import Question
    from qe_desktop.storage.prepared import BOOLEANS, COLUMNS, DATES

    table = Question.__table__.c
    assert tuple(c.name for c in table if c.name not in ("id", "imported_at")) == COLUMNS
    assert {c.name for c in table if isinstance(c.type, Date)} == DATES
    assert {c.name for c in table if isinstance(c.type, Boolean)} == BOOLEANS


def test_preparing_loads_no_sqlalchemy() -> None:
    """The reading process starts before SQLAlchemy loads, and never needs it."""
    import subprocess
    import sys

    code = (
        "import sys, qe_desktop.services.import_reading, qe_desktop.services.read_in_process;"
        "sys.exit(any(m.startswith('sqlalchemy') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_prepared_row_is_what_record_values_gives_in_column_order() -> None:
    """`prepare` builds its row itself (#25); an update writes `record_values`: the same values."""
    from qe_desktop.domain.question import question_key
    from qe_desktop.importers.dispatch import iter_records
    from qe_desktop.storage.mapping import record_values
    from qe_desktop.storage.prepared import COLUMNS, sql_value

    root = Path(__file__).resolve().parents[2]
    folders = ["resources/samples", "tests/data/importers/an_json", "tests/data/importers/an_xml"]
    folders.append("tests/data/importers/senat_text")
    read = [r for r in iter_records([root / f for f in folders]) if isinstance(r, QuestionRecord)]
    records = [RECORD, *read]
    assert len(records) > 30
    assert {r.closing.kind for r in records if r.closing} == set(ClosingKind)
    assert any(r.renewed_on for r in records) and any(r.signaled_on for r in records)
    for record in records:
        values = record_values(record)
        values.update(key=question_key(record), notes_text="", annotation_count=0)
        assert prepare(record).row == tuple(sql_value(values[name]) for name in COLUMNS)
