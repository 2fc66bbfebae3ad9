"""Set-up steps of the benchmark that go through the project's own code."""

from __future__ import annotations

import json
import sqlite3
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from qe_desktop.domain.annotation import AnnotationRecord, Part, Selector
from qe_desktop.domain.text import text_hash
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.storage.annotations import write_record
from qe_desktop.storage.models import Question
from qe_desktop.storage.questions import refresh_notes_text


def open_services(db: Path) -> Services:
    return Services.build(open_library(db), "bench")


def annotate_bulk(
    services: Services, questions: int, per_question: int, heavy_key_annotations: int
) -> list[str]:
    """Annotations spread over answered questions; returns [heavy key, annotated keys…]."""
    now = datetime.now(UTC)
    with services.database.write() as session:
        rows = (
            session.query(Question)
            .filter(Question.answer_text.is_not(None))
            .order_by(Question.id)
            .limit(questions + 1)
            .all()
        )
        plan = [(rows[0], heavy_key_annotations)] + [(row, per_question) for row in rows[1:]]
        for row, count in plan:
            text = row.answer_text or ""
            digest = text_hash(text)
            for i in range(count):
                start = (i * 37) % max(len(text) - 60, 1)
                record = AnnotationRecord(
                    id=uuid.uuid4().hex,
                    question_key=row.key,
                    part=Part.ANSWER,
                    selector=Selector.from_span(text, start, start + 40),
                    category="important",
                    text_hash=digest,
                    creator="bench",
                    created=now,
                    modified=now,
                    note=f"note {i}" if i % 3 == 0 else "",
                )
                write_record(session, row.id, record)
            refresh_notes_text(session, [row.id])
        return [row.key for row, _ in plan]


def changed_answers_zip(db: Path, keys: list[str], target: Path) -> Path:
    """The same AN questions with a paragraph added at the start of each answer."""
    connection = sqlite3.connect(db)
    placeholders = ",".join("?" * len(keys))
    rows = connection.execute(
        f"SELECT uid, legislature, number FROM questions WHERE key IN ({placeholders})", keys
    ).fetchall()
    connection.close()
    wanted = {f"json/{uid}.json" for uid, _, _ in rows}
    corpus = max(db.parent.glob("Questions_ecrites-*.json.zip"), key=lambda p: p.stat().st_size)
    with zipfile.ZipFile(corpus) as source, zipfile.ZipFile(target, "w") as out:
        for name in sorted(wanted):
            record = json.loads(source.read(name))
            answer = record["question"]["textesReponse"]["texteReponse"]
            answer["texte"] = (
                "<p>Le ministre apporte les précisions suivantes.</p>" + answer["texte"]
            )
            out.writestr(name, json.dumps(record, ensure_ascii=False))
    return target
