"""One library database: engine, schema check and short-lived sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, exc
from sqlalchemy.orm import Session, sessionmaker

from qe_desktop.storage.change_stamp import ChangeStamp
from qe_desktop.storage.engine import (
    LibraryUnavailableError,
    make_engine,
    server_errors_explained,
    sqlite_path,
    to_url,
)
from qe_desktop.storage.schema import create_new_library, is_current, upgrade_to_head

FULL_CHECK_MAX_BYTES = 300 * 1024 * 1024  # above: quick_check (O(N) too, without index checks)
# Up to this size the whole file is checked at every opening (a tenth of a second). A
# larger library gets a structural check on opening (header and schema, instant), the
# full one before any migration and once a day before the daily backup, in the
# background (`BackupService.daily`): 4 s for 100,000 questions must not delay the window.
CHECK_ON_OPEN_MAX_BYTES = 24 * 1024 * 1024


class CorruptDatabaseError(RuntimeError):
    """The file failed its integrity check; it is left exactly as found."""


# SQLite's own words for a damaged file; anything else (a lock, a permission, an I/O
# error) is not damage, and telling the user to restore a backup would mislead them.
_DAMAGE_WORDS = ("not a database", "malformed", "corrupt", "file is encrypted")


def _means_damage(reason: str) -> bool:
    lowered = reason.lower()
    return any(word in lowered for word in _DAMAGE_WORDS)


def _explain(reason: str) -> str:
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return (
            "elle est verrouillée par un autre programme (une importation en cours ?). "
            "Réessayez dans un instant."
        )
    if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
        return f"le fichier ne peut pas être ouvert en écriture ({reason})."
    if "disk" in lowered and "full" in lowered:
        return "le disque est plein."
    return f"{reason}."


def access_problem(path: Path) -> str | None:
    """Why this process cannot read and write the library file (None when it can)."""
    if not os.access(path, os.R_OK):
        return f"La bibliothèque {path} n'est pas lisible : permission refusée."
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return (
            f"La bibliothèque {path} (ou son dossier) n'est pas modifiable : permission "
            "refusée. Vérifiez les droits du fichier ou ouvrez une copie."
        )
    return None


class Database:
    """Owns the engine; hands out one session per user action."""

    def __init__(self, path_or_url: str | Path) -> None:
        self.url = to_url(path_or_url)
        self.engine: Engine = make_engine(self.url)
        self._reads = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(
            self.engine.execution_options(qe_write=True), expire_on_commit=False
        )
        self._unsynced_writes = sessionmaker(
            self.engine.execution_options(qe_write=True, qe_unsynced=True),
            expire_on_commit=False,
        )
        self.changes = ChangeStamp(self.path)  # moves at every write: counts kept until then
        self.backup_made: Path | None = None
        self.created = False  # the schema was created by this process (`open`): a new file

    @property
    def dialect(self) -> str:
        """The backend in use ("sqlite" or "postgresql"), for the few queries that differ."""
        return self.engine.dialect.name

    @property
    def path(self) -> Path | None:
        """The library file, or None when the library lives on a server."""
        return sqlite_path(self.url)

    def open(self) -> Database:
        """Check integrity, then migrate to head (with a backup first)."""
        path = self.path
        small = path is None or not path.exists() or path.stat().st_size <= CHECK_ON_OPEN_MAX_BYTES
        self.check_integrity(full=small)
        with server_errors_explained(self.url):
            self.created = create_new_library(self.engine)
            if not small and not is_current(self.engine):  # about to write: check it all
                self.check_integrity()
            self.backup_made = upgrade_to_head(self.engine, self.url, created=self.created)
        return self

    def check_integrity(self, *, full: bool = True) -> None:
        """`PRAGMA integrity_check` (quick_check on very large files), or with `full=False`
        a structural check only: the header and the schema can be read.

        A damaged file is reported with the way out and never touched: no
        migration, no "repair".
        """
        if self.dialect != "sqlite" or self.path is None or not self.path.exists():
            return
        if not full:
            check = "SELECT 'ok' FROM sqlite_master LIMIT 1"  # reads the header and schema
        elif self.path.stat().st_size < FULL_CHECK_MAX_BYTES:
            check = "PRAGMA integrity_check"
        else:
            check = "PRAGMA quick_check"
        refused = access_problem(self.path)
        if refused:
            raise LibraryUnavailableError(refused)
        try:
            with self.engine.connect() as connection:
                result = connection.exec_driver_sql(check).scalars().all()
        except exc.DBAPIError as error:
            reason = " ".join(str(error.orig or error).split())
            if not _means_damage(reason):  # locked, I/O error, out of memory…: not corrupt
                raise LibraryUnavailableError(
                    f"Impossible d'ouvrir la bibliothèque {self.path} : {_explain(reason)}"
                ) from error
            raise CorruptDatabaseError(
                f"La bibliothèque {self.path} est illisible ({reason}). Elle n'a pas été "
                "modifiée : restaurez une sauvegarde (Fichier > Restaurer une sauvegarde…, "
                "ou `qe-desktop backups restore`)."
            ) from error
        healthy = result == ["ok"] or (not full and not result)  # a new, empty schema
        if not healthy:
            raise CorruptDatabaseError(
                f"La bibliothèque {self.path} est endommagée ({'; '.join(map(str, result[:3]))}). "
                "Elle n'a pas été modifiée : restaurez une sauvegarde."
            )

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only, closed when the block ends."""
        with self._reads() as session:
            yield session

    @contextmanager
    def write(self, *, unsynced: bool = False) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any error.

        `unsynced` (SQLite) commits without waiting for the disk: a crash of the
        process loses nothing, a power cut may lose the transaction. Only for a first
        load into a new library, followed by `flush_to_disk`.
        """
        factory = self._unsynced_writes if unsynced else self._writes
        with factory() as session, session.begin():
            yield session

    def flush_to_disk(self) -> None:
        """Copy the write-ahead log into the file and wait for the disk (after unsynced writes)."""
        if self.dialect != "sqlite":
            return
        raw = self.engine.raw_connection()  # no transaction: the safety level may change
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()
        finally:
            raw.close()

    def close(self) -> None:
        """Release the engine's connections, so the file can be moved or restored."""
        self.changes.close()
        self.engine.dispose()
