"""A first load writes a Sénat question as new only when `find_existing` would find no
earlier question of the import for it: in the chunk being filled or in the file."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qe_desktop.domain.question import Author, Chamber, QuestionRecord
from qe_desktop.importers.dispatch import parse_item
from qe_desktop.importers.sources import SourceItem
from qe_desktop.services.first_load_identity import FirstLoadIdentities
from qe_desktop.storage.bulk_sql import write_new_chunk
from qe_desktop.storage.prepared import PreparedQuestion, prepare
from qe_desktop.storage.schema_snapshot import create_from_snapshot

SENAT_PAGE = Path(__file__).parents[1] / "data/importers/senat_html/with_answer/input.html"


def _read_page() -> QuestionRecord:
    record = next(iter(parse_item(SourceItem(name="p.html", data=SENAT_PAGE.read_bytes()))))
    assert isinstance(record, QuestionRecord)
    return record


PAGE = _read_page()
OTHER_DAY = date(2024, 5, 2)


def _senat(number: str, url: str | None = None, **changes: Any) -> PreparedQuestion:
    """The page's question under another number and address (no uid: keys differ)."""
    return prepare(dataclasses.replace(PAGE, uid=None, number=number, url=url, **changes))


@pytest.fixture
def connection(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(tmp_path / "lib.sqlite", isolation_level=None)
    create_from_snapshot(connection)
    yield connection
    connection.close()


def _commit(connection: sqlite3.Connection, *questions: PreparedQuestion) -> None:
    connection.execute("BEGIN")
    write_new_chunk(connection, questions, "2026-12-07 22:00:00.000000")
    connection.execute("COMMIT")


@pytest.mark.parametrize("committed", [False, True], ids=["chunk being filled", "in the file"])
def test_what_find_existing_would_match_is_not_new(
    connection: sqlite3.Connection, committed: bool
) -> None:
    matches = FirstLoadIdentities(connection)
    first = _senat("00100", "https://www.senat.fr/q/a.html")
    assert matches.senat_is_new(first, [])
    if committed:
        _commit(connection, first)
        matches.written()
    # the same senator's other question that day, on the same JO page: a new question
    assert matches.senat_is_new(_senat("00101"), [])
    assert not matches.senat_is_new(_senat("100"), [])  # same day and page, number without zeros
    assert not matches.senat_is_new(
        _senat("00102", "https://www.senat.fr/q/a.html", published_on=OTHER_DAY), []
    )
    renamed = _senat(
        "00100", author=Author(name="Autre NOM"), published_on=OTHER_DAY
    )  # the same number
    assert not matches.senat_is_new(renamed, [])
    other_type = _senat(
        "00100", qtype="QG", author=Author(name="Autre NOM"), published_on=OTHER_DAY
    )
    assert matches.senat_is_new(other_type, [])
    assert matches.senat_is_new(_senat("00103", question_page="9"), [])  # another page


def test_an_address_met_in_the_chunk_is_not_new_in_either_chamber(
    connection: sqlite3.Connection,
) -> None:
    matches = FirstLoadIdentities(connection)
    an = prepare(
        dataclasses.replace(
            PAGE, chamber=Chamber.AN, uid="QANR5L17QE1", number="1", url="https://an.fr/q1"
        )
    )
    assert matches.an_is_new(an)  # no Sénat question met yet: nothing kept
    assert matches.senat_is_new(_senat("00200", "https://www.senat.fr/q/b.html"), [an])
    assert not matches.senat_is_new(_senat("00201", "https://an.fr/q1", question_page="7"), [])
    twin = prepare(
        dataclasses.replace(an.record, uid="QANR5L17QE2", url="https://www.senat.fr/q/b.html")
    )
    assert not matches.an_is_new(twin)
    matches.written()
    assert matches.an_is_new(twin)  # from a later chunk the ordinary path looks nothing up
