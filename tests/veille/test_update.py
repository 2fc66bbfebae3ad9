"""Update from the local open-data site, follows and Nouveautés (the issue's "Done when")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from qe_desktop.domain.annotation import DatePrecision, Part
from qe_desktop.domain.follows import EventKind, FollowKind
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.services.veille import VeilleService
from qe_desktop.services.veille_report import UpdateReport
from qe_desktop.storage.models import VeilleScan
from tests.veille.conftest import Site
from tests.veille.server import AN_PATH, CSV_PATH, an_corpus

Point = Callable[[Services, Site], VeilleService]


def kinds(veille: VeilleService) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for item in veille.inbox():
        found.setdefault(item.kind.value, set()).add(item.question_key)
    return found


def test_done_when(db_path: Path, site: Site, point_at: Point) -> None:
    """Empty library → update fills it from both sources; a follow on an author shows exactly
    that author's new answers; seen survives a restart; a second update downloads nothing."""
    database = open_library(db_path)
    services = Services.build(database, "assistant")
    veille = point_at(services, site)
    veille.follow(FollowKind.AUTHOR, "M. Fabien Genet")

    report = veille.update()
    assert report.ok, (report.sources, report.failures)
    assert [s.status for s in report.sources] == ["updated", "updated"]
    assert services.questions.total() == 6 + 4
    inbox = kinds(veille)
    assert inbox[EventKind.NEW_ANSWER.value] == {"senat-17-03038"}
    assert inbox[EventKind.NEW_QUESTION.value] == {"senat-17-03038", "senat-17-05120"}
    assert all(i.follow == "Auteur : Fabien Genet" for i in veille.inbox())
    # texts fetched from the pages of the followed questions only
    assert [p for p, s in site.pages.items() if s.hits] == ["qSEQ250103038", "qSEQ250605120"]
    genet = services.questions.detail("senat-17-03038").record
    assert genet.question_text.startswith("M. Fabien GENET attire l'attention")
    assert genet.answer_text and "feuille de route" in genet.answer_text
    (follow,) = veille.follows()
    assert (follow.unseen, follow.total) == (3, 3)

    assert veille.mark_seen() == 3
    database.close()

    database = open_library(db_path)  # restart
    services = Services.build(database, "assistant")
    veille = point_at(services, site)
    assert all(item.seen for item in veille.inbox()) and veille.unseen_count() == 0
    sent = site.full_bodies()
    again = veille.update()
    assert [s.status for s in again.sources] == ["unchanged", "unchanged"]
    assert again.downloaded == 0 and site.full_bodies() == sent
    assert site.an.hits[-1].status == 304 and site.csv.hits[-1].status == 304
    assert again.new_items == 0 and again.pages == 0

    # the next day: an answer for Genet (Sénat) and one for a deputy nobody follows (AN)
    site.publish(an_answered={1, 2, 3}, genet_answered=True)
    news = veille.update()
    assert news.ok and (news.new_answers, news.new_questions) == (1, 0)
    unseen = veille.inbox(unseen_only=True)
    assert [(i.kind, i.question_key) for i in unseen] == [(EventKind.NEW_ANSWER, "senat-17-05120")]
    assert services.questions.detail("senat-17-05120").record.answer_text
    assert services.questions.detail("QANR5L17QE3").record.answer_text  # imported all the same
    database.close()


def test_another_user_has_their_own_seen_state(services: Services, site: Site, point_at: Point):
    veille = point_at(services, site)
    veille.follow(FollowKind.AUTHOR, "PA1")
    veille.update()
    assert {i.question_key for i in veille.inbox()} == {"QANR5L17QE1", "QANR5L17QE3", "QANR5L17QE5"}
    veille.mark_seen([veille.inbox()[0].id])
    services.current_user.name = "collègue"
    assert services.veille.unseen_count() == 4  # 3 new questions + the answer to n° 1
    services.current_user.name = "testeur"
    assert services.veille.unseen_count() == 3


def test_failed_sources_change_nothing(services: Services, site: Site, point_at: Point) -> None:
    veille = point_at(services, site)
    veille.follow(FollowKind.MINISTRY, "santé")
    good_zip = site.an.body
    site.an.body = good_zip[: len(good_zip) // 2]  # truncated zip
    site.csv.body = b"<!DOCTYPE html><html><body>Erreur 503</body></html>"
    report = veille.update()
    assert not report.ok
    messages = [s.message for s in report.sources]
    assert "Assemblée nationale (17e législature) : archive ZIP illisible : " in messages[0]
    assert messages[1].startswith("Sénat (questions-depuis-un-an.csv) : le serveur a envoyé")
    assert services.questions.total() == 0 and veille.inbox() == []
    # fixed on the server: the next update imports, since nothing was recorded
    site.an.body = good_zip
    site.csv.body = site.csv_rows()
    assert veille.update().ok and services.questions.total() == 10


def test_missing_page_is_reported_metadata_kept(
    services: Services, site: Site, point_at: Point
) -> None:
    veille = point_at(services, site)
    veille.follow(FollowKind.QUESTION, "senat-16-09481")
    site.server.clear()  # pages vanish: only the two files remain
    site.server.expect_request(AN_PATH).respond_with_handler(site.an)
    site.server.expect_request(CSV_PATH).respond_with_handler(site.csv)
    site.server.no_handler_status_code = 404
    report = veille.update(source="senat")
    assert [s.status for s in report.sources] == ["updated"]
    assert [f.reason for f in report.failures] == [
        f"fichier introuvable (HTTP 404) — {site.page_url('qSEQ231209481')}"
    ]
    assert services.questions.detail("senat-16-09481").record.title


def test_follow_kinds(services: Services, site: Site, point_at: Point) -> None:
    veille = point_at(services, site)
    by_ministry = veille.follow(FollowKind.MINISTRY, "Santé")
    by_theme = veille.follow(FollowKind.THEME, "agriculture")
    by_search = veille.follow(FollowKind.SEARCH, "frontaliers")
    veille.update(source="an")
    veille.update(source="senat")
    counts = {f.id: f.total for f in veille.follows()}
    # AN: 6 questions to Santé (2 answered) ; themes: n° 3 and 6 are agriculture
    assert counts[by_ministry] == 6 + 2 + 1 + 0  # + Sénat 05120 (asked to Santé): question
    assert counts[by_theme] == 2 + 0
    assert counts[by_search] == 1
    assert veille.unfollow(by_ministry)
    assert {i.question_key for i in veille.inbox()} == {
        "QANR5L17QE3",
        "QANR5L17QE6",
        "senat-16-04688",
    }


def test_deadlines_and_commitments(services: Services, site: Site, point_at: Point) -> None:
    veille = point_at(services, site)
    veille.follow(FollowKind.AUTHOR, "Christine Herzog")
    veille.update(source="senat")
    # the deadline of 09481 (21/12/2023 + 2 months) passes "today" for the veille
    veille._today = lambda: date(2024, 2, 22)  # type: ignore[method-assign]
    with services.database.write() as session:
        session.merge(VeilleScan(name="deadlines", done_on=date(2024, 2, 1)))
    report = veille.update(source="senat")
    assert report.deadlines == 1
    assert ("deadline_passed", "senat-16-09481") in {
        (i.kind.value, i.question_key) for i in veille.inbox()
    }
    veille.update(source="senat")
    assert len([i for i in veille.inbox() if i.kind is EventKind.DEADLINE_PASSED]) == 1


def test_overdue_commitment(sample_services: Services, tmp_path: Path) -> None:
    """An open commitment whose due date passed since the last look is news, follow or not."""
    services = sample_services
    rows = services.questions.rows(QuestionFilter(), Sort(), limit=50)
    answered = next(r.key for r in rows if r.answered_on is not None)
    annotation = services.annotations.create(answered, Part.ANSWER, 0, 20, "engagement")
    due = date.today() - timedelta(days=2)
    services.commitments.set_due(annotation.id, due, DatePrecision.DAY, annotation.version)
    with services.database.write() as session:
        session.merge(VeilleScan(name="deadlines", done_on=date.today() - timedelta(days=5)))
    veille = services.veille
    veille.cache_dir = tmp_path
    report = UpdateReport()
    veille._scan(report)
    assert report.commitments == 1
    assert [(i.kind, i.question_key, i.follow) for i in veille.inbox()] == [
        (EventKind.OVERDUE_COMMITMENT, answered, None)
    ]


def test_cancel_changes_nothing_and_the_next_update_resumes(
    services: Services, site: Site, point_at: Point
) -> None:
    veille = point_at(services, site)
    site.an.body = an_corpus({1, 2}, count=300)  # big enough to be cut
    calls: list[str] = []

    def cancelled() -> bool:
        return bool(calls)

    def progress(done: int, total: int | None, name: str) -> None:
        if done and name.startswith("Assemblée"):
            calls.append(name)

    report = veille.update(progress=progress, cancelled=cancelled)
    assert report.cancelled and [s.status for s in report.sources] == ["cancelled"]
    assert services.questions.total() == 0
    assert (veille.cache_dir / "an-17-questions-ecrites.json.zip.part").exists()
    again = veille.update()
    assert again.ok and services.questions.total() == 300 + 4
    assert site.an.hits[-1].status == 206  # resumed, not started again


def test_only_the_changed_archive_entries_are_read(
    services: Services, site: Site, point_at: Point
) -> None:
    veille = point_at(services, site)
    first = veille.update(source="an")
    assert first.sources[0].message.startswith("6 importée(s)")
    site.publish(an_answered={1, 2, 5}, genet_answered=False)
    again = veille.update(source="an")
    (outcome,) = again.sources
    assert outcome.message == (
        "0 importée(s), 1 mise(s) à jour, 0 inchangée(s), 0 en échec — 1 nouvelle(s) réponse(s)"
    )
    assert services.questions.detail("QANR5L17QE5").record.answer_text
    with services.database.write() as session:  # a library that lost its list of entries
        from qe_desktop.storage.models import SourceState

        for state in session.query(SourceState):
            state.entries = None
    site.publish(an_answered={1, 2, 5, 6}, genet_answered=False)
    whole = veille.update(source="an")
    assert whole.sources[0].message.startswith("0 importée(s), 1 mise(s) à jour, 5 inchangée(s)")
