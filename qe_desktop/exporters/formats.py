"""The export formats, by name and file extension (light: the command line and the
window list them at start-up without loading any writer)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class ExportFormat(StrEnum):
    MARKDOWN = "md"
    DOCX = "docx"
    PDF = "pdf"
    CSV = "csv"
    XLSX = "xlsx"
    ICS = "ics"

    @property
    def extension(self) -> str:
        return f".{self.value}"

    @property
    def label(self) -> str:
        return FORMAT_LABELS[self]

    @property
    def is_document(self) -> bool:
        """Briefing notes (texts, highlights, notes) rather than one row per annotation."""
        return self in (ExportFormat.MARKDOWN, ExportFormat.DOCX, ExportFormat.PDF)

    @classmethod
    def from_path(cls, path: Path) -> ExportFormat | None:
        suffix = path.suffix.lower().lstrip(".")
        aliases = {"markdown": "md", "ical": "ics"}
        suffix = aliases.get(suffix, suffix)
        return next((f for f in cls if f.value == suffix), None)


FORMAT_LABELS = {
    ExportFormat.DOCX: "Note Word (.docx)",
    ExportFormat.PDF: "PDF (.pdf)",
    ExportFormat.MARKDOWN: "Markdown (.md)",
    ExportFormat.CSV: "Tableau CSV (.csv)",
    ExportFormat.XLSX: "Classeur Excel (.xlsx)",
    ExportFormat.ICS: "Calendrier des engagements (.ics)",
}
