"""*Toutes les annotations* with 50,000 annotations (issue #24): opening ≤ 300 ms.

The library-wide view filters, orders and pages in SQL; this measures what opening it costs
(the first page, its count, the author list) and a filtered search, medians of repeated runs.

    python -m benchmarks.annotations_view --annotations 50000
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus
from qe_desktop.services.annotations import AnnotationFilter
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library

ANNOTATIONS = 50_000
QUESTIONS = 2_000
REPEATS = 7
CATEGORIES = ("engagement", "chiffre", "elusion", "a_relancer", "important")


def _library(workdir: Path, annotations: int) -> Services:
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / f"annotations-{annotations}.sqlite"
    if db.exists():
        return Services.build(open_library(db), "bench")
    corpus = write_corpus(workdir / "corpus-annotations.zip", QUESTIONS)
    services = Services.build(open_library(db), "bench")
    services.importing.import_paths([corpus])
    # Written in bulk: the point is reading them, not how fast the window creates them.
    from sqlalchemy import text

    with services.database.write() as session:
        ids = [row[0] for row in session.execute(text("SELECT id FROM questions"))]
        rows = [
            {
                "id": str(uuid.uuid4()),
                "question_id": ids[n % len(ids)],
                "part": "question",
                "exact": f"passage {n}",
                "start": 0,
                "end": 10,
                "text_hash": "",
                "category": CATEGORIES[n % len(CATEGORIES)],
                "note": f"Note n° {n} sur l'échéance" if n % 3 == 0 else "",
                "creator": f"collègue {n % 7}",
                "created": "2026-01-01 00:00:00.000000",
                "modified": f"2026-01-01 00:{n % 60:02d}:{n % 59:02d}.{n:06d}",
            }
            for n in range(annotations)
        ]
        session.execute(
            text(
                "INSERT INTO annotations (id, question_id, part, exact, prefix, suffix, start, "
                '"end", text_hash, category, note, creator, created, modified, anchor_state, '
                "deleted, version) VALUES (:id, :question_id, :part, :exact, '', '', :start, "
                ":end, :text_hash, :category, :note, :creator, :created, :modified, "
                "'anchored', 0, 1)"
            ),
            rows,
        )
    return services


def _median_ms(action: Any) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(workdir: Path, annotations: int = ANNOTATIONS) -> dict[str, float]:
    """Median times, in ms, of opening the view and of a filtered search."""
    services = _library(workdir, annotations)
    annotations_service = services.annotations

    def open_view() -> None:
        annotations_service.search_page(AnnotationFilter())
        annotations_service.creators()

    result = {
        "open_ms": _median_ms(open_view),
        "search_text_ms": _median_ms(
            lambda: annotations_service.search_page(AnnotationFilter(text="echeance"))
        ),
        "filter_category_ms": _median_ms(
            lambda: annotations_service.search_page(AnnotationFilter(category="chiffre"))
        ),
        "total": float(annotations_service.search_page(AnnotationFilter(), limit=1)[1]),
    }
    services.close()
    return result


def annotation_rows(workdir: Path) -> list[Any]:
    """Rows for benchmarks/run.py (group 8)."""
    from benchmarks.run import Row

    r = measure(workdir / "annotations")
    n = int(r["total"])
    return [
        Row(8, f"Toutes les annotations: open with {n:,} annotations", r["open_ms"], "ms", 300),
        Row(8, "Toutes les annotations: text search", r["search_text_ms"], "ms", 300),
        Row(8, "Toutes les annotations: filter by category", r["filter_category_ms"], "ms", 300),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--annotations", type=int, default=ANNOTATIONS)
    parser.add_argument("--workdir", type=Path, default=Path("benchmarks/out/annotations"))
    args = parser.parse_args()
    print(json.dumps(measure(args.workdir, args.annotations), indent=2))


if __name__ == "__main__":
    main()
