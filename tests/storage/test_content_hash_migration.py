"""Migration 0015 recomputes the stored content hashes: a re-import still finds nothing changed."""

from __future__ import annotations

from alembic import command

from qe_desktop.domain.question import QuestionRecord, record_hash, text_digest
from qe_desktop.domain.text import text_hash
from qe_desktop.importers.dispatch import iter_records
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.storage.schema import alembic_config
from tests.conftest import SAMPLES


def _hashes(services: Services) -> dict[str, str]:
    with services.database.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT key, content_hash FROM questions").all()
    return {str(key): str(digest) for key, digest in rows}


def test_a_downgraded_library_gets_the_new_hashes_back_and_reimports_unchanged(
    any_location: str,
) -> None:
    """On both dialects: down to 0014 (the former hashes), up again (these hashes)."""
    services = Services.build(open_library(any_location), "testeur")
    first = services.importing.import_paths([SAMPLES])
    assert first.ok and first.imported
    current = _hashes(services)
    with services.database.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0014_import_speed")
    old = _hashes(services)
    services.database.close()
    assert old.keys() == current.keys()
    assert all(old[key] != current[key] for key in current)  # the former formula's

    reopened = Services.build(open_library(any_location), "testeur")  # migrates to head
    try:
        assert _hashes(reopened) == current
        again = reopened.importing.import_paths([SAMPLES])
        assert again.imported == again.updated == 0
        assert again.unchanged == first.imported + first.updated
    finally:
        reopened.database.close()


def test_the_texts_enter_the_hash_by_their_stored_digests() -> None:
    record = next(r for r in iter_records([SAMPLES]) if isinstance(r, QuestionRecord))
    assert text_digest(record.question_text) == text_hash(record.question_text)
    assert text_digest(None) == text_hash("")
    digests = (text_digest(record.question_text), text_digest(record.answer_text))
    assert record.content_hash == record_hash(record, *digests)
    assert record.content_hash != record_hash(record, digests[0], text_digest("autre"))
