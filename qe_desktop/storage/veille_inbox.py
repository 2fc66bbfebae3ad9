"""The veille inbox in storage: its events page by page, and who has seen which."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, delete, exists, func, or_, select
from sqlalchemy.orm import Session

from qe_desktop.domain.follows import EventKind, InboxItem
from qe_desktop.storage.models import EventFollow, EventSeen, Question, VeilleEvent
from qe_desktop.storage.types import utcnow
from qe_desktop.storage.veille import all_follows


def inbox_items(
    session: Session,
    user: str,
    *,
    unseen_only: bool = False,
    follow_id: int | None = None,
    limit: int = 500,
) -> list[InboxItem]:
    """The inbox as the user sees it: events newest first, with whether they saw each."""
    seen_flag = exists().where(EventSeen.event_id == VeilleEvent.id, EventSeen.user == user)
    page = select(VeilleEvent.id, VeilleEvent.question_id, VeilleEvent.kind, VeilleEvent.at)
    if unseen_only:
        page = page.where(~seen_flag)
    if follow_id is not None:
        page = page.where(
            exists().where(
                EventFollow.event_id == VeilleEvent.id, EventFollow.follow_id == follow_id
            )
        )
    # The page of events first (read from their own index by date), then their questions:
    # the inbox costs the same in a library of 1,000 or 100,000 questions.
    events = page.order_by(VeilleEvent.at.desc(), VeilleEvent.id.desc()).limit(limit).subquery()
    first_follow = (
        select(func.min(EventFollow.follow_id))
        .where(EventFollow.event_id == events.c.id)
        .scalar_subquery()
    )
    seen = exists().where(EventSeen.event_id == events.c.id, EventSeen.user == user)
    query = (
        select(
            events.c.id,
            events.c.kind,
            events.c.at,
            Question.key,
            func.coalesce(func.nullif(Question.title, ""), Question.rubrique, "").label("title"),
            func.coalesce(func.nullif(Question.author_name, ""), Question.author_ref),
            Question.ministry,
            first_follow.label("follow_id"),
            seen.label("seen"),
        )
        .join(Question, Question.id == events.c.question_id)
        .order_by(events.c.at.desc(), events.c.id.desc())
    )
    labels = {i: f"{k.label} : {v}" for i, k, v, _ in all_follows(session)}
    return [
        InboxItem(
            id=row[0],
            kind=EventKind(row[1]),
            at=row[2],
            question_key=row[3],
            title=row[4] or "",
            author=row[5] or "",
            ministry=row[6] or "",
            follow=labels.get(row[7]) if row[7] is not None else None,
            seen=bool(row[8]),
        )
        for row in session.execute(query)
    ]


def unseen_count(session: Session, user: str) -> int:
    """Events the user has not seen yet, for the inbox badge."""
    seen = exists().where(EventSeen.event_id == VeilleEvent.id, EventSeen.user == user)
    return session.scalar(select(func.count()).select_from(VeilleEvent).where(~seen)) or 0


def unseen_keys(session: Session, user: str) -> list[str]:
    """Keys of the questions with news the user has not seen, to mark them in lists."""
    seen = exists().where(EventSeen.event_id == VeilleEvent.id, EventSeen.user == user)
    query = (
        select(Question.key)
        .join(VeilleEvent, VeilleEvent.question_id == Question.id)
        .where(~seen)
        .distinct()
    )
    return list(session.scalars(query))


def mark_seen(session: Session, user: str, ids: Sequence[int] | None, seen: bool = True) -> int:
    """Mark events seen (or unseen again); `ids=None` means every event. Returns how many."""
    if not seen:
        if ids is None:
            result = session.execute(delete(EventSeen).where(EventSeen.user == user))
        else:
            result = session.execute(
                delete(EventSeen).where(EventSeen.user == user, EventSeen.event_id.in_(ids))
            )
        return int(getattr(result, "rowcount", 0) or 0)
    already = and_(EventSeen.event_id == VeilleEvent.id, EventSeen.user == user)
    query = select(VeilleEvent.id).where(~exists().where(already))
    if ids is not None:
        query = query.where(VeilleEvent.id.in_(ids))
    new = list(session.scalars(query))
    now = utcnow()
    session.add_all(EventSeen(event_id=i, user=user, seen_at=now) for i in new)
    return len(new)


def unknown_event_ids(session: Session, ids: Sequence[int]) -> list[int]:
    """Those of `ids` that are no event of the inbox (a mistyped number), in the given order."""
    known = set(session.scalars(select(VeilleEvent.id).where(VeilleEvent.id.in_(set(ids)))))
    return list(dict.fromkeys(i for i in ids if i not in known))


def event_ids_for_keys(
    session: Session, keys: Sequence[str], unseen_by: str | None = None
) -> list[int]:
    """Events about these questions (those `unseen_by` this user has not seen), to mark
    them seen when the questions are opened.
    """
    query = (
        select(VeilleEvent.id)
        .join(Question, Question.id == VeilleEvent.question_id)
        .where(or_(Question.key.in_(keys)))
    )
    if unseen_by is not None:
        seen = and_(EventSeen.event_id == VeilleEvent.id, EventSeen.user == unseen_by)
        query = query.where(~exists().where(seen))
    return list(session.scalars(query))
