"""The reader's text versions: "Version du …" above each text, earlier versions, held updates.

Each pane's title row carries a button naming the version shown, with a menu of the
other versions (a word diff against the current text opens for each). A held update
(much shorter, answer dropped, less complete source) shows a banner with Apply and
Reject. The bars only show and emit; `VersionsController` calls the service.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qe_desktop.domain.annotation import AnnotationRecord, Part
from qe_desktop.domain.text_versions import (
    HoldReason,
    TextVersion,
    VersionState,
)
from qe_desktop.ui.diff_html import diff_html

if TYPE_CHECKING:  # the reader is built before the services load (#25)
    from qe_desktop.services.container import Services

log = logging.getLogger(__name__)


def marked_html(text: str, start: int, end: int) -> str:
    """A text with one passage marked (an annotation shown in its own version)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    parts = (text[:start], text[start:end], text[end:])
    before, quote, after = (escape(p, quote=False).replace("\n", "<br>") for p in parts)
    return f"{before}<span style='background:#ffd166'>{quote}</span>{after}"


def _when(version: TextVersion) -> str:
    return version.imported_at.astimezone().strftime("%d/%m/%Y %H:%M")  # local time


class VersionsBar(QWidget):
    """A pane's title, the version it shows, and the banner of a held update."""

    version_chosen = Signal(object)  # TextVersion
    apply_requested = Signal(object)  # TextVersion (pending)
    reject_requested = Signal(object)  # TextVersion (pending)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.versions: list[TextVersion] = []
        self.pending: TextVersion | None = None
        self.title = QLabel(f"<b>{escape(title)}</b>")
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMinimumWidth(24)  # narrow windows: the texts keep their room
        self.menu = QMenu(self.button)
        self.button.setMenu(self.menu)
        self.banner = QFrame()
        self.banner.setObjectName("heldBanner")
        self.banner.setStyleSheet("#heldBanner{background:#fff4e5;border:1px solid #f4a261}")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.installEventFilter(self)  # its wrapped height kept (see eventFilter)
        self.show_button = QPushButton(self.tr("Compare…"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.reject_button = QPushButton(self.tr("Reject"))
        # The text above its buttons: beside them, in a 1280×720 window, it had a third of
        # the pane's width and its last lines were cut.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.show_button, self.apply_button, self.reject_button):
            buttons.addWidget(button)
        banner = QVBoxLayout(self.banner)
        banner.setContentsMargins(6, 3, 6, 3)
        banner.addWidget(self.banner_text)
        banner.addLayout(buttons)
        self.show_button.clicked.connect(lambda: self._emit(self.version_chosen))
        self.apply_button.clicked.connect(lambda: self._emit(self.apply_requested))
        self.reject_button.clicked.connect(lambda: self._emit(self.reject_requested))
        row = QHBoxLayout()
        row.setContentsMargins(6, 4, 0, 0)
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        self.set_versions([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The reader's splitter ignores a wrapped label's height: the banner's last line was
        cut in a short window. Its minimum height follows its width instead."""
        if watched is self.banner_text and event.type() == QEvent.Type.Resize:
            needed = self.banner_text.heightForWidth(self.banner_text.width())
            if needed > 0 and needed != self.banner_text.minimumHeight():
                self.banner_text.setMinimumHeight(needed)
        return super().eventFilter(watched, event)

    def _emit(self, signal: SignalInstance) -> None:
        if self.pending is not None:
            signal.emit(self.pending)

    def set_versions(self, versions: Sequence[TextVersion]) -> None:
        """Versions of this part, newest first (current, earlier, pending, rejected)."""
        self.versions = list(versions)
        current = next((v for v in versions if v.state is VersionState.CURRENT), None)
        others = [v for v in versions if v.state is not VersionState.CURRENT]
        self.pending = next((v for v in versions if v.state is VersionState.PENDING), None)
        self.button.setVisible(current is not None)
        self.button.setEnabled(bool(others))
        if current is not None:
            self.button.setText(self.tr("Version of %1").replace("%1", _when(current)))
            self.button.setToolTip(
                self.tr("%n other version(s)", "", len(others)) if others else ""
            )
        self.menu.clear()
        labels = {
            VersionState.EARLIER: self.tr("earlier"),
            VersionState.PENDING: self.tr("to check"),
            VersionState.REJECTED: self.tr("rejected"),
        }
        for version in others:
            text = self.tr("Version of %1 (%2, %3 characters)")
            text = text.replace("%1", _when(version)).replace("%2", labels[version.state])
            action = self.menu.addAction(text.replace("%3", str(len(version.text))))
            action.triggered.connect(lambda _=False, v=version: self.version_chosen.emit(v))
        self.banner.setVisible(self.pending is not None)
        if self.pending is not None:
            reason = HoldReason(self.pending.reason).label if self.pending.reason else ""
            self.banner_text.setText(
                f"<b>{escape(reason)}</b><br>"
                + escape(
                    self.tr("A new version (%1 characters) was not applied: compare it first.")
                ).replace("%1", str(len(self.pending.text)))
            )


class VersionDialog(QDialog):
    """One version of a text: a word diff against the current text, or a marked passage."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(html)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        legend = QLabel(
            self.tr("Struck through in red: only in the current text; in green: only in this one.")
        )
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(legend)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)


class VersionsController(QObject):
    """Feeds the bars from VersionService and carries out Apply / Reject."""

    changed = Signal(str)  # question key whose text changed (reopen it)

    def __init__(
        self,
        services: Services,
        bars: dict[Part, VersionsBar],
        window: QWidget,
        notify: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.services = services
        self.bars = bars
        self.window = window
        self.notify = notify
        self.key: str | None = None
        self.dialog: VersionDialog | None = None
        for bar in bars.values():
            bar.version_chosen.connect(self.show_version)
            bar.apply_requested.connect(self.apply)
            bar.reject_requested.connect(self.reject)

    def load(self, key: str | None) -> None:
        self.key = key
        versions = self.services.versions.versions(key) if key else []
        for part, bar in self.bars.items():
            bar.set_versions([v for v in versions if v.part is part])

    def show_version(self, version: TextVersion) -> VersionDialog:
        pieces = self.services.versions.diff(version.question_key, version.id)
        title = self.tr("Version of %1").replace("%1", _when(version))
        return self._open(VersionDialog(title, diff_html(pieces), self.window))

    def show_annotation_version(self, record: AnnotationRecord) -> VersionDialog | None:
        """An annotation in the text it was placed on (an orphan's own version)."""
        version = self.services.versions.version_of(record)
        if version is None:
            self.notify(self.tr("The text this highlight was made on is not kept."))
            return None
        title = self.tr("Version of %1").replace("%1", _when(version))
        html = marked_html(version.text, record.selector.start, record.selector.end)
        return self._open(VersionDialog(title, html, self.window))

    def _open(self, dialog: VersionDialog) -> VersionDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def apply(self, version: TextVersion) -> bool:
        try:
            self.services.versions.apply(version.question_key, version.id)
        except Exception as error:  # a locked or full library: say it, change nothing
            log.warning("applying version %s failed", version.id, exc_info=True)
            self.notify(self.tr("The version was not applied: %1").replace("%1", str(error)))
            return False
        self.notify(self.tr("The new version is now the text shown."))
        self.changed.emit(version.question_key)
        return True

    def reject(self, version: TextVersion) -> bool:
        try:
            self.services.versions.reject(version.question_key, version.id)
        except Exception as error:
            log.warning("rejecting version %s failed", version.id, exc_info=True)
            self.notify(self.tr("The version was not rejected: %1").replace("%1", str(error)))
            return False
        self.notify(self.tr("Rejected: the text shown stays as it was."))
        self.load(self.key)
        return True
