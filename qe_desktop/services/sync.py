"""Two-way sync of two libraries (DESIGN §7, §8): the offline SQLite file and the team library.

Afterwards both hold the same questions, annotations (commitments and tombstones
included) and question notes. Annotations follow the merge rule of DESIGN §7 (newest
`modified` wins, a newer tombstone deletes), notes the same rule. An item changed on
both sides since the last sync with that library is a conflict: settled by the same
rule and reported with the version that was not kept, so nothing disappears unseen.
Copies keep their times, so a second sync finds nothing to do.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qe_desktop.domain.annotation import AnnotationRecord, CommitmentRecord, StatusChange
from qe_desktop.domain.merge import MergeAction, as_utc, merge_annotation
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.services.importing import AfterUpsert
from qe_desktop.services.library import open_library
from qe_desktop.services.logs import logged
from qe_desktop.services.sync_report import HERE, THERE, SideChanges, SyncConflict, SyncReport
from qe_desktop.storage import annotations as store
from qe_desktop.storage import sync as snapshot
from qe_desktop.storage.bulk import insert_new
from qe_desktop.storage.database import Database
from qe_desktop.storage.engine import display_url, library_identity
from qe_desktop.storage.mapping import merge_records, record_from_row
from qe_desktop.storage.models import Question
from qe_desktop.storage.questions import find_existing, refresh_notes_text, upsert_question
from qe_desktop.storage.sync import NoteState, QuestionStamp
from qe_desktop.storage.types import utcnow

logger = logging.getLogger(__name__)


class SyncError(RuntimeError):
    """The sync could not run or was undone; both libraries are as they were."""


@dataclass
class _Side:
    name: str
    session: Session
    changes: SideChanges
    touched: set[int] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Pair:
    here: QuestionStamp
    there: QuestionStamp


class SyncService:
    """Bring two libraries to the same questions, annotations and notes, newest edit winning."""

    def __init__(
        self,
        database: Database,
        after_upsert: Sequence[AfterUpsert] = (),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._db = database
        self._hooks = list(after_upsert)
        self._clock = clock

    def sync_with(self, location: str) -> SyncReport:
        """Sync with the library at a path or URL (opened, and migrated if needed, for the time)."""
        if library_identity(location) == library_identity(self._db.url):
            raise SyncError("C'est la bibliothèque ouverte : choisissez-en une autre.")
        other = open_library(location)
        try:
            return self.sync(other)
        finally:
            other.close()

    def sync(self, other: Database) -> SyncReport:
        """Exchange questions, annotations and notes with `other` (logged, timed)."""
        with logged(logger, f"Sync with {display_url(other.url)}") as operation:
            report = self._sync(other)
            operation.outcome = report.summary()
        return report

    def _sync(self, other: Database) -> SyncReport:
        peer = library_identity(other.url)  # the same server under any spelling
        started = self._clock()
        try:
            with self._db.write() as here_session, other.write() as there_session:
                last = snapshot.last_sync(here_session, peer)
                report = SyncReport(display_url(other.url), last)
                here = _Side(HERE, here_session, report.here)
                there = _Side(THERE, there_session, report.there)
                pairs = self._questions(here, there)
                self._annotations(here, there, pairs, report)
                self._notes(here, there, pairs, report)
                for side in (here, there):
                    refresh_notes_text(side.session, sorted(side.touched))
                snapshot.mark_synced(here_session, peer, started)
        except (StaleDataError, IntegrityError) as error:
            raise SyncError(
                "Une des bibliothèques a changé pendant la synchronisation ; rien n'a été "
                "modifié. Relancez-la."
            ) from error
        return report

    # -- questions -------------------------------------------------------------------
    def _questions(self, here: _Side, there: _Side) -> list[_Pair]:
        """Pair the questions of both sides, copying the missing ones; converge contents."""
        here_stamps = snapshot.question_stamps(here.session)
        there_stamps = snapshot.question_stamps(there.session)
        there_by_key = {s.key: s for s in there_stamps}
        pairs = [_Pair(s, there_by_key[s.key]) for s in here_stamps if s.key in there_by_key]
        paired_there = {p.there.question_id for p in pairs}
        lonely_here = [s for s in here_stamps if s.key not in there_by_key]
        for stamp, found in self._counterparts(here, there, lonely_here):
            pairs.append(_Pair(stamp, found))
            paired_there.add(found.question_id)
        lonely_there = [s for s in there_stamps if s.question_id not in paired_there]
        for stamp, found in self._counterparts(there, here, lonely_there):
            pairs.append(_Pair(found, stamp))
        for pair in pairs:
            if pair.here.content_hash != pair.there.content_hash:
                self._converge(here, there, pair)
        return pairs

    def _counterparts(
        self, source: _Side, target: _Side, stamps: list[QuestionStamp]
    ) -> list[tuple[QuestionStamp, QuestionStamp]]:
        """Each question's twin in `target` (found by identity), or a copy made there.

        Copies of questions `target` surely lacks go in one statement (the import's
        fast path); only the others are looked up one by one.
        """
        if not stamps:
            return []
        records = snapshot.records_by_id(source.session, [s.question_id for s in stamps])
        index = snapshot.identity_index(target.session)
        twins: list[tuple[QuestionStamp, QuestionStamp]] = []
        fresh: dict[str, QuestionStamp] = {}  # by the key the copy will get
        slow: list[QuestionStamp] = []
        for stamp in stamps:
            record = records[stamp.question_id]
            if index.might_hold(record) or record.key in fresh:  # (twice here: merged after)
                slow.append(stamp)
            else:
                fresh[record.key] = stamp
        results = insert_new(target.session, [records[s.question_id] for s in fresh.values()])
        target.changes.questions_added += len(results)
        for result in results:
            self._run_hooks(target.session, result)
        for stamp in slow:
            found = find_existing(target.session, records[stamp.question_id])
            if found is None:
                found = self._copy_question(target, records[stamp.question_id])
            twins.append((stamp, _stamp(found)))
        copies = {s.question_id: s for s in snapshot.question_stamps(target.session)}
        twins.extend(
            (stamp, copies[result.question_id])
            for stamp, result in zip(fresh.values(), results, strict=True)
        )
        return twins

    def _copy_question(self, target: _Side, record: QuestionRecord) -> Question:
        result = upsert_question(target.session, record)
        self._run_hooks(target.session, result)
        target.changes.questions_added += 1
        return target.session.get_one(Question, result.question_id)

    def _converge(self, here: _Side, there: _Side, pair: _Pair) -> None:
        """Both copies take the newer import, completed by what only the older one has."""
        rows = {
            HERE: here.session.get_one(Question, pair.here.question_id),
            THERE: there.session.get_one(Question, pair.there.question_id),
        }
        records = {name: record_from_row(row) for name, row in rows.items()}
        if records[HERE].content_hash == records[THERE].content_hash:
            return
        here_first = (as_utc(pair.here.imported_at), pair.here.content_hash) >= (
            as_utc(pair.there.imported_at),
            pair.there.content_hash,
        )
        winner, loser = (HERE, THERE) if here_first else (THERE, HERE)
        agreed = merge_records(records[loser], records[winner])
        agreed = merge_records(records[winner], agreed)
        for side in (here, there):
            if records[side.name].content_hash != agreed.content_hash:
                result = snapshot.take_content(side.session, rows[side.name], agreed)
                self._run_hooks(side.session, result)
                side.changes.questions_updated += 1

    def _run_hooks(self, session: Session, result: Any) -> None:
        for hook in self._hooks:
            hook(session, result)

    # -- annotations -----------------------------------------------------------------
    def _annotations(
        self, here: _Side, there: _Side, pairs: list[_Pair], report: SyncReport
    ) -> None:
        mine = snapshot.all_annotations(here.session)
        theirs = snapshot.all_annotations(there.session)
        to_there = {p.here.key: p.there for p in pairs}
        to_here = {p.there.key: p.here for p in pairs}
        for annotation_id in sorted(mine.keys() | theirs.keys()):
            a, b = mine.get(annotation_id), theirs.get(annotation_id)
            if b is None and a is not None:
                self._copy(there, to_there[a.question_key], a)
            elif a is None and b is not None:
                self._copy(here, to_here[b.question_key], b)
            elif a is not None and b is not None:
                there_q, here_q = to_there[a.question_key], to_here[b.question_key]
                self._merge(here, there, (here_q, a), (there_q, b), report)

    @staticmethod
    def _copy(target: _Side, question: QuestionStamp, record: AnnotationRecord) -> None:
        incoming = dataclasses.replace(record, question_key=question.key, version=1)
        store.write_record(target.session, question.question_id, incoming)
        target.touched.add(question.question_id)
        if incoming.deleted:
            target.changes.annotations_deleted += 1
        else:
            target.changes.annotations_added += 1

    def _merge(
        self,
        here: _Side,
        there: _Side,
        mine: tuple[QuestionStamp, AnnotationRecord],
        theirs: tuple[QuestionStamp, AnnotationRecord],
        report: SyncReport,
    ) -> None:
        (here_q, a), (there_q, b) = mine, theirs
        to_here = merge_annotation(a, dataclasses.replace(b, question_key=here_q.key))
        to_there = merge_annotation(b, dataclasses.replace(a, question_key=there_q.key))
        if not (to_here.changed or to_there.changed):
            return
        winner_side, winner = (there, b) if to_here.changed else (here, a)
        agreed_history = _union_history(a.commitment, b.commitment)
        for side, question, local, decision in (
            (here, here_q, a, to_here),
            (there, there_q, b, to_there),
        ):
            record = dataclasses.replace(winner, question_key=question.key, version=local.version)
            if record.commitment is not None and agreed_history is not None:
                commitment = dataclasses.replace(record.commitment, history=agreed_history)
                record = dataclasses.replace(record, commitment=commitment)
            if record == local:
                continue
            store.write_record(side.session, question.question_id, record)
            side.touched.add(question.question_id)
            if decision.action is MergeAction.DELETE:
                side.changes.annotations_deleted += 1
            else:
                side.changes.annotations_updated += 1
        if _both_changed(report.last_sync, a.modified, b.modified):
            loser = a if winner is b else b
            report.conflicts.append(
                SyncConflict("annotation", a.question_key, a.id, winner_side.name, _describe(loser))
            )

    # -- question notes ----------------------------------------------------------------
    def _notes(self, here: _Side, there: _Side, pairs: list[_Pair], report: SyncReport) -> None:
        mine = snapshot.notes_by_question(here.session)
        theirs = snapshot.notes_by_question(there.session)
        for pair in pairs:
            a, b = mine.get(pair.here.question_id), theirs.get(pair.there.question_id)
            if (a.text if a else "") == (b.text if b else ""):
                continue
            if a is None or (b is not None and _note_order(b) > _note_order(a)):
                assert b is not None
                winner, loser, kept, target, question_id = b, a, THERE, here, pair.here.question_id
            else:
                winner, loser, kept, target, question_id = a, b, HERE, there, pair.there.question_id
            snapshot.write_note(target.session, question_id, winner)
            target.changes.notes_updated += 1
            target.touched.add(question_id)
            if a and b and _both_changed(report.last_sync, a.modified, b.modified):
                lost = loser.text if loser else ""
                report.conflicts.append(SyncConflict("note", pair.here.key, "", kept, lost))


def _stamp(row: Question) -> QuestionStamp:
    return QuestionStamp(row.id, row.key, row.content_hash, row.imported_at)


def _note_order(note: NoteState) -> tuple[datetime, str]:
    return (as_utc(note.modified), note.text)


def _both_changed(last_sync: datetime | None, first: datetime, second: datetime) -> bool:
    if last_sync is None:
        return True
    mark = as_utc(last_sync)
    return as_utc(first) > mark and as_utc(second) > mark


def _union_history(
    first: CommitmentRecord | None, second: CommitmentRecord | None
) -> tuple[StatusChange, ...] | None:
    """Status changes recorded on either side: history only grows."""
    if first is None or second is None:
        return None
    events = {(e.status, as_utc(e.at)): e for e in (*first.history, *second.history)}
    return tuple(events[k] for k in sorted(events, key=lambda k: (k[1], k[0].value)))


def _describe(record: AnnotationRecord) -> str:
    state = "supprimée" if record.deleted else f"[{record.category}]"
    note = f" — {record.note}" if record.note else ""
    author = record.creator or "auteur inconnu"
    return f"{state} « {record.selector.exact[:80]} »{note} (surlignage de {author})"
