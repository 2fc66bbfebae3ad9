"""Starting the window (or rendering it to a PNG for `screenshot`)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from qe_desktop.ui import warm_up
from qe_desktop.ui.crash import install_crash_reporter
from qe_desktop.ui.jobs import wait_for_jobs
from qe_desktop.ui.main_window import MainWindow
from qe_desktop.ui.resources import resource
from qe_desktop.ui.settings_dialog import saved_language, saved_user_name
from qe_desktop.ui.startup import Startup

if TYPE_CHECKING:  # SQLAlchemy and the services load after the first rows (ui/startup.py)
    from qe_desktop.services.container import Services

ORGANIZATION = "qe-desktop"


def make_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName("qe-desktop")
    app.setApplicationDisplayName("qe-desktop")
    return app


def install_translation(app: QApplication, language: str) -> QTranslator | None:
    """French by default; "en" shows the source strings (its catalogue only holds plurals).

    Qt's own words (OK, Cancel, the text fields' context menus) come from the
    qtbase catalogue shipped with PySide6.
    """
    translator = QTranslator(app)
    qm = resource("translations", f"qe_desktop_{language}.qm")
    if qm.is_file():
        with as_file(qm) as path:  # a file path: QTranslator keeps no pointer to our bytes
            loaded = translator.load(str(path))
    else:  # installed without the build step (`pip install .`): compile the catalogue once
        compiled = compile_catalogue(language)
        loaded = compiled is not None and translator.load(str(compiled))
    if not loaded:
        return None
    app.installTranslator(translator)
    qt_words = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_words.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_words)
    QLocale.setDefault(QLocale(language))
    return translator


def compile_catalogue(language: str) -> Path | None:
    """Compile the bundled .ts into the user's cache with PySide6's lrelease."""
    source = resource("translations", f"qe_desktop_{language}.ts")
    if not source.is_file():
        return None
    target = Path(user_cache_dir("qe-desktop", appauthor=False)) / f"qe_desktop_{language}.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    target.parent.mkdir(parents=True, exist_ok=True)
    with as_file(source) as ts:
        if target.exists() and target.stat().st_mtime >= Path(ts).stat().st_mtime:
            return target
        if not lrelease.exists():
            return None
        done = subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(target)], check=False, timeout=60
        )
    return target if done.returncode == 0 and target.exists() else None


def run_gui(
    args: argparse.Namespace, location: str, build_services: Callable[[str], Services]
) -> int:
    app = make_application()
    install_crash_reporter(app)  # uncaught errors: a dialog and the log, Qt's messages logged
    settings = QSettings()
    install_translation(app, saved_language(settings))
    if args.command == "screenshot":
        return screenshot(app, args, location, settings, build_services)
    startup = Startup(location, settings, build_services)  # first rows, then the services
    if startup.build() is None:
        return startup.exit_code or 3
    startup.show()  # the daily check and backup, the Veille, the collector: once all is in
    code = app.exec()
    startup.wait()
    wait_for_jobs()  # a synchronisation or a lookup still writing or reading
    if startup.services is not None:
        startup.services.close()
    return startup.exit_code if startup.exit_code is not None else int(code)


def screenshot(
    app: QApplication,
    args: argparse.Namespace,
    location: str,
    settings: QSettings,
    build_services: Callable[[str], Services],
) -> int:
    """`qe-desktop screenshot`: the whole window, services first, rendered to a PNG."""
    from qe_desktop.services.library import (
        CorruptDatabaseError,
        LibraryUnavailableError,
        NewerDatabaseError,
    )

    try:
        services = build_services(location)
    except (NewerDatabaseError, CorruptDatabaseError, LibraryUnavailableError) as error:
        sys.stderr.write(f"{error}\n")
        return 3
    services.current_user.name = saved_user_name(settings)
    return render_screenshot(app, MainWindow(services, settings), args)


SCREENSHOT_WAIT_MS = 20_000  # then the library-wide fills are stopped: they may take hours


def settle_background_work(app: QApplication, window: MainWindow, budget_ms: int = 0) -> bool:
    """Let the shown question's lookups (its coverage, its suggestions) end and be drawn.

    The library-wide fills of a large new library would keep the picture waiting for
    minutes (five waits of 30 s each): past the budget they are stopped, and the picture shows
    what is computed. Returns True when every job ended within the budget.
    """
    deadline = time.monotonic() + (budget_ms or SCREENSHOT_WAIT_MS) / 1000
    done = False
    # Five rounds even when all ended at once: a result arrives as a queued call, and the
    # widgets it changes lay themselves out at a later turn of the event loop.
    for _ in range(5):
        remaining = int((deadline - time.monotonic()) * 1000)
        done = remaining > 0 and wait_for_jobs(remaining)
        app.processEvents()
    if done:
        return True
    window.stop_background_work()
    wait_for_jobs()  # the shown question's own lookups are short
    for _ in range(3):
        app.processEvents()
    return False


def render_screenshot(app: QApplication, window: MainWindow, args: argparse.Namespace) -> int:
    warm_up.release()  # the picture shows coverage and suggestions as computed
    width, _, height = str(args.size).partition("x")
    window.resize(int(width or 1400), int(height or 860))
    window.refresh()
    if args.question:
        window.show_question(args.question)
    window.show()
    for _ in range(5):
        app.processEvents()
    settle_background_work(app, window)
    image = window.grab()
    ok = image.save(str(args.out))
    window.stop_background_work()  # the library's fills would outlive the picture
    wait_for_jobs()  # lookups started by the shown question still read the library
    window.services.close()
    if not ok:
        sys.stderr.write(f"impossible d'écrire {args.out}\n")
        return 1
    return 0
