"""The services of one open library, built together by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from qe_desktop.services.annotations import AnnotationService
from qe_desktop.services.backups import BackupService
from qe_desktop.services.changes import ChangeService
from qe_desktop.services.commitments import CommitmentService
from qe_desktop.services.questions import QuestionService
from qe_desktop.storage.database import Database

if TYPE_CHECKING:  # built on first use (see `Services`)
    from qe_desktop.services.coverage import CoverageService
    from qe_desktop.services.drafts import DraftStore
    from qe_desktop.services.exchange import ExchangeService
    from qe_desktop.services.exporting import ExportService, PdfWriter
    from qe_desktop.services.import_history import ImportHistory
    from qe_desktop.services.importing import AfterUpsert, ImportService
    from qe_desktop.services.insights import InsightsService
    from qe_desktop.services.library import LibraryInfo
    from qe_desktop.services.sync import SyncService
    from qe_desktop.services.veille import VeilleService
    from qe_desktop.services.versions import VersionService


@dataclass
class CurrentUser:
    """Who signs annotations and status changes (editable in the preferences)."""

    name: str

    def __call__(self) -> str:
        """The name to sign with, read at each edit: a change in the preferences applies at once."""
        return self.name


@dataclass(frozen=True)
class Services:
    """The services of one library.

    Import, exchange, export and synchronisation are built on first use: the window
    needs none of them to show its first rows, and loading their modules (parsers,
    document writers) cost a tenth of the start-up. So are insights (similar
    questions): `qe-desktop import` does not need them (#25).
    """

    database: Database
    current_user: CurrentUser
    questions: QuestionService
    annotations: AnnotationService
    backups: BackupService
    changes: ChangeService
    commitments: CommitmentService
    pdf_writer: PdfWriter | None = None

    @property
    def user(self) -> str:
        """The name annotations and status changes are signed with right now."""
        return self.current_user.name

    def describe(self) -> LibraryInfo:
        """Where the library is, as the user may see it (a URL's password masked)."""
        from qe_desktop.services.library import describe

        return describe(self.database)

    def close(self) -> None:
        """Close the library (every background job must have ended)."""
        self.database.close()

    @cached_property
    def insights(self) -> InsightsService:
        """Similar questions and duplicates, built on first use."""
        from qe_desktop.services.insights import InsightsService

        return InsightsService(self.database)

    @cached_property
    def exchange(self) -> ExchangeService:
        """The annotation exchange service, built on first use."""
        from qe_desktop.services.exchange import ExchangeService

        return ExchangeService(self.database)

    @cached_property
    def coverage(self) -> CoverageService:
        """The answer coverage service, built on first use."""
        from qe_desktop.services.coverage import CoverageService

        return CoverageService(self.database, self.annotations, self.current_user)

    @property
    def after_upsert(self) -> list[AfterUpsert]:
        """What every import or sync runs after writing a question."""
        return [self.annotations.reanchor_after_import, self.exchange.attach_pending]

    @cached_property
    def importing(self) -> ImportService:
        """The import service, built on first use, backing up before bulk imports."""
        from qe_desktop.services.importing import ImportService

        return ImportService(
            self.database,
            after_upsert=self.after_upsert,
            before_bulk=self.backups.before_import,
            before_change=self.backups.before_change,
        )

    @cached_property
    def import_history(self) -> ImportHistory:
        """The import history service, built on first use."""
        from qe_desktop.services.import_history import ImportHistory

        return ImportHistory(self.database)

    @cached_property
    def drafts(self) -> DraftStore:
        """Unsaved notes, in the user data folder (never next to a shared library)."""
        from qe_desktop.services.drafts import DraftStore
        from qe_desktop.services.library import drafts_folder

        return DraftStore(drafts_folder(), str(self.database.url))

    @cached_property
    def versions(self) -> VersionService:
        """Text versions and held updates, built on first use."""
        from qe_desktop.services.versions import VersionService

        return VersionService(self.database, [self.annotations.reanchor_after_import])

    @cached_property
    def exporting(self) -> ExportService:
        """The export service, built on first use, with coverage for the reports."""
        from qe_desktop.services.exporting import ExportService

        return ExportService(
            self.questions, self.pdf_writer, self.current_user, coverage=self.coverage.compute
        )

    @cached_property
    def sync(self) -> SyncService:
        """The library synchronisation service, built on first use."""
        from qe_desktop.services.sync import SyncService

        return SyncService(self.database, self.after_upsert)

    @cached_property
    def veille(self) -> VeilleService:
        """The veille service (sources, follows, inbox), built on first use."""
        from qe_desktop.services.veille import VeilleService

        return VeilleService(
            self.database,
            self.current_user,
            after_upsert=self.after_upsert,
            before_bulk=self.backups.before_import,
        )

    @classmethod
    def build(cls, database: Database, user: str, pdf_writer: PdfWriter | None = None) -> Services:
        """The services the window and the CLI need first; the others wait until used."""
        current_user = CurrentUser(user)
        annotations = AnnotationService(database, current_user)
        questions = QuestionService(database)
        return cls(
            database=database,
            current_user=current_user,
            questions=questions,
            annotations=annotations,
            backups=BackupService(database),
            changes=ChangeService(database),
            commitments=CommitmentService(database, annotations, current_user),
            pdf_writer=pdf_writer,
        )
