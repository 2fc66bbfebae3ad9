"""Is a downloaded file what the source promised? Checked before anything is imported."""

from __future__ import annotations

import zipfile
from pathlib import Path

from qe_desktop.domain.parse_reasons import zip_reason
from qe_desktop.sources.errors import SourceError

_HTML_STARTS = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")


def check_zip(path: Path, source: str) -> None:
    """A complete zip archive: a truncated one has no central directory.

    Each entry's CRC is checked when it is read: a damaged entry fails alone, named,
    during the import.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as error:
        raise SourceError(source, f"archive ZIP illisible : {zip_reason(error)}") from error
    if not names:
        raise SourceError(source, "archive zip vide")


def zip_manifest(path: Path) -> dict[str, str]:
    """Each entry's CRC and size, from the central directory (nothing decompressed): what
    tells the entries that changed since the last import from the others.
    """
    with zipfile.ZipFile(path) as archive:
        return {
            info.filename: f"{info.CRC:08x}:{info.file_size}"
            for info in archive.infolist()
            if not info.is_dir()
        }


def changed_entries(previous: dict[str, str], current: dict[str, str]) -> list[str]:
    """Entries new or different since `previous`, in archive order."""
    return [name for name, signature in current.items() if previous.get(name) != signature]


def check_csv(path: Path, source: str) -> None:
    """A `;`-separated text with a header line, not an HTML error page."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_STARTS) or b"<html" in start[:1024]:
        raise SourceError(source, "le serveur a envoyé une page web au lieu du fichier CSV")
    first_line = head.split(b"\n", 1)[0]
    if b";" not in first_line:
        raise SourceError(source, "ce n'est pas un fichier CSV séparé par « ; »")
