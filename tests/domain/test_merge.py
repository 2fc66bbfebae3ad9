"""Merge rule for shared annotations: newest wins, tombstones travel, re-imports are no-ops."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from qe_desktop.domain.annotation import AnnotationRecord, Part, Selector
from qe_desktop.domain.merge import MergeAction, MergeDecision, merge_annotation

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def record(**changes: Any) -> AnnotationRecord:
    values: dict[str, Any] = {
        "id": "3f2b8c4e9d0a4b1c8e7f6a5b4c3d2e1f",
        "question_key": "senat-17-02580",
        "part": Part.ANSWER,
        "selector": Selector("d'ici juin 2025", "remis ", ".", 10, 25),
        "category": "engagement",
        "text_hash": "c" * 32,
        "creator": "Camille",
        "created": T0,
        "modified": T0,
    }
    values.update(changes)
    return AnnotationRecord(**values)


LOCAL = record(note="Ma note", version=5)


def import_into(library: dict[str, AnnotationRecord], incoming: AnnotationRecord) -> MergeDecision:
    """What a service does with a decision: store the record when it changed."""
    decision = merge_annotation(library.get(incoming.id), incoming)
    if decision.changed:
        library[incoming.id] = decision.record
    return decision


def test_unknown_annotation_is_added() -> None:
    decision = merge_annotation(None, LOCAL)
    assert decision == MergeDecision(MergeAction.ADD, LOCAL)
    assert decision.changed


def test_unknown_tombstone_is_stored_so_the_deletion_sticks() -> None:
    tombstone = record(deleted=True)
    assert merge_annotation(None, tombstone) == MergeDecision(MergeAction.ADD, tombstone)


def test_newer_incoming_copy_wins_and_keeps_the_local_version() -> None:
    incoming = record(note="Note corrigée", modified=T0 + timedelta(hours=1), version=1)
    decision = merge_annotation(LOCAL, incoming)
    assert decision.action is MergeAction.UPDATE
    assert decision.record.note == "Note corrigée"
    assert decision.record.version == LOCAL.version


def test_older_incoming_copy_is_ignored() -> None:
    incoming = record(note="Vieille note", modified=T0 - timedelta(days=2))
    decision = merge_annotation(LOCAL, incoming)
    assert decision == MergeDecision(MergeAction.KEEP, LOCAL)
    assert not decision.changed


def test_newer_tombstone_deletes() -> None:
    tombstone = record(deleted=True, modified=T0 + timedelta(minutes=1))
    decision = merge_annotation(LOCAL, tombstone)
    assert decision.action is MergeAction.DELETE
    assert decision.record.deleted


def test_older_tombstone_is_ignored() -> None:
    tombstone = record(deleted=True, modified=T0 - timedelta(minutes=1))
    assert merge_annotation(LOCAL, tombstone).action is MergeAction.KEEP


def test_edit_newer_than_a_local_tombstone_brings_the_annotation_back() -> None:
    local = record(deleted=True)
    edited = record(note="Modifiée ailleurs après coup", modified=T0 + timedelta(hours=3))
    decision = merge_annotation(local, edited)
    assert decision.action is MergeAction.UPDATE
    assert not decision.record.deleted


def test_importing_the_same_file_twice_changes_nothing_the_second_time() -> None:
    library = {LOCAL.id: LOCAL}
    shared = [
        record(note="Note corrigée", modified=T0 + timedelta(hours=1), version=9),
        record(id="1" * 32, category="chiffre"),
        record(id="2" * 32, deleted=True),
    ]
    first = [import_into(library, r).action for r in shared]
    snapshot = dict(library)
    second = [import_into(library, r).action for r in shared]
    assert first == [MergeAction.UPDATE, MergeAction.ADD, MergeAction.ADD]
    assert second == [MergeAction.UNCHANGED] * 3
    assert library == snapshot


def test_version_tag_order_and_time_zone_do_not_make_a_difference() -> None:
    local = record(tags=("a", "b"), version=7)
    paris = timezone(timedelta(hours=1))
    same = record(
        tags=("b", "a"), version=1, created=T0.astimezone(paris), modified=T0.astimezone(paris)
    )
    assert merge_annotation(local, same).action is MergeAction.UNCHANGED
    naive = record(tags=("a", "b"), modified=T0.replace(tzinfo=None))
    assert merge_annotation(local, naive).action is MergeAction.UNCHANGED


@pytest.mark.parametrize(
    "other",
    [record(note="Version A"), record(deleted=True), record(category="chiffre")],
)
def test_ties_are_settled_the_same_way_on_both_sides(other: AnnotationRecord) -> None:
    mine = record(note="Version B")
    here = merge_annotation(mine, other)
    there = merge_annotation(other, mine)
    assert here.record.note == there.record.note
    assert here.record.category == there.record.category
    assert here.record.deleted == there.record.deleted
    assert {here.action, there.action} <= {MergeAction.KEEP, MergeAction.UPDATE, MergeAction.DELETE}
    assert here.changed != there.changed


def test_tombstone_wins_a_tie() -> None:
    tombstone = record(deleted=True)
    assert merge_annotation(LOCAL, tombstone).action is MergeAction.DELETE
    assert merge_annotation(tombstone, dataclasses.replace(LOCAL)).action is MergeAction.KEEP


def test_different_ids_are_refused() -> None:
    with pytest.raises(ValueError):
        merge_annotation(LOCAL, record(id="f" * 32))
