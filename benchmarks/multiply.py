"""Multiply a 100,000-question library into 1,000,000 in SQL (session 6 of #25).

`python -m benchmarks.multiply LIBRARY` on a copy of `make bench`'s library (it is changed
in place): the project's own import of the archive takes ~1.5 h, this ~50 min. Copy k (1..9)
of each question gets legislature 17-k, its dates moved back 5k years, a new key/uid, and
its title, question text and answer text taken from three *other* questions (different
donors per copy), so that the documents are new combinations and the full-text statistics
grow like an archive's. Indexes and triggers are dropped during the load, then rebuilt, the
full-text index with one `rebuild`; `ANALYZE questions` as an import does.
"""

from __future__ import annotations

import sqlite3
import sys
import time

SHIFTED = {"published_on", "deadline", "answered_on", "assigned_on", "closed_on", "signaled_on"}


def _expression(column: str, k: int, size: int) -> str:
    legislature = 17 - k
    special = {
        "id": f"q.id + {k * size}",
        "key": f"'QANR5L{legislature}QE' || q.number",
        "uid": f"'QANR5L{legislature}QE' || q.number",
        "legislature": str(legislature),
        "url": f"replace(q.url, '/17/', '/{legislature}/')",
        "title": "t.title",
        "question_text": "b.question_text",
        "answer_text": "CASE WHEN q.answer_text IS NULL THEN NULL ELSE a.answer_text END",
    }
    if column in SHIFTED:
        return f"date(q.\"{column}\", '-{5 * k} years')"
    return special.get(column, f'q."{column}"')


def multiply(db: str, copies: int = 9) -> None:
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-300000")
    size = connection.execute("SELECT count(*) FROM questions").fetchone()[0]
    answered = connection.execute(
        "SELECT count(*) FROM questions WHERE answer_text IS NOT NULL"
    ).fetchone()[0]
    started = time.time()
    schema = "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'questions' AND type = ?"
    triggers = connection.execute(schema, ("trigger",)).fetchall()
    indexes = [row for row in connection.execute(schema, ("index",)) if row[1]]
    connection.execute("BEGIN")
    for name, _ in triggers:
        connection.execute(f"DROP TRIGGER {name}")
    for name, _ in indexes:
        connection.execute(f"DROP INDEX {name}")
    for table, where in (("src", ""), ("ans", "WHERE answer_text IS NOT NULL")):
        connection.execute(f"CREATE TEMP TABLE {table}(rn INTEGER PRIMARY KEY, id INT)")
        connection.execute(f"INSERT INTO {table}(id) SELECT id FROM questions {where} ORDER BY id")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(questions)")]
    for k in range(1, copies + 1):
        values = ", ".join(_expression(column, k, size) for column in columns)
        title, text, answer = 7919 * k, 15485 * k + 17, 104729 * k + 3
        connection.execute(
            f"INSERT INTO questions({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)})"
            f" SELECT {values} FROM questions q JOIN src s ON s.id = q.id"
            f" JOIN src ts ON ts.rn = ((s.rn - 1 + {title}) % {size}) + 1"
            " JOIN questions t ON t.id = ts.id"
            f" JOIN src bs ON bs.rn = ((s.rn * 3 - 1 + {text}) % {size}) + 1"
            " JOIN questions b ON b.id = bs.id"
            f" JOIN ans an ON an.rn = ((s.rn * 7 - 1 + {answer}) % {answered}) + 1"
            f" JOIN questions a ON a.id = an.id WHERE q.id <= {size}"
        )
        print(f"copy {k}: {time.time() - started:.0f} s", flush=True)
    connection.execute("COMMIT")
    for _, sql in indexes:
        connection.execute(sql)
    connection.execute("INSERT INTO question_search(question_search) VALUES('rebuild')")
    for _, sql in triggers:
        connection.execute(sql)
    connection.execute("ANALYZE questions")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = connection.execute("SELECT count(*) FROM questions").fetchone()[0]
    print(f"{total:,} questions in {time.time() - started:.0f} s", flush=True)
    connection.close()


if __name__ == "__main__":
    multiply(sys.argv[1])
