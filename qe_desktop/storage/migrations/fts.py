"""SQLite FTS5 index over questions, as migration helpers (DDL the ORM cannot describe).

External-content table: the text lives once, in `questions`; triggers keep the
index in step with every insert, update and delete, whoever writes.
"""

from typing import Any

COLUMNS = ("title", "question_text", "answer_text", "notes_text")
_COLS = ", ".join(COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in COLUMNS)

CREATE = [
    f"""CREATE VIRTUAL TABLE question_search USING fts5(
        {_COLS}, content='questions', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2")""",
    f"""CREATE TRIGGER question_search_ai AFTER INSERT ON questions BEGIN
        INSERT INTO question_search(rowid, {_COLS}) VALUES (new.id, {_NEW});
    END""",
    f"""CREATE TRIGGER question_search_ad AFTER DELETE ON questions BEGIN
        INSERT INTO question_search(question_search, rowid, {_COLS})
        VALUES ('delete', old.id, {_OLD});
    END""",
    f"""CREATE TRIGGER question_search_au AFTER UPDATE OF {_COLS} ON questions BEGIN
        INSERT INTO question_search(question_search, rowid, {_COLS})
        VALUES ('delete', old.id, {_OLD});
        INSERT INTO question_search(rowid, {_COLS}) VALUES (new.id, {_NEW});
    END""",
]
DROP = [
    "DROP TRIGGER IF EXISTS question_search_au",
    "DROP TRIGGER IF EXISTS question_search_ad",
    "DROP TRIGGER IF EXISTS question_search_ai",
    "DROP TABLE IF EXISTS question_search",
]


def create_sqlite_search(op: Any) -> None:
    for statement in CREATE:
        op.execute(statement)


def drop_sqlite_search(op: Any) -> None:
    for statement in DROP:
        op.execute(statement)
