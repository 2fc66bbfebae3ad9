"""Why a download failed, in the French a user reads ("fichier introuvable (HTTP 404)")."""

from __future__ import annotations

import httpx

from qe_desktop.sources.errors import SourceError


def raise_for_status(source: str, url: str, response: httpx.Response) -> None:
    """SourceError with the reason, unless the server sent the file (or its rest)."""
    if response.status_code in (200, 206):
        return
    raise SourceError(source, f"{status_reason(response.status_code)} — {url}")


_STATUS_WORDS = {
    401: "accès refusé",
    403: "accès interdit",
    404: "fichier introuvable",
    410: "fichier supprimé",
    429: "trop de requêtes",
}


def status_reason(status: int) -> str:
    """What an HTTP status means for the user, with the status."""
    if status >= 500:
        return f"le serveur est en erreur (HTTP {status})"
    word = _STATUS_WORDS.get(status, "réponse inattendue")
    return f"{word} (HTTP {status})"


def transport_reason(error: httpx.TransportError) -> str:
    """What a failed connection means for the user (offline, proxy, certificate…)."""
    if isinstance(error, httpx.TimeoutException):
        return "le serveur ne répond pas (délai dépassé)"
    if isinstance(error, httpx.ProxyError):
        return "le proxy refuse la connexion"
    if isinstance(error, httpx.ConnectError):
        if "CERTIFICATE" in str(error).upper():
            return "certificat du serveur refusé"
        return "connexion impossible (hors ligne ?)"
    return "connexion interrompue"


def too_big(size: int, limit: int, url: str) -> str:
    """A file over the size a source may have: both sizes in MiB, and its address."""
    mib = 1024 * 1024
    return f"fichier trop gros ({size // mib} Mo, limite {limit // mib} Mo) — {url}"
