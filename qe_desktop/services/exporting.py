"""Exports the office uses: Word briefing notes, Markdown, PDF, CSV and XLSX (issue 7).

One use case for the window and the command line: pick the questions (explicit
keys, the current filter's result, or everything), load them, render the
briefing document or the annotation rows, write the file atomically. The PDF is
drawn by Qt, which this layer must not import: the composition root hands in a
`pdf_writer(html, path)`.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from time import perf_counter

from qe_desktop.domain.coverage import Coverage
from qe_desktop.domain.views import QuestionDetail, QuestionFilter, Sort
from qe_desktop.exporters.atomic import write_atomically, write_bytes_atomically
from qe_desktop.exporters.coverage_table import add_sheet, companion_csv_path, demand_lines
from qe_desktop.exporters.coverage_table import render_csv as coverage_csv
from qe_desktop.exporters.document import DocumentOptions, build_document, default_title
from qe_desktop.exporters.file_errors import french_reason
from qe_desktop.exporters.filenames import safe_file_name
from qe_desktop.exporters.formats import ExportFormat
from qe_desktop.exporters.html_document import render_html
from qe_desktop.exporters.markdown import write_markdown
from qe_desktop.exporters.tabular import annotation_lines, build_workbook, write_csv, write_xlsx
from qe_desktop.services.questions import QuestionService
from qe_desktop.storage.disk import is_disk_full

logger = logging.getLogger(__name__)

PdfWriter = Callable[[str, Path], None]
Progress = Callable[[int, int, str], None]  # done, total, current question key
Scope = Sequence[str] | QuestionFilter | None  # keys, a filter's result, or everything
ICS_UNAVAILABLE = "format .ics : disponible avec le suivi des engagements"
PAGE = 500


class ExportError(RuntimeError):
    """An export that could not be written; the message is for the user (French)."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What the user chose in the export dialog."""

    title: str = ""
    include_question_text: bool = True
    only_annotated: bool = False
    include_commitments: bool = True
    csv_delimiter: str = ";"

    def document(self) -> DocumentOptions:
        """The options the document writers (PDF, ODT, DOCX) understand."""
        return DocumentOptions(
            title=self.title,
            include_question_text=self.include_question_text,
            only_annotated=self.only_annotated,
            include_commitments=self.include_commitments,
        )


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote, and where, for the message shown afterwards."""

    path: Path
    format: ExportFormat
    questions: int = 0
    annotations: int = 0
    commitments: int = 0
    cancelled: bool = False
    undated: int = 0  # .ics: commitments left out for want of a due date

    def summary(self) -> str:
        """The result in one French sentence for the status bar."""
        if self.cancelled:
            return "Export annulé : aucun fichier écrit."
        if self.format is ExportFormat.ICS:
            return (
                f"{self.commitments} engagement(s) exporté(s), {self.undated} sans échéance "
                f"ignoré(s), dans {self.path}"
            )
        return (
            f"{self.questions} question(s), {self.annotations} annotation(s) et "
            f"{self.commitments} engagement(s) exporté(s) dans {self.path}"
        )


def _never() -> bool:
    return False


def _silent(_done: int, _total: int, _name: str) -> None:
    return None


class ExportService:
    """Write questions and their annotations to CSV, documents or a calendar of due dates."""

    def __init__(
        self,
        questions: QuestionService,
        pdf_writer: PdfWriter | None = None,
        user: Callable[[], str] = lambda: "",
        clock: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        coverage: Callable[[str], Coverage] | None = None,
    ) -> None:
        self._questions = questions
        self._pdf_writer = pdf_writer
        self._user = user
        self._clock = clock
        self._coverage = coverage  # answer coverage by key (« Demandes et réponses »)

    def available_formats(self) -> list[ExportFormat]:
        """The formats this installation can write (PDF needs Qt, .ics its feature)."""
        formats = list(ExportFormat)
        if self._pdf_writer is None:
            formats.remove(ExportFormat.PDF)
        if importlib.util.find_spec("qe_desktop.exporters.calendar") is None:
            formats.remove(ExportFormat.ICS)
        return formats

    def count(self, scope: Scope) -> int:
        """How many questions an export of `scope` would hold (for the dialog's choices)."""
        if scope is None or isinstance(scope, QuestionFilter):
            return self._questions.count(scope or QuestionFilter())
        return len(self.keys(scope))

    def keys(self, scope: Scope, sort: Sort | None = None) -> list[str]:
        """The question keys an export of `scope` covers, in export order."""
        if isinstance(scope, str):
            return [scope]
        if scope is not None and not isinstance(scope, QuestionFilter):
            return list(dict.fromkeys(scope))
        flt = scope or QuestionFilter()
        order = sort or Sort("published_on", True)
        keys: list[str] = []
        while True:
            rows = self._questions.rows(flt, order, offset=len(keys), limit=PAGE)
            keys.extend(row.key for row in rows)
            if len(rows) < PAGE:
                return keys

    def default_file_name(self, scope: Scope, fmt: ExportFormat, title: str = "") -> str:
        """The suggested file name: the note's title, made safe, with the format's extension."""
        if not title:
            count = self.count(scope)
            if count > 2:
                title = f"Note de synthèse — {count} questions écrites"
            elif count:
                title = default_title([self._questions.detail(k) for k in self.keys(scope)])
            else:
                title = "Note de synthèse"
            if not fmt.is_document:
                title = title.replace("Note de synthèse", "Annotations", 1)
        return safe_file_name(title, fmt.extension)

    def export(
        self,
        scope: Scope,
        fmt: ExportFormat | str,
        path: Path,
        options: ExportOptions | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        sort: Sort | None = None,
    ) -> ExportResult:
        """Write the questions of `scope` to `path`; nothing is written when cancelled."""
        fmt = ExportFormat(fmt)
        options = options or ExportOptions()
        progress = progress or _silent
        cancelled = cancelled or _never
        path = Path(path)
        if fmt is ExportFormat.PDF and self._pdf_writer is None:
            raise ExportError("L'export PDF n'est pas disponible ici (moteur d'impression absent).")
        started = perf_counter()
        keys = self.keys(scope, sort)
        details: list[QuestionDetail] = []
        for done, key in enumerate(keys):
            if cancelled():
                return ExportResult(path, fmt, cancelled=True)
            progress(done, len(keys), key)
            details.append(self._questions.detail(key))
        if cancelled():
            return ExportResult(path, fmt, cancelled=True)
        coverage = self._coverages(details, fmt, cancelled)
        if cancelled():
            return ExportResult(path, fmt, cancelled=True)
        progress(len(keys), len(keys), path.name)
        try:
            in_calendar = self._write(details, fmt, path, options, coverage)
        except OSError as error:
            if is_disk_full(error):
                raise ExportError(
                    f"Disque plein : {path} n'a pas été écrit (un fichier précédent est intact)."
                ) from error
            reason = french_reason(error, writing=True)
            logger.error("Export %s to %s failed", fmt.value, path, exc_info=True)
            raise ExportError(f"Impossible d'écrire {path} : {reason}") from error
        live = [a for d in details for a in d.annotations if not a.deleted]
        commitments = sum(1 for a in live if a.commitment is not None)
        result = ExportResult(
            path=path,
            format=fmt,
            questions=len(details),
            annotations=len(live),
            commitments=commitments if in_calendar is None else in_calendar,
            undated=0 if in_calendar is None else commitments - in_calendar,
        )
        logger.info("Export %s to %s: %s in %.2f s", fmt.value, path, result.summary(),
                    perf_counter() - started)  # fmt: skip
        return result

    def _coverages(
        self, details: list[QuestionDetail], fmt: ExportFormat, cancelled: Callable[[], bool]
    ) -> dict[str, Coverage] | None:
        """Coverage of the answered questions (cached, else computed: the French model loads)."""
        if self._coverage is None or fmt is ExportFormat.ICS:
            return None
        found: dict[str, Coverage] = {}
        for detail in details:
            if cancelled():
                break
            if detail.record.answer_text:
                found[detail.key] = self._coverage(detail.key)
        return found

    def _write(
        self,
        details: list[QuestionDetail],
        fmt: ExportFormat,
        path: Path,
        options: ExportOptions,
        coverage: dict[str, Coverage] | None = None,
    ) -> int | None:
        """Write the file; for .ics, returns how many commitments it holds (the dated ones)."""
        if fmt is ExportFormat.ICS:
            return write_ics(details, path)
        demands = [
            line for d in details for line in demand_lines(d.key, (coverage or {}).get(d.key))
        ]
        if fmt is ExportFormat.CSV:
            write_csv(annotation_lines(details), path, options.csv_delimiter)
            if coverage is not None:
                text = coverage_csv(demands, options.csv_delimiter)
                write_bytes_atomically(companion_csv_path(path), text.encode("utf-8-sig"))
            return None
        if fmt is ExportFormat.XLSX:
            if coverage is None:
                write_xlsx(annotation_lines(details), path, options.title)
                return None
            workbook = build_workbook(annotation_lines(details), options.title)
            add_sheet(workbook, demands)
            write_atomically(path, lambda temporary: workbook.save(temporary))
            return None
        document = build_document(
            details,
            options.document(),
            created=self._clock(),
            author=self._user(),
            coverage=coverage,
        )
        if fmt is ExportFormat.MARKDOWN:
            write_markdown(document, path)
        elif fmt is ExportFormat.DOCX:
            from qe_desktop.exporters.docx_export import write_docx  # python-docx: slow import

            write_docx(document, path)
        else:
            assert self._pdf_writer is not None
            self._pdf_writer(render_html(document), path)
        return None


def write_ics(details: Sequence[QuestionDetail], path: Path) -> int:
    """Delegate to the commitments calendar writer, once that feature is installed."""
    try:
        calendar = importlib.import_module("qe_desktop.exporters.calendar")
    except ModuleNotFoundError as error:
        if error.name != "qe_desktop.exporters.calendar":
            raise
        raise ExportError(ICS_UNAVAILABLE) from error
    writer = getattr(calendar, "write_ics", None)
    if writer is None:
        raise ExportError(ICS_UNAVAILABLE)
    return int(writer(details, path))
