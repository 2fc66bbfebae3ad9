"""Render docs/screenshot-1366.png (the desk, docks open) and docs/analyses-1366.png.

A laptop-sized window (1366×768), in French, on the sample library with a few
highlights: what a new user sees, docks and all, so that overlaps show up here.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)
SEED_KEY = "senat-20250130-fabien-genet-p246"
HIGHLIGHTS = [
    ("l'ensemble des ministères présenteront d'ici juin 2025", "engagement", "Vérifier à Vivatech"),
    ("6 février 2025", "chiffre", ""),
    ("Chaque ministère élabore actuellement une feuille de route", "relancer", "Calendrier ?"),
]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="qe-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(folder)  # settings of this run only
    from PySide6.QtCore import QSettings

    from qe_desktop.domain.annotation import Part
    from qe_desktop.services.container import Services
    from qe_desktop.services.library import open_library
    from qe_desktop.ui.application import install_translation, make_application
    from qe_desktop.ui.jobs import wait_for_jobs
    from qe_desktop.ui.main_window import MainWindow

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    services = Services.build(open_library(folder / "exemple.sqlite"), "Claire")
    services.importing.import_paths([ROOT / "resources" / "samples"])
    answer = services.questions.detail(SEED_KEY).record.answer_text or ""
    created = []
    for quote, category, note in HIGHLIGHTS:
        start = answer.index(quote)
        created.append(
            services.commitments.highlight(
                SEED_KEY, Part.ANSWER, start, start + len(quote), category, note=note
            )
        )
    commitment = services.commitments.list()
    app = make_application()
    install_translation(app, "fr")
    window = MainWindow(
        services, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    )
    window.resize(*SIZE)
    window.refresh()
    window.show_question(SEED_KEY)
    window.show()
    window.commitment_tools.show_view()
    window.annotation_tools.panel.select_annotation(created[0].id)

    def settle() -> None:
        for _ in range(5):  # background work (suggestions, coverage) drawn once it is done
            wait_for_jobs()
            for _ in range(20):
                app.processEvents()

    window.resize(*SIZE)
    settle()
    desk = out / "screenshot-1366.png"
    window.grab().save(str(desk))
    view = window.analyses_tools.show_analyses()
    view.resize(*SIZE)
    for position in sorted(view.delays.bars):  # a bar clicked: its questions listed
        view.delays.click(*position)
        if view.question_list.count():
            break
    settle()
    analyses = out / "analyses-1366.png"
    view.grab().save(str(analyses))
    window.close()  # stops the background passes
    wait_for_jobs()
    services.close()
    print(desk, analyses, f"{len(commitment)} commitment(s)")


if __name__ == "__main__":
    main()
