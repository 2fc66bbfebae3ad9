"""Libraries from before migration 0006 get the `answered` flag their status now reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.storage.schema import alembic_config
from tests.conftest import SAMPLES


def test_answered_questions_stay_answered_after_the_upgrade(db_path: Path, tmp_path: Path) -> None:
    services = Services.build(open_library(db_path), "testeur")
    assert services.importing.import_paths([SAMPLES]).ok
    before = {
        row.key: row.status for row in services.questions.rows(QuestionFilter(), Sort(), 0, 500)
    }
    services.database.close()
    assert Status.ANSWERED in before.values() and set(before.values()) != {Status.ANSWERED}

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0005_text_fingerprints")
    engine.dispose()
    with sqlite3.connect(db_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(questions)")]
    connection.close()
    assert "answered" not in columns

    reopened = Services.build(open_library(db_path), "testeur")
    after = {
        row.key: row.status for row in reopened.questions.rows(QuestionFilter(), Sort(), 0, 500)
    }
    answered = reopened.questions.count(QuestionFilter(statuses=frozenset({Status.ANSWERED})))
    reopened.database.close()
    assert after == before
    assert answered == list(before.values()).count(Status.ANSWERED)
