"""Which Sénat questions still lack their texts (the CSV carries none): pages to fetch."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from qe_desktop.storage.models import Follow, Question


def questions_missing_text(
    session: Session,
    limit: int,
    keys: Sequence[str] | None = None,
    news: Sequence[int] = (),
) -> list[tuple[str, str]]:
    """(key, page URL) of Sénat questions without question text, or answered without answer
    text: among `keys` when given, else among the questions with news from this update
    (`news`, question ids) and those followed one by one, newest first. A page that could
    not be read is not asked for again at every update: only when there is news.
    """
    missing = or_(
        func.coalesce(Question.question_text, "") == "",
        and_(Question.answered.is_(True), func.coalesce(Question.answer_text, "") == ""),
    )
    query = select(Question.key, Question.url).where(
        Question.chamber == "senat", Question.url.is_not(None), Question.url != "", missing
    )
    if keys is not None:
        query = query.where(Question.key.in_(keys))
    else:
        followed = or_(
            Question.id.in_(list(news)[:limit]),
            exists().where(
                Follow.kind == "question",
                or_(Follow.value == Question.key, Follow.value == Question.uid),
            ),
        )
        query = query.where(followed)
    query = query.order_by(Question.published_on.desc(), Question.id.desc()).limit(limit)
    return [(key, url or "") for key, url in session.execute(query)]
