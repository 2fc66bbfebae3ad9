"""Several assistants on one library: no lost edits, who wrote what, changes noticed.

Each test runs on SQLite and on PostgreSQL; each client is a separate Services on its
own connection pool, as two windows on two computers would be.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime

import pytest

from qe_desktop.domain.annotation import AnnotationRecord, CommitmentStatus, Part
from qe_desktop.services.annotations import AnnotationFilter, AnnotationService, ConflictError
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.storage.types import utcnow
from tests.conftest import SEED

QUOTE = "l'ensemble des ministères présenteront d'ici juin 2025"


@pytest.fixture
def team(any_location: str) -> Iterator[tuple[Services, Services]]:
    """Anne and Bruno, each with their own connection to the same library."""
    anne = Services.build(open_library(any_location), "anne")
    bruno = Services.build(open_library(any_location), "bruno")
    yield anne, bruno
    anne.database.close()
    bruno.database.close()


def _seed(services: Services) -> str:
    return services.importing.import_paths([SEED]).keys[0]


def _highlight(services: Services, key: str, note: str = "") -> AnnotationRecord:
    answer = services.questions.detail(key).record.answer_text or ""
    start = answer.index(QUOTE)
    return services.annotations.create(
        key, Part.ANSWER, start, start + len(QUOTE), "engagement", note=note
    )


def test_two_clients_editing_one_annotation_the_second_is_refused_and_nothing_lost(
    team: tuple[Services, Services],
) -> None:
    anne, bruno = team
    key = _seed(anne)
    created = _highlight(anne, key)
    anne_copy = anne.annotations.get(created.id)
    bruno_copy = bruno.annotations.get(created.id)

    saved = anne.annotations.update(dataclasses.replace(anne_copy, note="Anne : à relancer"))
    with pytest.raises(ConflictError) as conflict:
        bruno.annotations.update(dataclasses.replace(bruno_copy, note="Bruno : tenu"))

    current = conflict.value.current
    assert isinstance(current, AnnotationRecord)
    assert current.note == "Anne : à relancer"  # Bruno sees Anne's version...
    assert bruno.annotations.get(created.id).note == "Anne : à relancer"  # ...which is kept
    # Bruno chooses to keep both texts: his save, based on the current version, goes through.
    merged = dataclasses.replace(current, note="Anne : à relancer\nBruno : tenu")
    assert bruno.annotations.update(merged).version == saved.version + 1
    assert anne.annotations.get(created.id).note == "Anne : à relancer\nBruno : tenu"


def test_two_clients_writing_the_first_question_note_the_second_is_refused(
    team: tuple[Services, Services],
) -> None:
    anne, bruno = team
    key = _seed(anne)
    assert anne.annotations.question_note(key) == ("", 0)
    anne.annotations.save_question_note(key, "Note d'Anne", 0)
    with pytest.raises(ConflictError) as conflict:
        bruno.annotations.save_question_note(key, "Note de Bruno", 0)
    assert conflict.value.current == "Note d'Anne"
    assert bruno.annotations.question_note(key) == ("Note d'Anne", 1)


@pytest.mark.postgres
def test_a_colleague_saving_between_check_and_write_is_a_conflict_not_a_crash(
    pg_url: str,
) -> None:
    """PostgreSQL lets both transactions read version 1; the row version stops the second."""
    anne = Services.build(open_library(pg_url), "anne")
    key = _seed(anne)
    created = _highlight(anne, key)
    bruno_copy = anne.annotations.get(created.id)

    def bruno_saves_meanwhile() -> datetime:
        bruno = Services.build(open_library(pg_url), "bruno")
        bruno.annotations.update(dataclasses.replace(bruno_copy, note="Bruno d'abord"))
        bruno.database.close()
        return utcnow()

    # Anne's clock is read inside her write transaction, after the version check.
    racing = AnnotationService(anne.database, lambda: "anne", clock=bruno_saves_meanwhile)
    with pytest.raises(ConflictError) as conflict:
        racing.update(dataclasses.replace(created, note="Anne ensuite"))
    assert isinstance(conflict.value.current, AnnotationRecord)
    assert conflict.value.current.note == "Bruno d'abord"
    assert anne.annotations.get(created.id).note == "Bruno d'abord"
    anne.database.close()


def test_filter_mine_everyone_or_one_colleague(team: tuple[Services, Services]) -> None:
    anne, bruno = team
    key = _seed(anne)
    mine = _highlight(anne, key, note="par Anne")
    theirs = bruno.annotations.create(key, Part.ANSWER, 0, 20, "chiffre", note="par Bruno")

    assert anne.annotations.creators() == ["anne", "bruno"]
    only_mine = anne.annotations.search(AnnotationFilter(creator=anne.user))
    everyone = anne.annotations.search(AnnotationFilter())
    colleague = anne.annotations.search(AnnotationFilter(creator="bruno"))
    assert [r.id for r in only_mine] == [mine.id]
    assert {r.id for r in everyone} == {mine.id, theirs.id}
    assert [r.id for r in colleague] == [theirs.id]
    assert anne.annotations.get(theirs.id).creator == "bruno"


def test_deleted_annotations_do_not_keep_a_colleague_in_the_filter(
    team: tuple[Services, Services],
) -> None:
    anne, bruno = team
    key = _seed(anne)
    theirs = bruno.annotations.create(key, Part.ANSWER, 0, 20, "chiffre")
    bruno.annotations.delete(theirs.id, theirs.version)
    assert anne.annotations.creators() == []


def test_status_changes_carry_their_author(team: tuple[Services, Services]) -> None:
    anne, bruno = team
    key = _seed(anne)
    created = _highlight(anne, key)
    changed = bruno.commitments.change_status(
        created.id, CommitmentStatus.KEPT, "feuille de route publiée", "", created.version
    )
    assert changed.commitment is not None
    assert [c.author for c in changed.commitment.history][-1] == "bruno"


def test_colleagues_changes_move_the_data_version(team: tuple[Services, Services]) -> None:
    anne, bruno = team
    key = _seed(anne)
    seen = anne.changes.data_version()
    assert anne.changes.data_version() == seen  # nothing happened, nothing to reload

    created = _highlight(bruno, key)
    after_create = anne.changes.data_version()
    assert after_create != seen

    bruno.annotations.update(dataclasses.replace(created, note="modifiée"))
    after_edit = anne.changes.data_version()
    assert after_edit != after_create

    bruno.annotations.save_question_note(key, "note", 0)
    after_note = anne.changes.data_version()
    assert after_note != after_edit
    assert after_note.last_change is not None

    bruno.annotations.delete(created.id, created.version + 1)
    assert anne.changes.data_version() != after_note
