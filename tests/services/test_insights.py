"""Insights on a crafted library: figures, copy-paste answers (precision/recall), related."""

from __future__ import annotations

from itertools import combinations

import pytest
from sqlalchemy import func, select

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.insights import Answering, Bar, Chart, DelayBand
from qe_desktop.domain.question import Chamber, QuestionRecord
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.domain.word_diff import DiffKind
from qe_desktop.services.container import Services
from qe_desktop.services.questions import QuestionNotFound
from qe_desktop.storage.models import TextBand, TextFingerprint
from qe_desktop.storage.questions import upsert_question
from tests.services import insights_library as crafted


@pytest.fixture
def library(services: Services) -> Services:
    crafted.build(services)
    return services


@pytest.fixture
def indexed(library: Services) -> Services:
    """After an import the window (in the background) and `show --json` refresh first."""
    library.insights.refresh_fingerprints()
    return library


def _pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for group in groups for pair in combinations(group, 2)}


def test_figures_per_ministry(library: Services) -> None:
    figures = {m.ministry: m for m in library.insights.stats()}
    for ministry, expected in crafted.EXPECTED.items():
        m = figures[crafted.PORTFOLIO[ministry]]
        assert m.names == (ministry,)  # the ministry's own name is kept
        assert m.questions == expected["questions"]
        assert m.answered == expected["answered"]
        assert m.median_delay == expected["median"]
        assert (m.in_time, m.due) == (expected["in_time"], expected["due"])
        assert m.overdue == expected["overdue"]
    assert figures[crafted.PORTFOLIO[crafted.INTERIEUR]].share_in_time == 0.25
    assert figures[crafted.PORTFOLIO[crafted.SANTE]].share_in_time == 0.4


def test_questions_per_month(library: Services) -> None:
    months = {p.label: (p.answered, p.unanswered) for p in library.insights.monthly()}
    assert months["2024-01"] == (5, 0)
    assert months["2024-02"] == (2, 3)  # two answered, two overdue, one withdrawn
    assert months["2024-03"] == (3, 0)
    assert months["2024-04"] == (14, 2)
    assert months["2024-05"] == (0, 0)  # an empty month is shown, not skipped


def test_overdue_by_ministry(library: Services) -> None:
    assert dict(library.insights.overdue_by_ministry()) == {
        crafted.PORTFOLIO[crafted.INTERIEUR]: 2,
        crafted.PORTFOLIO[crafted.CULTURE]: 2,
    }


def test_the_keys_behind_a_bar_are_the_ones_it_counts(library: Services) -> None:
    insights = library.insights
    sante = crafted.PORTFOLIO[crafted.SANTE]
    late = insights.keys_for(Bar(Chart.DELAYS, sante, DelayBand.LATE_UNDER_6_MONTHS.value))
    assert sorted(late) == sorted(crafted.COPY[2:4])  # 70 and 100 days
    overdue = insights.keys_for(Bar(Chart.OVERDUE, crafted.PORTFOLIO[crafted.INTERIEUR], "overdue"))
    assert sorted(overdue) == sorted(crafted.KEYS[7:9])
    waiting = insights.keys_for(Bar(Chart.MONTHLY, "2024-02", Answering.UNANSWERED.value))
    assert len(waiting) == 3


def test_figures_follow_the_library_filter(library: Services) -> None:
    only_sante = QuestionFilter(ministry=crafted.SANTE)
    stats = library.insights.stats(only_sante)
    assert [m.ministry for m in stats] == [crafted.PORTFOLIO[crafted.SANTE]]
    overdue = QuestionFilter(statuses=frozenset({Status.OVERDUE}))
    assert library.insights.overview(overdue).total == 4
    assert library.insights.overview(QuestionFilter(chamber="senat")).total == 0
    searched = library.insights.overview(QuestionFilter(text="maternité"))
    assert 0 < searched.total < 30
    bar = Bar(Chart.OVERDUE, crafted.PORTFOLIO[crafted.CULTURE], "overdue")
    assert library.insights.keys_for(bar, only_sante) == []


def test_copy_paste_answers_precision_and_recall(library: Services) -> None:
    insights = library.insights
    insights.refresh_fingerprints()
    truth = _pairs(crafted.TRUE_CLUSTERS)
    answered = [p.key for p in crafted.PLAN if p.answer]
    found = {
        frozenset((key, other.key)) for key in answered for other in insights.duplicate_answers(key)
    }
    grouped = _pairs([list(g.keys) for g in insights.duplicate_groups()])
    for label, pairs in (("per question", found), ("groups", grouped)):
        true_positives = len(pairs & truth)
        precision = true_positives / len(pairs) if pairs else 1.0
        recall = true_positives / len(truth)
        print(f"duplicate answers ({label}): precision {precision:.2f}, recall {recall:.2f}")
        assert precision == 1.0
        assert recall == 1.0


def test_identical_and_edited_answers_are_told_apart(indexed: Services) -> None:
    copies = indexed.insights.duplicate_answers(crafted.COPY[0])
    assert [q.key for q in copies] == crafted.COPY[1:]
    assert all(q.score == 1.0 and q.likeness and q.likeness.value == "identical" for q in copies)
    edited = indexed.insights.duplicate_answers(crafted.EDITED[0])
    assert {q.key for q in edited} == set(crafted.EDITED[1:])
    assert all(0.7 <= q.score < 0.95 for q in edited)
    assert indexed.insights.duplicate_answers(crafted.BOILERPLATE[0]) == []
    assert indexed.insights.duplicate_answers(crafted.KEYS[7]) == []  # no answer at all


def test_the_same_question_asked_by_two_mps(indexed: Services) -> None:
    first, second = crafted.TEMPLATE_QUESTIONS
    assert [q.key for q in indexed.insights.duplicate_questions(first)] == [second]
    groups = indexed.insights.duplicate_groups(part=Part.QUESTION)
    assert [list(g.keys) for g in groups] == [[second, first]]  # most recent first


def test_groups_follow_the_library_filter(indexed: Services) -> None:
    only_sante = QuestionFilter(ministry=crafted.SANTE)
    groups = indexed.insights.duplicate_groups(only_sante)
    assert [sorted(g.keys) for g in groups] == [sorted(crafted.COPY)]
    assert groups[0].ministry == crafted.SANTE


def test_differences_between_two_answers(library: Services) -> None:
    pieces = library.insights.answer_diff(crafted.EDITED[0], crafted.EDITED[1])
    assert any(p.kind is DiffKind.REMOVED for p in pieces)
    assert any(p.kind is DiffKind.ADDED for p in pieces)
    assert "Une phrase ajoutée ici." in "".join(
        p.text for p in pieces if p.kind is DiffKind.REMOVED
    )
    with pytest.raises(QuestionNotFound):
        library.insights.answer_diff(crafted.EDITED[0], "nope")


def test_related_questions_share_the_subject(indexed: Services) -> None:
    related = [q.key for q in indexed.insights.related(crafted.HEALTH_IN_CULTURE)]
    assert len(related) == 5
    assert set(related) <= set(crafted.HEALTH_QUESTIONS)
    twin = indexed.insights.related(crafted.TEMPLATE_QUESTIONS[0])
    assert twin[0].key == crafted.TEMPLATE_QUESTIONS[1]
    train = [q.key for q in indexed.insights.related(crafted.TRAIN_QUESTIONS[0])]
    assert set(train[:2]) <= set(crafted.TRAIN_QUESTIONS)


def test_fingerprints_are_refreshed_only_for_changed_texts(library: Services) -> None:
    insights = library.insights
    assert insights.refresh_fingerprints() == 2 * (len(crafted.PLAN) + 1)
    assert insights.refresh_fingerprints() == 0
    key = crafted.COPY[1]
    changed = QuestionRecord(
        chamber=Chamber.AN,
        uid=key,
        legislature=17,
        number=key.removeprefix("QANR5L17QE"),
        question_text=crafted.PLAN[1].question,
        answer_text="Une tout autre réponse, rédigée pour cette question seulement, sans copie.",
        erratum="Réponse rectifiée",  # much shorter: applied at once only as an erratum
    )
    with library.database.write() as session:
        upsert_question(session, changed)
    assert insights.stale_fingerprints() == 1
    assert insights.refresh_fingerprints() == 1
    assert key not in {q.key for q in insights.duplicate_answers(crafted.COPY[0])}
    with library.database.read() as session:
        bands = session.scalar(select(func.count()).select_from(TextBand))
        blobs = session.scalars(select(TextFingerprint.bands)).all()
    assert len(blobs) == 2 * (len(crafted.PLAN) + 1)
    assert bands == sum(len(blob) // 8 for blob in blobs)  # no band row left behind


def test_a_lookup_sees_the_new_text_of_its_question_at_once(indexed: Services) -> None:
    """The reader asks before the background refresh: the open question is redone first."""
    key = crafted.KEYS[20]
    plan = crafted.PLAN[20]
    copied = QuestionRecord(
        chamber=Chamber.AN,
        uid=key,
        legislature=17,
        number=key.removeprefix("QANR5L17QE"),
        question_text=plan.question,
        answer_text=crafted.PLAN[0].answer,
    )
    with indexed.database.write() as session:
        upsert_question(session, copied)
    assert {q.key for q in indexed.insights.duplicate_answers(key)} == set(crafted.COPY)


def test_parallel_refresh_stores_the_same_fingerprints(library: Services) -> None:
    insights = library.insights
    insights.refresh_fingerprints(workers=1)
    with library.database.read() as session:
        serial = sorted(
            session.execute(select(TextBand.part, TextBand.band_key, TextBand.question_id))
        )
    with library.database.write() as session:
        session.execute(TextBand.__table__.delete())
        session.execute(TextFingerprint.__table__.delete())
    assert insights.refresh_fingerprints(workers=2) == 2 * (len(crafted.PLAN) + 1)
    with library.database.read() as session:
        parallel = sorted(
            session.execute(select(TextBand.part, TextBand.band_key, TextBand.question_id))
        )
    assert parallel == serial


def test_unknown_key(library: Services) -> None:
    with pytest.raises(QuestionNotFound):
        library.insights.duplicate_answers("QANR5L17QE0")
