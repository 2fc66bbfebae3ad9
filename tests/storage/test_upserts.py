"""Creating a tag a colleague is creating at the same moment is not an error."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from qe_desktop.storage.database import Database
from qe_desktop.storage.models import Category, Tag
from qe_desktop.storage.upserts import insert_missing


def test_inserting_an_existing_row_again_changes_nothing(any_database: Database) -> None:
    for _ in range(2):
        with any_database.write() as session:
            insert_missing(session, Tag, [{"name": "budget"}, {"name": "IA"}])
    with any_database.read() as session:
        assert sorted(session.scalars(select(Tag.name))) == ["IA", "budget"]
        assert session.scalar(select(func.count(Category.id))) == 5  # seeded once only


@pytest.mark.postgres
def test_a_tag_created_by_a_colleague_in_flight_is_simply_found(pg_database: Database) -> None:
    errors: list[BaseException] = []
    with pg_database.write() as anne:
        insert_missing(anne, Tag, [{"name": "budget"}])  # not committed yet

        def bruno() -> None:
            try:
                with pg_database.write() as session:  # waits for Anne's row lock
                    insert_missing(session, Tag, [{"name": "budget"}])
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        thread = threading.Thread(target=bruno)
        thread.start()
        thread.join(0.3)
        assert thread.is_alive()  # blocked on Anne's uncommitted insert, not failed
    thread.join(10)
    assert not thread.is_alive() and errors == []
    with pg_database.read() as session:
        assert list(session.scalars(select(Tag.name))) == ["budget"]
