"""The floor baseline: the same work with the standard library alone (json + sqlite3 + FTS5)."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import time
import zipfile
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")
SCHEMA = [
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    """CREATE TABLE q (id INTEGER PRIMARY KEY, uid TEXT UNIQUE, title TEXT, ministry TEXT,
        author TEXT, published_on TEXT, answered_on TEXT, question_text TEXT, answer_text TEXT)""",
    """CREATE VIRTUAL TABLE q_search USING fts5(title, question_text, answer_text,
        content='q', content_rowid='id', tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER q_ai AFTER INSERT ON q BEGIN
        INSERT INTO q_search(rowid, title, question_text, answer_text)
        VALUES (new.id, new.title, new.question_text, new.answer_text); END""",
]


def _text(node: object) -> str:
    if not isinstance(node, dict):
        return ""
    inner = node.get("texteQuestion") or node.get("texteReponse")
    if isinstance(inner, list):
        inner = inner[-1]
    if not isinstance(inner, dict):
        return ""
    return html.unescape(_TAG.sub("\n", inner.get("texte") or "")).strip()


def floor_import(corpus: Path, db: Path) -> float:
    """Parse every question of the zip and insert it with its FTS row; returns seconds."""
    started = time.perf_counter()
    connection = sqlite3.connect(db)
    for statement in SCHEMA:
        connection.execute(statement)
    rows = []
    with zipfile.ZipFile(corpus) as archive:
        for info in archive.infolist():
            question = json.loads(archive.read(info))["question"]
            answer = question.get("textesReponse") or {}
            rows.append(
                (
                    question["uid"],
                    question["indexationAN"]["analyses"]["analyse"],
                    question["minInt"]["developpe"],
                    question["auteur"]["identite"]["acteurRef"],
                    question["textesQuestion"]["texteQuestion"]["infoJO"]["dateJO"],
                    (answer.get("texteReponse") or {}).get("infoJO", {}).get("dateJO"),
                    _text(question["textesQuestion"]),
                    _text(answer),
                )
            )
            if len(rows) >= 500:
                connection.executemany("INSERT INTO q VALUES (NULL,?,?,?,?,?,?,?,?)", rows)
                connection.commit()
                rows = []
    connection.executemany("INSERT INTO q VALUES (NULL,?,?,?,?,?,?,?,?)", rows)
    connection.commit()
    connection.close()
    return time.perf_counter() - started


def floor_search(connection: sqlite3.Connection, query: str) -> float:
    """The raw FTS5 query behind a search (ranked, with snippets); returns seconds."""
    started = time.perf_counter()
    connection.execute(
        "SELECT q.id, q.title, snippet(q_search, -1, '[[', ']]', '…', 14) FROM q_search "
        "JOIN q ON q.id = q_search.rowid WHERE q_search MATCH ? "
        "ORDER BY bm25(q_search, 4.0, 1.0, 1.0) LIMIT 20",
        (query,),
    ).fetchall()
    return time.perf_counter() - started
