"""The Veille in the window: update with progress, Nouveautés with J/K/Space, follows from
the reader, the library's "unseen" filter, marking seen surviving a restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from qe_desktop.domain.follows import EventKind, FollowKind
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.services.veille import VeilleService
from qe_desktop.ui.application import make_application
from qe_desktop.ui.library_model import ROW_ROLE
from qe_desktop.ui.main_window import MainWindow
from tests.veille.conftest import Site

Point = Callable[[Services, Site], VeilleService]


def open_window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.refresh()
    window.show()
    return window


def run_update(qtbot: QtBot, window: MainWindow) -> None:
    tools = window.veille_tools
    with qtbot.waitSignal(tools.panel.model.modelReset, timeout=60_000):
        assert tools.update_now()
    qtbot.waitUntil(lambda: tools._job is None, timeout=60_000)


def test_update_and_news_in_the_window(
    qtbot: QtBot, db_path: Path, site: Site, point_at: Point, tmp_path: Path
) -> None:
    services = Services.build(open_library(db_path), "assistant")
    veille = point_at(services, site)
    veille.follow(FollowKind.AUTHOR, "Fabien Genet")
    window = open_window(qtbot, services, tmp_path)
    tools = window.veille_tools
    tools.show_news()
    run_update(qtbot, window)
    assert window.stack.currentWidget() is window.desk  # the library filled
    assert window.library.model.total == 10
    panel = tools.panel
    assert panel.model.rowCount() == 3
    assert "3" in panel.follows.item(0).text()
    assert tools.last_notice == "1 new answer(s), 2 new question(s) for your follows"

    # J/K move, Space marks seen and moves on, Enter opens the question
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_J)
    assert panel.table.currentIndex().row() == 1
    qtbot.keyClick(panel.table, Qt.Key.Key_K)
    assert panel.table.currentIndex().row() == 0
    first = panel.model.item(0)
    assert first is not None and not first.seen
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert panel.model.item(0).seen and panel.table.currentIndex().row() == 1  # type: ignore[union-attr]
    assert veille.unseen_count() == 2
    second = panel.model.item(1)
    assert second is not None
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.reader.detail is not None and window.reader.detail.key == second.question_key
    assert second.question_key not in veille.unseen_keys()  # read: its news are seen
    veille.mark_seen([second.id], seen=False)  # one unseen again, for the filter below

    # the library's "unseen" filter lists the questions with unseen news
    tools.unseen_filter.setChecked(True)
    unseen = {i.question_key for i in veille.inbox(unseen_only=True)}
    assert window.library.model.total == len(unseen) == 1
    panel.mark_all_button.click()
    assert veille.unseen_count() == 0 and window.library.model.total == 0
    tools.unseen_filter.setChecked(False)
    assert window.library.model.total == 10
    window.close()
    services.database.close()

    services = Services.build(open_library(db_path), "assistant")  # restart
    point_at(services, site)
    window = open_window(qtbot, services, tmp_path)
    window.veille_tools.show_news()
    assert window.veille_tools.panel.model.rowCount() == 3
    assert all(i.seen for i in window.veille_tools.panel.model.items())
    sent = site.full_bodies()
    run_update(qtbot, window)
    assert site.full_bodies() == sent  # the second update downloaded nothing
    window.close()
    services.database.close()


def test_follow_from_the_reader(
    qtbot: QtBot, services: Services, site: Site, point_at: Point, tmp_path: Path
) -> None:
    veille = point_at(services, site)
    veille.update(source="senat")
    window = open_window(qtbot, services, tmp_path)
    window.show_question("senat-16-04688")
    tools = window.veille_tools
    assert tools.follow_author_action.text() == "Follow M. Jean Louis MASSON"
    tools.follow_author_action.trigger()
    tools.follow_question_action.trigger()
    assert {(f.kind, f.value) for f in veille.follows()} == {
        (FollowKind.AUTHOR, "Jean Louis MASSON"),
        (FollowKind.QUESTION, "senat-16-04688"),
    }
    window.close()


def test_opening_a_csv_only_question_fetches_its_page(
    qtbot: QtBot, services: Services, site: Site, point_at: Point, tmp_path: Path
) -> None:
    veille = point_at(services, site)
    veille.update(source="senat")  # nothing followed: no page fetched
    assert not services.questions.detail("senat-16-09481").record.question_text
    window = open_window(qtbot, services, tmp_path)
    window.veille_tools.fetch_on_open = True  # as in the running app (start_schedule)
    window.show_question("senat-16-09481")
    qtbot.waitUntil(lambda: bool(window.reader.detail.record.question_text), timeout=20_000)  # type: ignore[union-attr]
    assert window.reader.detail.record.question_text.startswith("Mme Christine Herzog")  # type: ignore[union-attr]
    assert site.pages["qSEQ231209481"].hits
    window.close()


def test_failed_update_shows_french_reasons(
    qtbot: QtBot, services: Services, site: Site, point_at: Point, tmp_path: Path
) -> None:
    point_at(services, site)
    site.csv.body = b"<html>erreur</html>"
    window = open_window(qtbot, services, tmp_path)
    run_update(qtbot, window)
    report = window.veille_tools.last_report
    assert [s.status for s in report.sources] == ["updated", "failed"]
    assert "page web au lieu du fichier CSV" in report.sources[1].message
    assert EventKind.NEW_ANSWER  # nothing followed: no news
    assert window.veille_tools.panel.model.rowCount() == 0
    window.close()


def test_only_the_questions_the_user_opens_have_their_news_seen(
    qtbot: QtBot, services: Services, site: Site, point_at: Point, tmp_path: Path
) -> None:
    veille = point_at(services, site)
    for name in ("Fabien Genet", "Jean Louis MASSON", "Christine Herzog"):
        veille.follow(FollowKind.AUTHOR, name)
    veille.update(source="senat")
    unseen = set(veille.unseen_keys())
    assert len(unseen) == 4
    window = open_window(qtbot, services, tmp_path)
    table, model = window.library.table, window.library.model
    keys = [model.index(row, 0).data(ROW_ROLE).key for row in range(model.rowCount())]
    assert window.reader.detail is not None and window.reader.detail.key == keys[0]
    assert set(veille.unseen_keys()) == unseen  # the window opened it by itself
    window.show_question(keys[3])  # as after an import: not the user's choice
    assert window.reader.detail.key == keys[3]
    assert set(veille.unseen_keys()) == unseen

    def idle() -> None:
        qtbot.waitUntil(lambda: not window.list_input.active)

    clicked = table.visualRect(model.index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=clicked)
    idle()
    assert window.reader.detail.key == keys[1]
    assert set(veille.unseen_keys()) == unseen - {keys[1]}
    qtbot.keyClick(table, Qt.Key.Key_Down)
    idle()
    assert window.reader.detail.key == keys[2]
    assert set(veille.unseen_keys()) == unseen - {keys[1], keys[2]}
    window.veille_tools.open_question(keys[0])  # a news item (the Nouveautés' Enter)
    assert window.reader.detail.key == keys[0]
    assert set(veille.unseen_keys()) == {keys[3]}
    window.close()
