"""Never lose a word: every text kept as a version, suspicious updates held for the user."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from qe_desktop.domain.annotation import AnchorState, Part
from qe_desktop.domain.text_versions import VersionState
from qe_desktop.importers.sources import SourceItem
from qe_desktop.services.backups import BackupService
from qe_desktop.services.container import Services
from tests.conftest import SEED
from tests.services.versions_support import (
    ANSWER,
    CUT,
    OPENING,
    QUOTE,
    answer_of,
    highlight,
    page_with_answer,
    truncated_page,
    write,
)


def test_a_truncated_saved_page_never_replaces_a_full_answer(
    services: Services, tmp_path: Path
) -> None:
    """Loss 1 of issue #18: "1 mise(s) à jour", the answer became one line, notes orphaned."""
    key = services.importing.import_paths([SEED]).keys[0]
    notes = [highlight(services, key, OPENING), highlight(services, key, QUOTE, "engagement")]
    backups = len(services.backups.list())

    report = services.importing.import_paths([write(tmp_path, "copie.txt", truncated_page())])

    assert report.updated == 0 and report.ok
    assert report.held_lines() == [
        f"À vérifier : la nouvelle version est plus courte — {key} (réponse)"
    ]
    assert "1 à vérifier" in report.summary()
    assert answer_of(services, key) == ANSWER
    kept = {a.id: a for a in services.annotations.for_question(key)}
    assert all(kept[n.id].anchor_state is AnchorState.ANCHORED for n in notes)
    pending = services.versions.pending(key)
    assert [(v.part, v.text, v.reason) for v in pending] == [(Part.ANSWER, CUT, "shorter")]
    # the single-file import that could have changed a text was preceded by a backup
    assert len(services.backups.list()) == backups + 1
    newest = services.backups.list()[0].path
    with sqlite3.connect(newest) as connection:
        (stored,) = connection.execute("SELECT answer_text FROM questions").fetchone()
    assert stored == ANSWER


def test_a_held_update_is_applied_or_rejected_and_no_text_is_ever_lost(
    any_services: Services, tmp_path: Path
) -> None:
    services = any_services  # SQLite and PostgreSQL
    key = services.importing.import_paths([SEED]).keys[0]
    start_note = highlight(services, key, OPENING)
    end_note = highlight(services, key, QUOTE)
    cut_copy = write(tmp_path, "copie.txt", truncated_page())
    services.importing.import_paths([cut_copy])
    (pending,) = services.versions.pending(key)

    applied = services.versions.apply(key, pending.id)
    assert applied.state is VersionState.CURRENT
    assert answer_of(services, key) == CUT
    states = {a.id: a for a in services.annotations.for_question(key)}
    assert states[start_note.id].anchor_state is AnchorState.ANCHORED
    orphan = states[end_note.id]
    assert orphan.anchor_state is AnchorState.ORPHAN
    own = services.versions.version_of(orphan)  # the orphan is shown in its own text
    assert own is not None and own.state is VersionState.EARLIER and own.text == ANSWER
    assert own.text[orphan.selector.start : orphan.selector.end] == QUOTE

    services.versions.apply(key, own.id)  # back to the full answer: re-anchored from it
    assert answer_of(services, key) == ANSWER
    again = {a.id: a for a in services.annotations.for_question(key)}
    assert again[end_note.id].anchor_state is AnchorState.ANCHORED

    report = services.importing.import_paths([cut_copy])  # offered again: still suspicious
    assert len(report.held) == 1
    (pending,) = services.versions.pending(key)
    services.versions.reject(key, pending.id)
    report = services.importing.import_paths([cut_copy])  # rejected: not offered again
    assert report.held == [] and answer_of(services, key) == ANSWER
    states_by_text = {v.text: v.state for v in services.versions.versions(key)}
    assert states_by_text[CUT] is VersionState.REJECTED
    assert states_by_text[ANSWER] is VersionState.CURRENT
    with pytest.raises(ValueError, match="n'attend pas"):
        services.versions.reject(key, pending.id)


def test_errata_and_real_new_answers_apply_at_once_and_keep_the_old_text(
    services: Services, tmp_path: Path
) -> None:
    unanswered = truncated_page(0).rsplit("Réponse du", 1)[0]
    key = services.importing.import_items([SourceItem("q.txt", unanswered.encode())]).keys[0]
    assert answer_of(services, key) == ""
    report = services.importing.import_paths([SEED])  # the answer is out: applied at once
    assert report.updated == 1 and report.held == [] and answer_of(services, key) == ANSWER
    edited = ANSWER.replace("élabore actuellement", "a élaboré")
    report = services.importing.import_paths([write(tmp_path, "maj.txt", page_with_answer(edited))])
    assert report.updated == 1 and report.held == []
    versions = services.versions.versions(key)
    answers = {v.text: v.state for v in versions if v.part is Part.ANSWER}
    assert answers == {ANSWER: VersionState.EARLIER, edited: VersionState.CURRENT}
    diff = services.versions.diff(key, next(v.id for v in versions if v.text == ANSWER))
    assert {p.text.strip() for p in diff if p.kind == "added"} == {"élabore actuellement"}


def test_a_paste_after_a_saved_page_is_held_as_less_complete(services: Services) -> None:
    key = services.importing.import_paths([SEED]).keys[0]
    pasted = page_with_answer(ANSWER.replace("élabore actuellement", "élabore"))
    report = services.importing.import_text(pasted)  # a paste: "presse-papiers"
    assert [h.label for h in report.held] == [
        "À vérifier : la nouvelle version vient d'une source moins complète"
    ]
    assert answer_of(services, key) == ANSWER


def test_an_unchanged_reimport_writes_no_version(services: Services) -> None:
    key = services.importing.import_paths([SEED]).keys[0]
    before = services.versions.versions(key)
    report = services.importing.import_paths([SEED])
    assert report.unchanged == 1
    assert services.versions.versions(key) == before
    assert {v.part for v in before} == {Part.QUESTION, Part.ANSWER}
    current = services.versions.current(key, Part.ANSWER)
    assert current is not None and current.text == ANSWER and current.text_hash


def test_bulk_imports_write_the_first_versions_of_every_text(
    any_services: Services, tmp_path: Path
) -> None:
    services = any_services  # SQLite and PostgreSQL
    from benchmarks.corpus import write_corpus

    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 40, seed=3)
    report = services.importing.import_paths([corpus])
    assert report.imported == 40
    with services.database.read() as session:
        texts = session.execute(
            sql(
                "SELECT (SELECT count(*) FROM questions WHERE question_text != '') "
                "+ (SELECT count(*) FROM questions WHERE coalesce(answer_text, '') != ''), "
                "(SELECT count(*) FROM text_versions WHERE state = 'current')"
            )
        ).one()
    assert texts[0] == texts[1] > 40
    services.importing.import_paths([corpus])  # unchanged: nothing more
    with services.database.read() as session:
        count = session.execute(sql("SELECT count(*) FROM text_versions")).scalar()
    assert count == texts[1]


def test_one_backup_an_hour_before_imports_that_change_texts(
    services: Services, tmp_path: Path
) -> None:
    key = services.importing.import_paths([SEED]).keys[0]
    first = len(services.backups.list())
    for n, word in enumerate(("a élaboré", "élaborera", "élabore déjà")):
        page = page_with_answer(ANSWER.replace("élabore actuellement", word))
        services.importing.import_text(page, source=f"page{n}.html")
    assert answer_of(services, key).count("élabore déjà") == 1
    assert len(services.backups.list()) == first + 1  # one, not three
    assert BackupService(services.database).before_change() is not None  # a new session
