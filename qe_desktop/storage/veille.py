"""Veille storage: follows, the facts they match, new events, source validators.

The inbox (events page by page, who has seen which) is `storage/veille_inbox.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime

from sqlalchemy import delete, exists, func, insert, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Exists

from qe_desktop.domain.follows import (
    EventKind,
    FollowKind,
    FollowRow,
    QuestionFacts,
)
from qe_desktop.storage import search
from qe_desktop.storage.models import (
    Annotation,
    Commitment,
    EventFollow,
    EventSeen,
    Follow,
    Question,
    SourceState,
    VeilleEvent,
    VeilleScan,
)
from qe_desktop.storage.types import utcnow
from qe_desktop.storage.upserts import row_for

IN_BATCH = 900  # bound parameters per IN (...) on old SQLite builds
OPEN_COMMITMENTS = ("a_verifier", "en_cours")


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), IN_BATCH):
        yield values[start : start + IN_BATCH]


# -- follows ---------------------------------------------------------------------------


def add_follow(session: Session, kind: FollowKind, value: str, user: str) -> int:
    """The id of the follow, created unless it exists."""
    found = session.scalar(
        select(Follow.id).where(Follow.kind == kind.value, Follow.value == value)
    )
    if found is not None:
        return found
    follow = Follow(kind=kind.value, value=value, created_by=user, created_at=utcnow())
    session.add(follow)
    session.flush()
    return follow.id


def all_follows(session: Session) -> list[tuple[int, FollowKind, str, datetime]]:
    """Every follow of the library, oldest first, to match an update's questions against."""
    rows = session.execute(
        select(Follow.id, Follow.kind, Follow.value, Follow.created_at).order_by(Follow.id)
    )
    return [(i, FollowKind(k), v, at) for i, k, v, at in rows]


def follow_rows(session: Session, user: str) -> list[FollowRow]:
    """Every follow with its total and unseen counts for `user` (two grouped queries)."""
    totals: dict[int, int] = {
        f: n
        for f, n in session.execute(
            select(EventFollow.follow_id, func.count()).group_by(EventFollow.follow_id)
        )
    }
    seen = _seen_clause(user)
    unseen: dict[int, int] = {
        f: n
        for f, n in session.execute(
            select(EventFollow.follow_id, func.count())
            .where(~seen(EventFollow.event_id))
            .group_by(EventFollow.follow_id)
        )
    }
    return [
        FollowRow(i, kind, value, at, unseen.get(i, 0), totals.get(i, 0))
        for i, kind, value, at in all_follows(session)
    ]


def remove_follow(session: Session, follow_id: int) -> bool:
    """Forget a follow, and the events only it made worth telling."""
    follow = session.get(Follow, follow_id)
    if follow is None:
        return False
    only_this = select(EventFollow.event_id).where(EventFollow.follow_id == follow_id)
    others = exists().where(
        EventFollow.event_id == VeilleEvent.id, EventFollow.follow_id != follow_id
    )
    annotated = exists().where(
        Question.id == VeilleEvent.question_id, Question.annotation_count > 0
    )
    session.execute(
        delete(VeilleEvent)
        .where(VeilleEvent.id.in_(only_this), ~others, ~annotated)
        .execution_options(synchronize_session=False)
    )
    session.execute(delete(EventFollow).where(EventFollow.follow_id == follow_id))
    session.delete(follow)
    return True


def _seen_clause(user: str) -> Callable[[object], Exists]:
    """Whether `user` has seen an event (by its id column), as a SQL condition."""

    def seen(event_id: object) -> Exists:
        return exists().where(EventSeen.event_id == event_id, EventSeen.user == user)

    return seen


# -- facts for matching ----------------------------------------------------------------


def question_facts(session: Session, ids: Sequence[int]) -> list[QuestionFacts]:
    """What follows match on for each question: author, ministries, themes, key."""
    facts: list[QuestionFacts] = []
    columns = (
        Question.id,
        Question.key,
        Question.uid,
        Question.author_name,
        Question.author_ref,
        Question.ministry,
        Question.ministry_asked,
        Question.ministry_assigned,
        Question.answer_ministry,
        Question.rubrique,
        Question.themes,
        Question.title,
        Question.analysis,
    )
    for chunk in _chunks(list(ids)):
        for row in session.execute(select(*columns).where(Question.id.in_(chunk))):
            facts.append(
                QuestionFacts(
                    id=row.id,
                    key=row.key,
                    uid=row.uid or "",
                    author_name=row.author_name,
                    author_ref=row.author_ref,
                    ministries=tuple(
                        m or ""
                        for m in (
                            row.ministry,
                            row.ministry_asked,
                            row.ministry_assigned,
                            row.answer_ministry,
                        )
                    ),
                    themes=(row.rubrique or "", row.themes, row.title or "", row.analysis or ""),
                )
            )
    return facts


def search_matches(session: Session, query: str, ids: Sequence[int]) -> set[int]:
    """Which of `ids` the full-text query finds."""
    terms = search.parse_terms(query)
    if terms.empty:
        return set()
    dialect = session.get_bind().dialect.name
    found: set[int] = set()
    for chunk in _chunks(list(ids)):
        base = search.add_match(select(Question.id), terms, dialect, snippets=False)
        found.update(row[0] for row in session.execute(base.where(Question.id.in_(chunk))))
    return found


def answered_ids(session: Session, ids: Sequence[int]) -> set[int]:
    """Which of these questions have an answer."""
    found: set[int] = set()
    for chunk in _chunks(list(ids)):
        query = select(Question.id).where(Question.id.in_(chunk), Question.answered == true())
        found.update(session.scalars(query))
    return found


def annotated_ids(session: Session, ids: Sequence[int]) -> set[int]:
    """Which of these questions carry annotations, whose events are kept when unfollowed."""
    found: set[int] = set()
    for chunk in _chunks(list(ids)):
        query = select(Question.id).where(Question.id.in_(chunk), Question.annotation_count > 0)
        found.update(session.scalars(query))
    return found


# -- events ----------------------------------------------------------------------------


NewEvent = tuple[int, EventKind, str, Sequence[int]]  # question id, kind, ref, follow ids


def add_events(session: Session, events: Sequence[NewEvent]) -> list[tuple[int, EventKind]]:
    """Record events once each (same question, kind and ref: nothing new), in bulk;
    returns (question id, kind) of those that were new.
    """
    if not events:
        return []
    known: set[tuple[int, str, str]] = set()
    ids = sorted({e[0] for e in events})
    for chunk in _chunks(ids):
        query = select(VeilleEvent.question_id, VeilleEvent.kind, VeilleEvent.ref).where(
            VeilleEvent.question_id.in_(chunk)
        )
        known.update((q, k, r) for q, k, r in session.execute(query))
    now = utcnow()
    fresh: list[tuple[VeilleEvent, Sequence[int]]] = []
    for question_id, kind, ref, follows in events:
        identity = (question_id, kind.value, ref)
        if identity in known:
            continue
        known.add(identity)
        fresh.append(
            (VeilleEvent(question_id=question_id, kind=kind.value, ref=ref, at=now), follows)
        )
    session.add_all(event for event, _ in fresh)
    session.flush()  # one INSERT … RETURNING for all: their ids
    links = [{"event_id": e.id, "follow_id": f} for e, follows in fresh for f in set(follows)]
    if links:
        session.execute(insert(EventFollow), links)
    return [(e.question_id, EventKind(e.kind)) for e, _ in fresh]


def newly_overdue_commitments(session: Session, since: date, today: date) -> list[tuple[int, str]]:
    """(question id, annotation id) of open commitments whose due date fell in [since, today)."""
    query = (
        select(Annotation.question_id, Annotation.id)
        .join(Commitment, Commitment.annotation_id == Annotation.id)
        .where(
            Annotation.deleted.is_(False),
            Commitment.status.in_(OPEN_COMMITMENTS),
            Commitment.due_date >= since,
            Commitment.due_date < today,
        )
    )
    return [(q, a) for q, a in session.execute(query)]


def newly_passed_deadlines(session: Session, since: date, today: date) -> list[tuple[int, date]]:
    """Unanswered open questions whose two-month deadline fell in [since, today)."""
    query = select(Question.id, Question.deadline).where(
        Question.answered.is_(False),
        Question.closing_kind.is_(None),
        Question.deadline >= since,
        Question.deadline < today,
    )
    return [(q, d) for q, d in session.execute(query) if d is not None]


def last_scan(session: Session, name: str) -> date | None:
    """The day a daily scan (e.g. overdue commitments) last ran, or None."""
    return session.scalar(select(VeilleScan.done_on).where(VeilleScan.name == name))


def set_scan(session: Session, name: str, day: date) -> None:
    """Record that a daily scan ran on this day, so it does not run twice."""
    row_for(session, VeilleScan, name=name).done_on = day


# -- sources ---------------------------------------------------------------------------


def source_state(session: Session, url: str) -> SourceState | None:
    """What was last fetched from a source URL (ETag, dates, hashes), or None."""
    return session.get(SourceState, url)


def save_source_state(
    session: Session,
    url: str,
    etag: str | None,
    last_modified: str | None,
    sha256: str | None,
    size: int | None,
    entries: str | None = None,
) -> None:
    """Remember what a source URL served, so the next update downloads only if it changed."""
    state = row_for(session, SourceState, url=url)
    state.etag, state.last_modified, state.sha256, state.size = etag, last_modified, sha256, size
    state.entries = entries
    state.fetched_at = utcnow()
