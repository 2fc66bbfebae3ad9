"""A sample library with annotations on it, shared by the export tests.

The seed question (Genet, IA dans les services publics) gets a commitment with a
note, a highlight with a note and tags full of French typography, a bare
highlight and a free note; an AN question gets one more highlight.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime

from qe_desktop.domain.annotation import (
    DEFAULT_CATEGORIES,
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
    Selector,
)
from qe_desktop.domain.question import Author, Chamber, QuestionRecord, question_uri
from qe_desktop.domain.status import Status
from qe_desktop.domain.text import text_hash
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.services.container import Services

SEED_KEY = "senat-20250130-fabien-genet-p246"
AN_KEY = "QANR5L14QE26562"
COMMITMENT_QUOTE = (
    "l'ensemble des ministères présenteront d'ici juin 2025, à l'occasion du salon Vivatech, "
    "leur feuille de route"
)
COMMITMENT_NOTE = "Vérifier la publication des feuilles de route après Vivatech."
TYPOGRAPHY_NOTE = "Engagement « ferme » ? Le cœur du sujet\u00a0: l’État doit chiffrer."
TYPOGRAPHY_TAGS = ("IA", "relance été")
QUESTION_QUOTE = "accélérer le déploiement de l'intelligence artificielle"
BARE_QUOTE = "Le Gouvernement est pleinement engagé"
FREE_NOTE = "À suivre avec le cabinet\u00a0: « œuvre » de l’État."
AN_QUOTE = "pendant au moins dix-huit ans dans la même commune"
MINISTRY = "Ministère de l'économie, des finances et de la souveraineté industrielle et numérique"


@dataclass(frozen=True)
class Annotated:
    commitment: AnnotationRecord
    typography: AnnotationRecord
    bare: AnnotationRecord
    an_figure: AnnotationRecord


def highlight(
    services: Services,
    key: str,
    part: Part,
    quote: str,
    category: str,
    note: str = "",
    tags: tuple[str, ...] = (),
) -> AnnotationRecord:
    detail = services.questions.detail(key)
    text = detail.record.question_text if part is Part.QUESTION else detail.record.answer_text
    assert text is not None
    start = text.index(quote)
    return services.annotations.create(key, part, start, start + len(quote), category, note, tags)


def annotate_samples(services: Services) -> Annotated:
    """Add the export tests' annotations to a library holding the bundled samples."""
    commitment = highlight(
        services, SEED_KEY, Part.ANSWER, COMMITMENT_QUOTE, "engagement", COMMITMENT_NOTE
    )
    commitment = services.annotations.update(
        dataclasses.replace(
            commitment,
            commitment=CommitmentRecord(
                due_date=date(2025, 6, 30),
                precision=DatePrecision.MONTH,
                ministry=MINISTRY,
                status=CommitmentStatus.IN_PROGRESS,
                next_check=date(2025, 7, 1),
            ),
        )
    )
    typography = highlight(
        services,
        SEED_KEY,
        Part.QUESTION,
        QUESTION_QUOTE,
        "important",
        TYPOGRAPHY_NOTE,
        TYPOGRAPHY_TAGS,
    )
    bare = highlight(services, SEED_KEY, Part.ANSWER, BARE_QUOTE, "elusion")
    services.annotations.save_question_note(SEED_KEY, FREE_NOTE, 0)
    an_figure = highlight(services, AN_KEY, Part.ANSWER, AN_QUOTE, "chiffre", "Chiffre à citer.")
    return Annotated(commitment, typography, bare, an_figure)


def note_on(
    text: str,
    quote: str,
    *,
    part: Part = Part.ANSWER,
    category: str = "engagement",
    note: str = "",
    tags: tuple[str, ...] = (),
    occurrence: int = 0,
    ident: str = "",
) -> AnnotationRecord:
    """An annotation record on `quote` in `text`, made without any database."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    moment = datetime(2025, 4, 20, 9, 30, tzinfo=UTC)
    return AnnotationRecord(
        id=ident or f"id-{start}-{len(quote)}-{category}",
        question_key="senat-17-03038",
        part=part,
        selector=Selector.from_span(text, start, start + len(quote)),
        category=category,
        text_hash=text_hash(text),
        creator="Marie",
        created=moment,
        modified=moment,
        note=note,
        tags=tags,
    )


def synthetic_detail(
    question: str,
    answer: str | None,
    annotations: tuple[AnnotationRecord, ...] = (),
    **fields: object,
) -> QuestionDetail:
    """A numbered Sénat question answered on 17/04/2025, page 1912, built in memory."""
    values: dict[str, object] = {
        "chamber": Chamber.SENAT,
        "question_text": question,
        "legislature": 17,
        "number": "03038",
        "url": "https://www.senat.fr/questions/base/2025/qSEQ250103038.html",
        "title": "Intelligence artificielle dans les services publics",
        "author": Author(name="Fabien Genet", civility="M.", constituency="Saône-et-Loire"),
        "ministry_asked": "Numérique",
        "published_on": date(2025, 1, 30),
        "question_page": "246",
        "answer_ministry": "Économie",
        "answered_on": date(2025, 4, 17) if answer else None,
        "answer_page": "1912" if answer else None,
        "answer_text": answer,
    }
    values.update(fields)
    record = QuestionRecord(**values)  # type: ignore[arg-type]
    return QuestionDetail(
        id=1,
        key=record.key,
        uri=question_uri(record.key, record.url),
        record=record,
        status=Status.ANSWERED if answer else Status.PENDING,
        deadline=date(2025, 3, 30),
        delay_days=77 if answer else None,
        late=bool(answer),
        annotations=annotations,
        categories=DEFAULT_CATEGORIES,
    )


UNDATED_QUOTE = "au moins dix-huit ans"


def add_undated_commitment(services: Services) -> AnnotationRecord:
    """An Engagement with no due date: the calendar must leave it out, and say so."""
    record = highlight(services, AN_KEY, Part.ANSWER, UNDATED_QUOTE, "engagement")
    return services.annotations.update(
        dataclasses.replace(record, commitment=CommitmentRecord(due_date=None))
    )


def overdue_status(today: date | None = None) -> str:
    """The seed commitment's status cell: due 30/06/2025, still "en cours"."""
    days = ((today or date.today()) - date(2025, 6, 30)).days
    return f"en cours, en retard de {days} jours"


MARKDOWN_NOTE = (
    "Un point **daté** et *à suivre* :\n\n- premier *élément*\n- second\n\n"
    "Voir [la page](https://www.senat.fr/) et [ceci](javascript:alert(1))."
)
OLD_ANSWER = "Le Gouvernement publiera le rapport d'ici le 31 décembre 1995 au plus tard."
OLD_QUOTE = "publiera le rapport d'ici le 31 décembre 1995"


def markdown_and_overdue_detail() -> QuestionDetail:
    """A note written in Markdown and a commitment due on 31/12/1995, still in progress."""
    note = note_on(OLD_ANSWER, "Le Gouvernement", category="important", note=MARKDOWN_NOTE)
    commitment = dataclasses.replace(
        note_on(OLD_ANSWER, OLD_QUOTE),
        commitment=CommitmentRecord(
            due_date=date(1995, 12, 31),
            precision=DatePrecision.DAY,
            ministry="Vérification",
            status=CommitmentStatus.IN_PROGRESS,
            next_check=date(1996, 3, 31),
        ),
    )
    detail = synthetic_detail("Question ?", OLD_ANSWER, (note, commitment))
    return dataclasses.replace(detail, note=MARKDOWN_NOTE)
