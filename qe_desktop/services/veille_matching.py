"""Which of the users' follows a question matches, for the veille's inbox events."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from qe_desktop.domain.follows import FoldedFacts, FollowKind, Matcher
from qe_desktop.storage import veille as store


@dataclass(frozen=True, slots=True)
class _InSet:
    """A saved search, already run: matches the questions the full-text index found."""

    found: set[int]

    def __call__(self, facts: FoldedFacts) -> bool:
        return facts.id in self.found


Follows = list[tuple[int, Callable[[FoldedFacts], bool]]]  # (follow id, its test)


def matchers(session: Session, ids: Sequence[int]) -> Follows:
    """Each follow's test; a saved search is run once, on these questions only."""
    tests: Follows = []
    for fid, kind, value, _ in store.all_follows(session):
        if kind is FollowKind.SEARCH:
            found = store.search_matches(session, value, ids)
            tests.append((fid, _InSet(found)))
        else:
            tests.append((fid, Matcher.of(kind, value)))
    return tests


def matched(
    session: Session, ids: Sequence[int], follows: Follows
) -> Iterator[tuple[int, list[int]]]:
    """(question id, ids of the follows it matches) for each question."""
    for facts in store.question_facts(session, ids):
        folded = FoldedFacts.of(facts)
        yield facts.id, [fid for fid, test in follows if test(folded)]
