"""The annotations panel: list model, filters, editor, question note, conflicts, orphans."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qe_desktop.domain.annotation import (
    AnchorState,
    AnnotationRecord,
    Part,
    Selector,
)
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.ui.annotations import conflict_dialog
from qe_desktop.ui.annotations.conflict_dialog import Choice
from qe_desktop.ui.annotations.editors import TagsEdit, split_tags
from qe_desktop.ui.annotations.panel_model import AnnotationListModel, PanelFilter
from qe_desktop.ui.main_window import MainWindow
from tests.conftest import SEED
from tests.ui.annotating import FIGURE, QUOTE, open_seed, painted, select

NOW = datetime(2025, 5, 2, 9, 30, tzinfo=UTC)


def _record(exact: str, category: str, **changes: object) -> AnnotationRecord:
    record = AnnotationRecord(
        id=exact[:8],
        question_key="q",
        part=Part.ANSWER,
        selector=Selector(exact, "", "", 0, len(exact)),
        category=category,
        text_hash="h",
        creator="Camille",
        created=NOW,
        modified=NOW,
    )
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


RECORDS = [
    _record("Échéance en juin", "engagement", tags=("IA",), note="à suivre"),
    _record("deux milliards", "chiffre", tags=("budget",)),
    _record("ne répond pas", "elusion", anchor_state=AnchorState.REVIEW, previous_exact="x"),
    _record("passage disparu", "important", anchor_state=AnchorState.ORPHAN),
]


def test_the_list_model_passes_the_model_tester(qapp, qtmodeltester, services: Services) -> None:
    model = AnnotationListModel()
    model.set_records(RECORDS, services.annotations.categories())
    qtmodeltester.check(model)
    model.set_filter(PanelFilter(category="chiffre"))
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (PanelFilter(), 4),
        (PanelFilter(category="chiffre"), 1),
        (PanelFilter(tag="IA"), 1),
        (PanelFilter(text="echeance"), 1),  # accents do not matter
        (PanelFilter(text="SUIVRE"), 1),  # the note is searched too
        (PanelFilter(state=AnchorState.REVIEW), 1),
        (PanelFilter(state=AnchorState.ORPHAN), 1),
        (PanelFilter(category="chiffre", tag="IA"), 0),
    ],
)
def test_filters_narrow_the_list(services: Services, flt: PanelFilter, expected: int) -> None:
    model = AnnotationListModel()
    model.set_records(RECORDS, services.annotations.categories())
    model.set_filter(flt)
    assert model.rowCount() == expected


def test_rows_show_quote_category_tags_author_and_date(qapp, services: Services) -> None:
    model = AnnotationListModel()
    model.set_records(RECORDS[:1], services.annotations.categories())
    text = model.data(model.index(0, 0))
    assert "Échéance en juin" in text and "Engagement" in text and "#IA" in text
    assert "Camille" in text and "02/05/2025" in text and "à suivre" in text


def test_panel_filter_widgets_narrow_the_list(window: MainWindow, services: Services) -> None:
    key = open_seed(window, services)
    answer = window.reader.answer_pane.canonical
    for quote, category, tags in ((QUOTE, "engagement", ("IA",)), (FIGURE, "chiffre", ())):
        start = answer.index(quote)
        services.annotations.create(
            key, Part.ANSWER, start, start + len(quote), category, tags=tags
        )
    window.open_question(key)
    panel = window.annotation_tools.panel
    assert panel.model.rowCount() == 2
    panel.category_filter.setCurrentIndex(panel.category_filter.findData("chiffre"))
    assert [panel.model.record_at(0).selector.exact] == [FIGURE]  # type: ignore[union-attr]
    panel.category_filter.setCurrentIndex(0)
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("IA"))
    assert panel.model.rowCount() == 1
    panel.clear_filters()
    panel.search.setText("ministeres")
    assert panel.model.rowCount() == 1
    assert "1 of 2" in panel.count_label.text()


def test_tags_complete_from_the_library_and_split_on_commas(qtbot) -> None:
    edit = TagsEdit()
    qtbot.addWidget(edit)
    edit.set_known_tags(["IA", "budget", "Industrie"])
    edit.setText("budget, i")
    edit.setCursorPosition(len(edit.text()))
    edit.textEdited.emit(edit.text())
    assert edit.completer_popup.completionCount() == 2  # IA, Industrie
    edit.completer_popup.activated.emit("Industrie")
    assert edit.tags() == ("budget", "Industrie")
    assert split_tags(" IA ,, IA, suivi  juin ") == ("IA", "suivi juin")


def test_markdown_note_has_a_preview(window: MainWindow, services: Services) -> None:
    open_seed(window, services)
    select(window.reader.answer_pane, QUOTE)
    record = window.annotation_tools.controller.create("engagement")
    assert record is not None
    note = window.annotation_tools.panel.note_edit
    note.set_text("Relancer **le ministère**")
    note.setCurrentWidget(note.preview)
    assert note.preview.toPlainText().strip() == "Relancer le ministère"
    assert "font-weight:700" in note.preview.toHtml()


def test_the_question_note_saves_after_a_pause_and_on_focus_out(
    qtbot, window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    panel = window.annotation_tools.panel
    panel.question_note.setPlainText("Relancer en septembre")
    qtbot.waitUntil(lambda: services.annotations.question_note(key)[0] != "", timeout=4000)
    assert services.annotations.question_note(key)[0] == "Relancer en septembre"
    panel.question_note.setPlainText("Relancer en octobre")
    panel.question_note.focus_lost.emit()
    assert services.annotations.question_note(key)[0] == "Relancer en octobre"


def test_a_typed_question_note_is_saved_when_another_question_opens(
    window: MainWindow, services: Services
) -> None:
    key = open_seed(window, services)
    window.annotation_tools.panel.question_note.setPlainText("à relancer")
    [other] = services.importing.import_paths([SEED.parent / "qSEQ080203308.txt"]).keys
    window.open_question(other)
    assert services.annotations.question_note(key)[0] == "à relancer"
    assert window.annotation_tools.panel.question_note.toPlainText() == ""


@pytest.fixture
def second_writer(db_path: Path, services: Services):
    other = Services.build(open_library(db_path), "collègue")
    yield other
    other.database.close()


@pytest.mark.parametrize("choice", [Choice.TAKE_THEIRS, Choice.KEEP_MINE])
def test_a_concurrent_edit_is_never_overwritten_silently(
    monkeypatch, window: MainWindow, services: Services, second_writer: Services, choice: Choice
) -> None:
    open_seed(window, services)
    select(window.reader.answer_pane, QUOTE)
    created = window.annotation_tools.controller.create("engagement")
    assert created is not None
    loaded = second_writer.annotations.get(created.id)
    second_writer.annotations.update(dataclasses.replace(loaded, note="la note du collègue"))

    shown: list[tuple[str, str]] = []

    def answer(_parent: object, mine: str, theirs: str) -> Choice:
        shown.append((mine, theirs))
        return choice

    monkeypatch.setattr(conflict_dialog, "choose_version", answer)
    panel = window.annotation_tools.panel
    panel.note_edit.set_text("ma note")
    panel.save_button.click()
    [(mine, theirs)] = shown
    assert "ma note" in mine and "la note du collègue" in theirs
    stored = services.annotations.get(created.id).note
    if choice is Choice.TAKE_THEIRS:
        assert stored == "la note du collègue"
        assert panel.note_edit.text() == "la note du collègue"
    else:
        assert stored == "ma note"
        window.annotation_tools.undo_action.trigger()  # undo goes back to their version
        assert services.annotations.get(created.id).note == "la note du collègue"


def test_a_concurrent_question_note_asks_before_overwriting(
    monkeypatch, window: MainWindow, services: Services, second_writer: Services
) -> None:
    key = open_seed(window, services)
    second_writer.annotations.save_question_note(key, "leur note", 0)
    asked: list[str] = []

    def answer(_parent: object, mine: str, theirs: str) -> Choice:
        asked.append(theirs)
        return Choice.TAKE_THEIRS

    monkeypatch.setattr(conflict_dialog, "choose_version", answer)
    panel = window.annotation_tools.panel
    panel.question_note.setPlainText("ma note")
    panel.flush_question_note()
    assert asked == ["leur note"]
    assert services.annotations.question_note(key)[0] == "leur note"
    assert panel.question_note.toPlainText() == "leur note"

    monkeypatch.setattr(conflict_dialog, "choose_version", lambda *_: Choice.KEEP_MINE)
    second_writer.annotations.save_question_note(key, "encore eux", 1)
    panel.question_note.setPlainText("la mienne")
    panel.flush_question_note()
    assert services.annotations.question_note(key)[0] == "la mienne"


def test_an_orphan_is_listed_and_can_be_reattached(
    window: MainWindow, services: Services, tmp_path: Path
) -> None:
    key = open_seed(window, services)
    start = window.reader.answer_pane.canonical.index(QUOTE)
    created = services.annotations.create(
        key, Part.ANSWER, start, start + len(QUOTE), "engagement", note="garder"
    )
    text = SEED.read_text(encoding="utf-8")
    cut_from = text.index("Enfin, pour assurer")
    cut_to = text.index("plus grande échelle.") + len("plus grande échelle.")
    page = tmp_path / "sans-phrase.txt"
    page.write_text(text[:cut_from] + text[cut_to:], encoding="utf-8")
    services.importing.import_paths([page])
    window.open_question(key)
    panel = window.annotation_tools.panel
    pane = window.reader.answer_pane
    assert pane.highlights == ()  # no place to draw it
    row = panel.model.record_at(0)
    assert row is not None and row.anchor_state is AnchorState.ORPHAN
    assert "Orphan" in panel.model.data(panel.model.index(0, 0)) and QUOTE in row.selector.exact
    panel.state_filter.setCurrentIndex(panel.state_filter.findData(AnchorState.ORPHAN.value))
    assert panel.model.rowCount() == 1
    assert panel.select_annotation(created.id)
    assert QUOTE in panel.state_text.text() and panel.reattach_button.isVisibleTo(panel)

    panel.reattach_button.click()  # nothing selected yet: the user is told
    assert services.annotations.get(created.id).anchor_state is AnchorState.ORPHAN
    start, end = select(pane, FIGURE)
    panel.reattach_button.click()
    moved = services.annotations.get(created.id)
    assert moved.anchor_state is AnchorState.ANCHORED
    assert (moved.selector.exact, moved.note) == (FIGURE, "garder")
    assert (start, end) in [(s, e) for s, e, _ in painted(pane)]
