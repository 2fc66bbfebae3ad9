"""Fixtures for export tests: the sample library with annotations on it."""

from __future__ import annotations

import pytest

from qe_desktop.domain.views import QuestionDetail
from qe_desktop.services.container import Services
from tests.exporters.library import AN_KEY, SEED_KEY, Annotated, annotate_samples


@pytest.fixture
def annotated(sample_services: Services) -> Annotated:
    return annotate_samples(sample_services)


@pytest.fixture
def details(sample_services: Services, annotated: Annotated) -> list[QuestionDetail]:
    """The seed (three highlights, a commitment, a free note) then an AN question."""
    return [sample_services.questions.detail(SEED_KEY), sample_services.questions.detail(AN_KEY)]
