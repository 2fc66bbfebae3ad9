"""An Engagement highlight knows about commitments (window, command line: the same service)."""

from __future__ import annotations

from datetime import date

from qe_desktop.domain.annotation import DatePrecision, Part
from qe_desktop.services.container import Services
from tests.conftest import SEED
from tests.services.versions_support import QUOTE, answer_of

SENTENCE_START = "Enfin, pour assurer"


def _span(services: Services, key: str, quote: str) -> tuple[int, int]:
    start = answer_of(services, key).index(quote)
    return start, start + len(quote)


def test_an_engagement_over_a_suggestion_accepts_it_with_its_due_date(
    services: Services,
) -> None:
    """Loss 2 of issue #18: the suggestion's 30/06/2025 was thrown away ("sans date")."""
    key = services.importing.import_paths([SEED]).keys[0]
    (suggestion,) = services.commitments.suggestions(key)
    assert suggestion.due == date(2025, 6, 30)
    start, end = _span(services, key, QUOTE)

    proposal = services.commitments.propose_due(key, Part.ANSWER, start, end)
    assert proposal is not None and proposal.suggestion == suggestion
    assert proposal.phrase == "d'ici juin 2025"
    record = services.commitments.highlight(key, Part.ANSWER, start, end, "engagement")

    assert record.commitment is not None
    assert (record.commitment.due_date, record.commitment.precision) == (
        date(2025, 6, 30),
        DatePrecision.MONTH,
    )
    assert services.commitments.suggestions(key) == []  # accepted, not offered twice
    (row,) = services.commitments.list()
    assert row.due_date == date(2025, 6, 30) and row.is_overdue


def test_elsewhere_the_date_grammar_proposes_the_due_date(services: Services) -> None:
    key = services.importing.import_paths([SEED]).keys[0]
    (suggestion,) = services.commitments.suggestions(key)
    services.commitments.dismiss(key, suggestion)  # no suggestion over the passage any more
    start, end = _span(services, key, QUOTE)
    proposal = services.commitments.propose_due(key, Part.ANSWER, start, end)
    assert proposal is not None and proposal.suggestion is None
    assert (proposal.due, proposal.phrase) == (date(2025, 6, 30), "d'ici juin 2025")
    record = services.commitments.highlight(key, Part.ANSWER, start, end)
    assert record.commitment is not None and record.commitment.due_date == date(2025, 6, 30)
    assert record.commitment.history[0].reason.startswith("Engagement relevé dans la réponse")


def test_a_passage_without_a_deadline_and_other_categories(services: Services) -> None:
    key = services.importing.import_paths([SEED]).keys[0]
    start, end = _span(services, key, "Convergence IA")
    assert services.commitments.propose_due(key, Part.ANSWER, start, end) is None
    undated = services.commitments.highlight(key, Part.ANSWER, start, end)
    assert undated.commitment is not None and undated.commitment.due_date is None
    assert undated.commitment.precision is DatePrecision.VAGUE
    start, end = _span(services, key, QUOTE)
    figure = services.commitments.highlight(key, Part.ANSWER, start, end, "chiffre")
    assert figure.commitment is None
    chosen = services.commitments.highlight(
        key, Part.ANSWER, *_span(services, key, SENTENCE_START), due=date(2025, 9, 1)
    )
    assert chosen.commitment is not None
    assert (chosen.commitment.due_date, chosen.commitment.precision) == (
        date(2025, 9, 1),
        DatePrecision.DAY,
    )
