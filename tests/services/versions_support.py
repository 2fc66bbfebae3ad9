"""The reference Sénat page and damaged copies of it, as the never-lose tests import them."""

from __future__ import annotations

from pathlib import Path

from qe_desktop.domain.annotation import AnnotationRecord, Part
from qe_desktop.services.container import Services
from tests.conftest import SEED

CUT = "Le Gouvernement est pleinement engagé dans le développement"
QUOTE = "l'ensemble des ministères présenteront d'ici juin 2025"
OPENING = "pleinement engagé dans le développement"
PAGE = SEED.read_text(encoding="utf-8")
ANSWER_START = PAGE.index(CUT)
ANSWER_END = PAGE.index("\n", ANSWER_START)
ANSWER = PAGE[ANSWER_START:ANSWER_END]


def truncated_page(at: int = len(CUT)) -> str:
    """The page cut in the middle of the answer, as a browser saves an interrupted load."""
    return PAGE[: ANSWER_START + at]


def page_with_answer(answer: str) -> str:
    return PAGE[:ANSWER_START] + answer + PAGE[ANSWER_END:]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def answer_of(services: Services, key: str) -> str:
    return services.questions.detail(key).record.answer_text or ""


def highlight(
    services: Services, key: str, quote: str, category: str = "chiffre"
) -> AnnotationRecord:
    start = answer_of(services, key).index(quote)
    return services.annotations.create(key, Part.ANSWER, start, start + len(quote), category)
