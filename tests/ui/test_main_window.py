"""The window as a user meets it: welcome, samples, list, reader, search, keyboard."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from qe_desktop.ui.library_model import LibraryModel
from qe_desktop.ui.main_window import MainWindow


def test_empty_library_shows_the_welcome_panel(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.import_button.isVisible()
    assert window.welcome.samples_button.isVisible()


def test_loading_samples_fills_the_list_and_opens_a_question(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.welcome.samples_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.desk
    assert window.library.model.rowCount() >= 2
    assert window.reader.detail is not None
    assert window.reader.question_pane.toPlainText()


def test_selecting_the_seed_shows_question_and_answer(sample_window: MainWindow) -> None:
    window = sample_window
    rows = [window.library.model.row_at(i) for i in range(window.library.model.rowCount())]
    seed = next(r for r in rows if r is not None and r.published_on and r.published_on.year == 2025)
    window.library.select_key(seed.key)
    assert "intelligence artificielle" in window.reader.question_pane.toPlainText()
    assert window.reader.answer_pane.toPlainText().startswith(
        "Le Gouvernement est pleinement engagé"
    )
    assert "1912" in window.reader.header.text()


def test_search_narrows_the_list_and_highlights_terms(qtbot, sample_window: MainWindow) -> None:
    window = sample_window
    before = window.library.model.rowCount()
    window.library.search.setText("Vivatech")
    qtbot.waitUntil(lambda: window.library.model.rowCount() < before, timeout=3000)
    assert window.library.model.rowCount() == 1
    assert window.reader.detail is not None
    assert window.reader.answer_pane.extraSelections()


def test_fts_hostile_strings_do_not_raise(qtbot, sample_window: MainWindow) -> None:
    """Operators are plain text: alone they filter nothing, around a word they are ignored."""
    everything = sample_window.library.model.rowCount()
    for text, expected in [
        ('"', everything),
        ("(", everything),
        ("*", everything),
        ("🙂" * 30, everything),
        ("NEAR(", 0),
        ('"unbalanced', 0),
        ("zzqx* -zzqy", 0),
        ("a:b", None),  # any count: it must not raise
        ("Vivatech*", 1),
        ('"Vivatech', 1),
    ]:
        sample_window.library.search.setText(text)
        sample_window.library._apply_search()
        if expected is not None:
            assert sample_window.library.model.rowCount() == expected, text
    sample_window.library.search.setText("")
    sample_window.library._apply_search()
    assert sample_window.library.model.rowCount() == everything > 0


def test_library_model_passes_the_model_tester(qtmodeltester, sample_services) -> None:
    model = LibraryModel(sample_services.questions)
    model.reload()
    qtmodeltester.check(model)


def test_ctrl_f_focuses_search(qtbot, sample_window: MainWindow) -> None:
    sample_window.activateWindow()
    sample_window.find_action.trigger()
    assert sample_window.library.search.hasFocus() or sample_window.focusWidget() is (
        sample_window.library.search
    )


def test_zoom_changes_the_reading_font(sample_window: MainWindow) -> None:
    pane = sample_window.reader.question_pane
    before = pane.font().pointSizeF()
    sample_window.zoom_in_action.trigger()
    assert pane.font().pointSizeF() > before


def test_narrow_window_stacks_question_and_answer(qtbot, sample_window: MainWindow) -> None:
    sample_window.resize(700, 800)
    qtbot.waitUntil(
        lambda: sample_window.reader.splitter.orientation() == Qt.Orientation.Vertical,
        timeout=2000,
    )


def test_screenshot_command_writes_a_non_blank_png(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    db = tmp_path / "shot.sqlite"
    samples = Path(__file__).parents[2] / "resources" / "samples"
    subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", str(samples)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)
    }
    assert len(colours) > 20, "the screenshot looks blank"
    # With a question open, its background lookups must end before the process does.
    key = "senat-20250130-fabien-genet-p246"
    result = subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "screenshot", str(out),
         "--question", key],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_import_from_the_window_runs_off_the_gui_thread_and_fills_the_list(
    qtbot, window: MainWindow
) -> None:
    samples = Path(__file__).parents[2] / "resources" / "samples"
    window.import_paths([samples])
    qtbot.waitUntil(lambda: window._import_job is None, timeout=60_000)
    assert window.stack.currentWidget() is window.desk
    assert window.library.model.rowCount() >= 2


def test_screenshot_stops_waiting_for_a_library_fill_that_would_take_hours(
    sample_window: MainWindow,
) -> None:
    """A large new library's coverage fill must not keep `screenshot` waiting for minutes."""
    import time as clock

    from PySide6.QtWidgets import QApplication

    from qe_desktop.ui.application import settle_background_work

    class EndlessFill:  # a million answers to analyse: the fill never ends by itself
        def pending(self) -> int:
            return 1_000_000

        def fill(self, progress, cancelled) -> int:
            while not cancelled():
                clock.sleep(0.01)
            return 0

    fill = sample_window.coverage_tools.fill
    fill.service = EndlessFill()  # type: ignore[assignment]
    fill.start()
    assert fill.running
    assert settle_background_work(QApplication.instance(), sample_window, budget_ms=300) is False
    assert not fill.running, "the library fill still runs after the picture's wait"
    assert sample_window.grab().width() > 0
