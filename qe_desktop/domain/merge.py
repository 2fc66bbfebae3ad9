"""Merging an incoming annotation (import, sync) with the local copy (DESIGN §7, §8).

The rule is the same both ways of a sync, so two libraries converge: the newest
`modified` wins, a newer tombstone deletes, and equal times are settled by a
tie-break that does not depend on which side is "local".
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from qe_desktop.domain.annotation import AnnotationRecord


class MergeAction(StrEnum):
    """What merging an incoming annotation copy does to the local one."""

    ADD = "add"  # unknown id: store it (a tombstone too, so the deletion sticks)
    UPDATE = "update"  # the incoming copy is newer: replace the local one
    DELETE = "delete"  # a newer tombstone: the local annotation becomes a tombstone
    KEEP = "keep"  # the local copy is newer (or wins the tie): ignore the incoming one
    UNCHANGED = "unchanged"  # the same annotation, already here: nothing to do


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """What to do, and the record to hold once done.

    For UPDATE and DELETE the record carries the local `version`, so that the
    storage layer's optimistic-concurrency check and version bump apply as for
    any other edit.
    """

    action: MergeAction
    record: AnnotationRecord

    @property
    def changed(self) -> bool:
        """Whether applying the decision writes anything."""
        return self.action in (MergeAction.ADD, MergeAction.UPDATE, MergeAction.DELETE)


def merge_annotation(local: AnnotationRecord | None, incoming: AnnotationRecord) -> MergeDecision:
    """Decide how `incoming` changes `local` (the stored copy with the same id, if any).

    The caller resolves the incoming question key and part before merging.
    """
    if local is None:
        return MergeDecision(MergeAction.ADD, incoming)
    if local.id != incoming.id:
        raise ValueError(f"cannot merge annotation {incoming.id} into {local.id}")
    local_time, incoming_time = as_utc(local.modified), as_utc(incoming.modified)
    if incoming_time == local_time:
        if _comparable(incoming) == _comparable(local):
            return MergeDecision(MergeAction.UNCHANGED, local)
        incoming_wins = _tie_key(incoming) > _tie_key(local)
    else:
        incoming_wins = incoming_time > local_time
    if not incoming_wins:
        return MergeDecision(MergeAction.KEEP, local)
    action = MergeAction.DELETE if incoming.deleted and not local.deleted else MergeAction.UPDATE
    return MergeDecision(action, dataclasses.replace(incoming, version=local.version))


def as_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive datetime is taken as UTC already (as storage hands them out)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _comparable(record: AnnotationRecord) -> AnnotationRecord:
    """The record without what does not make two copies different.

    The version is a per-library counter, tag order carries no meaning, and the
    same instant may be written in different time zones; `extra` is local only.
    """
    return dataclasses.replace(
        record,
        version=1,
        tags=tuple(sorted(set(record.tags))),
        created=as_utc(record.created),
        modified=as_utc(record.modified),
        extra={},
    )


def _tie_key(record: AnnotationRecord) -> tuple[bool, str]:
    """Tombstones win ties; otherwise a digest of the content decides, the same on both sides."""
    digest = hashlib.sha256(repr(_comparable(record)).encode("utf-8")).hexdigest()
    return (record.deleted, digest)
