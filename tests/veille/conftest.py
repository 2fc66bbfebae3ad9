"""A local open-data site (AN zip, Sénat CSV, Sénat pages) and a veille pointed at it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from qe_desktop.services.container import Services
from qe_desktop.services.veille import VeilleService
from qe_desktop.sources.http import Fetcher
from tests.veille.server import (
    AN_PATH,
    CSV_PATH,
    DATA,
    ServedFile,
    an_corpus,
    csv_bytes,
    sources_file,
)

PAGES = {
    "qSEQ250103038": ("2025", "genet-2025-ia-services-publics.txt"),
    "qSEQ250605120": ("2025", "qSEQ250605120.txt"),
    "qSEQ230104688": ("2023", "qSEQ230104688.txt"),
    "qSEQ231209481": ("2023", "qSEQ231209481.txt"),
}


@dataclass
class Site:
    server: HTTPServer
    an: ServedFile
    csv: ServedFile
    pages: dict[str, ServedFile] = field(default_factory=dict)

    def page_url(self, page_id: str) -> str:
        year = PAGES[page_id][0]
        return self.server.url_for(f"/questions/base/{year}/{page_id}.html")

    def csv_rows(self, genet_answered: bool = False) -> bytes:
        u = self.page_url
        sante = "Ministère de la santé et de l'accès aux soins"
        rows = [
            ["Réponse publiée", "QE", "03038", "", "Intelligence artificielle et services "
             "publics", "Genet", "Fabien", "M.", "Saône-et-Loire", "Les Républicains",
             "Groupe", "2025-01-30", "Ministère de l'action publique", "", "",
             "Ministère de l'action publique", "2025-04-17", "", "Fonction publique", "",
             u("qSEQ250103038")],
            ["Réponse publiée" if genet_answered else "En attente de réponse", "QE", "05120",
             "", "Déserts médicaux en zone rurale", "Genet", "Fabien", "M.", "Saône-et-Loire",
             "Les Républicains", "Groupe", "2025-06-12", sante, "", "",
             sante if genet_answered else "", "2025-08-20" if genet_answered else "", "",
             "Santé", "", u("qSEQ250605120")],
            ["En attente de réponse", "QE", "04688", "", "Travailleurs frontaliers", "Masson",
             "Jean Louis", "M.", "Moselle", "NI", "Groupe", "2023-01-12",
             "Ministère du travail", "", "", "", "", "", "Travail", "", u("qSEQ230104688")],
            ["En attente de réponse", "QE", "09481", "", "Avis des architectes des bâtiments "
             "de France", "Herzog", "Christine", "Mme", "Moselle", "UC", "Groupe",
             "2023-12-21", "Ministère de la culture", "", "", "", "", "", "Culture", "",
             u("qSEQ231209481")],
        ]  # fmt: skip
        return csv_bytes(rows)

    def publish(self, *, an_answered: set[int], genet_answered: bool) -> None:
        """New versions of the files (the next request gets them with new validators)."""
        self.an.body = an_corpus(an_answered)
        self.csv.body = self.csv_rows(genet_answered)
        name = "qSEQ250605120-answered.txt" if genet_answered else "qSEQ250605120.txt"
        self.pages["qSEQ250605120"].body = (DATA / name).read_bytes()

    def full_bodies(self) -> int:
        """Bytes of AN and Sénat files sent so far."""
        return self.an.bodies_sent + self.csv.bodies_sent


@pytest.fixture
def site(httpserver: HTTPServer) -> Site:
    an = ServedFile(an_corpus({1, 2}), "application/zip")
    csv = ServedFile(b"", "text/csv; charset=windows-1252")
    site = Site(httpserver, an, csv)
    csv.body = site.csv_rows()
    httpserver.expect_request(AN_PATH).respond_with_handler(an)
    httpserver.expect_request(CSV_PATH).respond_with_handler(csv)
    for page_id, (year, name) in PAGES.items():
        served = ServedFile((DATA / name).read_bytes(), "text/plain; charset=utf-8")
        site.pages[page_id] = served
        httpserver.expect_request(f"/questions/base/{year}/{page_id}.html").respond_with_handler(
            served
        )
    return site


def fast_fetcher(cache: Path) -> Fetcher:
    return Fetcher(cache, retries=1, backoff=0, page_interval=0, sleep=lambda s: None)


@pytest.fixture
def point_at(tmp_path: Path) -> Callable[[Services, Site], VeilleService]:
    def configure(services: Services, site: Site) -> VeilleService:
        veille = services.veille
        veille.cache_dir = tmp_path / "cache"
        veille.fetcher_factory = fast_fetcher
        veille.sources_file = sources_file(tmp_path / "sources.json", site.server)
        return veille

    return configure
