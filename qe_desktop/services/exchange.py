"""Sharing annotations as W3C JSON-LD files (DESIGN §7): export, and merge on import.

Importing is idempotent: the merge rule (newest `modified` wins, a newer tombstone
deletes) decides per annotation. An annotation whose question is not in the
library yet is kept aside and attached when the question arrives.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qe_desktop.domain.anchoring import reanchor_record
from qe_desktop.domain.annotation import AnnotationRecord, Part
from qe_desktop.domain.merge import MergeAction, merge_annotation
from qe_desktop.domain.question import question_uri
from qe_desktop.domain.text import text_hash
from qe_desktop.exporters.file_errors import french_reason
from qe_desktop.exporters.w3c import annotation_to_jsonld, annotations_to_jsonld, write_jsonld
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.w3c import ParsedAnnotation, parse_annotations, strip_part
from qe_desktop.storage import annotations as store
from qe_desktop.storage.categories import list_categories
from qe_desktop.storage.database import Database
from qe_desktop.storage.models import Annotation, PendingAnnotation, Question
from qe_desktop.storage.questions import UpsertResult, get_by_key, refresh_notes_text

MAX_ANNOTATION_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class ExchangeReport:
    """What importing an annotation file did, for the message shown afterwards."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    kept_local: int = 0
    pending: int = 0
    failures: list[ImportFailure] = field(default_factory=list)

    def summary(self) -> str:
        """The report in one French sentence for the status bar."""
        return (
            f"{self.added} ajoutée(s), {self.updated} mise(s) à jour, {self.deleted} supprimée(s), "
            f"{self.unchanged} inchangée(s), {self.kept_local} plus récente(s) ici, "
            f"{self.pending} en attente de leur question, {len(self.failures)} en échec"
        )


class ExchangeService:
    """Annotations exported to a file and merged back from colleagues' files."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # -- export ------------------------------------------------------------------
    def export(self, path: Path, keys: Sequence[str] | None = None) -> int:
        """Write every annotation (tombstones included) of the library or of some questions."""
        with self._db.read() as session:
            query = select(Question)
            if keys:
                query = query.where(Question.key.in_(list(keys)))
            items: list[tuple[AnnotationRecord, str]] = []
            for question in session.scalars(query.order_by(Question.id)):
                uri = question_uri(question.key, question.url)
                records = store.annotations_of(session, question.id, include_deleted=True)
                items.extend((record, uri) for record in records)
            labels = {c.name: c.label for c in list_categories(session)}
        write_jsonld(path, annotations_to_jsonld(items, category_labels=labels))
        return len(items)

    # -- import ------------------------------------------------------------------
    def import_file(self, path: Path) -> ExchangeReport:
        """Merge a colleague's annotation file; an unreadable or oversized one is only reported."""
        source = str(path)
        try:
            if path.stat().st_size > MAX_ANNOTATION_FILE_BYTES:
                raise ImportFailure(source, "fichier trop volumineux pour des annotations")
            data = path.read_bytes()
        except OSError as error:
            reason = french_reason(error)
            return ExchangeReport(failures=[ImportFailure(source, f"illisible : {reason}")])
        if problem := _not_json(data):
            return ExchangeReport(failures=[ImportFailure(source, problem)])
        return self.import_bytes(data, source)

    def import_bytes(self, data: bytes, source: str) -> ExchangeReport:
        """Merge annotations from file contents, newest copy winning; unknown questions wait."""
        report = ExchangeReport()
        with self._db.read() as session:
            labels = {c.label: c.name for c in list_categories(session)}
        try:
            parsed = parse_annotations(data, source, category_by_label=labels)
        except ImportFailure as failure:
            report.failures.append(failure)
            return report
        report.failures.extend(parsed.errors)
        with self._db.write() as session:
            touched: set[int] = set()
            for item in parsed:
                self._merge_one(session, item, report, touched)
            # Once per question, not per annotation: 60,000 annotations of one question
            # re-read every note 60,000 times (minutes of CPU).
            refresh_notes_text(session, sorted(touched))
        return report

    def _merge_one(
        self, session: Session, item: ParsedAnnotation, report: ExchangeReport, touched: set[int]
    ) -> None:
        """Merge one annotation; the ids of questions whose notes changed go in `touched`."""
        question = self._find_question(session, item)
        if question is None:
            self._keep_pending(session, item)
            report.pending += 1
            return
        incoming = self._placed(question, replace(item.record, question_key=question.key))
        row = session.get(Annotation, incoming.id)
        local = None
        if row is not None:
            tags = store.tags_by_annotation(session, [row.id])[row.id]
            local = store.to_record(row, question.key, tags)
        decision = merge_annotation(local, incoming)
        if decision.action is MergeAction.UNCHANGED:
            report.unchanged += 1
            return
        if decision.action is MergeAction.KEEP:
            report.kept_local += 1
            return
        store.write_record(session, question.id, decision.record)
        touched.add(question.id)
        if decision.action is MergeAction.ADD:
            report.added += 1
        elif decision.action is MergeAction.DELETE:
            report.deleted += 1
        else:
            report.updated += 1

    @staticmethod
    def _placed(question: Question, record: AnnotationRecord) -> AnnotationRecord:
        """Re-anchor an annotation made on another version of the text."""
        text = question.question_text if record.part is Part.QUESTION else question.answer_text
        text = text or ""
        exact = record.selector.exact
        in_place = text[record.selector.start : record.selector.end] == exact
        if record.deleted or (record.text_hash == text_hash(text) and in_place):
            return record  # a quote that is not where its offsets say is placed anew
        return reanchor_record(record, text)

    @staticmethod
    def _find_question(session: Session, item: ParsedAnnotation) -> Question | None:
        if item.record.question_key:
            found = get_by_key(session, item.record.question_key)
            if found is not None:
                return found
        uri = item.question_uri
        if uri.startswith("http"):
            return session.scalar(select(Question).where(Question.url == uri))
        return None

    @staticmethod
    def _keep_pending(session: Session, item: ParsedAnnotation) -> None:
        payload = json.dumps(
            annotation_to_jsonld(item.record, strip_part(item.source)), ensure_ascii=False
        )
        pending = session.get(PendingAnnotation, item.record.id)
        if pending is None:
            session.add(
                PendingAnnotation(
                    id=item.record.id, target_source=item.question_uri, payload=payload
                )
            )
        else:
            pending.target_source = item.question_uri
            pending.payload = payload

    # -- attach what was waiting ---------------------------------------------------
    def pending_count(self) -> int:
        """Annotations still waiting for their question to be imported."""
        with self._db.read() as session:
            return len(session.scalars(select(PendingAnnotation.id)).all())

    def attach_pending(self, session: Session, result: UpsertResult) -> None:
        """Import hook: annotations received before their question now join it."""
        if "pending_annotations" not in session.info:  # asked once per transaction
            session.info["pending_annotations"] = (
                session.scalar(select(PendingAnnotation.id).limit(1)) is not None
            )
        if not session.info["pending_annotations"]:
            return
        question = session.get_one(Question, result.question_id)
        targets = {f"urn:qe:{question.key}"}
        if question.url:
            targets.add(question.url)
        waiting = session.scalars(
            select(PendingAnnotation).where(PendingAnnotation.target_source.in_(targets))
        ).all()
        if not waiting:
            return
        report = ExchangeReport()
        touched: set[int] = set()
        for pending in waiting:
            parsed = parse_annotations(pending.payload.encode("utf-8"), "en attente")
            for item in parsed:
                record = replace(item.record, question_key=question.key)
                self._merge_one(session, replace(item, record=record), report, touched)
        refresh_notes_text(session, sorted(touched))
        session.execute(
            delete(PendingAnnotation).where(PendingAnnotation.id.in_([p.id for p in waiting]))
        )


def _not_json(data: bytes) -> str | None:
    """What an annotation file plainly is not (empty, a web page), said before parsing."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return "fichier vide : aucune annotation"
    if head[:1] == b"<":
        return "ce n'est pas un fichier d'annotations JSON-LD (page HTML ou XML ?)"
    return None
