"""A team library that cannot be opened is explained in French, with what to do; libpq's
English stays in the detail (log, "Détails"), never in the sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from qe_desktop.services.library import LibraryUnavailableError, open_library
from qe_desktop.storage.engine import postgres_url
from qe_desktop.storage.pg_reasons import ServerAddress, explain_server_failure

SERVER = ServerAddress("db.equipe.fr", 5432, "equipe", "anne")
ENGLISH = ("failed", "does not exist", "refused", "Connection", "timeout", "FATAL", "entry")


@pytest.mark.parametrize(
    ("libpq", "french"),
    [
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
            "Connection refused Is the server running on that host and accepting TCP/IP "
            "connections?",
            "aucun serveur PostgreSQL ne répond (db.equipe.fr:5432). Vérifiez l'adresse et le "
            "port, et que le serveur est démarré.",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
            'password authentication failed for user "anne"',
            "mot de passe refusé pour l'utilisateur « anne ». Vérifiez-le",
        ),
        (
            "connection failed: fe_sendauth: no password supplied",
            "le serveur demande un mot de passe. Donnez le mot de passe à la connexion",
        ),
        (
            'connection failed: connection to server on socket "/run/.s.PGSQL.5432" failed: '
            'FATAL:  database "equipes" does not exist',
            "la base « equipes » n'existe pas sur ce serveur. Vérifiez son orthographe, ou "
            "demandez à l'administrateur de la créer (createdb equipes).",
        ),
        (
            'FATAL:  role "anna" does not exist',
            "l'utilisateur « anna » n'existe pas sur ce serveur.",
        ),
        (
            "connection timeout expired",
            "le serveur (db.equipe.fr:5432) n'a pas répondu à temps. Vérifiez l'adresse, le "
            "réseau ou le VPN",
        ),
        (
            "failed to resolve host 'db.equipe.fr': [Errno -2] Name or service not known",
            "adresse du serveur inconnue (« db.equipe.fr »).",
        ),
        (
            'FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "anne", database "equipe"',
            "le serveur refuse les connexions de ce poste (pg_hba.conf).",
        ),
        ("FATAL:  sorry, too many clients already", "nombre maximal de connexions"),
        ("something libpq never said before", "Le détail technique est dans le journal"),
    ],
)
def test_common_failures_say_what_to_do_in_french(libpq: str, french: str) -> None:
    sentence = explain_server_failure(libpq, SERVER)
    assert french in sentence
    for word in ENGLISH:
        assert word not in sentence


def test_an_unreachable_server_keeps_its_words_as_the_detail_only(tmp_path: Path) -> None:
    url = postgres_url(str(tmp_path / "no-server-here"), 5432, "equipe", "anne", "s3cr3t")
    with pytest.raises(LibraryUnavailableError) as caught:
        open_library(url)
    message = str(caught.value)
    assert message.startswith("Impossible d'ouvrir la bibliothèque d'équipe ")
    assert message.endswith(
        ": aucun serveur PostgreSQL ne répond (sur ce poste). Vérifiez l'adresse et le port, "
        "et que le serveur est démarré."
    )
    assert "No such file" not in message and "No such file" in caught.value.detail
    assert "s3cr3t" not in message + caught.value.detail


@pytest.mark.postgres
def test_a_mistyped_database_or_user_is_named_in_french(pg_url: str) -> None:
    from sqlalchemy.engine import make_url

    for change, french in (
        ({"database": "qe_absente"}, "la base « qe_absente » n'existe pas sur ce serveur"),
        ({"username": "qe_personne"}, "l'utilisateur « qe_personne » n'existe pas"),
    ):
        wrong = make_url(pg_url).set(**change).render_as_string(hide_password=False)
        with pytest.raises(LibraryUnavailableError) as caught:
            open_library(wrong)
        assert french in str(caught.value)
        assert "does not exist" in caught.value.detail
        assert "does not exist" not in str(caught.value)
