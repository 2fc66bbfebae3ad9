"""Screens a user opens on a laptop (1366×768, 1280×720): nothing cut, nothing out of reach."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.follows import FollowKind
from qe_desktop.services.container import Services
from qe_desktop.ui.application import make_application
from qe_desktop.ui.fields import placeholder_width
from qe_desktop.ui.main_window import FIRST_WINDOW_SHARE, MainWindow
from tests.conftest import SAMPLES
from tests.services.versions_support import truncated_page, write
from tests.ui.annotating import open_seed

SEED_KEY = "senat-20250130-fabien-genet-p246"
QUOTE = "l'ensemble des ministères présenteront d'ici juin 2025"


# The first window on a 1280×720 laptop: 90 % of the screen (size_to_screen).
FIRST_ON_1280 = (int(1280 * FIRST_WINDOW_SHARE), int(720 * FIRST_WINDOW_SHARE))
FRENCH = SAMPLES.parent / "translations" / "qe_desktop_fr.qm"  # `make translations`


@pytest.fixture
def french_window(qtbot, sample_services: Services, settings: QSettings) -> Iterator[MainWindow]:
    """The window as a French user sees it: the longer French texts are the ones cut."""
    make_application()
    translator = QTranslator()
    assert translator.load(str(FRENCH))
    QCoreApplication.installTranslator(translator)
    window = MainWindow(sample_services, settings)
    qtbot.addWidget(window)
    window.refresh()
    window.show()
    yield window
    QCoreApplication.removeTranslator(translator)


def _whole_text(combo: QComboBox) -> bool:
    """The current choice fits beside the arrow (Qt elides it otherwise: "Toutes les catég")."""
    text = combo.fontMetrics().horizontalAdvance(combo.currentText())
    return combo.isVisible() and text + 30 <= combo.width()


def _fully_shown(widget: QWidget) -> bool:
    """On screen and not clipped by its dock or scroll area."""
    region = widget.visibleRegion()
    return widget.isVisible() and region.boundingRect().size() == widget.size()


def _commitments_open(qtbot, window: MainWindow, size: tuple[int, int]) -> None:
    answer = window.services.questions.detail(SEED_KEY).record.answer_text or ""
    start = answer.index(QUOTE)
    window.services.commitments.highlight(
        SEED_KEY, Part.ANSWER, start, start + len(QUOTE), "engagement"
    )
    window.show_question(SEED_KEY)
    window.resize(*size)
    qtbot.wait(50)  # docks arranged for that size (tabs when small)
    window.commitment_tools.show_view()  # as View > Commitments does
    view = window.commitment_tools.view
    qtbot.waitUntil(lambda: not view.visibleRegion().isEmpty())


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_commitments_tab_shows_every_button_without_sideways_scrolling(
    qtbot, sample_window: MainWindow, size: tuple[int, int]
) -> None:
    _commitments_open(qtbot, sample_window, size)
    tools = sample_window.commitment_tools
    view = tools.view
    qtbot.waitUntil(lambda: view.width() <= tools.area.viewport().width())
    assert tools.area.horizontalScrollBar().maximum() == 0  # nothing hidden to the right
    buttons = [b for b in view.findChildren(QAbstractButton) if b.isVisibleTo(view)]
    assert len(buttons) >= 5  # two filters, status, due date, follow-up (and the calendar)
    for button in buttons:
        assert _fully_shown(button), button.text()
    table = view.table
    shown = [c for c in range(view.model.columnCount()) if not table.isColumnHidden(c)]
    names = [view.model.COLUMNS[c][0] for c in shown]
    assert names == ["due", "status", "quote"]
    for column in shown[:2]:  # "à vérifier" and "juin 2025" whole, not "à vérifi…"
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)
    quote = view.model.column_of("quote")
    assert table.columnWidth(quote) >= 60  # the commitment itself has room to be read


def test_a_wide_window_keeps_every_commitment_column(qtbot, sample_window: MainWindow) -> None:
    _commitments_open(qtbot, sample_window, (1920, 1080))
    view = sample_window.commitment_tools.view
    table = view.table
    assert not any(table.isColumnHidden(c) for c in range(view.model.columnCount()))
    qtbot.waitUntil(lambda: _fully_shown(view.calendar_button))  # docks sized: in one row


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_highlight_filters_show_their_whole_french_label(
    qtbot, french_window: MainWindow, size: tuple[int, int]
) -> None:
    window = french_window
    window.resize(*size)
    window.show_question(SEED_KEY)
    panel = window.annotation_tools.panel
    qtbot.waitUntil(lambda: not panel.category_filter.visibleRegion().isEmpty())
    assert panel.category_filter.currentText() == "Toutes les catégories"
    assert panel.tag_filter.currentText() == "Toutes les étiquettes"
    for combo in (panel.category_filter, panel.tag_filter, panel.state_filter):
        assert _whole_text(combo), (combo.currentText(), combo.width(), panel.width())


def _news_open(qtbot, window: MainWindow, size: tuple[int, int]) -> None:
    window.show_question(SEED_KEY)
    window.resize(*size)
    qtbot.wait(50)  # docks arranged for that size (tabs when small)
    window.veille_tools.show_news()  # as Veille > Nouveautés does
    panel = window.veille_tools.panel
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_news_are_a_tab_that_leaves_the_reader_its_height(
    qtbot, sample_window: MainWindow, size: tuple[int, int]
) -> None:
    window = sample_window
    window.services.veille.follow(FollowKind.AUTHOR, "M. Fabien Genet")
    _news_open(qtbot, window, size)
    tools = window.veille_tools
    qtbot.waitUntil(lambda: tools.panel.width() <= tools.area.viewport().width())
    reader = window.reader
    right_of_reader = reader.mapTo(window, reader.rect().topRight()).x()
    assert tools.dock.geometry().left() >= right_of_reader  # beside the reader, not under it
    assert reader.height() >= window.height() // 2  # not squeezed above a bottom strip
    assert tools.area.horizontalScrollBar().maximum() == 0
    for button in tools.panel.findChildren(QAbstractButton):
        if button.isVisibleTo(tools.panel):
            assert _fully_shown(button), button.text()
    table = tools.panel.table
    shown = [c for c in range(table.model().columnCount()) if not table.isColumnHidden(c)]
    assert shown == [0, 1, 4]  # New, What, Title
    hint = tools.panel.empty_hint
    assert hint.isVisible() and "Update now" in hint.text()  # no news yet: what to do


def test_an_empty_inbox_says_how_to_follow_something(qtbot, sample_window: MainWindow) -> None:
    _news_open(qtbot, sample_window, (1920, 1080))
    panel = sample_window.veille_tools.panel
    assert panel.empty_hint.isVisible() and "Follow" in panel.empty_hint.text()
    table = panel.table
    assert not any(table.isColumnHidden(c) for c in range(table.model().columnCount()))


def _whole_wrapped(label: QLabel) -> bool:
    """Every line of the label drawn: wrapped, as tall as its text; else as wide as it."""
    if not label.isVisible():
        return False
    if label.wordWrap():
        return label.height() >= label.heightForWidth(label.width()) - 1
    return label.width() >= label.sizeHint().width()


def test_a_held_update_banner_is_read_whole_on_a_1280x720_screen(
    qtbot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    key = open_seed(window, services)
    window.resize(*FIRST_ON_1280)
    report = services.importing.import_paths([write(tmp_path, "copie.txt", truncated_page())])
    window.show_report(report)
    window.report_box.close()
    window.open_question(key)
    bar = window.reader.version_bars[Part.ANSWER]
    qtbot.waitUntil(lambda: bar.banner.isVisible() and bar.banner_text.width() > 0)
    qtbot.waitUntil(lambda: _whole_wrapped(bar.banner_text))
    assert "shorter" in bar.banner_text.text() or "courte" in bar.banner_text.text()
    for button in (bar.show_button, bar.apply_button, bar.reject_button):
        assert _fully_shown(button), button.text()


def test_the_coverage_summary_is_not_cut_in_a_narrow_reader(
    qtbot, french_window: MainWindow
) -> None:
    window = french_window
    window.resize(*FIRST_ON_1280)
    window.show_question(SEED_KEY)
    summary = window.coverage_tools.strip.summary
    qtbot.waitUntil(lambda: "demandes" in summary.text(), timeout=20_000)
    qtbot.waitUntil(lambda: summary.visibleRegion().boundingRect().width() > 0)
    assert "partiellement" in summary.text()
    assert _whole_wrapped(summary)
    assert summary.visibleRegion().boundingRect().size() == summary.size()


def test_every_shortcut_does_one_thing(qtbot, sample_window: MainWindow) -> None:
    """F5 was both Rafraîchir and the Veille update: Qt then runs neither."""
    owners: dict[str, list[str]] = {}
    for action in set(sample_window.findChildren(QAction)):
        for keys in action.shortcuts():
            if keys.toString():
                owners.setdefault(keys.toString(), []).append(action.text())
    assert {keys: names for keys, names in owners.items() if len(names) > 1} == {}
    refreshed = []
    sample_window.team_tools.refresh_action.triggered.connect(lambda: refreshed.append(1))
    sample_window.activateWindow()
    qtbot.waitUntil(sample_window.isActiveWindow)
    qtbot.keyClick(sample_window.library.table, Qt.Key.Key_F5)
    assert refreshed  # F5 refreshes, as the README says
    assert sample_window.veille_tools.update_action.shortcut().toString() == "Shift+F5"


def test_dialog_fields_show_their_whole_french_hint(qtbot, french_window: MainWindow) -> None:
    """ "vide : ~/.pgpass, …" and "les sites officiels (inté…" said nothing."""
    from qe_desktop.ui.settings_dialog import SettingsDialog
    from qe_desktop.ui.team_dialog import TeamLibraryDialog

    settings = french_window.settings
    for dialog in (TeamLibraryDialog(settings, french_window), SettingsDialog(settings)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        fields = [f for f in dialog.findChildren(QLineEdit) if f.placeholderText()]
        assert fields
        for field in fields:
            assert field.width() >= placeholder_width(field), field.placeholderText()
        area = QRect(0, 0, 1280, 720)
        assert dialog.width() <= area.width() and dialog.height() <= area.height()


def test_in_a_large_window_news_and_commitments_are_tabs_of_the_bottom(
    qtbot, sample_window: MainWindow
) -> None:
    """Side by side each got half the bottom: the news squeezed into a 330-px column."""
    window = sample_window
    window.resize(1920, 1080)
    qtbot.wait(50)
    window.commitment_tools.show_view()
    _news_open(qtbot, window, (1920, 1080))
    news = window.veille_tools.dock
    assert news in window.tabifiedDockWidgets(window.commitment_tools.dock)
    assert news.width() >= window.width() * 0.6
    assert not window.veille_tools.panel.narrow
    window.resize(1280, 720)  # smaller: both join the side tabs, then back to the bottom
    qtbot.wait(50)
    window.resize(1920, 1080)
    qtbot.wait(50)
    assert news in window.tabifiedDockWidgets(window.commitment_tools.dock)


def test_an_empty_highlight_panel_says_how_to_highlight(window: MainWindow) -> None:
    """A new library shows the welcome page beside an empty Annotations panel."""
    panel = window.annotation_tools.panel
    assert window.stack.currentWidget() is window.welcome
    assert panel.empty_hint.isVisible() and "Ctrl+1" in panel.empty_hint.text()


def test_every_panel_of_the_view_menu_has_a_key(qtbot, sample_window: MainWindow) -> None:
    """Annotations was the only panel without one: closed by mistake, it came back by mouse."""
    dock = sample_window.annotation_tools.dock
    action = dock.toggleViewAction()
    assert action.shortcut().toString() == "Ctrl+Shift+H"
    dock.close()
    assert not dock.isVisible()
    action.trigger()  # what the shortcut runs
    assert dock.isVisible()
    for tools in (sample_window.commitment_tools, sample_window.veille_tools):
        assert tools.show_action.shortcut().toString()
