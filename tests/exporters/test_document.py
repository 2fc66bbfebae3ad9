"""The briefing document model: runs, highlights, numbered notes, citations, commitments."""

from __future__ import annotations

import dataclasses
from datetime import date

from qe_desktop.domain.annotation import (
    AnchorState,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
)
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.exporters.citations import citation, due_label
from qe_desktop.exporters.document import DocumentOptions, build_document
from tests.conftest import SEED_TITLE
from tests.exporters.library import (
    COMMITMENT_NOTE,
    COMMITMENT_QUOTE,
    SEED_KEY,
    note_on,
    synthetic_detail,
)

QUESTION = "Le Gouvernement peut-il préciser son calendrier ?\nQuel budget est prévu ?"
ANSWER = (
    "Premier paragraphe sans rien.\n"
    "Le ministère publiera une feuille de route d'ici juin 2025.\n"
    "Un troisième paragraphe.\n"
    "Un budget de 12 millions d'euros sera engagé."
)


def _texts(detail: QuestionDetail, part: Part, **options: bool) -> list[str]:
    document = build_document([detail], DocumentOptions(**options))
    section = next(s for s in document.questions[0].sections if s.part is part)
    return [paragraph.text for paragraph in section.paragraphs]


def test_citation_with_and_without_a_number() -> None:
    numbered = synthetic_detail(QUESTION, ANSWER).record
    assert citation(numbered) == "QE n° 03038, JO Sénat du 17/04/2025, p. 1912"
    assert citation(numbered, Part.QUESTION) == "QE n° 03038, JO Sénat du 30/01/2025, p. 246"
    unnumbered = dataclasses.replace(numbered, number=None)
    assert citation(unnumbered) == "QE du 30/01/2025, JO Sénat du 17/04/2025, p. 1912"
    assert citation(unnumbered, Part.QUESTION) == "QE, JO Sénat du 30/01/2025, p. 246"
    an = dataclasses.replace(numbered, chamber=numbered.chamber.AN, uid="QANR5L17QE3038")
    assert citation(an).startswith("QE n° 03038, JO AN du 17/04/2025")


def test_due_dates_read_at_their_precision() -> None:
    def label(day: date, precision: DatePrecision) -> str:
        return due_label(CommitmentRecord(due_date=day, precision=precision))

    assert label(date(2025, 6, 30), DatePrecision.MONTH) == "juin 2025"
    assert label(date(2025, 6, 30), DatePrecision.DAY) == "30/06/2025"
    assert label(date(2026, 3, 31), DatePrecision.QUARTER) == "T1 2026"
    assert label(date(2026, 12, 31), DatePrecision.SEMESTER) == "S2 2026"
    assert label(date(2026, 3, 20), DatePrecision.SEASON) == "hiver 2025"
    assert label(date(2025, 12, 31), DatePrecision.YEAR) == "2025"
    assert due_label(None) == "non datée"


def test_highlights_split_runs_and_notes_follow_their_paragraph() -> None:
    roadmap = note_on(ANSWER, "feuille de route d'ici juin 2025", note="À vérifier en juillet.")
    figure = note_on(ANSWER, "12 millions d'euros", category="chiffre")
    detail = synthetic_detail(QUESTION, ANSWER, (roadmap, figure))
    document = build_document([detail])
    answer = document.questions[0].sections[1]
    assert answer.heading.startswith("Réponse")
    second = answer.paragraphs[1]
    assert [r.text for r in second.runs] == [
        "Le ministère publiera une ",
        "feuille de route d'ici juin 2025",
        ".",
    ]
    assert second.runs[1].highlight is not None
    assert second.runs[1].highlight.color == "#f4a261"
    assert second.runs[1].note_refs == (1,)
    assert [n.text for n in second.notes] == ["À vérifier en juillet."]
    fourth = answer.paragraphs[3]
    assert fourth.runs[1].highlight is not None and fourth.runs[1].highlight.label == "Chiffre"
    assert fourth.notes == ()  # a bare highlight has no numbered note


def test_a_highlight_across_paragraphs_is_noted_once_where_it_ends() -> None:
    span = note_on(ANSWER, "sans rien.\nLe ministère", note="Deux paragraphes.")
    document = build_document([synthetic_detail(QUESTION, ANSWER, (span,))])
    first, second = document.questions[0].sections[1].paragraphs[:2]
    assert first.runs[-1].text == "sans rien." and first.runs[-1].highlight is not None
    assert first.notes == ()
    assert second.runs[0].text == "Le ministère" and second.runs[0].highlight is not None
    assert [n.number for n in second.notes] == [1]


def test_overlapping_highlights_show_the_innermost() -> None:
    outer = note_on(ANSWER, "publiera une feuille de route", category="important")
    inner = note_on(ANSWER, "feuille", category="elusion")
    document = build_document([synthetic_detail(QUESTION, ANSWER, (outer, inner))])
    runs = document.questions[0].sections[1].paragraphs[1].runs
    labels = [(r.text, r.highlight.label if r.highlight else None) for r in runs]
    assert ("feuille", "Élusion") in labels
    assert ("publiera une ", "Important") in labels
    assert (" de route", "Important") in labels


def test_notes_are_numbered_in_reading_order_across_parts() -> None:
    later = note_on(ANSWER, "12 millions", note="b")
    earlier = note_on(ANSWER, "Premier", note="a")
    on_question = note_on(QUESTION, "calendrier", part=Part.QUESTION, note="q")
    document = build_document([synthetic_detail(QUESTION, ANSWER, (later, earlier, on_question))])
    assert [(n.number, n.text) for n in document.notes] == [(1, "q"), (2, "a"), (3, "b")]


def test_only_annotated_keeps_highlighted_paragraphs_with_gaps() -> None:
    roadmap = note_on(ANSWER, "feuille de route")
    texts = _texts(synthetic_detail(QUESTION, ANSWER, (roadmap,)), Part.ANSWER, only_annotated=True)
    assert texts == ["[…]", "Le ministère publiera une feuille de route d'ici juin 2025.", "[…]"]


def test_orphans_and_notes_on_left_out_texts_are_kept_as_loose_notes() -> None:
    orphan = dataclasses.replace(
        note_on(ANSWER, "Un troisième paragraphe", note="Perdu ?"),
        anchor_state=AnchorState.ORPHAN,
    )
    on_question = note_on(QUESTION, "calendrier", part=Part.QUESTION, note="Sur la question")
    detail = synthetic_detail(QUESTION, ANSWER, (orphan, on_question))
    block = build_document([detail], DocumentOptions(include_question_text=False)).questions[0]
    assert [s.part for s in block.sections] == [Part.ANSWER]
    assert all(not p.runs[0].highlight for p in block.sections[0].paragraphs)
    loose = {n.text: n for n in block.loose_notes}
    assert set(loose) == {"Perdu ?", "Sur la question"}
    assert loose["Perdu ?"].orphan
    assert "absent du texte" in loose["Perdu ?"].remarks


def test_commitments_table_lines_from_the_sample_library(details: list[QuestionDetail]) -> None:
    document = build_document(details)
    lines = document.commitments
    assert len(lines) == 1
    line = lines[0]
    assert line.quote == COMMITMENT_QUOTE
    assert line.due == "juin 2025"
    assert line.status == CommitmentStatus.IN_PROGRESS.label
    assert line.next_check == "01/07/2025"
    assert line.citation == "QE du 30/01/2025, JO Sénat du 17/04/2025, p. 1912"
    note = next(n for n in document.notes if n.number == line.note_number)
    assert note.text == COMMITMENT_NOTE


def test_header_block_of_the_seed(details: list[QuestionDetail]) -> None:
    block = build_document(details).questions[0]
    assert block.key == SEED_KEY
    fields = {f.label: f.value for f in block.fields}
    assert fields["Publiée le"] == "30/01/2025 (JO Sénat, p. 246)"
    assert fields["Réponse"].startswith("17/04/2025 (JO Sénat, p. 1912)")
    assert fields["Délai"] == "77 jours, au-delà du délai réglementaire"
    assert fields["Statut"] == "répondue"
    assert fields["Auteur"].startswith("M. Fabien GENET (Saône-et-Loire")
    assert block.heading == "QE du 30/01/2025 — " + SEED_TITLE
