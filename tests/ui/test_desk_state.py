"""What the desk remembers between sessions, and the preferences dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.services.container import Services
from qe_desktop.services.library import default_user_name
from qe_desktop.ui.application import make_application
from qe_desktop.ui.filter_bar import decode_filter, encode_filter
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.settings_dialog import (
    LANGUAGE_KEY,
    USER_NAME_KEY,
    SettingsDialog,
    saved_language,
    saved_user_name,
)


def reopen(qtbot, services: Services, settings: QSettings) -> MainWindow:
    """A new window on the same library and settings, started as the application does."""
    make_application()
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.restore_state()
    window.refresh()
    window.show()
    return window


def test_filters_sort_columns_splitters_and_zoom_survive_a_restart(
    qtbot, sample_window: MainWindow, settings: QSettings
) -> None:
    first = sample_window
    screen = first.screen().availableGeometry()  # a saved geometry is kept inside the screen
    first.resize(screen.width() - 40, screen.height() - 60)
    panel = first.library
    panel.filters.set_expanded(True)
    panel.filters.status_chips[Status.ANSWERED].setChecked(True)
    panel.filters.chamber.setCurrentIndex(panel.filters.chamber.findData("senat"))
    author = panel.model.column_of("author")
    panel.table.sortByColumn(author, Qt.SortOrder.AscendingOrder)
    title = panel.model.column_of("title")
    panel.table.setColumnWidth(title, 411)
    first.desk.setSizes([300, 400])
    desk_sizes = first.desk.sizes()
    first.zoom_in_action.trigger()
    first.zoom_in_action.trigger()
    zoomed = first.reader.question_pane.font().pointSizeF()
    expected_keys = [panel.model.row_at(i).key for i in range(panel.model.rowCount())]
    first.close()  # saves, as quitting does

    second = reopen(qtbot, first.services, settings)
    again = second.library
    assert again.filters.expanded
    assert again.filters.current().statuses == frozenset({Status.ANSWERED})
    assert again.filters.chamber.value() == "senat"
    assert again.model.current_sort.column == "author"
    assert not again.model.current_sort.descending
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == author
    assert again.table.columnWidth(title) == 411
    assert [again.model.row_at(i).key for i in range(again.model.rowCount())] == expected_keys
    assert second.desk.sizes() == desk_sizes
    assert second.reader.question_pane.font().pointSizeF() == zoomed


def test_search_text_is_carried_to_the_next_session(
    qtbot, sample_window: MainWindow, settings: QSettings
) -> None:
    # Issue 22: a search lost at restart was a surprise; the count label says it narrows.
    sample_window.library.search.setText("Vivatech")
    sample_window.library._apply_search()
    shown = sample_window.library.model.rowCount()
    sample_window.close()
    second = reopen(qtbot, sample_window.services, settings)
    assert second.library.search.text() == "Vivatech"
    assert second.library.model.rowCount() == shown < second.services.questions.total()


def test_filter_state_round_trips_and_garbage_gives_no_filter() -> None:
    flt = QuestionFilter(
        chamber="an",
        legislature=14,
        ministry="Intérieur",
        group="UMP",
        author="Marc Le Fur",
        statuses=frozenset({Status.OVERDUE, Status.PENDING}),
        published_from=date(2013, 1, 1),
        published_to=date(2014, 12, 31),
        has_notes=True,
        tag="maires",
        category="engagement",
    )
    assert decode_filter(encode_filter(flt)) == flt
    for garbage in (None, "", "{", "[]", '{"statuses": "x"}', '{"published_from": "hier"}', 42):
        assert decode_filter(garbage) == QuestionFilter()
    assert decode_filter('{"statuses": ["overdue", "nonsense"]}').statuses == {Status.OVERDUE}


def test_preferences_store_language_and_user_name(qtbot, settings: QSettings) -> None:
    assert saved_language(settings) == "fr"
    assert saved_user_name(settings) == default_user_name()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.user_name.setText("  Claire Dubois ")
    dialog.accept()
    assert settings.value(LANGUAGE_KEY) == "en"
    assert settings.value(USER_NAME_KEY) == "Claire Dubois"
    assert saved_user_name(settings) == "Claire Dubois"


def test_preferences_rename_the_annotation_author_at_once(
    qtbot, monkeypatch, window: MainWindow
) -> None:
    def accept_with_name(dialog: SettingsDialog) -> int:
        dialog.user_name.setText("Claire Dubois")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", accept_with_name)
    window.preferences_action.trigger()
    assert window.services.user == "Claire Dubois"


def test_unknown_language_setting_falls_back_to_french(settings: QSettings) -> None:
    settings.setValue(LANGUAGE_KEY, "tlh")
    assert saved_language(settings) == "fr"


def test_hidden_dock_stays_hidden_after_a_restart(qtbot, sample_services, settings) -> None:
    from qe_desktop.ui.main_window import MainWindow

    first = MainWindow(sample_services, settings)
    qtbot.addWidget(first)
    first.show()
    first.restore_state()
    first.annotation_tools.dock.hide()
    first.save_state()
    second = MainWindow(sample_services, settings)
    qtbot.addWidget(second)
    second.restore_state()
    second.show()
    assert not second.annotation_tools.dock.isVisible()
