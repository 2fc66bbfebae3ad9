"""Annotations through the service: persisted, versioned, re-anchored, never lost."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from qe_desktop.domain.annotation import AnchorState, Part
from qe_desktop.services.annotations import AnnotationFilter, ConflictError
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.conftest import SEED

QUOTE = "l'ensemble des ministères présenteront d'ici juin 2025"


def _seed(services: Services) -> str:
    report = services.importing.import_paths([SEED])
    return report.keys[0]


def _span(services: Services, key: str, quote: str = QUOTE) -> tuple[int, int]:
    answer = services.questions.detail(key).record.answer_text or ""
    start = answer.index(quote)
    return start, start + len(quote)


def test_created_annotation_survives_a_restart(services: Services, db_path: Path) -> None:
    key = _seed(services)
    start, end = _span(services, key)
    created = services.annotations.create(
        key, Part.ANSWER, start, end, "engagement", note="À suivre **en juin**", tags=("IA",)
    )
    services.database.close()

    reopened = Services.build(open_library(db_path), "autre")
    [again] = reopened.annotations.for_question(key)
    assert again.selector.exact == QUOTE
    assert (again.selector.start, again.selector.end) == (start, end)
    assert again.note == "À suivre **en juin**"
    assert again.tags == ("IA",)
    assert again.creator == "testeur"
    assert again.id == created.id
    assert reopened.questions.detail(key).annotations == (again,)
    reopened.database.close()


def test_a_save_based_on_an_old_version_is_refused(services: Services) -> None:
    key = _seed(services)
    start, end = _span(services, key)
    loaded = services.annotations.create(key, Part.ANSWER, start, end, "engagement")
    first = services.annotations.update(loaded.__class__(**{**_fields(loaded), "note": "A"}))
    with pytest.raises(ConflictError) as conflict:
        services.annotations.update(loaded.__class__(**{**_fields(loaded), "note": "B"}))
    assert conflict.value.current.note == "A"  # type: ignore[union-attr]
    assert services.annotations.get(loaded.id).note == "A"
    assert first.version > loaded.version


def _fields(record):  # dataclass with slots: rebuild from its fields
    import dataclasses

    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def test_delete_leaves_a_tombstone_and_undo_restores(services: Services) -> None:
    key = _seed(services)
    start, end = _span(services, key)
    created = services.annotations.create(key, Part.ANSWER, start, end, "chiffre")
    deleted = services.annotations.delete(created.id, created.version)
    assert deleted.deleted
    assert services.annotations.for_question(key) == []
    assert services.questions.detail(key).annotations == ()
    services.annotations.restore(created)
    assert [a.id for a in services.annotations.for_question(key)] == [created.id]


def test_reimport_with_text_inserted_before_keeps_the_highlight(
    services: Services, tmp_path: Path
) -> None:
    key = _seed(services)
    start, end = _span(services, key)
    created = services.annotations.create(key, Part.ANSWER, start, end, "engagement")
    text = SEED.read_text(encoding="utf-8")
    changed = text.replace(
        "Le Gouvernement est pleinement engagé",
        "Il convient de rappeler le contexte. Le Gouvernement est pleinement engagé",
    )
    updated_page = tmp_path / "corrigee.txt"
    updated_page.write_text(changed, encoding="utf-8")
    report = services.importing.import_paths([updated_page])
    assert report.updated == 1
    [moved] = services.annotations.for_question(key)
    assert moved.id == created.id
    assert moved.anchor_state is AnchorState.ANCHORED
    assert moved.selector.exact == QUOTE
    assert moved.selector.start > start


def test_quote_removed_by_reimport_becomes_an_orphan_not_a_loss(
    services: Services, tmp_path: Path
) -> None:
    key = _seed(services)
    start, end = _span(services, key)
    services.annotations.create(key, Part.ANSWER, start, end, "engagement", note="garder")
    text = SEED.read_text(encoding="utf-8")
    sentence_start = text.index("Enfin, pour assurer")
    sentence_end = text.index("plus grande échelle.") + len("plus grande échelle.")
    page = tmp_path / "sans-phrase.txt"
    page.write_text(text[:sentence_start] + text[sentence_end:], encoding="utf-8")
    services.importing.import_paths([page])
    [orphan] = services.annotations.for_question(key)
    assert orphan.anchor_state is AnchorState.ORPHAN
    assert orphan.selector.exact == QUOTE
    assert orphan.note == "garder"
    found = services.annotations.search(AnnotationFilter(anchor_state=AnchorState.ORPHAN))
    assert [a.id for a in found] == [orphan.id]


def test_library_wide_search_is_accent_insensitive(services: Services) -> None:
    key = _seed(services)
    start, end = _span(services, key)
    services.annotations.create(key, Part.ANSWER, start, end, "engagement", note="Échéance ratée")
    assert len(services.annotations.search(AnnotationFilter(text="echeance"))) == 1
    assert services.annotations.search(AnnotationFilter(text="introuvable")) == []


def test_question_note_is_versioned(services: Services) -> None:
    key = _seed(services)
    assert services.annotations.question_note(key) == ("", 0)
    version = services.annotations.save_question_note(key, "Relancer en septembre", 0)
    with pytest.raises(ConflictError):
        services.annotations.save_question_note(key, "écrasement", 0)
    assert services.annotations.question_note(key) == ("Relancer en septembre", version)
    rows = services.questions.search("septembre")
    assert [r.key for r in rows] == [key]


def test_library_wide_search_filters_and_pages_in_a_fixed_number_of_queries(
    services: Services,
) -> None:
    """ "Toutes les annotations": filters in SQL, a page at a time, no query per question."""
    from sqlalchemy import event

    from tests.conftest import SAMPLES

    report = services.importing.import_paths([SAMPLES])
    keys = report.keys
    for n, key in enumerate(keys):
        services.annotations.create(
            key, Part.QUESTION, 0, 10, "chiffre" if n % 2 else "important", note=f"Note {n}"
        )
    tagged = services.annotations.search(AnnotationFilter())[0]
    tagged = services.annotations.update(dataclasses.replace(tagged, tags=("Énergie",)))
    statements: list[str] = []
    engine = services.database.engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        page, total = services.annotations.search_page(AnnotationFilter(), limit=3, offset=2)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert total == len(keys) >= 5
    assert len(page) == 3
    everything = services.annotations.search(AnnotationFilter())
    assert [r.id for r in page] == [r.id for r in everything[2:5]]  # newest first, paged
    queries = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(queries) <= 4  # count, page, tags, commitments: whatever the library holds
    chiffres = services.annotations.search(AnnotationFilter(category="chiffre"))
    assert chiffres and all(r.category == "chiffre" for r in chiffres)
    by_tag = services.annotations.search(AnnotationFilter(text="energie"))
    assert [r.id for r in by_tag] == [tagged.id]
    assert services.annotations.search(AnnotationFilter(tag="Énergie"))[0].tags == ("Énergie",)
    assert services.annotations.search(AnnotationFilter(text="100%_")) == []
