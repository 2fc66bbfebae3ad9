"""Puts the annotation tools into the main window: menus, toolbar, shortcuts, side panel.

The main window calls `install_annotations` once; everything else about
annotations lives in this package, so the window stays a composition of parts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMenu,
    QMessageBox,
    QToolBar,
)

from qe_desktop.domain.annotation import Category
from qe_desktop.services.container import Services
from qe_desktop.ui.annotations.controller import AnnotationController
from qe_desktop.ui.annotations.rendering import color_icon
from qe_desktop.ui.annotations.side_panel import SidePanel
from qe_desktop.ui.dock_layout import scrolling
from qe_desktop.ui.host import HostWindow
from qe_desktop.ui.jobs import Job
from qe_desktop.ui.reader.offsets import from_qt
from qe_desktop.ui.reader.reader_panel import ReaderPanel
from qe_desktop.ui.reader.versions import VersionsController

if TYPE_CHECKING:  # dialogs are imported when first opened: a quicker start
    from qe_desktop.services.exchange import ExchangeReport
    from qe_desktop.ui.annotations.library_view import AllAnnotationsDialog

EXCHANGE_FILTER = "Annotations W3C (*.jsonld *.json);;Tous les fichiers (*)"
MAX_SHORTCUTS = 9
STATUS_MS = 8_000
DOCK_WIDTH = 330


class AnnotationsUi(QObject):
    exported = Signal(int)  # annotations written to a shared file
    imported = Signal(str)  # the summary of a merged shared file
    """The annotation tools of one window; `controller` does the work."""

    def __init__(self, window: HostWindow, services: Services, reader: ReaderPanel) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.panel = SidePanel()
        self.controller = AnnotationController(
            services,
            reader,
            self.panel,
            window,
            self.notify,
            self.open_question,
        )
        self.dock = QDockWidget(self.tr("Annotations"), window)
        self.dock.setObjectName("annotationsDock")
        self.dock.setWidget(
            scrolling(self.panel, keep_width=True)
        )  # docks never overlap (dock_layout)
        self.controller.dock = self.dock
        # "Version du …" above each text, held updates to apply or reject
        self.versions = VersionsController(services, reader.version_bars, window, self.notify)
        reader.detail_shown.connect(lambda d: self.versions.load(d.key if d else None))
        self.versions.changed.connect(self.reopen)
        self.panel.version_requested.connect(self.versions.show_annotation_version)
        self.all_annotations: AllAnnotationsDialog | None = None
        self.highlight_actions: list[QAction] = []
        self.toolbar = QToolBar(self.tr("Highlight"), window)
        self.toolbar.setObjectName("highlightToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.undo_action = self._action(self.tr("&Undo"), self.controller.undo, "Ctrl+Z")
        self.redo_action = self._action(self.tr("&Redo"), self.controller.redo, "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack = self.controller.undo_stack
        for action, can in (
            (self.undo_action, stack.canUndoChanged),
            (self.redo_action, stack.canRedoChanged),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
        stack.undoTextChanged.connect(lambda t: self._name(self.undo_action, self.tr("&Undo"), t))
        stack.redoTextChanged.connect(lambda t: self._name(self.redo_action, self.tr("&Redo"), t))
        self.edit_note_action = self._action(self.tr("Edit the &note…"), self.edit_note, "Ctrl+E")
        self.delete_action = self._action(self.tr("&Delete the highlight"), self.delete_current)
        self.categories_action = self._action(
            self.tr("Highlight &categories…"), self.edit_categories
        )
        self.all_action = self._action(
            self.tr("&All annotations"), self.show_all_annotations, "Ctrl+Shift+A"
        )
        self.export_action = self._action(self.tr("&Export annotations…"), self.choose_export)
        self.import_action = self._action(self.tr("Import a&nnotations…"), self.choose_import)
        self.controller.categories_changed.connect(self.update_categories)
        window.installEventFilter(self)

    def open_question(self, key: str) -> None:
        """Select the question in the list; open it even if the list cannot show it."""
        window = self.window
        window.show_question(key, by_user=True)
        detail = self.controller.reader.detail
        if detail is None or detail.key != key:
            window.open_question(key)

    def reopen(self, key: str) -> None:
        """A version was applied: show the question again with its new text."""
        self.window.open_question(key)

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    @staticmethod
    def _name(action: QAction, base: str, what: str) -> None:
        action.setText(f"{base} : {what}" if what else base)

    def notify(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)

    # -- installing ----------------------------------------------------------------
    def install(self, file_menu: QMenu, view_menu: QMenu) -> None:
        window = self.window
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        edit = QMenu(self.tr("&Edit"), window)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.highlight_menu = edit.addMenu(self.tr("&Highlight as"))
        edit.addAction(self.edit_note_action)
        edit.addAction(self.delete_action)
        edit.addSeparator()
        edit.addAction(self.categories_action)
        window.menuBar().insertMenu(view_menu.menuAction(), edit)
        self.edit_menu = edit
        view_menu.addSeparator()
        panel_action = self.dock.toggleViewAction()  # the panel back in one key, as its peers
        panel_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        window.addAction(panel_action)
        view_menu.addAction(panel_action)
        view_menu.addAction(self.all_action)
        anchor = window.quit_action
        actions = file_menu.actions()
        if anchor in actions:
            before = actions[actions.index(anchor) - 1]
            anchor = before if before.isSeparator() else anchor
        file_menu.insertSeparator(anchor)
        file_menu.insertActions(anchor, [self.export_action, self.import_action])
        self.update_categories()

    def update_categories(self) -> None:
        """Category buttons, menu entries and shortcuts Ctrl+1… follow the categories."""
        categories = self.controller.load_categories()
        for action in self.highlight_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.toolbar.clear()
        self.highlight_menu.clear()
        self.highlight_actions = [self._highlight_action(c, i) for i, c in enumerate(categories)]
        self.toolbar.addActions(self.highlight_actions)
        self.highlight_menu.addActions(self.highlight_actions)
        self.controller.refresh()

    def _highlight_action(self, category: Category, position: int) -> QAction:
        action = QAction(
            color_icon(category.color),
            self.tr("Highlight as %1").replace("%1", category.label),
            self.window,
        )
        action.setIconText(category.label)
        action.setData(category.name)
        if position < MAX_SHORTCUTS:
            action.setShortcut(QKeySequence(f"Ctrl+{position + 1}"))
            action.setToolTip(f"{action.text()} (Ctrl+{position + 1})")
        action.triggered.connect(lambda _=False, name=category.name: self.controller.create(name))
        self.window.addAction(action)
        return action

    # -- commands ----------------------------------------------------------------------
    def _target_id(self) -> str | None:
        """The highlight at the text cursor of the focused pane, else the panel's choice."""
        reader = self.controller.reader
        for pane in (reader.question_pane, reader.answer_pane):
            if pane.hasFocus() and pane.canonical:
                hit = pane.highlight_at(from_qt(pane.canonical, pane.textCursor().position()))
                if hit is not None:
                    return hit.id
        current = self.panel.current_record()
        return current.id if current else None

    def edit_note(self) -> None:
        target = self._target_id()
        if target is None:
            self.notify(self.tr("Choose a highlight first."))
            return
        self.controller.edit_note(target)

    def delete_current(self) -> None:
        target = self._target_id()
        record = self.controller.record(target) if target else None
        if record is None:
            self.notify(self.tr("Choose a highlight first."))
            return
        self.controller.delete(record)

    def edit_categories(self) -> None:
        from qe_desktop.ui.annotations.categories_dialog import CategoriesDialog

        dialog = CategoriesDialog(self.controller.load_categories(), self.window)
        if dialog.exec():
            self.apply_categories(dialog.changed_categories())

    def apply_categories(self, changed: list[Category]) -> None:
        for category in changed:
            self.services.annotations.update_category(category.name, category.label, category.color)
        if changed:
            self.update_categories()

    def show_all_annotations(self) -> AllAnnotationsDialog:
        if self.all_annotations is None:
            from qe_desktop.ui.annotations.library_view import AllAnnotationsDialog

            self.all_annotations = AllAnnotationsDialog(self.services, self.window)
            self.all_annotations.jump_requested.connect(self.controller.jump_to)
            self.controller.changed.connect(self._refresh_all)
        self.all_annotations.refresh_choices()
        self.all_annotations.show()
        self.all_annotations.raise_()
        return self.all_annotations

    def _refresh_all(self) -> None:
        if self.all_annotations is not None and self.all_annotations.isVisible():
            self.all_annotations.reload()

    # -- sharing -------------------------------------------------------------------------
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export annotations"), "annotations.jsonld", EXCHANGE_FILTER
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Job:
        """Write the shared annotation file as a job; `exported(count)` when it is written."""
        self.controller.commit_pending()
        exchange = self.services.exchange

        def written(count: object) -> None:
            assert isinstance(count, int)
            text = self.tr("%n annotation(s) exported to %1", "", count)
            self.notify(text.replace("%1", str(path)))
            self.exported.emit(count)

        def failed(message: str) -> None:
            QMessageBox.critical(self.window, self.tr("Export annotations"), message)

        job = Job("export-annotations", lambda _context: exchange.export(path), self)
        job.succeeded.connect(written)
        job.failed.connect(failed)
        return job.start()

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import annotations"), "", EXCHANGE_FILTER
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> Job:
        """Merge a shared annotation file as a job; `imported(summary)` once it is shown."""
        self.controller.commit_pending()
        exchange = self.services.exchange
        job = Job("import-annotations", lambda _context: exchange.import_file(path), self)
        job.succeeded.connect(self._imported)
        job.failed.connect(
            lambda message: QMessageBox.critical(
                self.window, self.tr("Import annotations"), message
            )
        )
        return job.start()

    def _imported(self, report: ExchangeReport) -> None:
        self.window.refresh()  # counts in the library list
        self.controller.refresh()
        summary = report.summary()
        self.notify(summary)
        box = QMessageBox(
            QMessageBox.Icon.Warning if report.failures else QMessageBox.Icon.Information,
            self.tr("Import annotations"),
            summary,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        if report.failures:
            box.setDetailedText("\n".join(f"{f.source} : {f.reason}" for f in report.failures))
        box.open()
        self.imported.emit(summary)

    # -- closing -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.controller.commit_pending()  # nothing typed is lost on closing
        return False


def install_annotations(window: HostWindow, file_menu: QMenu, view_menu: QMenu) -> AnnotationsUi:
    """Add the annotation tools to the main window (called once, from _build_actions)."""
    tools = AnnotationsUi(window, window.services, window.reader)
    tools.install(file_menu, view_menu)
    return tools
