"""Content hashes recomputed with the cheaper formula of `domain.question.record_hash`.

An import used to hash each question's whole record as JSON (18 % of its parsing:
the long texts escaped into JSON). The texts now enter the hash by their digests.
The stored hashes are recomputed from the stored questions, so a re-import of an
unchanged legislature still finds every question unchanged. Both dialects; the
downgrade puts the old formula's hashes back.

Revision ID: 0015_content_hash
Revises: 0014_import_speed
Create Date: 2026-12-07 16:20:00.000000
"""

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.storage.mapping import record_from_values
from qe_desktop.storage.prepared import DATES

revision = "0015_content_hash"
down_revision = "0014_import_speed"
branch_labels = None
depends_on = None

_BATCH = 5_000
_NEEDED = (
    "qtype, legislature, number, uid, url, title, rubrique, analysis, assigned_on, "
    "published_on, question_page, answer_ministry, answered_on, answer_page, answer_text, "
    "answer_note, signaled_on, erratum, recalls, ministry_asked, ministry_assigned, chamber, "
    'question_text, themes, author_name, author_civility, constituency, "group", author_ref, '
    "closing_kind, closing_label, closed_on, renewed_on, source_file"
)


def upgrade() -> None:
    _rehash(lambda record: record.content_hash)


def downgrade() -> None:
    _rehash(_json_hash)


def _rehash(hash_of: Callable[[QuestionRecord], str]) -> None:
    bind = op.get_bind()
    update = sa.text("UPDATE questions SET content_hash = :digest WHERE id = :id")
    for batch in _batches(bind):
        changes = [{"id": row["id"], "digest": hash_of(_record(row))} for row in batch]
        if changes:
            bind.execute(update, changes)


def _batches(bind: sa.Connection) -> Iterator[list[dict[str, Any]]]:
    """The stored questions by id, a few thousand at a time (flat memory)."""
    query = sa.text(
        f"SELECT id, {_NEEDED} FROM questions WHERE id > :after ORDER BY id LIMIT {_BATCH}"
    )
    after = 0
    while True:
        rows = [dict(row._mapping) for row in bind.execute(query, {"after": after})]
        if not rows:
            return
        after = rows[-1]["id"]
        yield rows


def _record(row: dict[str, Any]) -> QuestionRecord:
    values = dict(row)
    for name in DATES:
        if isinstance(values.get(name), str):
            values[name] = date.fromisoformat(values[name])
    return record_from_values(values)


def _json_hash(record: QuestionRecord) -> str:
    """The formula before this revision: the whole record but its source, as JSON."""
    data = {name: value for name, value in asdict(record).items() if name != "source"}
    payload = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
