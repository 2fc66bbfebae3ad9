"""The services of one open library, built together by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from qe_desktop.services.importing import ImportService
from qe_desktop.services.questions import QuestionService
from qe_desktop.storage.database import Database


@dataclass(frozen=True)
class Services:
    database: Database
    user: str
    questions: QuestionService
    importing: ImportService

    @classmethod
    def build(cls, database: Database, user: str) -> Services:
        return cls(
            database=database,
            user=user,
            questions=QuestionService(database),
            importing=ImportService(database),
        )
