"""Suggestions cached per answer text: computed once, shared, filled for the library."""

from __future__ import annotations

from datetime import date

from qe_desktop.domain import commitments as rules
from qe_desktop.domain.commitments import Suggestion
from qe_desktop.services.container import Services
from qe_desktop.services.suggestion_cache import SuggestionCache, from_json, to_json

SEED_KEY = "senat-20250130-fabien-genet-p246"


class CountingFinder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str, answered_on: date | None) -> list[Suggestion]:
        self.calls += 1
        return rules.suggest_commitments(text, answered_on)


def test_suggestions_round_trip_through_json() -> None:
    found = rules.suggest_commitments(
        "Le décret sera publié d'ici juin 2025 par le ministère.", date(2025, 1, 30)
    )
    assert found and from_json(to_json(found)) == found


def test_an_answer_is_computed_once_then_read_from_the_cache(sample_services: Services) -> None:
    finder = CountingFinder()
    cache = SuggestionCache(sample_services.database, finder, lambda: "v1")
    answer = sample_services.questions.detail(SEED_KEY).record
    assert cache.cached(answer.answer_text or "", answer.answered_on) is None
    first = cache.compute(answer.answer_text or "", answer.answered_on)
    again = cache.compute(answer.answer_text or "", answer.answered_on)
    assert first == again and finder.calls == 1
    other_model = SuggestionCache(sample_services.database, finder, lambda: "v2")
    assert other_model.cached(answer.answer_text or "", answer.answered_on) is None


def test_the_background_pass_fills_every_answer_once_and_can_be_cancelled(
    sample_services: Services,
) -> None:
    finder = CountingFinder()
    cache = SuggestionCache(sample_services.database, finder, lambda: "v1")
    assert cache.fill(cancelled=lambda: True) == 0
    seen: list[tuple[int, int]] = []
    done = cache.fill(progress=lambda d, t: seen.append((d, t)), batch=2)
    assert done > 0 and finder.calls == done
    assert seen[-1][0] == done
    assert cache.fill() == 0  # nothing left
    answer = sample_services.questions.detail(SEED_KEY).record
    assert cache.cached(answer.answer_text or "", answer.answered_on) is not None
