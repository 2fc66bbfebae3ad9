"""The floors: the same work with the standard library alone (json + sqlite3 + FTS5).

Two floors, measured in the same run as the project:

- the **fastest floor** (`fast=True`): rows inserted with `executemany` in large
  transactions, no trigger, the external-content FTS5 index built once at the end
  (`'rebuild'`). It is what the standard library can do at best;
- the **trigger floor**: an insert trigger feeds the index and a commit every 500
  rows, as an application that keeps the index in step while it writes.

The project is timed as a user runs it, in a fresh `qe-desktop` process; `make bench`
times the floors the same way, each in a fresh process (`python -m benchmarks.floor
SOURCE… DB`), interpreter start included: the comparison is fair at every size.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sqlite3
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")
TABLE = [
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    """CREATE TABLE q (id INTEGER PRIMARY KEY, uid TEXT UNIQUE, title TEXT, ministry TEXT,
        author TEXT, published_on TEXT, answered_on TEXT, question_text TEXT, answer_text TEXT)""",
    """CREATE VIRTUAL TABLE q_search USING fts5(title, question_text, answer_text,
        content='q', content_rowid='id', tokenize="unicode61 remove_diacritics 2")""",
]
TRIGGER = """CREATE TRIGGER q_ai AFTER INSERT ON q BEGIN
        INSERT INTO q_search(rowid, title, question_text, answer_text)
        VALUES (new.id, new.title, new.question_text, new.answer_text); END"""
SCHEMA = [*TABLE, TRIGGER]  # the trigger floor
FAST_TRANSACTION = 20_000  # rows per transaction of the fastest floor
TRIGGER_TRANSACTION = 500
_INSERT = "INSERT INTO q VALUES (NULL,?,?,?,?,?,?,?,?)"


def _text(node: object) -> str:
    if not isinstance(node, dict):
        return ""
    inner = node.get("texteQuestion") or node.get("texteReponse")
    if isinstance(inner, list):
        inner = inner[-1]
    if not isinstance(inner, dict):
        return ""
    return html.unescape(_TAG.sub("\n", inner.get("texte") or "")).strip()


def _documents(source: Path) -> Iterator[tuple[str, bytes]]:
    """(name, content) of the files of a zip, or under a folder (loose files)."""
    if source.is_dir():
        for path in sorted(source.rglob("*.json")):
            yield path.name, path.read_bytes()
        return
    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            yield info.filename, archive.read(info)


def _senat_row(name: str, page: str) -> tuple[object, ...]:
    """A Sénat page (text): title on line 2, question up to its `- page`, then the answer."""
    lines = page.split("\n")
    question, answer, answered_on = [], [], None
    current = question
    for line in lines[3:]:
        if line.startswith("Réponse du "):
            current, answered_on = answer, line[-10:]
        elif not line.startswith(("- page", "Page mise à jour")):
            current.append(line)
    return (
        name,
        lines[1],
        "",
        lines[2].split(" (")[0],
        lines[2][-10:],
        answered_on,
        "\n".join(question).strip(),
        "\n".join(answer).strip(),
    )


def _row(name: str, document: bytes) -> tuple[object, ...]:
    if name.endswith(".txt"):
        return _senat_row(name, document.decode("utf-8"))
    question = json.loads(document)["question"]
    answer = question.get("textesReponse") or {}
    return (
        question["uid"],
        question["indexationAN"]["analyses"]["analyse"],
        question["minInt"]["developpe"],
        question["auteur"]["identite"]["acteurRef"],
        question["textesQuestion"]["texteQuestion"]["infoJO"]["dateJO"],
        (answer.get("texteReponse") or {}).get("infoJO", {}).get("dateJO"),
        _text(question["textesQuestion"]),
        _text(answer),
    )


def floor_import(source: Path | list[Path], db: Path, fast: bool = True) -> float:
    """Parse every question of zips or folders and store it, searchable; returns seconds."""
    started = time.perf_counter()
    connection = sqlite3.connect(db)
    for statement in TABLE if fast else SCHEMA:
        connection.execute(statement)
    per_transaction = FAST_TRANSACTION if fast else TRIGGER_TRANSACTION
    rows = []
    sources = source if isinstance(source, list) else [source]
    for name, document in (d for one in sources for d in _documents(one)):
        rows.append(_row(name, document))
        if len(rows) >= per_transaction:
            connection.executemany(_INSERT, rows)
            connection.commit()
            rows = []
    connection.executemany(_INSERT, rows)
    connection.commit()
    if fast:
        connection.execute("INSERT INTO q_search(q_search) VALUES ('rebuild')")
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


def build_parser() -> argparse.ArgumentParser:
    """`python -m benchmarks.floor [--trigger] DB SOURCE…` (usage and errors by argparse)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.floor",
        description="One floor import (json + sqlite3 + FTS5) into a new SQLite file.",
    )
    parser.add_argument(
        "--trigger", action="store_true", help="the trigger floor (default: the fastest floor)"
    )
    parser.add_argument("db", type=Path, help="the SQLite file to create")
    parser.add_argument("sources", type=Path, nargs="+", help="zips or folders of question files")
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """The arguments; a database path spelt like an option (`--help` taken for a file
    name once created a SQLite file called `--help`) is refused before anything is written.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    for path in (args.db, *args.sources):
        if str(path).startswith("-"):
            parser.error(f"un chemin ne commence pas par « - » : {path}")
    return args


def main(argv: list[str] | None = None) -> None:
    """`python -m benchmarks.floor [--trigger] DB SOURCE…`: one floor import, in this process."""
    import sys

    args = parse(sys.argv[1:] if argv is None else argv)
    floor_import(list(args.sources), args.db, fast=not args.trigger)


if __name__ == "__main__":
    main()
