"""Stored text fingerprints: kept in step with the texts, looked up by LSH band key.

A fingerprint is recomputed only when its text changed (the question's stored text
hash differs) or the fingerprint scheme changed, so looking for near-duplicates in a
large library never re-reads every text.
"""

from __future__ import annotations

import struct
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, bindparam, delete, insert, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.similarity import SCHEME, Fingerprint, fingerprint
from qe_desktop.storage.models import Question, TextBand, TextFingerprint

BATCH = 500  # texts per write transaction


def pack_bands(keys: Sequence[int]) -> bytes:
    """LSH band keys as a compact blob for the fingerprints table."""
    return struct.pack(f"<{len(keys)}q", *keys)


def unpack_bands(blob: bytes) -> tuple[int, ...]:
    """LSH band keys back from their stored blob."""
    return struct.unpack(f"<{len(blob) // 8}q", blob)


def _text_column(part: Part) -> InstrumentedAttribute[str | None]:
    return Question.question_text if part is Part.QUESTION else Question.answer_text


def _hash_column(part: Part) -> InstrumentedAttribute[str]:
    return Question.question_hash if part is Part.QUESTION else Question.answer_hash


@dataclass(frozen=True, slots=True)
class StaleText:
    """A text whose stored fingerprint is missing or out of date."""

    question_id: int
    part: Part
    text_hash: str


def stale_texts(session: Session, ids: Collection[int] | None = None) -> list[StaleText]:
    """Texts to fingerprint (again): never done, text changed, or scheme changed."""
    found: list[StaleText] = []
    for part in Part:
        stored = TextFingerprint
        query = (
            select(Question.id, _hash_column(part))
            .outerjoin(stored, and_(stored.question_id == Question.id, stored.part == part.value))
            .where(
                or_(
                    stored.question_id.is_(None),
                    stored.text_hash != _hash_column(part),
                    stored.scheme != SCHEME,
                )
            )
            .order_by(Question.id)
        )
        if ids is not None:
            query = query.where(Question.id.in_(list(ids)))
        found.extend(
            StaleText(qid, part, text_hash or "") for qid, text_hash in session.execute(query)
        )
    return found


def texts_of(session: Session, batch: Sequence[StaleText]) -> list[str | None]:
    """The current texts of a batch, in order (None: the question is gone)."""
    texts: dict[tuple[int, Part], str] = {}
    for part in Part:
        ids = [s.question_id for s in batch if s.part is part]
        if ids:
            query = select(Question.id, _text_column(part)).where(Question.id.in_(ids))
            texts.update({(qid, part): text or "" for qid, text in session.execute(query)})
    return [texts.get((s.question_id, s.part)) for s in batch]


def write_fingerprints(session: Session, batch: Sequence[StaleText]) -> None:
    """Compute and store the fingerprints of a batch (small batches, one process)."""
    texts = texts_of(session, batch)
    store_fingerprints(session, batch, [None if t is None else fingerprint(t).bands for t in texts])


def store_fingerprints(
    session: Session, batch: Sequence[StaleText], bands: Sequence[tuple[int, ...] | None]
) -> None:
    """Replace the stored fingerprints of a batch (band keys computed by the caller).

    The old band rows are read and removed here, inside the caller's transaction, so
    two refreshes running at once never trip over each other. None: question gone.
    """
    for part in Part:
        items = [(s, b) for s, b in zip(batch, bands, strict=True) if s.part is part]
        if items:
            _store_part(session, part, items)


def _store_part(
    session: Session, part: Part, items: list[tuple[StaleText, tuple[int, ...] | None]]
) -> None:
    ids = [s.question_id for s, _ in items]
    previous = session.execute(
        select(TextFingerprint.question_id, TextFingerprint.bands).where(
            TextFingerprint.part == part.value, TextFingerprint.question_id.in_(ids)
        )
    ).all()
    old_rows = [
        {"old_key": key, "old_id": qid} for qid, blob in previous for key in unpack_bands(blob)
    ]
    if old_rows:
        session.connection().execute(  # executemany: run at the Core level, not the ORM's
            delete(TextBand).where(
                TextBand.part == part.value,
                TextBand.band_key == bindparam("old_key"),
                TextBand.question_id == bindparam("old_id"),
            ),
            old_rows,
        )
    if previous:
        session.execute(
            delete(TextFingerprint).where(
                TextFingerprint.part == part.value,
                TextFingerprint.question_id.in_([qid for qid, _ in previous]),
            ),
            execution_options={"synchronize_session": False},
        )
    rows: list[dict[str, object]] = []
    band_keys: list[tuple[int, int]] = []
    for item, keys in items:
        if keys is None:
            continue  # deleted meanwhile
        rows.append(
            {
                "question_id": item.question_id,
                "part": part.value,
                "scheme": SCHEME,
                "text_hash": item.text_hash,
                "bands": pack_bands(keys),
            }
        )
        band_keys.extend((key, item.question_id) for key in keys)
    if rows:
        session.execute(insert(TextFingerprint), rows)
    if band_keys:
        band_keys.sort()  # neighbouring inserts land on neighbouring index pages
        session.execute(
            insert(TextBand),
            [{"part": part.value, "band_key": k, "question_id": q} for k, q in band_keys],
        )


def bands_of(session: Session, question_id: int, part: Part) -> tuple[int, ...]:
    """The stored band keys of one text of a question; empty when not fingerprinted yet."""
    blob = session.scalar(
        select(TextFingerprint.bands).where(
            TextFingerprint.question_id == question_id, TextFingerprint.part == part.value
        )
    )
    return unpack_bands(blob) if blob else ()


def band_neighbours(session: Session, question_id: int, part: Part) -> list[int]:
    """Questions sharing at least one band key with this one (LSH candidates)."""
    keys = bands_of(session, question_id, part)
    if not keys:
        return []
    query = (
        select(TextBand.question_id)
        .where(
            TextBand.part == part.value,
            TextBand.band_key.in_(keys),
            TextBand.question_id != question_id,
        )
        .distinct()
    )
    return sorted(session.scalars(query))


def all_bands(session: Session, part: Part) -> dict[int, tuple[int, ...]]:
    """Band keys of every fingerprinted text of this part that can be compared."""
    query = select(TextFingerprint.question_id, TextFingerprint.bands).where(
        TextFingerprint.part == part.value
    )
    return {qid: unpack_bands(blob) for qid, blob in session.execute(query) if blob}


def fingerprints_of(session: Session, ids: Collection[int], part: Part) -> dict[int, Fingerprint]:
    """Fresh fingerprints (shingles included) of some texts, computed from the stored text."""
    result: dict[int, Fingerprint] = {}
    id_list = list(ids)
    for start in range(0, len(id_list), BATCH):
        chunk = id_list[start : start + BATCH]
        query = select(Question.id, _text_column(part)).where(Question.id.in_(chunk))
        for qid, text in session.execute(query):
            result[qid] = fingerprint(text or "")
    return result
