"""Importing through the service: upsert, status, failures that do not stop the batch."""

from __future__ import annotations

import json
from pathlib import Path

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from tests.conftest import SAMPLES, SEED

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


def _only_key(services: Services) -> str:
    rows = services.questions.rows(QuestionFilter(), Sort())
    assert len(rows) == 1
    return rows[0].key


def test_seed_question_is_answered_late_after_77_days(services: Services) -> None:
    report = services.importing.import_paths([SEED])
    assert (report.imported, report.failed) == (1, 0)
    detail = services.questions.detail(_only_key(services))
    assert detail.status is Status.ANSWERED
    assert detail.delay_days == 77
    assert detail.late is True
    assert detail.record.answer_text
    assert "présenteront d'ici juin 2025" in detail.record.answer_text


def test_identical_reimport_changes_nothing(services: Services) -> None:
    services.importing.import_paths([SEED])
    again = services.importing.import_paths([SEED])
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 1)
    assert services.questions.total() == 1


def test_answer_published_later_updates_the_same_question(
    services: Services, tmp_path: Path
) -> None:
    text = SEED.read_text(encoding="utf-8")
    unanswered = (
        text[: text.index("Réponse du Ministère")] + "En attente de réponse du Ministère.\n"
    )
    early = tmp_path / "avant-reponse.txt"
    early.write_text(unanswered, encoding="utf-8")
    first = services.importing.import_paths([early])
    assert first.imported == 1
    key = _only_key(services)
    assert services.questions.detail(key).status is not Status.ANSWERED

    later = services.importing.import_paths([SEED])
    assert (later.imported, later.updated, later.new_answers) == (0, 1, 1)
    assert _only_key(services) == key
    assert services.questions.detail(key).status is Status.ANSWERED


def test_a_bad_file_is_reported_by_name_and_the_rest_is_imported(
    services: Services, tmp_path: Path
) -> None:
    broken = tmp_path / "cassé.json"
    broken.write_text('{"question": {"uid": ', encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    report = services.importing.import_paths([broken, SEED, binary])
    assert report.imported == 1
    failed_names = sorted(Path(f.source).name for f in report.failures)
    assert failed_names == ["cassé.json", "image.txt"]
    assert all(f.reason for f in report.failures)
    assert services.questions.total() == 1


def test_whole_sample_folder_imports(services: Services) -> None:
    report = services.importing.import_paths([SAMPLES])
    assert report.ok, report.failures
    assert services.questions.total() == report.imported >= 2


def test_a_file_holding_many_questions_reports_how_many_were_read(
    services: Services, monkeypatch
) -> None:
    """The 14th legislature comes as one XML file: the bar cannot count files then."""
    import qe_desktop.services.importing as importing

    monkeypatch.setattr(importing, "CHUNK_SIZE", 1)
    collection = (
        Path(__file__).resolve().parents[1]
        / "data"
        / "importers"
        / "an_xml"
        / "legislature14_collection"
        / "input.xml"
    )
    calls: list[tuple[int, int | None, str]] = []
    report = services.importing.import_paths(
        [collection], progress=lambda done, total, name: calls.append((done, total, name))
    )
    assert report.imported == 3
    counted = [name for _, total, name in calls if total is None]
    assert counted == [f"{collection} — {n} question(s) lue(s)" for n in (1, 2, 3)]


def test_an_unanswered_qg_is_never_listed_overdue(services: Services, tmp_path: Path) -> None:
    qg = json.loads((DATA / "an_qg" / "QANR5L17QG1.json").read_text(encoding="utf-8"))
    question = qg.get("question", qg)
    question["textesReponse"] = None
    question["cloture"] = None
    path = tmp_path / "QANR5L17QG1.json"
    path.write_text(json.dumps(qg, ensure_ascii=False), encoding="utf-8")
    assert services.importing.import_paths([path]).ok
    detail = services.questions.detail("QANR5L17QG1")
    assert detail.record.qtype == "QG"
    assert detail.status is Status.PENDING and detail.deadline is None
    overdue = QuestionFilter(statuses=frozenset({Status.OVERDUE}))
    assert services.questions.count(overdue) == 0
