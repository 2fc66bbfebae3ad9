"""French sentences for PostgreSQL connection failures (libpq / psycopg speak English).

A team library that cannot be opened said "connection refused" or "password authentication
failed for user …" inside a French sentence; the user needs what happened and what to do.
The server's own words stay available as a detail (log, "Détails" in the window).
"""

from __future__ import annotations

import re
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


# What libpq says (English) -> which case; checked in this order, the first match wins.
_SIGNS: dict[str, str] = {
    "password": r'password authentication failed for user "(?P<user>[^"]*)"',
    "no_password": r"no password supplied|password is required|fe_sendauth",
    "database": r'database "(?P<database>[^"]*)" does not exist',
    "role": r'role "(?P<user>[^"]*)" does not exist',
    "pg_hba": r"no pg_hba\.conf entry",
    "no_right": r"permission denied for database",
    "timeout": r"timeout expired|timed out|timeout",
    "host": r"could not translate host name|failed to resolve host|Name or service not known",
    "host_mac": r"nodename nor servname|No address associated",
    "refused": r"Connection refused|No such file or directory|Is the server running",
    "full": r"too many clients|remaining connection slots",
    "restarting": r"starting up|shutting down|in recovery mode",
    "cut": r"server closed the connection|terminating connection|connection reset",
    "ssl": r"SSL",
}
_CHECK_NAME = "Vérifiez son orthographe, ou demandez à l'administrateur de"
_SAY: dict[str, str] = {
    "password": "mot de passe refusé pour l'utilisateur « {user} ». Vérifiez-le. {hint}",
    "no_password": "le serveur demande un mot de passe. {hint}",
    "database": "la base « {database} » n'existe pas sur ce serveur. "
    + _CHECK_NAME
    + " la créer (createdb {database}).",
    "role": "l'utilisateur « {user} » n'existe pas sur ce serveur. " + _CHECK_NAME + " le créer.",
    "pg_hba": "le serveur refuse les connexions de ce poste (pg_hba.conf). Demandez à son "
    "administrateur d'autoriser votre poste et votre utilisateur.",
    "no_right": "l'utilisateur « {user} » n'a pas le droit de se connecter à la base "
    "« {database} ». Demandez ce droit à l'administrateur (GRANT CONNECT).",
    "timeout": "le serveur ({where}) n'a pas répondu à temps. Vérifiez l'adresse, le réseau "
    "ou le VPN, puis réessayez.",
    "host": "adresse du serveur inconnue (« {host} »). Vérifiez son orthographe, ou le réseau.",
    "refused": "aucun serveur PostgreSQL ne répond ({where}). Vérifiez l'adresse et le port, "
    "et que le serveur est démarré.",
    "full": "le serveur a atteint son nombre maximal de connexions. Réessayez dans un moment.",
    "restarting": "le serveur démarre ou s'arrête. Réessayez dans une minute.",
    "cut": "la connexion au serveur a été coupée. Vérifiez le réseau, puis réessayez.",
    "ssl": "la connexion chiffrée (SSL) a échoué. Vérifiez le réglage sslmode de l'adresse.",
    "other": "le serveur PostgreSQL ({where}) a refusé la connexion. Le détail technique est "
    "dans le journal (Aide > Ouvrir le dossier des journaux).",
}


def explain_server_failure(reason: str, address: ServerAddress) -> str:
    """What happened and what to do, in French; the server's English is left to the detail."""
    fields = {
        "user": address.user,
        "database": address.database,
        "host": address.host,
        "where": address.where,
        "hint": PASSWORD_HINT,
    }
    for case, sign in _SIGNS.items():
        found = re.search(sign, reason, re.IGNORECASE)
        if found is not None:
            fields.update({k: v for k, v in found.groupdict().items() if v})
            return _SAY[case.removesuffix("_mac")].format(**fields)
    return _SAY["other"].format(**fields)
