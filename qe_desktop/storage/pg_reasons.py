"""French sentences for PostgreSQL connection failures (libpq / psycopg speak English).

A team library that cannot be opened said "connection refused" or "password authentication
failed for user …" inside a French sentence; the user needs what happened and what to do.
The server's own words stay available as a detail (log, "Détails" in the window).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

PASSWORD_HINT = (
    "Donnez le mot de passe à la connexion, ou utilisez ~/.pgpass, un service (PGSERVICE) "
    "ou PGPASSWORD."
)


@dataclass(frozen=True)
class ServerAddress:
    """What the URL says of the server, to name it in the sentence."""

    host: str
    port: int | None
    database: str
    user: str

    @property
    def where(self) -> str:
        """The server as the user typed it, or "sur ce poste" for a local socket."""
        if not self.host or self.host.startswith("/"):
            return "sur ce poste"
        return f"{self.host}:{self.port}" if self.port else self.host


def _quoted(found: re.Match[str], fallback: str) -> str:
    return found.group(1) if found.groups() and found.group(1) else fallback


_Case = tuple[re.Pattern[str], Callable[[re.Match[str], ServerAddress], str]]
_CASES: tuple[_Case, ...] = (
    (
        re.compile(r"password authentication failed for user \"([^\"]*)\"", re.I),
        lambda m, a: (
            f"mot de passe refusé pour l'utilisateur « {_quoted(m, a.user)} ». "
            f"Vérifiez-le (majuscules comprises). {PASSWORD_HINT}"
        ),
    ),
    (
        re.compile(r"no password supplied|password is required|fe_sendauth", re.I),
        lambda m, a: f"le serveur demande un mot de passe. {PASSWORD_HINT}",
    ),
    (
        re.compile(r"database \"([^\"]*)\" does not exist", re.I),
        lambda m, a: (
            f"la base « {_quoted(m, a.database)} » n'existe pas sur ce serveur. "
            "Vérifiez son nom, ou demandez à l'administrateur de la créer "
            f"(createdb {_quoted(m, a.database)})."
        ),
    ),
    (
        re.compile(r"role \"([^\"]*)\" does not exist", re.I),
        lambda m, a: (
            f"l'utilisateur « {_quoted(m, a.user)} » n'existe pas sur ce serveur. "
            "Vérifiez le nom d'utilisateur, ou demandez à l'administrateur de le créer."
        ),
    ),
    (
        re.compile(r"no pg_hba\.conf entry", re.I),
        lambda m, a: (
            "le serveur refuse les connexions de ce poste (pg_hba.conf). "
            "Demandez à son administrateur d'autoriser votre poste et votre utilisateur."
        ),
    ),
    (
        re.compile(r"permission denied for database", re.I),
        lambda m, a: (
            f"l'utilisateur « {a.user} » n'a pas le droit de se connecter à la base "
            f"« {a.database} ». Demandez ce droit à l'administrateur (GRANT CONNECT)."
        ),
    ),
    (
        re.compile(r"timeout expired|timed out|timeout", re.I),
        lambda m, a: (
            f"le serveur ({a.where}) n'a pas répondu à temps. Vérifiez l'adresse, "
            "le réseau ou le VPN, puis réessayez."
        ),
    ),
    (
        re.compile(
            r"could not translate host name|failed to resolve host|Name or service not known"
            r"|nodename nor servname|No address associated",
            re.I,
        ),
        lambda m, a: (
            f"adresse du serveur inconnue (« {a.host} »). Vérifiez son orthographe, "
            "ou la connexion au réseau (VPN)."
        ),
    ),
    (
        re.compile(r"Connection refused|No such file or directory|Is the server running", re.I),
        lambda m, a: (
            f"aucun serveur PostgreSQL ne répond ({a.where}). Vérifiez l'adresse et "
            "le port, et que le serveur est démarré."
        ),
    ),
    (
        re.compile(r"too many clients|remaining connection slots", re.I),
        lambda m, a: (
            "le serveur a atteint son nombre maximal de connexions. Réessayez dans "
            "un moment, ou prévenez son administrateur."
        ),
    ),
    (
        re.compile(r"starting up|shutting down|in recovery mode", re.I),
        lambda m, a: "le serveur démarre ou s'arrête. Réessayez dans une minute.",
    ),
    (
        re.compile(r"server closed the connection|terminating connection|connection reset", re.I),
        lambda m, a: "la connexion au serveur a été coupée. Vérifiez le réseau, puis réessayez.",
    ),
    (
        re.compile(r"SSL", re.I),
        lambda m, a: (
            "la connexion chiffrée (SSL) a échoué. Vérifiez le réglage sslmode de "
            "l'adresse avec l'administrateur du serveur."
        ),
    ),
)


def explain_server_failure(reason: str, address: ServerAddress) -> str:
    """What happened and what to do, in French; the server's English is left to the detail."""
    for pattern, say in _CASES:
        found = pattern.search(reason)
        if found is not None:
            return say(found, address)
    return (
        f"le serveur PostgreSQL ({address.where}) a refusé la connexion. "
        "Le détail technique est dans le journal (Aide > Ouvrir le dossier des journaux)."
    )
