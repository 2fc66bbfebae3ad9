"""PDF through Qt's own printing: QTextDocument lays out the HTML, QPdfWriter writes A4.

No extra rendering engine: the briefing note's HTML (exporters/html_document.py)
sticks to Qt's rich-text subset. The export service receives `write_pdf` from
the composition root, so that services never import Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from qe_desktop.exporters.atomic import write_atomically

MARGIN_MM = 0  # QTextDocument.print_ adds its own 2 cm margin and the page numbers
RESOLUTION_DPI = 300
_KEEP_ALIVE: list[QApplication] = []  # the application made here lives as long as the process


def ensure_gui_application() -> None:
    """QTextDocument needs fonts, hence an application object; the command line has none.

    A QApplication (not just a QGuiApplication), so that windows can still be
    opened later in the same process.
    """
    if QCoreApplication.instance() is not None:
        return
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _KEEP_ALIVE.append(QApplication(sys.argv[:1]))


def _print(html: str, path: Path) -> None:
    document = QTextDocument()
    font = document.defaultFont()
    font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters when the PDF is copied
    document.setDefaultFont(font)
    document.setHtml(html)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("qe-desktop")
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    if path.stat().st_size == 0:
        raise OSError(f"Qt n'a pas pu écrire le PDF {path}")


def write_pdf(html: str, path: Path) -> None:
    """Render `html` to an A4 PDF at `path` (written atomically)."""
    ensure_gui_application()
    write_atomically(Path(path), lambda temporary: _print(html, temporary))
