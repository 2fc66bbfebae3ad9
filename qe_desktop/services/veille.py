"""Veille: update from the official open data, follows, and the inbox (Nouveautés).

An update asks each source whether it changed (a 304 costs nothing), imports what
did through the ordinary import service, then records what is new for the user's
follows (new questions, new answers) and, from the dates alone, the deadlines and
commitments that passed since the last look. Texts of Sénat questions come from
their pages, fetched politely for followed questions only. A source that fails
changes nothing: its file is checked before any import, and its validators are
stored only once its import is done.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir
from sqlalchemy.orm import Session

from qe_desktop.domain.follows import (
    EventKind,
    FollowKind,
    FollowRow,
    InboxItem,
    normalise_value,
)
from qe_desktop.importers.sources import SourceItem
from qe_desktop.services import veille_matching as matching
from qe_desktop.services.veille_report import SourceOutcome, UpdateReport
from qe_desktop.sources.checks import changed_entries, check_csv, check_zip, zip_manifest
from qe_desktop.sources.errors import SourceCancelled, SourceError
from qe_desktop.sources.table import SourceTable, load_table
from qe_desktop.storage import veille as store
from qe_desktop.storage import veille_inbox as inbox_store
from qe_desktop.storage.database import Database
from qe_desktop.storage.questions import Outcome, UpsertResult
from qe_desktop.storage.veille_pages import questions_missing_text

if TYPE_CHECKING:  # HTTP (httpx) and the importers load with the first update: the window
    # builds this service at start-up for its News panel (#25)
    from qe_desktop.services.importing import AfterUpsert, ImportReport, ImportService
    from qe_desktop.sources.http import Fetcher, Validators

Progress = Callable[[int, int | None, str], None]
CancelCheck = Callable[[], bool]
SCAN = "deadlines"
FIRST_SCAN_DAYS = 7  # a new library looks one week back for passed deadlines
MAX_PAGES_PER_UPDATE = 120  # one a second: two minutes at most
MAX_CHANGED_ENTRIES = 5_000  # more than this: the whole archive, parsed in a child process


def _no_progress(done: int, total: int | None, name: str) -> None:
    return None


def _never() -> bool:
    return False


def default_cache_dir() -> Path:
    """Where downloaded source files are cached between updates."""
    return Path(user_cache_dir("qe-desktop", appauthor=False)) / "sources"


@dataclass
class _Collector:
    """Questions an update inserted or changed (an import hook fills it)."""

    imported: list[int] = field(default_factory=list)
    answered: list[int] = field(default_factory=list)

    def __call__(self, session: Session, result: UpsertResult) -> None:
        if result.outcome is Outcome.IMPORTED:
            self.imported.append(result.question_id)
        elif result.new_answer:
            self.answered.append(result.question_id)


@dataclass(frozen=True, slots=True)
class _Job:
    kind: str
    label: str
    url: str
    name: str
    check: Callable[[Path, str], None]


class VeilleService:
    """Keep the library current from the open-data sources, and tell users what is new for them."""

    def __init__(
        self,
        database: Database,
        user: Callable[[], str],
        *,
        after_upsert: Sequence[AfterUpsert] = (),
        before_bulk: Callable[[], object] | None = None,
        cache_dir: Path | None = None,
        fetcher_factory: Callable[[Path], Fetcher] | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._db = database
        self._user = user
        self._after_upsert = list(after_upsert)
        self._before_bulk = before_bulk
        self.cache_dir = cache_dir or default_cache_dir()
        self.fetcher_factory = fetcher_factory or _fetcher
        self._today = today
        self.sources_file: Path | None = None  # --sources FILE.json, or the preferences

    # -- sources and update ------------------------------------------------------------

    def table(self) -> SourceTable:
        """The sources to fetch: the shipped table, overridden by the user's sources file."""
        return load_table(self.sources_file)

    def update(
        self,
        source: str | None = None,
        legislature: int | None = None,
        progress: Progress = _no_progress,
        cancelled: CancelCheck = _never,
    ) -> UpdateReport:
        """Ask every source (or one) for what changed, import it, record what is new."""
        report = UpdateReport()
        try:
            jobs = self._jobs(source, legislature)
        except SourceError as error:
            report.sources.append(SourceOutcome(error.source, "", "failed", str(error)))
            return report
        from qe_desktop.services.importing import ImportService

        collector = _Collector()
        importer = ImportService(
            self._db,
            after_upsert=[*self._after_upsert, collector],
            before_bulk=self._before_bulk,
        )
        with self.fetcher_factory(self.cache_dir) as fetcher:
            for job in jobs:
                if not self._run_job(job, fetcher, importer, report, progress, cancelled):
                    break
            news = self._record(collector, report)
            if not report.cancelled:
                self._fetch_pages(fetcher, importer, news, report, progress, cancelled)
        self._scan(report)
        progress(1, 1, "")
        return report

    def _jobs(self, source: str | None, legislature: int | None) -> list[_Job]:
        table = self.table()
        jobs: list[_Job] = []
        if source in (None, "an"):
            leg, url = table.an_url(legislature)
            label = f"Assemblée nationale ({leg}e législature)"
            jobs.append(_Job("an", label, url, f"an-{leg}-questions-ecrites.json.zip", check_zip))
        if source in (None, "senat"):
            if table.senat is None:
                raise SourceError("Sénat", "pas d'adresse pour le fichier des questions")
            label = "Sénat (questions-depuis-un-an.csv)"
            jobs.append(_Job("senat", label, table.senat, "questions-depuis-un-an.csv", check_csv))
        return jobs

    def _run_job(
        self,
        job: _Job,
        fetcher: Fetcher,
        importer: ImportService,
        report: UpdateReport,
        progress: Progress,
        cancelled: CancelCheck,
    ) -> bool:
        """One source: download, import, then remember its validators. False: stop."""
        with self._db.read() as session:
            state = store.source_state(session, job.url)
            known = (
                _validators(state.etag, state.last_modified, state.sha256, state.size)
                if state is not None
                else None
            )
            entries = state.entries if state is not None else None
        progress(0, None, job.label)
        try:
            fetched = fetcher.download(
                job.label,
                job.url,
                job.name,
                known,
                check=job.check,
                progress=lambda done, total: progress(done, total, job.label),
                cancelled=cancelled,
            )
        except SourceCancelled:
            report.sources.append(SourceOutcome(job.label, job.url, "cancelled"))
            report.cancelled = True
            return False
        except SourceError as error:
            report.sources.append(SourceOutcome(job.label, job.url, "failed", str(error)))
            return True
        if fetched.path is None:
            report.sources.append(SourceOutcome(job.label, job.url, "unchanged"))
            return True
        manifest = zip_manifest(fetched.path) if job.kind == "an" else None
        imported = self._import(importer, fetched.path, manifest, entries, progress, cancelled)
        report.imported += imported.imported
        report.updated += imported.updated
        report.failures.extend(imported.failures)
        if imported.cancelled:
            report.sources.append(SourceOutcome(job.label, job.url, "cancelled"))
            report.cancelled = True
            return False
        v = fetched.validators
        listed = json.dumps(manifest, separators=(",", ":")) if manifest is not None else None
        with self._db.write() as session:
            store.save_source_state(
                session, job.url, v.etag, v.last_modified, v.sha256, v.size, listed
            )
        report.sources.append(
            SourceOutcome(
                job.label, job.url, "updated", imported.summary(), fetched.downloaded_bytes
            )
        )
        return True

    @staticmethod
    def _import(
        importer: ImportService,
        path: Path,
        manifest: dict[str, str] | None,
        entries: str | None,
        progress: Progress,
        cancelled: CancelCheck,
    ) -> ImportReport:
        """The whole file, or only the archive entries that changed since the last import
        (a day of the JO changes a few hundred of a legislature's 100,000 files).
        """
        previous: dict[str, str] | None = None
        if manifest is not None and entries:
            try:
                loaded = json.loads(entries)
            except ValueError:
                loaded = None
            previous = loaded if isinstance(loaded, dict) else None
        if manifest is None or previous is None:
            return importer.import_paths([path], progress, cancelled)
        changed = changed_entries(previous, manifest)
        if len(changed) > MAX_CHANGED_ENTRIES:
            return importer.import_paths([path], progress, cancelled)
        try:
            with zipfile.ZipFile(path) as archive:
                items = [SourceItem(f"{path.name}!{n}", archive.read(n)) for n in changed]
        except (zipfile.BadZipFile, OSError, EOFError):  # a damaged entry: named by the
            return importer.import_paths([path], progress, cancelled)  # full import
        return importer.import_items(items, progress, cancelled)

    # -- what is new -------------------------------------------------------------------

    def _record(self, collector: _Collector, report: UpdateReport) -> list[int]:
        """Inbox events for the questions an update brought, matched against the follows;
        returns the ids of the questions with news.
        """
        candidates = sorted(set(collector.imported) | set(collector.answered))
        news: list[int] = []
        if not candidates:
            return news
        with self._db.write() as session:
            answered = set(collector.answered)
            answered |= store.answered_ids(session, collector.imported)
            follows = matching.matchers(session, candidates)
            own = store.annotated_ids(session, sorted(answered))
            imported = set(collector.imported)
            events: list[store.NewEvent] = []
            for question_id, matched in matching.matched(session, candidates, follows):
                if question_id in imported and matched:
                    events.append((question_id, EventKind.NEW_QUESTION, "", matched))
                if question_id in answered and (matched or question_id in own):
                    events.append((question_id, EventKind.NEW_ANSWER, "", matched))
            for question_id, kind in store.add_events(session, events):
                if kind is EventKind.NEW_QUESTION:
                    report.new_questions += 1
                else:
                    report.new_answers += 1
                news.append(question_id)
        return news

    def _scan(self, report: UpdateReport) -> None:
        """Deadlines and commitments that passed since the last look (dates alone)."""
        today = self._today()
        with self._db.write() as session:
            since = store.last_scan(session, SCAN) or today - timedelta(days=FIRST_SCAN_DAYS)
            if since >= today:
                return
            events: list[store.NewEvent] = [
                (question_id, EventKind.OVERDUE_COMMITMENT, annotation_id, [])
                for question_id, annotation_id in store.newly_overdue_commitments(
                    session, since, today
                )
            ]
            passed = dict(store.newly_passed_deadlines(session, since, today))
            if passed:
                ids = sorted(passed)
                follows = matching.matchers(session, ids)
                own = store.annotated_ids(session, ids)
                for question_id, matched in matching.matched(session, ids, follows):
                    if matched or question_id in own:
                        deadline = passed[question_id].isoformat()
                        events.append((question_id, EventKind.DEADLINE_PASSED, deadline, matched))
            for _, kind in store.add_events(session, events):
                if kind is EventKind.OVERDUE_COMMITMENT:
                    report.commitments += 1
                else:
                    report.deadlines += 1
            store.set_scan(session, SCAN, today)

    # -- texts from pages --------------------------------------------------------------

    def _fetch_pages(
        self,
        fetcher: Fetcher,
        importer: ImportService,
        news: list[int],
        report: UpdateReport,
        progress: Progress,
        cancelled: CancelCheck,
    ) -> None:
        with self._db.read() as session:
            wanted = questions_missing_text(session, MAX_PAGES_PER_UPDATE, news=news)
        for done, (key, url) in enumerate(wanted, start=1):
            if cancelled():
                report.cancelled = True
                return
            progress(done, len(wanted), f"Sénat : page de {key}")
            try:
                self._import_page(fetcher, importer, url)
            except SourceError as error:
                from qe_desktop.services.importing import Failure

                report.failures.append(Failure(url, error.reason))
                continue
            report.pages += 1

    def _import_page(self, fetcher: Fetcher, importer: ImportService, url: str) -> None:
        data = fetcher.fetch_page("Sénat", url)
        result = importer.import_items([SourceItem(name=url, data=data)])
        if result.failures:
            raise SourceError("Sénat", f"page illisible : {result.failures[0].reason}")

    def fetch_text(self, key: str) -> bool:
        """Fetch the page of one question opened in the reader; True when texts arrived."""
        with self._db.read() as session:
            wanted = dict(questions_missing_text(session, 1, keys=[key]))
        url = wanted.get(key)
        if url is None:
            return False
        from qe_desktop.services.importing import ImportService

        importer = ImportService(self._db, after_upsert=self._after_upsert)
        with self.fetcher_factory(self.cache_dir) as fetcher:
            self._import_page(fetcher, importer, url)
        return True

    # -- follows and inbox -------------------------------------------------------------

    def follow(self, kind: FollowKind, value: str) -> int:
        """Follow a deputy, ministry, theme, search or question; returns the follow's id."""
        cleaned = normalise_value(kind, value)
        if not cleaned:
            raise ValueError("rien à suivre : la valeur est vide")
        with self._db.write() as session:
            return store.add_follow(session, kind, cleaned, self._user())

    def unfollow(self, follow_id: int) -> bool:
        """Stop a follow; its events go unless annotated questions still need them."""
        with self._db.write() as session:
            return store.remove_follow(session, follow_id)

    def follows(self) -> list[FollowRow]:
        """The follows, with the current user's unseen and total counts."""
        with self._db.read() as session:
            return store.follow_rows(session, self._user())

    def inbox(
        self, *, unseen_only: bool = False, follow_id: int | None = None, limit: int = 500
    ) -> list[InboxItem]:
        """The current user's inbox, newest first, possibly for one follow only."""
        with self._db.read() as session:
            return inbox_store.inbox_items(
                session, self._user(), unseen_only=unseen_only, follow_id=follow_id, limit=limit
            )

    def unseen_count(self) -> int:
        """Inbox items the current user has not seen, for the badge."""
        with self._db.read() as session:
            return inbox_store.unseen_count(session, self._user())

    def unseen_keys(self) -> list[str]:
        """Keys of questions with unseen news, to mark them in the list."""
        with self._db.read() as session:
            return inbox_store.unseen_keys(session, self._user())

    def mark_seen(self, ids: Sequence[int] | None = None, seen: bool = True) -> int:
        """Mark items seen (all of them when `ids` is None); unseen again with seen=False."""
        with self._db.write() as session:
            return inbox_store.mark_seen(session, self._user(), ids, seen)

    def unknown_inbox_ids(self, ids: Sequence[int]) -> list[int]:
        """Numbers that are in no inbox, so that a typo is said instead of "0 marquée"."""
        with self._db.read() as session:
            return inbox_store.unknown_event_ids(session, ids)

    def mark_question_seen(self, key: str) -> int:
        """The user opened a question: what was new about it is seen. Nothing is written
        (no wait for the write lock an import may hold) when nothing was unseen.
        """
        with self._db.read() as session:
            ids = inbox_store.event_ids_for_keys(session, [key], unseen_by=self._user())
        if not ids:
            return 0
        with self._db.write() as session:
            return inbox_store.mark_seen(session, self._user(), ids)


def _fetcher(cache: Path) -> Fetcher:
    """The HTTP fetcher, loaded with the first update (httpx is a tenth of the start-up)."""
    from qe_desktop.sources.http import Fetcher

    return Fetcher(cache)


def _validators(
    etag: str | None, last_modified: str | None, sha256: str | None, size: int | None
) -> Validators:
    from qe_desktop.sources.http import Validators

    return Validators(etag, last_modified, sha256, size)
