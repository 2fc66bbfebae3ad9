"""Render docs/screenshot.png: the sample library, a few highlights, the seed question open."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_KEY = "senat-20250130-fabien-genet-p246"
HIGHLIGHTS = [
    ("l'ensemble des ministères présenteront d'ici juin 2025", "engagement", "Vérifier à Vivatech"),
    ("6 février 2025", "chiffre", ""),
    ("Chaque ministère élabore actuellement une feuille de route", "relancer", "Calendrier ?"),
]


def main() -> None:
    from qe_desktop.domain.annotation import Part
    from qe_desktop.services.container import Services
    from qe_desktop.services.library import open_library

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "exemple.sqlite"
        services = Services.build(open_library(db), "Claire")
        services.importing.import_paths([ROOT / "resources" / "samples"])
        answer = services.questions.detail(SEED_KEY).record.answer_text or ""
        for quote, category, note in HIGHLIGHTS:
            start = answer.index(quote)
            services.commitments.highlight(
                SEED_KEY, Part.ANSWER, start, start + len(quote), category, note=note
            )
        services.database.close()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": folder}
        subprocess.run(
            [sys.executable, "-m", "qe_desktop", "--db", str(db), "screenshot", str(out),
             "--question", SEED_KEY],
            check=True,
            env=env,
        )  # fmt: skip
    print(out)


if __name__ == "__main__":
    main()
