"""Engine creation: URLs, SQLite pragmas (WAL, foreign keys, busy timeout), PostgreSQL options.

PostgreSQL credentials are left to libpq (~/.pgpass, PGSERVICE, PGPASSWORD); a URL that
carries a password is only ever shown masked (`display_url`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url

from qe_desktop.domain.folding import fold
from qe_desktop.storage.pg_reasons import ServerAddress, explain_server_failure

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
CACHE_KIB = 64 * 1024  # per connection, at most
PG_CONNECT_TIMEOUT_S = 10
PG_DRIVER = "postgresql+psycopg"
_PG_SCHEMES = ("postgresql://", "postgres://")
_QUERY_PASSWORD = "password"


class LibraryUnavailableError(RuntimeError):
    """The library cannot be reached or prepared (server down, missing right or extension).

    `str()` is the French sentence for the user; `detail` keeps the server's own words
    (English, from libpq) for the log and the "Détails" of a dialog.
    """

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def to_url(path_or_url: str | Path) -> str:
    """Accept a file path or a SQLAlchemy URL; a bare path means a SQLite file.

    `postgresql://` and `postgres://` (libpq's spellings) use psycopg 3, the driver we ship.
    """
    text = str(path_or_url)
    for scheme in _PG_SCHEMES:
        if text.startswith(scheme):
            return PG_DRIVER + "://" + text[len(scheme) :]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def display_url(path_or_url: str | Path) -> str:
    """What the user may see of a library location: a file path, or the URL without password."""
    url = to_url(path_or_url)
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    if _QUERY_PASSWORD in parsed.query:  # libpq also takes ?password=…
        parsed = parsed.update_query_dict({_QUERY_PASSWORD: "***"})
    return unquote(parsed.render_as_string(hide_password=True))


def without_password(url: str) -> str:
    """The URL to remember (settings, sync marks): the password is dropped, not masked."""
    parsed = make_url(to_url(url)).difference_update_query([_QUERY_PASSWORD])
    # URL.set(password=None) means "unchanged": rebuild the URL without it.
    return parsed._replace(password=None).render_as_string(hide_password=False)


@contextmanager
def server_errors_explained(url: str) -> Iterator[None]:
    """Turn a PostgreSQL connection failure into a French message (password masked)."""
    try:
        yield
    except (exc.OperationalError, exc.InterfaceError) as error:
        if make_url(url).get_backend_name() != "postgresql":
            raise
        reason = " ".join(str(error.orig or error).split())
        parsed = make_url(url)
        host = parsed.host or str(parsed.query.get("host", "") or "")
        address = ServerAddress(host, parsed.port, parsed.database or "", parsed.username or "")
        log.warning("PostgreSQL connection to %s failed: %s", display_url(url), reason)
        raise LibraryUnavailableError(
            f"Impossible d'ouvrir la bibliothèque d'équipe {display_url(url)} : "
            + explain_server_failure(reason, address),
            detail=reason,
        ) from None


def postgres_url(
    host: str, port: int | None, database: str, user: str, password: str | None = None
) -> str:
    """A psycopg URL from the fields of the team-library window (empty fields left to libpq).

    A host starting with "/" is a Unix-socket folder, which libpq takes as a `host` parameter.
    """
    socket_folder = host.startswith("/")
    url = URL.create(
        PG_DRIVER,
        username=user or None,
        password=password or None,
        host=None if socket_folder or not host else host,
        port=port or None,
        database=database or None,
        query={"host": host} if socket_folder else {},
    )
    return url.render_as_string(hide_password=False)


def url_parts(url: str) -> tuple[str, int | None, str, str] | None:
    """Host (or socket folder), port, database and user of a URL; None if it does not parse."""
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError):
        return None
    host = parsed.host or str(parsed.query.get("host", "") or "")
    return host, parsed.port, parsed.database or "", parsed.username or ""


_LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}
PG_DEFAULT_PORT = 5432


def library_identity(path_or_url: str | Path) -> str:
    """One name per library, however its location was typed (sync marks, "same library?").

    A file is named by its resolved path; a server library by host, port and database,
    without user, password or options: `postgres://Ana@DB.example/equipe` and
    `postgresql+psycopg://bruno:x@db.example:5432/equipe` are the same library.
    """
    url = to_url(path_or_url)
    path = sqlite_path(url)
    if path is not None:
        return f"sqlite:///{path.expanduser().resolve()}"
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return parsed._replace(password=None, username=None).render_as_string()
    host = (parsed.host or "localhost").lower()
    host = "localhost" if host in _LOOPBACK else host
    return f"postgresql://{host}:{parsed.port or PG_DEFAULT_PORT}/{parsed.database or ''}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other dialects and in-memory bases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 opens transactions lazily; let SQLAlchemy control them (BEGIN below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    # A legislature's 15 indexes and full-text index outgrow SQLite's default 2 MB page
    # cache: each insert then reads and writes pages scattered on disk (a 100,000
    # question import took 3.6 times the floor's time). Memory is allotted as needed.
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cursor.close()
    # Accent- and case-insensitive matching in SQL (PostgreSQL has unaccent(lower(…))).
    dbapi_connection.create_function(FOLD_FUNCTION, 1, _fold_or_none, deterministic=True)


FOLD_FUNCTION = "qe_fold"


def _fold_or_none(value: str | None) -> str | None:
    return None if value is None else fold(value)


def _sqlite_begin(conn: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so the busy timeout applies
    # instead of a "database is locked" error when a read upgrades to a write.
    options = conn.get_execution_options()
    write = options.get("qe_write", False)
    if write:  # only outside a transaction may the safety level change
        unsynced = options.get("qe_unsynced", False)
        conn.exec_driver_sql(f"PRAGMA synchronous = {'OFF' if unsynced else 'NORMAL'}")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite gets its folder, a busy timeout and the library's pragmas."""
    if make_url(url).get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if make_url(url).get_backend_name() == "postgresql":
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=3,
            max_overflow=4,
            connect_args={
                "connect_timeout": PG_CONNECT_TIMEOUT_S,
                "application_name": "qe-desktop",
            },
        )
    return create_engine(url, pool_pre_ping=True)
