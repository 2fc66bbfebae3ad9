"""The reading desk as an assistant uses it: filters, search excerpts, keyboard, badges."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, QuestionRow
from qe_desktop.services.container import Services
from qe_desktop.ui.labels import STATUS_COLORS
from qe_desktop.ui.library_delegates import MATCH_BACKGROUND, snippet_segments
from qe_desktop.ui.library_model import SNIPPET_ROLE, LibraryModel
from qe_desktop.ui.library_panel import LibraryPanel
from qe_desktop.ui.main_window import MainWindow

AN_ANSWERED = "QANR5L14QE26562"  # Marc Le Fur, honorariat des maires, answered
AN_WITHDRAWN = "QANR5L12QE65446"  # Pierre Lang, affaissements miniers, withdrawn


def rows(panel: LibraryPanel) -> list[QuestionRow]:
    model = panel.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    found = [model.row_at(i) for i in range(model.rowCount())]
    return [r for r in found if r is not None]


def pending_page(published: date) -> str:
    """A Sénat page still inside its two-month deadline, dated from today."""
    day = published.strftime("%d/%m/%Y")
    return (
        "Question écrite n° 09999 - 17e législature\n"
        f"Question de M. DUPONT Jean (Somme - Les Républicains) publiée le {day}\n\n"
        "M. Jean Dupont attire l'attention de M. le ministre de l'agriculture sur la pénurie "
        "de vétérinaires ruraux.\n\n- page 1234\n\n"
        "En attente de réponse du Ministère de l'agriculture.\n"
    )


@pytest.fixture
def desk(sample_window: MainWindow) -> MainWindow:
    report = sample_window.services.importing.import_text(
        pending_page(date.today() - timedelta(days=10))
    )
    assert report.ok, report.failures
    sample_window.refresh()
    return sample_window


# -- reading ----------------------------------------------------------------------
def test_selecting_an_an_question_shows_its_texts(desk: MainWindow) -> None:
    assert desk.library.select_key(AN_ANSWERED)
    assert "Marc Le Fur" in desk.reader.header.text()
    assert "honorariat des élus" in desk.reader.question_pane.toPlainText()
    answer = desk.reader.answer_pane.toPlainText()
    assert answer.startswith("En application de l'article L. 2122-35")


def test_withdrawn_question_says_it_has_no_answer(desk: MainWindow) -> None:
    desk.library.select_key(AN_WITHDRAWN)
    assert "affaissements miniers" in desk.reader.header.text()
    assert "the question is closed" in desk.reader.answer_pane.toPlainText()


# -- filters ----------------------------------------------------------------------
def test_every_status_chip_narrows_the_list_to_that_status(desk: MainWindow) -> None:
    panel = desk.library
    everything = rows(panel)
    assert {r.status for r in everything} == set(Status), "samples cover every status"
    for status, chip in panel.filters.status_chips.items():
        chip.setChecked(True)
        shown = rows(panel)
        assert shown and {r.status for r in shown} == {status}
        assert len(shown) < len(everything)
        chip.setChecked(False)
    assert len(rows(panel)) == len(everything)


def test_two_status_chips_show_both_statuses(desk: MainWindow) -> None:
    chips = desk.library.filters.status_chips
    chips[Status.WITHDRAWN].setChecked(True)
    chips[Status.LAPSED].setChecked(True)
    assert {r.status for r in rows(desk.library)} == {Status.WITHDRAWN, Status.LAPSED}


@pytest.mark.parametrize(
    ("combo", "value", "check"),
    [
        ("chamber", "an", lambda r: r.chamber == "an"),
        ("legislature", 14, lambda r: r.legislature == 14),
        ("ministry", "Intérieur", lambda r: r.ministry == "Intérieur"),
        ("group", "UC-R", lambda r: r.group == "UC-R"),
        ("author", "Pierre Lang", lambda r: r.author == "Pierre Lang"),
    ],
)
def test_each_drop_down_narrows_the_list(desk: MainWindow, combo: str, value, check) -> None:
    panel = desk.library
    before = rows(panel)
    widget = getattr(panel.filters, combo)
    index = widget.findData(value)
    assert index > 0, f"{value!r} is offered in the {combo} filter"
    widget.setCurrentIndex(index)
    after = rows(panel)
    assert after and all(check(r) for r in after)
    assert len(after) < len(before)
    assert desk.reader.detail is not None and desk.reader.detail.key == after[0].key


def test_date_range_keeps_questions_published_inside_it(desk: MainWindow) -> None:
    filters = desk.library.filters
    filters.published_from.setDate(QDate(2014, 1, 1))
    filters.published_to.setDate(QDate(2022, 12, 31))
    shown = rows(desk.library)
    assert shown
    inside = [
        r.published_on and date(2014, 1, 1) <= r.published_on <= date(2022, 12, 31) for r in shown
    ]
    assert all(inside)
    assert len(shown) < desk.services.questions.total()


def test_notes_tag_and_category_filters_follow_annotations(desk: MainWindow) -> None:
    services = desk.services
    services.annotations.create(AN_ANSWERED, Part.ANSWER, 0, 14, "chiffre", tags=("maires",))
    services.annotations.create(AN_WITHDRAWN, Part.QUESTION, 0, 10, "relancer")
    desk.refresh()
    filters = desk.library.filters
    filters.has_notes.setChecked(True)
    assert {r.key for r in rows(desk.library)} == {AN_ANSWERED, AN_WITHDRAWN}
    filters.has_notes.setChecked(False)
    filters.tag.setCurrentIndex(filters.tag.findData("maires"))
    assert [r.key for r in rows(desk.library)] == [AN_ANSWERED]
    filters.tag.setCurrentIndex(0)
    filters.category.setCurrentIndex(filters.category.findData("relancer"))
    assert [r.key for r in rows(desk.library)] == [AN_WITHDRAWN]


def test_clear_removes_every_filter_and_the_count_says_so(desk: MainWindow) -> None:
    panel = desk.library
    total = desk.services.questions.total()
    panel.filters.status_chips[Status.OVERDUE].setChecked(True)
    panel.filters.chamber.setCurrentIndex(panel.filters.chamber.findData("senat"))
    assert panel.filters.clear_button.isEnabled()
    assert str(total) in panel.count_label.text()
    panel.filters.clear_button.click()
    assert len(rows(panel)) == total
    assert panel.filters.active_count() == 0
    assert not panel.filters.clear_button.isEnabled()


# -- search -----------------------------------------------------------------------
def test_search_rows_carry_marked_excerpts(qtbot, desk: MainWindow) -> None:
    panel = desk.library
    panel.search.setText("commune")
    qtbot.waitUntil(lambda: panel.model.searching, timeout=3000)
    shown = rows(panel)
    assert shown and all("[[" in r.snippet for r in shown)
    title = panel.model.column_of("title")
    tip = panel.model.data(panel.model.index(0, title), Qt.ItemDataRole.ToolTipRole)
    assert "«" in tip and "»" in tip
    assert panel.table.rowHeight(0) >= 2 * panel.table.fontMetrics().height()


def test_matched_words_are_painted_in_the_list(qtbot, desk: MainWindow) -> None:
    panel = desk.library
    panel.search.setText("commune")
    panel._apply_search()
    panel.table.clearSelection()
    image = panel.table.viewport().grab().toImage()
    marker = QColor(MATCH_BACKGROUND).rgb()
    assert any(
        image.pixel(x, y) == marker
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    ), "no search term is highlighted in the list"


def test_snippet_segments_split_marks() -> None:
    assert snippet_segments("…la [[commune]] de\n[[Paris]]") == [
        ("…la ", False),
        ("commune", True),
        (" de ", False),
        ("Paris", True),
    ]


def test_status_is_drawn_as_a_coloured_badge(desk: MainWindow) -> None:
    panel = desk.library
    panel.filters.status_chips[Status.OVERDUE].setChecked(True)
    panel.table.clearSelection()
    column = panel.model.column_of("status")
    rect = panel.table.visualRect(panel.model.index(0, column))
    image = panel.table.viewport().grab(rect).toImage()
    wanted = QColor(STATUS_COLORS[Status.OVERDUE])
    pixels = [
        QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())
    ]
    assert sum(p == wanted for p in pixels) > 50, "no red pill in the status cell"


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=80))
def test_any_search_text_is_safe(sample_services: Services, text: str) -> None:
    model = LibraryModel(sample_services.questions)
    model.set_filter(QuestionFilter(text=text, statuses=frozenset({Status.ANSWERED})))
    assert 0 <= model.rowCount() <= model.total


def test_fts_operators_never_raise(desk: MainWindow) -> None:
    hostile = ['"', "(", ")", "NEAR(", "NEAR", "*", "-", "-x", "a:b", ":", '"a" OR', "^", "AND"]
    for text in hostile:
        desk.library.search.setText(text)
        desk.library._apply_search()
        assert desk.library.count_label.text()


# -- keyboard ---------------------------------------------------------------------
def test_down_and_up_in_the_list_open_the_next_question(qtbot, desk: MainWindow) -> None:
    panel = desk.library
    panel.table.setFocus()
    panel.table.selectRow(0)
    first, second = panel.model.row_at(0), panel.model.row_at(1)
    assert first and second
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert desk.reader.detail is not None and desk.reader.detail.key == second.key
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert desk.reader.detail.key == first.key


def test_down_in_the_search_field_walks_the_list(qtbot, desk: MainWindow) -> None:
    panel = desk.library
    panel.table.selectRow(0)
    second = panel.model.row_at(1)
    assert second
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert desk.reader.detail is not None and desk.reader.detail.key == second.key


def test_f6_cycles_through_list_question_and_answer(qtbot, desk: MainWindow) -> None:
    desk.activateWindow()
    desk.library.table.setFocus()
    visited = []
    for _ in range(3):
        desk.switch_pane_action.trigger()
        visited.append(QApplication.focusWidget())
    assert visited == [desk.reader.question_pane, desk.reader.answer_pane, desk.library.table]


# -- model ------------------------------------------------------------------------
def test_library_model_with_search_and_filters_passes_the_model_tester(
    qtmodeltester, sample_services: Services
) -> None:
    model = LibraryModel(sample_services.questions)
    model.set_filter(QuestionFilter(text="commune", chamber="senat"))
    assert model.rowCount() > 0
    assert model.data(model.index(0, 0), SNIPPET_ROLE)
    qtmodeltester.check(model)


def test_the_header_shows_the_authors_current_group() -> None:
    from qe_desktop.domain.deputy import DeputyRecord
    from qe_desktop.ui.reader.header import header_html
    from tests.exporters.library import synthetic_detail

    detail = dataclasses.replace(
        synthetic_detail("Question ?", None),
        deputy=DeputyRecord("PA1", group="Libertés, Indépendants, Outre-mer et Territoires",
                            group_abbrev="LIOT"),
    )  # fmt: skip
    assert "Outre-mer et Territoires (LIOT)" in header_html(detail)
