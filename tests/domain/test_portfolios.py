"""Ministries grouped by portfolio across governments, from the bundled table."""

from __future__ import annotations

from pathlib import Path

import pytest

from qe_desktop.domain.portfolios import PortfolioMap, short_name
from qe_desktop.services.portfolios import load_portfolios


@pytest.fixture(scope="module")
def portfolios() -> PortfolioMap:
    return load_portfolios(Path("/nonexistent/portfolios.tsv"))


@pytest.mark.parametrize(
    ("ministry", "portfolio"),
    [  # names met in real Sénat and AN pages
        ("Intérieur", "Intérieur"),
        ("Ministère de l'intérieur", "Intérieur"),
        ("Ministère de l'intérieur et de l'aménagement du territoire", "Intérieur"),
        (
            "Ministère de l'intérieur, de l'outre-mer et des collectivités territoriales",
            "Intérieur",
        ),
        (
            "Ministère de l'intérieur, de la sécurité intérieure et des libertés locales",
            "Intérieur",
        ),
        ("Défense (S.E.)", "Armées et défense"),
        ("Secrétariat d'État auprès de la ministre des armées", "Armées et défense"),
        ("Ministère de la transition écologique et solidaire", "Écologie et environnement"),
        (
            "Secrétariat d'État auprès du ministre de la transition écologique et de la cohésion"
            " des territoires, chargé de l'écologie",
            "Écologie et environnement",
        ),
        (
            "Ministère auprès du ministre de l'économie, des finances et de la souveraineté"
            " industrielle et numérique, chargé des comptes publics",
            "Budget et comptes publics",
        ),
        ("Affaires sociales, santé et droits des femmes", "Santé et solidarités"),
        ("Éducation", "Éducation nationale"),
        ("Ministère de la mer", "Mer"),  # unknown to the table: its own short name
        ("", ""),
    ],
)
def test_historical_names_fall_into_one_portfolio(
    portfolios: PortfolioMap, ministry: str, portfolio: str
) -> None:
    assert portfolios.portfolio_of(ministry) == portfolio


def test_the_users_own_lines_come_first(tmp_path: Path) -> None:
    own = tmp_path / "portfolios.tsv"
    own.write_text("# mine\nSécurité\tintérieur\n", encoding="utf-8")
    assert load_portfolios(own).portfolio_of("Ministère de l'intérieur") == "Sécurité"
    assert load_portfolios(own).portfolio_of("Défense") == "Armées et défense"


def test_the_table_is_data_and_garbage_lines_are_skipped() -> None:
    table = PortfolioMap.parse("no tab here\n\t\nCulture\tculture, communication\n# x\tculture")
    assert table.rules == (("Culture", ("culture", "communication")),)
    assert short_name("Ministère de la culture") == "Culture"
