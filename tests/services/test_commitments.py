"""Commitments through the service: accept, dismiss, date, follow, list, draft a follow-up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qe_desktop.domain.annotation import (
    COMMITMENT_CATEGORY,
    CommitmentStatus,
    DatePrecision,
    Part,
)
from qe_desktop.domain.commitment_tracking import CommitmentFilter
from qe_desktop.services.annotations import ConflictError
from qe_desktop.services.commitments import CommitmentService, StaleSuggestion
from qe_desktop.services.container import Services
from qe_desktop.services.exporting import ExportFormat
from qe_desktop.services.questions import QuestionNotFound
from tests.conftest import SEED

TODAY = date(2026, 11, 29)
SEED_KEY = "senat-20250130-fabien-genet-p246"
ROADMAPS = "l'ensemble des ministères présenteront d'ici juin 2025"
AN_KEY = "QANR5L14QE26562"  # Le Fur, honorariat des maires: answered, no commitment in it
AN_QUOTE = "l'honorariat est conféré par le préfet"


@pytest.fixture
def tracker(sample_services: Services) -> CommitmentService:
    return CommitmentService(
        sample_services.database,
        sample_services.annotations,
        sample_services.current_user,
        today=lambda: TODAY,
    )


def _hand_engagement(services: Services, key: str, quote: str) -> str:
    answer = services.questions.detail(key).record.answer_text or ""
    start = answer.index(quote)
    created = services.annotations.create(
        key, Part.ANSWER, start, start + len(quote), COMMITMENT_CATEGORY
    )
    return created.id


def test_the_seed_answer_suggests_the_june_2025_roadmaps(tracker: CommitmentService) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    assert ROADMAPS in suggestion.sentence
    assert suggestion.due == date(2025, 6, 30)
    assert suggestion.precision is DatePrecision.MONTH


def test_accepting_makes_an_engagement_highlight_with_a_commitment(
    sample_services: Services, tracker: CommitmentService
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    accepted = tracker.accept(SEED_KEY, suggestion)

    [stored] = sample_services.annotations.for_question(SEED_KEY)
    assert stored.id == accepted.id
    assert stored.category == COMMITMENT_CATEGORY
    assert stored.part is Part.ANSWER
    assert stored.selector.exact == suggestion.sentence
    commitment = stored.commitment
    assert commitment is not None
    assert commitment.due_date == date(2025, 6, 30)
    assert commitment.precision is DatePrecision.MONTH
    assert commitment.ministry.startswith("Ministère de l'économie, des finances")
    assert commitment.status is CommitmentStatus.TO_CHECK
    assert commitment.next_check == date(2027, 2, 28)  # already past due: three months on
    [first] = commitment.history
    assert (first.status, first.author) == (CommitmentStatus.TO_CHECK, "testeur")
    assert "17/04/2025" in first.reason
    assert tracker.suggestions(SEED_KEY) == []  # not offered twice
    with pytest.raises(ValueError, match="déjà relevé"):
        tracker.accept(SEED_KEY, suggestion)  # a second click on a stale menu
    assert len(sample_services.annotations.for_question(SEED_KEY)) == 1


def test_accepting_with_a_corrected_date_keeps_the_users_date(
    tracker: CommitmentService,
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    accepted = tracker.accept(SEED_KEY, suggestion, due=date(2027, 3, 31))
    assert accepted.commitment is not None
    assert accepted.commitment.due_date == date(2027, 3, 31)
    assert accepted.commitment.precision is DatePrecision.DAY
    assert accepted.commitment.next_check == date(2027, 3, 31)  # still to come: on the day


def test_a_suggestion_for_an_answer_that_changed_is_refused(
    sample_services: Services, tracker: CommitmentService
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    moved = type(suggestion)(
        start=0,
        end=10,
        sentence="Une phrase qui n'est plus dans la réponse.",
        due=None,
        precision=DatePrecision.VAGUE,
        confidence=0.9,
        cues=(),
    )
    with pytest.raises(StaleSuggestion):
        tracker.accept(SEED_KEY, moved)
    assert sample_services.annotations.for_question(SEED_KEY) == []


def test_a_hand_made_engagement_on_the_sentence_hides_its_suggestion(
    sample_services: Services, tracker: CommitmentService
) -> None:
    _hand_engagement(sample_services, SEED_KEY, ROADMAPS)
    assert tracker.suggestions(SEED_KEY) == []


def test_a_highlight_of_another_category_does_not_hide_the_suggestion(
    sample_services: Services, tracker: CommitmentService
) -> None:
    answer = sample_services.questions.detail(SEED_KEY).record.answer_text or ""
    start = answer.index(ROADMAPS)
    sample_services.annotations.create(SEED_KEY, Part.ANSWER, start, start + 20, "chiffre")
    assert len(tracker.suggestions(SEED_KEY)) == 1


def test_a_dismissal_survives_reimports_even_when_the_answer_moved(
    sample_services: Services, tracker: CommitmentService, tmp_path: Path
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    assert tracker.dismiss(SEED_KEY, suggestion) is True
    assert tracker.dismiss(SEED_KEY, suggestion) is False  # once is enough
    assert tracker.suggestions(SEED_KEY) == []

    sample_services.importing.import_paths([SEED])  # the same page again
    assert tracker.suggestions(SEED_KEY) == []

    page = SEED.read_text(encoding="utf-8").replace(
        "Le Gouvernement est pleinement engagé",
        "Un rapport sera remis au Parlement avant la fin de l'année 2026. "
        "Le Gouvernement est pleinement engagé",
    )
    erratum = tmp_path / "genet-erratum.txt"
    erratum.write_text(page, encoding="utf-8")
    report = sample_services.importing.import_paths([erratum])
    assert report.keys == [SEED_KEY]
    remaining = tracker.suggestions(SEED_KEY)
    assert [s.sentence[:26] for s in remaining] == ["Un rapport sera remis au P"]  # the new one


def test_unknown_question_is_reported(tracker: CommitmentService) -> None:
    with pytest.raises(QuestionNotFound):
        tracker.suggestions("senat-inconnue")


def test_status_changes_keep_who_when_why_and_the_evidence(
    sample_services: Services, tracker: CommitmentService
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    accepted = tracker.accept(SEED_KEY, suggestion)
    sample_services.current_user.name = "Camille"
    changed = tracker.change_status(
        accepted.id,
        CommitmentStatus.KEPT_LATE,
        "Feuilles de route publiées en septembre",
        "https://www.numerique.gouv.fr/feuilles-de-route",
        accepted.version,
    )
    assert changed.commitment is not None
    assert changed.commitment.status is CommitmentStatus.KEPT_LATE
    assert changed.commitment.next_check is None  # settled: nothing left to check
    assert changed.commitment.evidence.startswith("https://www.numerique.gouv.fr")
    history = sample_services.annotations.get(accepted.id).commitment.history  # type: ignore[union-attr]
    assert [(h.status, h.author) for h in history] == [
        (CommitmentStatus.TO_CHECK, "testeur"),
        (CommitmentStatus.KEPT_LATE, "Camille"),
    ]
    assert history[1].reason == "Feuilles de route publiées en septembre"
    assert history[1].at >= history[0].at

    with pytest.raises(ConflictError):  # based on the version before Camille's change
        tracker.change_status(accepted.id, CommitmentStatus.BROKEN, "", "", accepted.version)
    with pytest.raises(ConflictError):
        tracker.set_due(accepted.id, date(2026, 1, 1), DatePrecision.DAY, accepted.version)


def test_the_seed_roadmaps_are_overdue_today(
    sample_services: Services, tracker: CommitmentService
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    tracker.accept(SEED_KEY, suggestion)
    [row] = tracker.list(CommitmentFilter(overdue=True))
    assert row.question_key == SEED_KEY
    assert row.days_overdue == (TODAY - date(2025, 6, 30)).days == 517
    assert row.is_overdue
    assert row.status is CommitmentStatus.TO_CHECK
    assert ROADMAPS in row.quote


def test_list_filters_and_sorts_by_due_date(
    sample_services: Services, tracker: CommitmentService
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    seed = tracker.accept(SEED_KEY, suggestion)
    an_id = _hand_engagement(sample_services, AN_KEY, AN_QUOTE)
    undated = _hand_engagement(sample_services, AN_KEY, "dix-huit ans dans la même commune")

    rows = tracker.list()
    assert [r.annotation_id for r in rows] == [seed.id, an_id, undated]  # undated: last
    assert rows[1].status is CommitmentStatus.TO_CHECK  # made by hand, not yet followed
    assert rows[1].ministry == "Intérieur"

    an = sample_services.annotations.get(an_id)
    tracker.set_due(an_id, date(2026, 11, 15), DatePrecision.DAY, an.version)
    rows = tracker.list()
    assert [r.due_date for r in rows] == [date(2025, 6, 30), date(2026, 11, 15), None]
    assert [r.annotation_id for r in tracker.list(CommitmentFilter(due_this_month=True))] == [an_id]
    assert {r.annotation_id for r in tracker.list(CommitmentFilter(overdue=True))} == {
        seed.id,
        an_id,
    }
    assert [r.annotation_id for r in tracker.list(CommitmentFilter(ministry="Intérieur"))] == [
        an_id,
        undated,
    ]
    assert tracker.ministries() == [
        "Intérieur",
        "Ministère de l'économie, des finances et de la souveraineté industrielle et numérique",
    ]

    current = sample_services.annotations.get(seed.id)
    tracker.change_status(seed.id, CommitmentStatus.BROKEN, "Rien publié", "", current.version)
    broken = tracker.list(CommitmentFilter(status=CommitmentStatus.BROKEN))
    assert [r.annotation_id for r in broken] == [seed.id]
    assert broken[0].days_overdue == 0  # settled: no longer counted as late
    assert {r.annotation_id for r in tracker.list(CommitmentFilter(overdue=True))} == {an_id}
    assert [r.annotation_id for r in tracker.list(CommitmentFilter(question_key=AN_KEY))] == [
        an_id,
        undated,
    ]


def test_deleted_highlights_leave_the_list(
    sample_services: Services, tracker: CommitmentService
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    accepted = tracker.accept(SEED_KEY, suggestion)
    sample_services.annotations.delete(accepted.id, accepted.version)
    assert tracker.list() == []
    assert len(tracker.suggestions(SEED_KEY)) == 1  # the sentence may be accepted again


def test_follow_up_draft_for_the_seed(tracker: CommitmentService) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    accepted = tracker.accept(SEED_KEY, suggestion)
    draft = tracker.follow_up_draft(accepted.id)
    assert draft.startswith("M. Fabien Genet rappelle à Mme la ministre déléguée")
    assert "chargée de l'intelligence artificielle et du numérique, les termes de sa" in draft
    assert "sa question écrite publiée au Journal officiel du Sénat du 30/01/2025 (p. 246)" in draft
    assert "la réponse publiée le 17/04/2025 (p. 1912)" in draft
    assert f"{ROADMAPS}, à l'occasion du salon Vivatech" in draft
    assert "Il lui demande de bien vouloir lui indiquer si cet engagement" in draft
    assert "juin 2025" in draft


def test_the_calendar_export_holds_the_commitment(
    sample_services: Services, tracker: CommitmentService, tmp_path: Path
) -> None:
    [suggestion] = tracker.suggestions(SEED_KEY)
    accepted = tracker.accept(SEED_KEY, suggestion)
    assert ExportFormat.ICS in sample_services.exporting.available_formats()
    target = tmp_path / "engagements.ics"
    result = sample_services.exporting.export([SEED_KEY], ExportFormat.ICS, target)
    assert result.commitments == 1
    unfolded = target.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert f"UID:{accepted.id}@qe-desktop\r\n" in unfolded
    assert "DTSTART;VALUE=DATE:20250630\r\n" in unfolded
