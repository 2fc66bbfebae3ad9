"""Libraries from before migration 0008 get their texts as current versions on upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.text import text_hash
from qe_desktop.domain.text_versions import VersionState
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.storage.schema import alembic_config
from tests.conftest import SAMPLES


def test_the_texts_already_held_become_current_versions(db_path: Path) -> None:
    services = Services.build(open_library(db_path), "testeur")
    assert services.importing.import_paths([SAMPLES]).ok
    services.database.close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007_search_statistics")
    engine.dispose()
    with sqlite3.connect(db_path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        texts = connection.execute(
            "SELECT key, question_text, coalesce(answer_text, '') FROM questions"
        ).fetchall()
    connection.close()
    assert "text_versions" not in tables

    reopened = Services.build(open_library(db_path), "testeur")
    try:
        for key, question, answer in texts:
            versions = reopened.versions.versions(key)
            assert all(v.state is VersionState.CURRENT for v in versions)
            held = {(v.part, v.text, v.text_hash) for v in versions}
            expected = {(Part.QUESTION, question, text_hash(question))}
            if answer:
                expected.add((Part.ANSWER, answer, text_hash(answer)))
            assert held == expected
    finally:
        reopened.database.close()
