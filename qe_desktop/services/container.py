"""The services of one open library, built together by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from qe_desktop.services.annotations import AnnotationService
from qe_desktop.services.backups import BackupService
from qe_desktop.services.changes import ChangeService
from qe_desktop.services.commitments import CommitmentService
from qe_desktop.services.exchange import ExchangeService
from qe_desktop.services.exporting import ExportService, PdfWriter
from qe_desktop.services.importing import ImportService
from qe_desktop.services.insights import InsightsService
from qe_desktop.services.questions import QuestionService
from qe_desktop.services.sync import SyncService
from qe_desktop.storage.database import Database


@dataclass
class CurrentUser:
    """Who signs annotations and status changes (editable in the preferences)."""

    name: str

    def __call__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Services:
    database: Database
    current_user: CurrentUser
    questions: QuestionService
    importing: ImportService
    annotations: AnnotationService
    exchange: ExchangeService
    backups: BackupService
    exporting: ExportService
    changes: ChangeService
    sync: SyncService
    insights: InsightsService
    commitments: CommitmentService

    @property
    def user(self) -> str:
        return self.current_user.name

    @classmethod
    def build(cls, database: Database, user: str, pdf_writer: PdfWriter | None = None) -> Services:
        current_user = CurrentUser(user)
        annotations = AnnotationService(database, current_user)
        exchange = ExchangeService(database)
        backups = BackupService(database)
        questions = QuestionService(database)
        after_upsert = [annotations.reanchor_after_import, exchange.attach_pending]
        importing = ImportService(
            database, after_upsert=after_upsert, before_bulk=backups.before_import
        )
        return cls(
            database=database,
            current_user=current_user,
            questions=questions,
            importing=importing,
            annotations=annotations,
            exchange=exchange,
            backups=backups,
            exporting=ExportService(questions, pdf_writer, current_user),
            changes=ChangeService(database),
            sync=SyncService(database, after_upsert),
            insights=InsightsService(database),
            commitments=CommitmentService(database, annotations, current_user),
        )
