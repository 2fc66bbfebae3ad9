"""Screen readers and keyboard-only use of the reading desk, in French."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from qe_desktop.domain.annotation import Part
from qe_desktop.services.container import Services
from qe_desktop.services.importing import ImportReport
from qe_desktop.ui.accessibility import apply_contrast, spoken_name
from qe_desktop.ui.application import install_translation, make_application
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.resources import resource
from qe_desktop.ui.window_extras import SHOWN_FAILURES, ShortcutsDialog, report_box

SEED_KEY = "senat-20250130-fabien-genet-p246"
ENGLISH_WORDS = re.compile(
    r"\b(?:the|of|filter|search|answer|highlights?|library|commitments?)\b", re.I
)


@pytest.fixture
def french() -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(resource("translations", "qe_desktop_fr.qm")))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def french_desk(qtbot, french: None, sample_services: Services, settings: QSettings) -> MainWindow:
    make_application()
    window = MainWindow(sample_services, settings)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.refresh()
    with qtbot.waitExposed(window):
        window.show()
    created = sample_services.annotations.create(SEED_KEY, Part.ANSWER, 3, 30, "engagement")
    window.show_question(SEED_KEY)
    window.open_question(SEED_KEY)
    window.annotation_tools.panel.select_annotation(created.id)
    window.commitment_tools.show_view()
    window.library.filters.set_expanded(True)
    save = window.annotation_tools.panel.save_button
    qtbot.waitUntil(lambda: not save.visibleRegion().isEmpty())  # the side dock raised
    return window


def _focusable(window: MainWindow) -> list[QWidget]:
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisible()
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.visibleRegion().isEmpty()
    ]


def test_every_focusable_widget_of_the_desk_has_a_french_name(french_desk: MainWindow) -> None:
    widgets = _focusable(french_desk)
    assert len(widgets) >= 24
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in widgets if not spoken_name(w)]
    assert unnamed == []
    english = [spoken_name(w) for w in widgets if ENGLISH_WORDS.search(spoken_name(w))]
    assert english == []
    library = french_desk.library
    assert library.table.accessibleName() == "Questions de la bibliothèque"
    assert library.filters.ministry.accessibleName() == "Filtre par ministère"
    panel = french_desk.annotation_tools.panel
    assert panel.note_edit.tabBar().accessibleName() == "Écrire ou prévisualiser la note"


def test_the_panes_announce_question_and_answer_with_the_number(
    french_desk: MainWindow,
) -> None:
    reader = french_desk.reader
    assert reader.question_pane.accessibleName() == "Question du 30/01/2025"  # no number
    assert reader.answer_pane.accessibleName().startswith("Réponse à la question du 30/01")
    french_desk.show_question("QANR5L14QE26562")
    assert reader.question_pane.accessibleName() == "Question n° 26562"
    assert reader.answer_pane.accessibleName() == "Réponse n° 26562"
    assert reader.question_pane.accessibleDescription()  # the title


def test_tab_goes_from_the_search_to_the_list_the_panes_and_the_side_panel(
    french_desk: MainWindow,
) -> None:
    library, reader = french_desk.library, french_desk.reader
    panel = french_desk.annotation_tools.panel
    chain = [library.table, reader.question_pane, reader.answer_pane, panel.question_note]
    widget = library.filters.clear_button
    for expected in chain:
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        assert widget is expected
    assert panel.delete_button.nextInFocusChain() is panel.save_button


def test_help_lists_the_keyboard_shortcuts(qtbot, french_desk: MainWindow) -> None:
    menus = [action.text() for action in french_desk.menuBar().actions()]
    assert menus[-1] == "&Aide"
    dialog = ShortcutsDialog(french_desk)
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 1).text()
        for row in range(dialog.table.rowCount())
    }
    assert rows["Rechercher"] == "Ctrl+F"
    assert rows["Raccourcis clavier"] == "F1"
    assert "F6" in rows.values()
    assert len(rows) >= 15


def test_high_contrast_drops_fixed_colours(french_desk: MainWindow) -> None:
    assert "color" in french_desk.library.count_label.styleSheet()
    apply_contrast(french_desk, True)
    coloured = [w for w in french_desk.findChildren(QWidget) if "color" in w.styleSheet()]
    assert coloured == []


def test_a_few_import_failures_are_shown_in_the_report_itself(qtbot, french: None) -> None:
    make_application()
    report = ImportReport()
    from qe_desktop.importers.errors import ImportFailure

    report.add_failure(ImportFailure("/data/a.json", "JSON invalide (ligne 3)"))
    report.add_failure(ImportFailure("/data/b.html", "page sans en-tête"))
    parent = QWidget()
    box = report_box(parent, report)
    assert "a.json : JSON invalide (ligne 3)" in box.text()
    assert "b.html : page sans en-tête" in box.text()
    assert box.detailedText() == ""
    for n in range(SHOWN_FAILURES + 3):
        report.add_failure(ImportFailure(f"/data/{n}.xml", "XML tronqué"))
    many = report_box(parent, report)
    assert "de plus" in many.text() and "7.xml" in many.detailedText()
    assert isinstance(many, QMessageBox)


def test_the_file_menu_imports_a_folder(
    qtbot, french: None, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:
    from qe_desktop.ui import window_extras
    from tests.conftest import SEED

    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    monkeypatch.setattr(
        window_extras.QFileDialog, "getExistingDirectory", lambda *args: str(folder)
    )
    file_menu = window.menuBar().actions()[0].menu()
    assert window.folder_action in file_menu.actions()
    window.folder_action.trigger()
    qtbot.waitUntil(lambda: window.services.questions.total() == 1, timeout=20_000)


def test_qt_own_dialogs_speak_french(qtbot) -> None:
    app = make_application()
    before = QLocale()
    translator = install_translation(app, "fr")
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:").startswith("Voir dans")
        assert QCoreApplication.translate("QFileDialog", "Files of type:").startswith("Fichiers")
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        assert Path(folder, "qtbase_fr.qm").is_file()
    finally:
        for child in app.findChildren(QTranslator):
            QCoreApplication.removeTranslator(child)
            child.deleteLater()
        QLocale.setDefault(before)
        assert translator is not None
    assert QApplication.instance() is app
