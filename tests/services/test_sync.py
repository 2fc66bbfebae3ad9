"""Offline library <-> team library: both ways, rules of DESIGN §7, idempotent, conflicts told.

The local library is a SQLite file; the other side runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from qe_desktop.domain.annotation import AnnotationRecord, CommitmentStatus, Part
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.services.sync import SyncError
from qe_desktop.services.sync_report import SyncReport
from qe_desktop.storage.sync import all_annotations
from tests.conftest import SAMPLES, SEED

QUOTE = "l'ensemble des ministères présenteront d'ici juin 2025"
EVERYTHING = (QuestionFilter(), Sort("published_on"))


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Services]:
    services = Services.build(open_library(tmp_path / "portable.sqlite"), "anne")
    yield services
    services.database.close()


@pytest.fixture
def team(any_location: str) -> Iterator[Services]:
    services = Services.build(open_library(any_location), "bruno")
    yield services
    services.database.close()


def sync(local: Services, team: Services) -> SyncReport:
    return local.sync.sync(team.database)


def annotations(services: Services) -> dict[str, AnnotationRecord]:
    """Every annotation (tombstones included), without what is local to one library."""
    with services.database.read() as session:
        records = all_annotations(session)
    return {i: dataclasses.replace(r, version=1) for i, r in records.items()}


def notes(services: Services) -> dict[str, str]:
    rows = services.questions.rows(*EVERYTHING, limit=1_000)
    return {r.key: services.annotations.question_note(r.key)[0] for r in rows}


def highlight(services: Services, key: str, quote: str = QUOTE, **fields: object) -> str:
    answer = services.questions.detail(key).record.answer_text or ""
    start = answer.index(quote)
    created = services.annotations.create(key, Part.ANSWER, start, start + len(quote), "engagement")
    if fields:
        created = services.annotations.update(dataclasses.replace(created, **fields))
    return created.id


def edit(services: Services, annotation_id: str, **fields: object) -> None:
    current = services.annotations.get(annotation_id)
    services.annotations.update(dataclasses.replace(current, **fields))


def assert_same_libraries(first: Services, second: Services) -> None:
    assert first.questions.total() == second.questions.total()
    assert annotations(first) == annotations(second)
    assert notes(first) == notes(second)


def assert_nothing_left_to_do(local: Services, team: Services) -> None:
    again = sync(local, team)
    assert not again.changed, again.summary()
    assert again.conflicts == []
    assert "rien à échanger" in again.summary()


@pytest.fixture
def synced(local: Services, team: Services) -> tuple[Services, Services, str, list[str]]:
    """Both libraries after a first sync: two questions, four highlights, a note."""
    local.importing.import_paths([SEED, SAMPLES / "an" / "QANR5L12QE65446.txt"])
    key = local.questions.search("Vivatech")[0].key
    ids = [
        highlight(local, key, note="première"),
        highlight(local, key, "feuille de route", note="deuxième", tags=("IA", "suivi")),
        highlight(local, key, "comité interministériel du numérique"),
        highlight(local, key, "Vivatech"),
    ]
    local.annotations.save_question_note(key, "Note de départ", 0)
    first = sync(local, team)
    assert first.there.questions_added == local.questions.total()
    assert first.there.annotations_added == 4
    assert first.conflicts == []  # nothing existed on the other side
    return local, team, key, ids


def test_first_sync_copies_everything_then_a_second_changes_nothing(synced) -> None:
    local, team, key, ids = synced
    assert_same_libraries(local, team)
    assert team.annotations.question_note(key)[0] == "Note de départ"
    assert team.annotations.get(ids[1]).tags == ("IA", "suivi")
    assert team.annotations.get(ids[0]).creator == "anne"  # who wrote it travels with it
    assert team.questions.search("energetique")[0].key == key  # the copy is searchable
    assert_nothing_left_to_do(local, team)


def test_edits_and_deletions_on_each_side_meet_then_nothing_more(synced) -> None:
    local, team, key, ids = synced
    edit(local, ids[0], note="modifiée hors ligne")
    local.annotations.delete(ids[1], local.annotations.get(ids[1]).version)
    mine = highlight(local, key, "salon Vivatech", note="nouvelle, hors ligne")
    edit(team, ids[2], note="modifiée par Bruno", category="chiffre")
    team.annotations.delete(ids[3], team.annotations.get(ids[3]).version)
    theirs = highlight(team, key, "souveraineté numérique", note="nouvelle, équipe")
    other = team.questions.search("affaissements")[0].key
    team.annotations.save_question_note(other, "Note de Bruno", 0)

    report = sync(local, team)

    assert report.conflicts == []
    assert report.here.annotations_added == 1 and report.there.annotations_added == 1
    assert report.here.annotations_deleted == 1 and report.there.annotations_deleted == 1
    assert report.here.annotations_updated == 1 and report.there.annotations_updated == 1
    assert report.here.notes_updated == 1
    assert_same_libraries(local, team)
    for side in (local, team):
        got = annotations(side)
        assert got[ids[0]].note == "modifiée hors ligne"
        assert got[ids[1]].deleted and got[ids[3]].deleted
        assert (got[ids[2]].note, got[ids[2]].category) == ("modifiée par Bruno", "chiffre")
        assert got[mine].note == "nouvelle, hors ligne" and got[theirs].note == "nouvelle, équipe"
        assert side.annotations.question_note(other)[0] == "Note de Bruno"
    assert {r.id for r in local.annotations.for_question(key)} == {ids[0], ids[2], mine, theirs}
    assert_nothing_left_to_do(local, team)


def test_a_change_on_both_sides_is_a_reported_conflict_and_the_newest_wins(synced) -> None:
    local, team, key, ids = synced
    edit(team, ids[0], note="Bruno, plus tôt")
    team.annotations.save_question_note(key, "Note de Bruno", 1)
    edit(local, ids[0], note="Anne, plus tard")
    local.annotations.save_question_note(key, "Note d'Anne", 1)

    report = sync(local, team)

    assert {(c.kind, c.kept) for c in report.conflicts} == {("annotation", "ici"), ("note", "ici")}
    lost = " ".join(c.lost for c in report.conflicts)
    assert "Bruno, plus tôt" in lost and "Note de Bruno" in lost  # the loser is shown, not lost
    assert team.annotations.get(ids[0]).note == "Anne, plus tard"
    assert team.annotations.question_note(key)[0] == "Note d'Anne"
    assert_same_libraries(local, team)
    assert_nothing_left_to_do(local, team)


def test_a_change_on_one_side_only_is_no_conflict_even_if_older(synced) -> None:
    local, team, _key, ids = synced
    edit(team, ids[0], note="seul Bruno y a touché")
    report = sync(local, team)
    assert report.conflicts == []
    assert local.annotations.get(ids[0]).note == "seul Bruno y a touché"


def test_newer_tombstone_deletes_and_older_one_does_not(synced) -> None:
    local, team, _key, ids = synced
    team.annotations.delete(ids[0], team.annotations.get(ids[0]).version)
    edit(local, ids[0], note="retouchée après la suppression")  # newer than the deletion
    local.annotations.delete(ids[2], local.annotations.get(ids[2]).version)
    report = sync(local, team)
    assert not annotations(team)[ids[0]].deleted  # the newer edit wins over the tombstone
    assert annotations(team)[ids[2]].deleted
    assert [c.item_id for c in report.conflicts] == [ids[0]]
    assert_same_libraries(local, team)


def test_commitment_status_changes_from_both_sides_are_all_kept(synced) -> None:
    local, team, _key, ids = synced
    version = team.annotations.get(ids[0]).version
    team.commitments.change_status(ids[0], CommitmentStatus.IN_PROGRESS, "annoncé", "", version)
    version = local.annotations.get(ids[0]).version
    local.commitments.change_status(ids[0], CommitmentStatus.KEPT, "publié", "JO", version)

    sync(local, team)

    for side in (local, team):
        commitment = side.annotations.get(ids[0]).commitment
        assert commitment is not None
        assert commitment.status is CommitmentStatus.KEPT  # Anne's change is the newest
        assert [(c.status, c.author) for c in commitment.history][-2:] == [
            (CommitmentStatus.IN_PROGRESS, "bruno"),
            (CommitmentStatus.KEPT, "anne"),
        ]
    assert_same_libraries(local, team)
    assert_nothing_left_to_do(local, team)


def test_questions_each_side_lacks_travel_both_ways(local: Services, team: Services) -> None:
    local.importing.import_paths([SEED])
    team.importing.import_paths([SAMPLES / "an"])
    report = sync(local, team)
    assert report.here.questions_added == 3
    assert report.there.questions_added == 1
    assert local.questions.total() == team.questions.total() == 4
    assert_nothing_left_to_do(local, team)


def test_an_answer_imported_on_one_side_reaches_the_other(
    local: Services, team: Services, tmp_path: Path
) -> None:
    page = SEED.read_text(encoding="utf-8")
    unanswered = tmp_path / "sans-reponse.txt"
    unanswered.write_text(page[: page.index("Réponse du Ministère")], encoding="utf-8")
    local.importing.import_paths([unanswered])
    [row] = local.questions.rows(*EVERYTHING)
    assert row.answered_on is None
    team.importing.import_paths([SEED])  # the team saw the answer come out

    report = sync(local, team)

    assert report.here.questions_updated == 1
    [row] = local.questions.rows(*EVERYTHING)
    assert row.answered_on is not None
    assert "Vivatech" in (local.questions.detail(row.key).record.answer_text or "")
    assert_nothing_left_to_do(local, team)


def test_one_question_known_under_two_keys_is_recognised_not_duplicated(
    local: Services, team: Services, tmp_path: Path
) -> None:
    numbered = tmp_path / "numerotee.txt"
    page = SEED.read_text(encoding="utf-8")
    numbered.write_text("Question écrite n° 03038 - 17e législature\n" + page, encoding="utf-8")
    [local_key] = local.importing.import_paths([SEED]).keys  # copied without its number
    [team_key] = team.importing.import_paths([numbered]).keys
    assert local_key != team_key
    mine = highlight(local, local_key, note="sur la copie sans numéro")

    report = sync(local, team)

    assert report.there.questions_added == report.here.questions_added == 0
    assert local.questions.total() == team.questions.total() == 1
    assert local.questions.detail(local_key).record.number == "03038"  # completed here
    assert team.annotations.get(mine).question_key == team_key  # attached to its twin
    assert_nothing_left_to_do(local, team)


def test_syncing_a_library_with_itself_is_refused(local: Services) -> None:
    with pytest.raises(SyncError, match="bibliothèque ouverte"):
        local.sync.sync_with(local.database.url)


def test_the_same_library_typed_another_way_is_still_itself(
    local: Services, tmp_path: Path
) -> None:
    roundabout = tmp_path / "ailleurs" / ".." / "portable.sqlite"
    with pytest.raises(SyncError, match="bibliothèque ouverte"):
        local.sync.sync_with(f"sqlite:///{roundabout}")


def test_the_last_sync_is_found_under_any_spelling_of_the_team_library(
    local: Services, tmp_path: Path
) -> None:
    team = tmp_path / "equipe.sqlite"
    Services.build(open_library(team), "bruno").database.close()
    local.importing.import_paths([SEED])
    first = local.sync.sync_with(str(team))
    assert first.there.questions_added == 1
    again = local.sync.sync_with(f"sqlite:///{tmp_path / 'x' / '..' / 'equipe.sqlite'}")
    assert again.last_sync is not None  # remembered: the same library, typed differently
    assert not again.changed
