"""A sample library with annotations on it, shared by the export tests.

The seed question (Genet, IA dans les services publics) gets a commitment with a
note, a highlight with a note and tags full of French typography, a bare
highlight and a free note; an AN question gets one more highlight.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from qe_desktop.domain.annotation import (
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
)
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
