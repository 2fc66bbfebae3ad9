"""Measures the window in its own process: cold start, first rows, scrolling, sorting, filters.

Run as `python -m benchmarks.window_probe DB SETTINGS [KEY] [LAUNCHED]`; prints one JSON
object. LAUNCHED is the parent's `time.monotonic()` just before it started this process
(the system-wide monotonic clock), so the interpreter's own start-up is counted too.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import gc  # noqa: E402

gc.disable()  # as `qe_desktop.__main__` does until the window is shown
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

# Imported in the order `qe-desktop` imports them: the services (SQLAlchemy) before Qt.
from qe_desktop.app import build_services  # noqa: E402
from qe_desktop.domain.status import Status  # noqa: E402
from qe_desktop.domain.views import QuestionFilter  # noqa: E402
from qe_desktop.ui.application import make_application  # noqa: E402
from qe_desktop.ui.main_window import MainWindow  # noqa: E402


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(action, app) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    app.processEvents()
    return time.perf_counter() - started


def main() -> None:
    from PySide6.QtCore import QSettings, Qt  # after the services, as in the app

    db, settings_file = sys.argv[1], sys.argv[2]
    key = sys.argv[3] if len(sys.argv) > 3 else ""
    launched = float(sys.argv[4]) if len(sys.argv) > 4 else STARTED
    app = make_application()
    services = build_services(db)
    window = MainWindow(services, QSettings(settings_file, QSettings.Format.IniFormat))
    window.resize(1400, 860)
    window.refresh()
    window.show()
    gc.freeze()  # as run_gui does once the window is shown
    gc.enable()
    app.processEvents()
    window.library.table.viewport().repaint()
    first_rows = time.monotonic() - launched
    result: dict[str, float | None] = {"first_rows_s": first_rows, "rss_mb": _rss_mb()}
    model = window.library.model
    table = window.library.table
    if model.rowCount() == 0:
        print(json.dumps(result), flush=True)
        return

    def scroll_to_end() -> None:
        table.scrollToBottom()
        app.processEvents()
        while model.canFetchMore(table.rootIndex()):  # a model that grows as it is scrolled
            model.fetchMore(table.rootIndex())
            table.scrollToBottom()
            app.processEvents()
        table.viewport().repaint()  # the last rows painted, not just scheduled

    result["scroll_end_s"] = _timed(scroll_to_end, app)
    by_date = model.column_of("published_on")
    result["sort_date_s"] = _timed(
        lambda: table.sortByColumn(by_date, Qt.SortOrder.AscendingOrder), app
    )
    ministry = services.questions.filter_choices("ministry")[0]
    result["filter_ministry_s"] = _timed(
        lambda: model.set_filter(QuestionFilter(ministry=ministry)), app
    )
    result["filter_status_s"] = _timed(
        lambda: model.set_filter(QuestionFilter(statuses=frozenset({Status.OVERDUE}))), app
    )
    if key:
        result["open_annotated_s"] = _timed(lambda: window.open_question(key), app)
    result["rss_mb"] = _rss_mb()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
    os._exit(0)  # skip Qt's teardown: only the figures matter here
