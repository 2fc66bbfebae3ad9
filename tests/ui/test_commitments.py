"""The commitment tracker in the window: suggestions in the reader, the Commitments view."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import QApplication, QMenu

from qe_desktop.domain.annotation import (
    COMMITMENT_CATEGORY,
    CommitmentStatus,
    DatePrecision,
    Part,
)
from qe_desktop.domain.commitments import Suggestion
from qe_desktop.domain.commitments import suggest_commitments as rules_finder
from qe_desktop.nlp import pipeline
from qe_desktop.services import suggestion_cache
from qe_desktop.services.commitments import CommitmentService
from qe_desktop.services.container import Services
from qe_desktop.ui.application import make_application
from qe_desktop.ui.commitments.labels import OVERDUE_FOREGROUND
from qe_desktop.ui.commitments.table_model import CommitmentTableModel
from qe_desktop.ui.main_window import MainWindow
from tests.ui.annotating import painted

TODAY = date(2026, 11, 29)
SEED_KEY = "senat-20250130-fabien-genet-p246"
ROADMAPS = "l'ensemble des ministères présenteront d'ici juin 2025"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def frozen(sample_services: Services) -> Services:
    """The sample library, seen on 29/11/2026."""
    tracker = CommitmentService(
        sample_services.database,
        sample_services.annotations,
        sample_services.current_user,
        today=lambda: TODAY,
    )
    return dataclasses.replace(sample_services, commitments=tracker)


@pytest.fixture
def win(qtbot, frozen: Services, settings: QSettings) -> Iterator[MainWindow]:
    make_application()
    window = MainWindow(frozen, settings)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.refresh()
    window.show()
    yield window


def _accept_seed(services: Services) -> str:
    [suggestion] = services.commitments.suggestions(SEED_KEY)
    return services.commitments.accept(SEED_KEY, suggestion).id


def _hand_commitment(
    services: Services,
    key: str,
    quote: str,
    due: date,
    precision: DatePrecision,
    status: CommitmentStatus = CommitmentStatus.TO_CHECK,
) -> str:
    answer = services.questions.detail(key).record.answer_text or ""
    start = answer.index(quote)
    made = services.annotations.create(
        key, Part.ANSWER, start, start + len(quote), COMMITMENT_CATEGORY
    )
    dated = services.commitments.set_due(made.id, due, precision, made.version)
    if status is not CommitmentStatus.TO_CHECK:
        services.commitments.change_status(made.id, status, "Vérifié au JO", "", dated.version)
    return made.id


def _menu_actions(win: MainWindow, offset: int) -> dict[str, QAction]:
    """The entries the suggestions add to the answer pane's context menu at `offset`."""
    menu = QMenu(win)  # parented: its actions live as long as the window
    win.commitment_tools.suggestions.extend_menu(menu, offset)
    return {action.text(): action for action in menu.actions() if action.text()}


# -- the model ------------------------------------------------------------------------
def test_the_model_passes_the_model_tester_and_late_rows_stand_out(
    qtmodeltester, frozen: Services
) -> None:
    seed = _accept_seed(frozen)
    future = _hand_commitment(
        frozen, "QANR5L14QE26562", "l'honorariat est conféré par le préfet", date(2030, 12, 31),
        DatePrecision.YEAR,
    )  # fmt: skip
    model = CommitmentTableModel()
    model.set_rows(frozen.commitments.list())
    qtmodeltester.check(model)

    assert [model.row_at(model.index(r, 0)).annotation_id for r in range(2)] == [seed, future]
    due, late = model.column_of("due"), model.column_of("overdue")
    assert model.index(0, due).data() == f"{QLocale().standaloneMonthName(6)} 2025"
    assert model.index(0, late).data() == "517"
    assert model.index(1, due).data() == "2030"
    assert model.index(1, late).data() == ""
    red = model.index(0, model.column_of("quote")).data(Qt.ItemDataRole.ForegroundRole)
    assert red.color() == QColor(OVERDUE_FOREGROUND)
    font = model.index(0, model.column_of("ministry")).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, model.column_of("quote")).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None


# -- suggestions in the reader --------------------------------------------------------------
def test_a_suggestion_is_drawn_dashed_and_accepted_from_the_context_menu(
    win: MainWindow, frozen: Services
) -> None:
    win.show_question(SEED_KEY)
    pane = win.reader.answer_pane
    start = pane.canonical.index("Enfin, pour assurer")
    [(span_start, span_end)] = pane.suggestion_spans
    assert span_start == start
    dashed = [
        s
        for s in pane.extraSelections()
        if s.format.underlineStyle() == s.format.UnderlineStyle.DashUnderline
    ]
    assert len(dashed) == 1

    actions = _menu_actions(win, start + 10)
    assert any(text.startswith("Suggested commitment, due") for text in actions)
    actions["Accept as a commitment"].trigger()

    [record] = frozen.annotations.for_question(SEED_KEY)
    assert record.category == COMMITMENT_CATEGORY
    assert record.commitment is not None and record.commitment.due_date == date(2025, 6, 30)
    assert pane.suggestion_spans == ()
    assert (span_start, span_end) in [drawn[:2] for drawn in painted(pane)]
    assert record.id in [h.id for h in pane.highlights]

    win.annotation_tools.controller.undo()  # an accepted suggestion is undone like a highlight
    assert frozen.annotations.for_question(SEED_KEY) == []
    assert pane.suggestion_spans == ((span_start, span_end),)


def test_a_dismissed_suggestion_stays_dismissed(win: MainWindow, frozen: Services) -> None:
    win.show_question(SEED_KEY)
    pane = win.reader.answer_pane
    offset = pane.canonical.index(ROADMAPS)
    assert _menu_actions(win, 5) == {}  # outside the suggestion: nothing added
    _menu_actions(win, offset)["Dismiss the suggestion"].trigger()
    assert pane.suggestion_spans == ()
    win.show_question("QANR5L14QE26562")
    win.show_question(SEED_KEY)
    assert win.reader.answer_pane.suggestion_spans == ()
    assert frozen.annotations.for_question(SEED_KEY) == []


def test_accepting_with_another_due_date(qtbot, win: MainWindow, frozen: Services) -> None:
    win.show_question(SEED_KEY)
    [suggestion] = win.commitment_tools.suggestions.suggestions
    dialog = win.commitment_tools.suggestions.accept_with_date(suggestion)
    dialog.date_edit.setDate(dialog.date_edit.date().addMonths(3))
    dialog.precision_combo.setCurrentIndex(dialog.precision_combo.findData("quarter"))
    dialog.accept()
    [record] = frozen.annotations.for_question(SEED_KEY)
    assert record.commitment is not None
    assert record.commitment.due_date == date(2025, 9, 30)
    assert record.commitment.precision is DatePrecision.QUARTER


# -- the Commitments view ----------------------------------------------------------------
def test_the_view_lists_filters_and_opens_a_commitment(
    qtbot, win: MainWindow, frozen: Services
) -> None:
    seed = _accept_seed(frozen)
    _hand_commitment(
        frozen, "QANR5L14QE26562", "l'honorariat est conféré par le préfet", date(2030, 12, 31),
        DatePrecision.YEAR,
    )  # fmt: skip
    tools = win.commitment_tools
    assert not tools.dock.isVisible()
    tools.show_action.trigger()
    assert tools.dock.isVisible()
    view = tools.view
    assert view.model.rowCount() == 2
    assert view.count_label.text() == "2 commitment(s), 1 overdue"

    view.overdue_check.setChecked(True)
    assert [r.annotation_id for r in view.model.rows] == [seed]
    view.overdue_check.setChecked(False)
    view.ministry_combo.setCurrentIndex(view.ministry_combo.findData("Intérieur"))
    assert [r.question_key for r in view.model.rows] == ["QANR5L14QE26562"]
    view.ministry_combo.setCurrentIndex(0)
    view.status_combo.setCurrentIndex(view.status_combo.findData("rompu"))
    assert view.model.rowCount() == 0
    view.status_combo.setCurrentIndex(0)

    win.show_question("QANR5L14QE26562")
    index = view.model.index(0, view.model.column_of("quote"))
    view.table.doubleClicked.emit(index)
    assert win.reader.detail is not None and win.reader.detail.key == SEED_KEY
    answer = win.reader.answer_pane
    assert answer.flashing is not None
    assert answer.canonical[answer.flashing[0] : answer.flashing[1]].startswith("Enfin, pour")


def test_status_change_and_due_date_from_the_view(qtbot, win: MainWindow, frozen: Services) -> None:
    seed = _accept_seed(frozen)
    view = win.commitment_tools.show_view()
    view.select(seed)
    dialog = view.change_status()
    assert dialog is not None
    assert dialog.history.topLevelItemCount() == 1  # the acceptance, by the tester
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("tenu_en_retard"))
    dialog.reason_edit.setPlainText("Feuilles de route publiées en septembre 2025")
    dialog.evidence_edit.setText("https://www.numerique.gouv.fr/")
    dialog.accept()
    [row] = view.model.rows
    assert row.status is CommitmentStatus.KEPT_LATE
    assert not row.is_overdue  # kept late: no longer counted as late
    history = frozen.annotations.get(seed).commitment.history  # type: ignore[union-attr]
    assert [h.author for h in history] == ["testeur", "testeur"]
    assert history[-1].evidence == "https://www.numerique.gouv.fr/"

    editor = view.edit_due()
    assert editor is not None
    editor.undated_check.setChecked(True)
    editor.accept()
    [row] = view.model.rows
    assert row.due_date is None


def test_follow_up_draft_can_be_copied_and_saved(
    qtbot, win: MainWindow, frozen: Services, tmp_path: Path
) -> None:
    seed = _accept_seed(frozen)
    view = win.commitment_tools.show_view()
    view.select(seed)
    dialog = view.follow_up()
    assert dialog is not None
    assert dialog.text.startswith("M. Fabien Genet rappelle à Mme la ministre déléguée")
    assert "(p. 246)" in dialog.text and "juin 2025" in dialog.text
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.text
    assert dialog.save_to(tmp_path / "relance.docx")
    paragraphs = [p.text for p in Document(str(tmp_path / "relance.docx")).paragraphs]
    assert paragraphs == [dialog.text]
    assert dialog.save_to(tmp_path / "relance.txt")
    assert (tmp_path / "relance.txt").read_text(encoding="utf-8") == dialog.text + "\n"


def test_calendar_export_from_the_view(win: MainWindow, frozen: Services, tmp_path: Path) -> None:
    seed = _accept_seed(frozen)
    view = win.commitment_tools.show_view()
    assert view.export_calendar(tmp_path / "engagements.ics") == 1
    text = (tmp_path / "engagements.ics").read_text(encoding="utf-8").replace("\n ", "")
    assert f"UID:{seed}@qe-desktop" in text


def test_screenshot_of_the_commitments_view(qtbot, win: MainWindow, frozen: Services) -> None:
    _accept_seed(frozen)
    _hand_commitment(
        frozen, "QANR5L14QE26562", "l'honorariat est conféré par le préfet", date(2026, 11, 30),
        DatePrecision.DAY,
    )  # fmt: skip
    _hand_commitment(
        frozen, "senat-qSEQ141113855", "Ce seuil de 25 hectares est à prendre en compte",
        date(2027, 6, 30), DatePrecision.SEMESTER, CommitmentStatus.IN_PROGRESS,
    )  # fmt: skip
    _hand_commitment(
        frozen, "senat-qSEQ080203308", "des statistiques détaillées", date(2008, 12, 31),
        DatePrecision.YEAR, CommitmentStatus.KEPT,
    )  # fmt: skip
    win.commitment_tools.show_view()
    win.open_question(SEED_KEY)
    for _ in range(5):
        QApplication.processEvents()
    image = win.grab()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOTS / "commitments.png"))
    assert image.width() >= 1200
    view = win.commitment_tools.view
    assert view.model.rowCount() == 4
    assert view.count_label.text() == "4 commitment(s), 1 overdue"


def test_screenshot_of_a_suggestion_in_the_reader(qtbot, win: MainWindow) -> None:
    win.show_question(SEED_KEY)
    pane = win.reader.answer_pane
    [(start, _end)] = pane.suggestion_spans
    pane.select_span(start, start)
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())  # it ends the answer
    for _ in range(5):
        QApplication.processEvents()
    image = win.grab()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOTS / "commitment-suggestion.png"))
    top_left = pane.mapTo(win, pane.rect().topLeft())
    assert image.copy(top_left.x(), top_left.y(), pane.width(), pane.height()).save(
        str(SCREENSHOTS / "commitment-suggestion-pane.png")
    )
    assert "suggested commitment" in win.statusBar().currentMessage()


def _explained(text: str, answered_on: date | None) -> list[Suggestion]:
    """The rule finder, with an explanation as the French model gives one."""
    return [
        dataclasses.replace(s, kind="firm", explanation="futur, échéance : d'ici juin 2025")
        for s in rules_finder(text, answered_on)
    ]


def test_the_suggestion_tooltip_explains_why(
    win: MainWindow, frozen: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(suggestion_cache, "_default_finder", _explained)
    monkeypatch.setattr(suggestion_cache, "_default_version", lambda: "explained")
    explained = CommitmentService(
        frozen.database, frozen.annotations, frozen.current_user, today=lambda: TODAY
    )
    win.commitment_tools.suggestions.service = explained
    win.show_question(SEED_KEY)
    win.commitment_tools.suggestions.reload()  # the seed may have been shown already
    start = win.reader.answer_pane.canonical.index("Enfin, pour assurer")
    menu = QMenu(win)
    win.commitment_tools.suggestions.extend_menu(menu, start + 10)
    [header] = [a for a in menu.actions() if a.text().startswith("Suggested commitment")]
    assert header.toolTip() == "firm : futur, échéance : d'ici juin 2025"


def test_without_the_model_suggestions_come_from_the_worker_then_are_drawn(
    qtbot, win: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "is_loaded", lambda: False)  # as in a fresh window
    monkeypatch.setattr(suggestion_cache, "_default_version", lambda: "fresh")
    controller = win.commitment_tools.suggestions
    controller.service.cache = suggestion_cache.SuggestionCache(win.services.database)
    controller.worker.fill_library = False
    win.show_question(SEED_KEY)
    controller.reload()  # the seed may have been shown already
    pane = win.reader.answer_pane
    assert pane.suggestion_spans == ()  # nothing cached: the GUI thread did not compute
    qtbot.waitUntil(lambda: len(pane.suggestion_spans) == 1, timeout=10_000)
    controller.worker.stop()
