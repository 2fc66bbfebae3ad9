"""The main window: composes the panels and the actions; decisions live in services."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from qe_desktop.domain.search_terms import parse_terms
from qe_desktop.ui import warm_up
from qe_desktop.ui.host import HostWindow
from qe_desktop.ui.library_panel import LibraryPanel
from qe_desktop.ui.reader.reader_panel import ReaderPanel
from qe_desktop.ui.user_input import UserInput
from qe_desktop.ui.warm_up import after_first_paint
from qe_desktop.ui.welcome import WelcomePanel
from qe_desktop.ui.window_extras import choose_folder, report_box

if TYPE_CHECKING:  # dialogs, the features' tools and the services load after the first rows
    from qe_desktop.services.container import Services
    from qe_desktop.services.importing import ImportReport
    from qe_desktop.services.quick_read import ListSource
    from qe_desktop.ui.export_dialog import ExportDialog
    from qe_desktop.ui.jobs import Job

IMPORT_FILTER = str(
    QT_TRANSLATE_NOOP(
        "MainWindow", "Questions (*.txt *.html *.htm *.json *.xml *.zip);;All files (*)"
    )
)
ZOOM_KEY = "reader/zoom"
OPEN_QUESTION_KEY = "reader/question"
FIRST_WINDOW_SHARE = 0.9
ZOOM_LIMIT = 12  # steps either way; a corrupt setting cannot make the text vanish


class MainWindow(HostWindow):
    def __init__(
        self,
        services: Services | None,
        settings: QSettings,
        *,
        first_rows: ListSource | None = None,
    ) -> None:
        """The window on `services`; or, with `services=None`, only the list and an empty
        reader on `first_rows` (the light reader), to be painted before SQLAlchemy and
        the services load: `attach` then builds the rest (#25, `ui/startup.py`).
        """
        super().__init__()
        self.settings = settings
        self.setWindowTitle("qe-desktop")
        self.setAcceptDrops(True)
        self.welcome = WelcomePanel()
        source = services.questions if services is not None else first_rows
        assert source is not None, "a window needs its services or a first-rows reader"
        self.library = LibraryPanel(
            source, choices=services.questions if services is not None else None
        )
        self.list_input = UserInput(self.library.table)
        self.reader = ReaderPanel()
        self.desk = QSplitter(Qt.Orientation.Horizontal)
        self.desk.setObjectName("deskSplitter")
        self.desk.addWidget(self.library)
        self.desk.addWidget(self.reader)
        self.desk.setStretchFactor(0, 2)
        self.desk.setStretchFactor(1, 3)
        self.desk.setSizes([560, 840])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.desk)
        self.setCentralWidget(self.stack)
        self._import_job: Job | None = None
        self.report_box: QMessageBox | None = None  # the last import report shown
        self._splitters_pending = False
        self._reopen_key = ""  # the question open when the window was last closed
        self.attached = False  # the services and every feature's tools are in
        self._light = services is None  # painted first on the light reader
        self._first_question_waiting = False  # asked for before `attach`
        self.reader.zoom_changed.connect(lambda level: self.settings.setValue(ZOOM_KEY, level))
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """The services in: menus, docks, features, and the list read through them.

        The window built on the light reader (`first_rows`) gets here just after its
        first rows are painted; the list's pages are read again in full (coverage),
        in place, and the question due to open opens.
        """
        self.services = services
        self._build_actions()
        self.welcome.import_requested.connect(self.choose_import)
        self.welcome.samples_requested.connect(self.load_samples)
        self.welcome.folder_requested.connect(lambda: choose_folder(self))
        self.library.question_selected.connect(self.open_question)
        self.library.search_changed.connect(self._on_search)
        self.statusBar().showMessage(self._library_label())
        if self._light:
            self.library.use_service(services.questions)
            self._restore_docks()
            self.coverage_tools.fill.schedule()  # as the first reload does otherwise
        self.attached = True
        if self._first_question_waiting:
            self._first_question_waiting = False
            self._open_first_question(True)

    # -- construction --------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        from qe_desktop.ui.accessibility import DeskAccessibility
        from qe_desktop.ui.analyses.tools import install_analyses
        from qe_desktop.ui.annotations.window_setup import install_annotations
        from qe_desktop.ui.backups_dialog import install_backups
        from qe_desktop.ui.commitments.window_setup import install_commitments
        from qe_desktop.ui.coverage.window_setup import install_coverage
        from qe_desktop.ui.dock_layout import DockLayout
        from qe_desktop.ui.help_menu import install_logs_action
        from qe_desktop.ui.import_history_dialog import install_import_history
        from qe_desktop.ui.team_tools import install_team_tools
        from qe_desktop.ui.veille.window_setup import install_veille
        from qe_desktop.ui.window_extras import install_folder_import, install_help

        menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._action(
            self.tr("&Import…"), self.choose_import, QKeySequence.StandardKey.Open
        )
        self.paste_action = self._action(
            self.tr("&Paste a question"), self.paste_question, "Ctrl+Shift+V"
        )
        self.samples_action = self._action(self.tr("Load the &sample questions"), self.load_samples)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.preferences_action = self._action(
            self.tr("P&references…"), self.open_preferences, QKeySequence.StandardKey.Preferences
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        for action in (self.import_action, self.paste_action, self.samples_action):
            menu.addAction(action)
        self.export_action = self._action(self.tr("&Export…"), self.open_export, "Ctrl+Shift+E")
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self.preferences_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        self.zoom_in_action = self._action(
            self.tr("Zoom &in"), lambda: self.reader.zoom(1), QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &out"), lambda: self.reader.zoom(-1), QKeySequence.StandardKey.ZoomOut
        )
        self.find_action = self._action(self.tr("&Search"), self.focus_search, "Ctrl+F")
        self.switch_pane_action = self._action(self.tr("Switch &pane"), self.switch_pane, "F6")
        for action in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.find_action,
            self.switch_pane_action,
        ):
            view.addAction(action)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.annotation_tools = install_annotations(self, menu, view)
        self.annotation_tools.controller.changed.connect(self._annotations_changed)
        self.team_tools = install_team_tools(self, menu, view)
        self.commitment_tools = install_commitments(self, view)
        self.coverage_tools = install_coverage(self)
        self.analyses_tools = install_analyses(self, view)
        self.dock_layout = DockLayout(
            self, self.annotation_tools.dock, [self.commitment_tools.dock]
        )
        self.restore_backup_action = install_backups(self, self.services.backups, menu)
        self.import_history_action = install_import_history(self, menu)
        self.folder_action = install_folder_import(self, menu)
        self.veille_tools = install_veille(self, view)
        self.dock_layout.add_bottom(self.veille_tools.dock)  # a tab, not a strip, when small
        self.open_logs_action = install_logs_action(self, install_help(self))  # Aide: last menu
        self.accessibility = DeskAccessibility(self)

    def _annotations_changed(self) -> None:
        """The list's note count follows the highlights made in the reader at once."""
        controller = self.annotation_tools.controller
        if controller.key:
            self.library.model.refresh_key(controller.key, len(controller.records))

    # -- state -----------------------------------------------------------------
    def _library_label(self) -> str:
        location = self.services.describe().location  # a URL's password masked
        return self.tr("Library: %1").replace("%1", location)

    def switch_library(self, services: Services) -> MainWindow:
        """Show another library (a team library) in a new window; this one closes."""
        successor = MainWindow(services, self.settings)
        successor.restore_state()
        successor.refresh()
        successor.show()
        self.successor = successor  # kept alive by the window that opened it
        self.close()
        self.services.close()
        return successor

    def refresh(self, *, first_question_after_paint: bool = False) -> None:
        """Show the library; the question read last time (else the first) opens.

        At start-up (`first_question_after_paint`) it opens once the list is painted: the
        rows appear without waiting for the reader, its highlights and its lookups (#25).
        """
        source = self.services.questions if self.attached else self.library.model.service
        empty = source.total() == 0
        self.stack.setCurrentWidget(self.welcome if empty else self.desk)
        if empty:
            return
        self.library.reload(choices_now=self.isVisible(), open_first=not first_question_after_paint)
        if first_question_after_paint:
            after_first_paint(
                self.library.table.viewport(), lambda: self._open_first_question(True)
            )
        else:
            self._open_first_question()

    def _open_first_question(self, selected_quietly: bool = False) -> None:
        if not self.attached:  # painted before the services: it opens once they are in
            self._first_question_waiting = True
            return
        key, self._reopen_key = self._reopen_key, ""
        reopened = bool(key) and self._reopen(key)
        if self.reader.detail is not None or self.library.model.rowCount() == 0:
            return
        if selected_quietly and self.library.selected_keys():
            self.library.open_selected()  # the row selected, unopened, before the paint
        elif not reopened:
            self.library.table.selectRow(0)  # selecting opens it

    def _reopen(self, key: str) -> bool:
        """Open again the question read last time (it may have left the library since)."""
        from qe_desktop.services.questions import QuestionNotFound

        try:
            self.show_question(key)
        except QuestionNotFound:
            return False
        return True

    def restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.size_to_screen()
        self._restore_docks()
        self._restore_splitters()
        self.library.restore_state(self.settings)
        self._reopen_key = str(self.settings.value(OPEN_QUESTION_KEY, "") or "")
        try:
            zoom = int(str(self.settings.value(ZOOM_KEY, 0)))
        except ValueError:
            zoom = 0
        zoom = max(-ZOOM_LIMIT, min(ZOOM_LIMIT, zoom))
        if zoom:
            self.reader.zoom(zoom)

    def _restore_docks(self) -> None:
        """Docks and toolbars as they were left (again once `attach` has built them)."""
        docks = self.settings.value("window/docks")
        if docks is not None:
            self.restoreState(docks)

    def size_to_screen(self) -> None:
        """The first window takes most of the screen (a small window on a large screen
        cut the welcome text and squeezed the panes), centred."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width = int(area.width() * FIRST_WINDOW_SHARE)
        height = int(area.height() * FIRST_WINDOW_SHARE)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def _restore_splitters(self) -> None:
        """Splitter sizes only hold once the panes have their real size: redo at first show."""
        for key, splitter in (("desk", self.desk), ("reader", self.reader.splitter)):
            state = self.settings.value(f"window/{key}")
            if state is not None:
                splitter.restoreState(state)
        self._splitters_pending = not self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        warm_up.window_shown()  # language analyses start a few seconds from now
        if self._splitters_pending:
            self._restore_splitters()

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/desk", self.desk.saveState())
        self.settings.setValue("window/reader", self.reader.splitter.saveState())
        self.settings.setValue("window/docks", self.saveState())  # docks and toolbars
        self.library.save_state(self.settings)
        detail = self.reader.detail
        self.settings.setValue(OPEN_QUESTION_KEY, detail.key if detail else "")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:  # closed before the services came (or they failed to open)
            super().closeEvent(event)
            return
        self.veille_tools.stop()
        self.save_state()
        self.stop_background_work()
        super().closeEvent(event)

    def stop_background_work(self) -> None:
        """Suggestions and coverage of the whole library cancelled and joined: a process
        that ends while the French model runs in a thread is aborted by its BLAS library.
        """
        self.commitment_tools.suggestions.worker.stop()
        self.coverage_tools.fill.stop()

    # -- reading -----------------------------------------------------------------
    def open_question(self, key: str) -> None:
        detail = self.services.questions.detail(key)
        terms = parse_terms(self.library.search.text())
        self.reader.show_detail(detail, terms.words, terms.phrases)
        if self.list_input.active:  # a click or a key in the list selected it
            self.question_opened_by_user.emit(key)

    def show_question(self, key: str, *, by_user: bool = False) -> bool:
        """Select a question in the list (and so open it)."""
        self.stack.setCurrentWidget(self.desk)
        found = self.library.select_key(key)
        if not found:
            self.open_question(key)
        if by_user:
            self.question_opened_by_user.emit(key)
        return found

    def _on_search(self, text: str) -> None:
        terms = parse_terms(text)
        self.reader.highlight(terms.words, terms.phrases)

    def focus_search(self) -> None:
        self.stack.setCurrentWidget(self.desk)
        self.library.search.setFocus()
        self.library.search.selectAll()

    def switch_pane(self) -> None:
        order: list[QWidget] = [
            self.library.table,
            self.reader.question_pane,
            self.reader.answer_pane,
        ]
        focused = QApplication.focusWidget()
        index = order.index(focused) if focused in order else -1
        order[(index + 1) % len(order)].setFocus()

    def open_preferences(self) -> None:
        from qe_desktop.ui.settings_dialog import SettingsDialog, saved_language

        language = saved_language(self.settings)
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.services.current_user.name = dialog.chosen_user_name
        self.veille_tools.apply_preferences()
        if dialog.chosen_language != language:
            message = self.tr("The new language will be used from the next start.")
            self.statusBar().showMessage(message, 10_000)

    # -- exporting ---------------------------------------------------------------
    def open_export(self) -> ExportDialog:
        """The Export dialog, offering the current question, the selection and the list."""
        from qe_desktop.ui.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.services.exporting,
            current_key=self.reader.detail.key if self.reader.detail else None,
            selected_keys=self.library.selected_keys(),
            current_filter=self.library.model.current_filter,
            sort=self.library.model.current_sort,
            settings=self.settings,
            parent=self,
        )
        dialog.exported.connect(lambda result: self.statusBar().showMessage(result.summary()))
        dialog.open()
        return dialog

    # -- importing ---------------------------------------------------------------
    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import questions"), "", self.tr(IMPORT_FILTER)
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> None:
        warning = self.services.importing.space_warning(paths)
        if warning:  # the disk obviously lacks room: say so before anything starts
            self.statusBar().showMessage(self.tr("Warning: %1").replace("%1", warning), 20_000)
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int, name: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total) if total else 0)
            dialog.setLabelText(self.tr("Importing %1").replace("%1", name or "…"))

        def finished(report: ImportReport) -> None:
            self._join_import()
            dialog.reset()
            self.show_report(report)

        def failed(message: str) -> None:
            self._join_import()
            dialog.reset()
            QMessageBox.critical(self, self.tr("Import failed"), message)

        from qe_desktop.ui.import_worker import start_import

        job = start_import(self.services.importing, paths, progress, finished, failed, self)
        dialog.canceled.connect(job.cancel)
        self._import_job = job

    def _join_import(self) -> None:
        """Let the import thread end before anything can destroy it (Qt aborts otherwise)."""
        if self._import_job is not None:
            self._import_job.wait(10_000)
        self._import_job = None

    def load_samples(self) -> None:
        from qe_desktop.ui.samples import sample_items

        self.show_report(self.services.importing.import_items(sample_items()))

    def paste_question(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            QMessageBox.information(
                self, self.tr("Paste a question"), self.tr("The clipboard holds no text.")
            )
            return
        self.show_report(self.services.importing.import_text(text))

    def show_report(self, report: ImportReport) -> None:
        self.refresh()
        self.statusBar().showMessage(report.summary(), 10_000)
        if report.keys and len(report.keys) == 1:
            self.show_question(report.keys[0])
        if not (report.disk_full or report.failures or report.held):
            return  # a full disk is a message, never a traceback; held updates are listed
        self.report_box = report_box(self, report)  # a few reasons shown, not hidden
        self.report_box.open()

    # -- drag and drop -----------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
