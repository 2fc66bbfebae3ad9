"""Library-wide annotations, categories, and sharing annotations from the menus."""

from __future__ import annotations

from pathlib import Path

from qe_desktop.domain.annotation import AnchorState, Category, Part
from qe_desktop.services.annotations import AnnotationFilter
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.ui.annotations.categories_dialog import CategoriesDialog
from qe_desktop.ui.annotations.library_view import COLUMNS, AllAnnotationsModel
from qe_desktop.ui.main_window import MainWindow
from tests.conftest import SEED
from tests.ui.annotating import QUOTE, category_color, open_seed, painted

OTHER = SEED.parent / "qSEQ080203308.txt"


def _two_annotated_questions(window: MainWindow, services: Services) -> tuple[str, str]:
    seed = open_seed(window, services)
    [other] = services.importing.import_paths([OTHER]).keys
    answer = services.questions.detail(seed).record.answer_text or ""
    start = answer.index(QUOTE)
    services.annotations.create(
        seed, Part.ANSWER, start, start + len(QUOTE), "engagement", note="Échéance de juin"
    )
    question = services.questions.detail(other).record.question_text
    services.annotations.create(other, Part.QUESTION, 0, 30, "chiffre", tags=("budget",))
    assert question
    window.refresh()
    return seed, other


def test_all_annotations_lists_every_question_and_filters(
    window: MainWindow, services: Services
) -> None:
    seed, other = _two_annotated_questions(window, services)
    dialog = window.annotation_tools.show_all_annotations()
    assert dialog.model.rowCount() == 2
    question_column = COLUMNS.index("question")
    titles = {dialog.model.data(dialog.model.index(r, question_column)) for r in range(2)}
    assert "n° 03308 — " in " ".join(titles)  # numbers and titles, not bare keys
    assert not titles & {seed, other}
    dialog.category.setCurrentIndex(dialog.category.findData("chiffre"))
    assert dialog.model.rowCount() == 1
    assert dialog.model.record_at(0).question_key == other  # type: ignore[union-attr]
    dialog.category.setCurrentIndex(0)
    dialog.tag.setCurrentIndex(dialog.tag.findData("budget"))
    assert dialog.model.rowCount() == 1
    dialog.tag.setCurrentIndex(0)
    dialog.search.setText("echeance")  # accent-insensitive, in the notes
    dialog.reload()
    assert [r.question_key for r in dialog.model._rows] == [seed]
    dialog.search.setText("")
    dialog.state.setCurrentIndex(dialog.state.findData(AnchorState.ORPHAN.value))
    assert dialog.model.rowCount() == 0
    dialog.state.setCurrentIndex(0)
    assert dialog.creator.findData("testeur") > 0


def test_double_click_opens_the_question_and_flashes_the_highlight(
    qtbot, window: MainWindow, services: Services
) -> None:
    seed, other = _two_annotated_questions(window, services)
    window.open_question(other)
    dialog = window.annotation_tools.show_all_annotations()
    row = next(r for r in range(2) if dialog.model.record_at(r).question_key == seed)  # type: ignore[union-attr]
    index = dialog.proxy.mapFromSource(dialog.model.index(row, 1))
    dialog.table.doubleClicked.emit(index)
    assert window.reader.detail is not None and window.reader.detail.key == seed
    pane = window.reader.answer_pane
    start = pane.canonical.index(QUOTE)
    assert pane.flashing == (start, start + len(QUOTE))
    assert window.annotation_tools.panel.current_record().question_key == seed  # type: ignore[union-attr]


def test_the_library_model_passes_the_model_tester(
    qtmodeltester, window: MainWindow, services: Services
) -> None:
    _two_annotated_questions(window, services)
    model = AllAnnotationsModel()
    model.set_rows(
        services.annotations.search(AnnotationFilter()), {}, services.annotations.categories()
    )
    qtmodeltester.check(model)


def test_renamed_and_recoloured_categories_show_everywhere(
    window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    start = window.reader.answer_pane.canonical.index(QUOTE)
    services.annotations.create(key, Part.ANSWER, start, start + len(QUOTE), "engagement")
    window.open_question(key)
    tools = window.annotation_tools
    tools.apply_categories([Category("engagement", "Promesse", "#123456", 0)])
    first = tools.highlight_actions[0]
    assert first.text() == "Highlight as Promesse"
    assert first.shortcut().toString() == "Ctrl+1"
    assert (start, start + len(QUOTE), "#123456") in painted(window.reader.answer_pane)
    assert services.annotations.categories()[0].label == "Promesse"
    assert "Promesse" in tools.panel.model.data(tools.panel.model.index(0, 0))


def test_categories_dialog_reports_only_what_changed(qtbot, services: Services) -> None:
    dialog = CategoriesDialog(services.annotations.categories())
    qtbot.addWidget(dialog)
    dialog.label_edits[1].setText("  Montant ")
    dialog.set_color(2, "#abcdef")
    dialog.label_edits[3].setText("")  # an empty label keeps the old one
    changed = dialog.changed_categories()
    assert [(c.name, c.label, c.color) for c in changed] == [
        ("chiffre", "Montant", category_color(services, "chiffre")),
        ("elusion", "Élusion", "#abcdef"),
    ]


def test_menus_hold_the_annotation_commands(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Edit") == titles.index("&View") - 1
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    texts = [a.text() for a in edit.actions()]
    assert "&Undo" in texts and "&Redo" in texts and "Highlight &categories…" in texts
    file_menu = window.menuBar().actions()[0].menu()
    file_texts = [a.text() for a in file_menu.actions()]
    assert "&Export annotations…" in file_texts and "Import a&nnotations…" in file_texts
    assert file_texts.index("Import a&nnotations…") < file_texts.index("&Quit")
    shortcuts = [a.shortcut().toString() for a in window.annotation_tools.highlight_actions]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"]
    undo = window.annotation_tools.undo_action
    assert undo.shortcut().toString() == "Ctrl+Z"
    assert window.annotation_tools.redo_action.shortcut().toString() == "Ctrl+Shift+Z"


def test_export_then_import_into_another_library(
    qtbot, window: MainWindow, services: Services, settings, tmp_path: Path
) -> None:
    seed, _other = _two_annotated_questions(window, services)
    path = tmp_path / "partage.jsonld"
    with qtbot.waitSignal(window.annotation_tools.exported, timeout=30_000) as written:
        window.annotation_tools.export_to(path)
    assert written.args == [2]
    assert "2" in window.statusBar().currentMessage()

    colleague = Services.build(open_library(tmp_path / "collegue.sqlite"), "collègue")
    colleague.importing.import_paths([SEED])
    other_window = MainWindow(colleague, settings)
    qtbot.addWidget(other_window)
    other_window.refresh()
    other_window.show_question(seed)
    with qtbot.waitSignal(other_window.annotation_tools.imported, timeout=30_000) as merged:
        other_window.annotation_tools.import_from(path)
    summary = merged.args[0]
    assert summary.startswith("1 ajoutée(s)")  # the other question is not in that library
    assert "1 en attente" in summary
    [record] = other_window.annotation_tools.panel.model.all_records
    assert (record.selector.exact, record.note) == (QUOTE, "Échéance de juin")
    assert record.id in [h.id for h in other_window.reader.answer_pane.highlights]
    with qtbot.waitSignal(other_window.annotation_tools.imported, timeout=30_000) as merged:
        other_window.annotation_tools.import_from(path)
    again = merged.args[0]
    assert again.startswith("0 ajoutée(s)")  # importing twice changes nothing
    colleague.database.close()
