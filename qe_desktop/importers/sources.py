"""Enumerate what the user asked to import (files, folders, .zip archives), safely and lazily.

Each input comes out as a `SourceItem` (a name and its bytes) or as an `ImportFailure`
naming it: one bad file or archive entry never stops the others. Archives are read
entry by entry, so a 30,000-question open-data zip never sits in memory at once.

Hostile archives are expected (DESIGN §5): entries whose path is absolute or climbs
out with `..`, links, encrypted entries, zip bombs (suspicious compression ratio, an
entry or an archive too large once decompressed), and archives nested in archives are
refused with a reason. Nested archives are refused rather than opened one level deep:
the open-data zips are never nested, and refusing keeps the limits below simple to trust.
Files that hold no question (README, images…) come out as `SkippedEntry`, a failure the
caller may show as a mere note.
"""

from __future__ import annotations

import io
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

from qe_desktop.domain.parse_reasons import zip_reason
from qe_desktop.importers.entries import EntryMark, KnownEntries, UnchangedEntry, unchanged
from qe_desktop.importers.errors import ImportFailure

MIB = 1024 * 1024
MAX_IN_MEMORY_BYTES = 64 * MIB  # one file or entry read whole (a question file is a few KB)
STREAM_THRESHOLD_BYTES = 8 * MIB  # XML above this is handed over as a stream, not bytes
MAX_STREAMED_BYTES = 4096 * MIB  # one streamed XML (the 14th legislature file is ~1 GB)
MAX_ARCHIVE_BYTES = 8192 * MIB  # everything one archive may decompress to
MAX_ARCHIVE_ENTRIES = 200_000  # the central directory is read into memory
MAX_COMPRESSION_RATIO = 100  # beyond this, an entry is treated as a zip bomb…
RATIO_CHECK_MIN_BYTES = 1 * MIB  # …when it decompresses to more than this

QUESTION_SUFFIXES = frozenset({".json", ".xml", ".txt", ".html", ".htm", ""})
STREAMABLE_SUFFIXES = frozenset({".xml"})
ARCHIVE_SUFFIX = ".zip"
_NOT_QUESTION_STEMS = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "notice", "authors", "manifest"}
)
_DRIVE = re.compile(r"^[A-Za-z]:")
# An entry name with nothing to check but its stem: ASCII folders and a question suffix.
_PLAIN_NAME = re.compile(r"(?:[\w-]+/)*([\w-]+)\.(json|xml|txt|html?)", re.IGNORECASE | re.ASCII)
_EOCD = b"PK\x05\x06"
# A local file header: signature, flags, name and extra lengths (APPNOTE 4.3.7).
_LOCAL_HEADER = struct.Struct("<4s2xH18xHH")
_ONE_CALL_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_FLAGS_FOR_OPEN = 0x1 | 0x20 | 0x40  # encrypted, compressed patch, strong encryption
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"


class SkippedEntry(ImportFailure):
    """Not an error: a file that holds no question (README, image…), left aside."""


class SourceItem:
    """One input to parse: a file or an archive entry, by name.

    Small inputs carry their bytes (`data`). A large XML file (the 14th legislature
    dump) carries an opener instead, so parsers can stream it with `open()`.
    """

    __slots__ = ("_data", "_opener", "mark", "name", "size")

    def __init__(
        self,
        name: str,
        data: bytes | None = None,
        *,
        opener: Callable[[], IO[bytes]] | None = None,
        size: int | None = None,
    ) -> None:
        if (data is None) == (opener is None):
            raise ValueError("SourceItem needs either data or an opener")
        self.name = name
        self._data = data
        self._opener = opener
        self.size = len(data) if data is not None else size
        self.mark: EntryMark | None = None  # an archive entry's name, CRC and size

    @property
    def is_streamed(self) -> bool:
        return self._data is None

    @property
    def data(self) -> bytes:
        """The whole content; refused for a streamed input too large for memory."""
        if self._data is not None:
            return self._data
        with self.open() as stream:
            content = stream.read(MAX_IN_MEMORY_BYTES + 1)
        if len(content) > MAX_IN_MEMORY_BYTES:
            raise ImportFailure(self.name, _too_large(len(content), MAX_IN_MEMORY_BYTES))
        return content

    def open(self) -> IO[bytes]:
        """A binary stream over the content (the caller closes it)."""
        if self._opener is not None:
            return self._opener()
        return io.BytesIO(self._data or b"")

    def __repr__(self) -> str:
        return f"SourceItem({self.name!r}, size={self.size})"


def iter_sources(
    paths: Sequence[Path], known: KnownEntries | None = None
) -> Iterator[SourceItem | ImportFailure]:
    """Every file under `paths`, folders recursively (sorted) and .zip archives entry by entry.

    Archive entries `known` with the same CRC and size come out as `UnchangedEntry`, unread.
    """
    for path in paths:
        for position in _iter_path(Path(path), explicit=True, known=known):
            yield position() if callable(position) else position


def iter_sources_share(
    paths: Sequence[Path], keep: Callable[[int], bool], known: KnownEntries | None = None
) -> Iterator[SourceItem | ImportFailure | None]:
    """What `iter_sources` yields, but only the positions `keep` accepts are read.

    The others come as `None`, without their file or entry being read: several
    processes can share one archive, each reading its own positions, and still
    number every input the same way.
    """
    count = 0
    for path in paths:
        for position in _iter_path(Path(path), explicit=True, known=known):
            kept = keep(count)
            count += 1
            if not kept:
                yield None
            else:
                yield position() if callable(position) else position


def count_sources(paths: Sequence[Path]) -> int | None:
    """A cheap estimate of how many items `iter_sources` yields, for a progress bar.

    Archives count their central-directory entries (read from the end record, not
    parsed); `None` when something cannot be estimated.
    """
    total = 0
    try:
        for path in map(Path, paths):
            if path.is_dir():
                total += sum(_count_file(file) or 1 for file in _visible_files(path))
            else:
                count = _count_file(path)
                if count is None:
                    return None
                total += count
    except OSError:
        return None
    return total


def zip_entry_count(path: Path) -> int | None:
    """Entries announced by a zip's end record (zip64 included), without parsing the archive."""
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        tail_length = min(size, 22 + 0xFFFF)
        handle.seek(size - tail_length)
        tail = handle.read(tail_length)
        position = tail.rfind(_EOCD)
        if position < 0 or position + 22 > len(tail):
            return None
        (total,) = struct.unpack_from("<H", tail, position + 10)
        locator = position - 20
        if total != 0xFFFF or locator < 0 or tail[locator : locator + 4] != _EOCD64_LOCATOR:
            return int(total)
        (record_offset,) = struct.unpack_from("<Q", tail, locator + 8)
        handle.seek(record_offset)
        record = handle.read(56)
        if len(record) < 40 or record[:4] != _EOCD64:
            return None
        return int(struct.unpack_from("<Q", record, 32)[0])


def is_question_name(name: str) -> bool:
    """Whether a file found in a folder or archive may hold questions (by its name)."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.name.startswith(".") or "__MACOSX" in pure.parts:
        return False
    if pure.stem.lower() in _NOT_QUESTION_STEMS:
        return False
    return pure.suffix.lower() in QUESTION_SUFFIXES


# --- files and folders ----------------------------------------------------------------


def _is_hidden(name: str) -> bool:
    """Hidden files and folders (.git, .DS_Store, __MACOSX) are not the user's documents."""
    return name.startswith(".") or name == "__MACOSX"


def _visible_files(folder: Path) -> Iterator[Path]:
    for root, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not _is_hidden(name)]
        yield from (Path(root, name) for name in names if not _is_hidden(name))


def _count_file(path: Path) -> int | None:
    if path.suffix.lower() != ARCHIVE_SUFFIX:
        return 1
    try:
        return zip_entry_count(path)
    except OSError:
        return None


# A position is read when it is taken: a callable defers reading a file or an entry.
type _Position = SourceItem | ImportFailure | Callable[[], SourceItem | ImportFailure]


def _iter_path(
    path: Path, *, explicit: bool, known: KnownEntries | None = None
) -> Iterator[_Position]:
    name = str(path)
    try:
        is_folder, exists = path.is_dir(), path.exists()
    except OSError as exc:
        yield ImportFailure(name, f"accès impossible : {exc.strerror or exc}")
        return
    if is_folder:
        yield from _iter_folder(path, known)
    elif not exists:
        yield ImportFailure(name, "fichier introuvable")
    elif path.suffix.lower() == ARCHIVE_SUFFIX:
        yield from _iter_archive(path, known or {})
    elif not explicit and not is_question_name(path.name):
        yield SkippedEntry(name, _not_question_reason(path.name))
    else:
        yield partial(_file_item, path)


def _iter_folder(folder: Path, known: KnownEntries | None) -> Iterator[_Position]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield ImportFailure(str(folder), f"dossier illisible : {exc.strerror or exc}")
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_folder, is_file = entry.is_dir(follow_symlinks=False), entry.is_file()
        except OSError as exc:
            yield ImportFailure(str(path), f"accès impossible : {exc.strerror or exc}")
            continue
        if is_folder:
            yield from _iter_folder(path, known)
        elif is_file and not entry.name.lower().endswith(ARCHIVE_SUFFIX):
            # a file the scan already saw: no `is_dir`/`exists` calls again
            if is_question_name(entry.name):
                yield partial(_file_item, path)
            else:
                yield SkippedEntry(str(path), _not_question_reason(entry.name))
        elif is_file:
            yield from _iter_path(path, explicit=False, known=known)


def _file_item(path: Path) -> SourceItem | ImportFailure:
    name = str(path)
    try:
        size = path.stat().st_size
        if path.suffix.lower() in STREAMABLE_SUFFIXES and size > STREAM_THRESHOLD_BYTES:
            if size > MAX_STREAMED_BYTES:
                return ImportFailure(name, _too_large(size, MAX_STREAMED_BYTES))
            return SourceItem(name, opener=lambda: path.open("rb"), size=size)
        if size > MAX_IN_MEMORY_BYTES:
            return ImportFailure(name, _too_large(size, MAX_IN_MEMORY_BYTES, path.suffix))
        with path.open("rb") as handle:
            # Sized by the file: a read of 64 MB + 1 maps, faults and unmaps a 64 MB buffer
            # for every few-KB question file (a folder of 100,000: seconds of system time).
            data = handle.read(size + 1)
            if len(data) > size:  # grown since: read on, to the limit
                data += handle.read(MAX_IN_MEMORY_BYTES + 1 - len(data))
    except OSError as exc:
        return ImportFailure(name, f"lecture impossible : {exc.strerror or exc}")
    if len(data) > MAX_IN_MEMORY_BYTES:
        return ImportFailure(name, _too_large(len(data), MAX_IN_MEMORY_BYTES, path.suffix))
    return SourceItem(name, data)


# --- archives -------------------------------------------------------------------------


def _iter_archive(path: Path, known: KnownEntries) -> Iterator[_Position]:
    name = str(path)
    try:
        announced = zip_entry_count(path)
        if announced is not None and announced > MAX_ARCHIVE_ENTRIES:
            yield ImportFailure(
                name, f"archive refusée : {announced} entrées (limite {MAX_ARCHIVE_ENTRIES})"
            )
            return
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        yield ImportFailure(name, f"archive ZIP illisible : {zip_reason(exc)}")
        return
    with archive:
        total = 0
        for info in sorted(archive.infolist(), key=lambda entry: entry.filename):
            if info.is_dir():
                continue
            entry_name = f"{name}!{info.filename}"
            refusal = _entry_refusal(info, entry_name)
            if refusal is not None:
                yield refusal
                continue
            total += info.file_size
            if total > MAX_ARCHIVE_BYTES:
                yield ImportFailure(
                    name,
                    "archive trop volumineuse une fois décompressée (plus de "
                    f"{_megabytes(MAX_ARCHIVE_BYTES)}) : bombe de décompression probable, "
                    "entrées restantes ignorées",
                )
                return
            mark = EntryMark(path.name, info.filename, info.CRC, info.file_size)
            questions = unchanged(known, mark) if known else None
            if questions is not None:
                yield UnchangedEntry(entry_name, questions)
            else:
                yield partial(_archive_item, archive, info, entry_name, mark)


def _entry_refusal(info: zipfile.ZipInfo, entry_name: str) -> ImportFailure | None:
    """Why an archive entry must not be read, or `None` when it may be."""
    filename = info.filename
    plain = _PLAIN_NAME.fullmatch(filename)  # json/QANR5L17QE1.json: no path to worry about
    if plain is None or plain[1].lower() in _NOT_QUESTION_STEMS or "__MACOSX" in filename:
        refusal = _name_refusal(info, entry_name)
        if refusal is not None:
            return refusal
        suffix = PurePosixPath(filename).suffix.lower()
    elif stat.S_ISLNK(info.external_attr >> 16):
        return ImportFailure(entry_name, "lien symbolique refusé dans l'archive")
    else:
        suffix = "." + plain[2].lower()
    if info.flag_bits & 0x1:
        return ImportFailure(entry_name, "entrée chiffrée (protégée par mot de passe) non lisible")
    size = info.file_size
    if size > RATIO_CHECK_MIN_BYTES and size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
        ratio = size // max(info.compress_size, 1)
        return ImportFailure(
            entry_name,
            f"taux de compression suspect ({ratio}:1, limite {MAX_COMPRESSION_RATIO}:1) : "
            "bombe de décompression probable",
        )
    limit = MAX_STREAMED_BYTES if suffix in STREAMABLE_SUFFIXES else MAX_IN_MEMORY_BYTES
    if size > limit:
        return ImportFailure(entry_name, _too_large(size, limit, suffix))
    return None


def _name_refusal(info: zipfile.ZipInfo, entry_name: str) -> ImportFailure | None:
    """Why an entry is refused by its name or kind (absolute, climbing out, a link, an
    archive, not questions)."""
    filename = info.filename
    parts = re.split(r"[/\\]", filename)
    if filename.startswith(("/", "\\")) or _DRIVE.match(filename):
        return ImportFailure(entry_name, "chemin absolu refusé dans l'archive")
    if ".." in parts:
        return ImportFailure(entry_name, "chemin qui sort de l'archive (« .. ») refusé")
    if stat.S_ISLNK(info.external_attr >> 16):
        return ImportFailure(entry_name, "lien symbolique refusé dans l'archive")
    if filename.lower().endswith(ARCHIVE_SUFFIX):
        return ImportFailure(
            entry_name, "archive imbriquée refusée : extrayez-la, puis importez-la à part"
        )
    if not is_question_name(filename):
        return SkippedEntry(entry_name, _not_question_reason(filename))
    return None


def name_suffix(name: str) -> str:
    """`PurePosixPath(name).suffix.lower()` without building a path (one per input read)."""
    base = name.rpartition("/")[2]
    if base in ("", "."):  # a name ending in "/" or "/.": the path's last real part
        base = next((part for part in reversed(name.split("/")) if part not in ("", ".")), "")
    dot = base.rfind(".")
    return base[dot:].lower() if 0 < dot < len(base) - 1 else ""


def _archive_item(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, entry_name: str, mark: EntryMark
) -> SourceItem | ImportFailure:
    suffix = name_suffix(info.filename)
    if suffix in STREAMABLE_SUFFIXES and info.file_size > STREAM_THRESHOLD_BYTES:
        path = Path(str(archive.filename))
        return SourceItem(entry_name, opener=lambda: _open_entry(path, info), size=info.file_size)
    try:
        data = _entry_bytes(archive, info)
        if data is None:
            with archive.open(info) as stream:
                data = stream.read(MAX_IN_MEMORY_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError, ValueError) as exc:
        return ImportFailure(entry_name, f"entrée illisible : {zip_reason(exc)}")
    except NotImplementedError:
        return ImportFailure(entry_name, "méthode de compression non prise en charge")
    if len(data) > MAX_IN_MEMORY_BYTES:
        return ImportFailure(entry_name, _too_large(len(data), MAX_IN_MEMORY_BYTES, suffix))
    item = SourceItem(entry_name, data)
    item.mark = mark
    return item


def _entry_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """A small stored or deflated entry read and inflated in one call each, or `None`.

    `ZipFile.open` adds a shared file, a buffered reader and a CRC update per block:
    ≈ 25 µs an entry, a fifth of reading a generated zip of 2,000 questions (#25). The
    bytes given are the ones `open` gives: same local header checks (signature, name,
    overlap), whole length and CRC checked. Anything unusual (encrypted, another
    method, a mismatch) returns `None`: `open` then reads the entry or says why not.
    """
    fp = archive.fp
    if (
        fp is None
        or info.compress_type not in _ONE_CALL_METHODS
        or info.flag_bits & _FLAGS_FOR_OPEN
        or info.file_size > MAX_IN_MEMORY_BYTES
    ):
        return None
    try:
        fp.seek(info.header_offset)
        signature, flags, name_length, extra_length = _LOCAL_HEADER.unpack(fp.read(30))
        if signature != b"PK\x03\x04":
            return None
        end = info.header_offset + 30 + name_length + extra_length + info.compress_size
        limit = getattr(info, "_end_offset", None)  # zipfile refuses overlapping entries
        if limit is not None and end > limit:
            return None
        chunk = fp.read(name_length + extra_length + info.compress_size)
        legacy = getattr(archive, "metadata_encoding", None) or "cp437"  # as `open` decodes
        encoding = "utf-8" if flags & 0x800 else legacy
        if chunk[:name_length].decode(encoding) != info.orig_filename:
            return None
        raw = chunk[name_length + extra_length :]
        if len(raw) != info.compress_size:
            return None
        data = raw if info.compress_type == zipfile.ZIP_STORED else zlib.decompress(raw, -15)
    except (OSError, struct.error, zlib.error, UnicodeDecodeError, ValueError):
        return None
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        return None
    return data


def _open_entry(path: Path, info: zipfile.ZipInfo) -> IO[bytes]:
    """One entry's stream, usable after the enumeration has moved on or ended."""
    archive = zipfile.ZipFile(path)
    try:
        return archive.open(info)
    finally:
        archive.close()  # the entry stream keeps the file open until it is closed itself


# --- messages -------------------------------------------------------------------------


def _megabytes(size: int) -> str:
    return f"{size / MIB:.0f} Mo" if size >= MIB else f"{size} octets"


def _too_large(size: int, limit: int, suffix: str = "") -> str:
    message = f"fichier trop volumineux ({_megabytes(size)} ; limite {_megabytes(limit)})"
    if suffix.lower() == ".json":
        message += " : pour un fichier de toute une législature, utilisez la version XML"
    return message


def _not_question_reason(name: str) -> str:
    suffix = PurePosixPath(name.replace("\\", "/")).suffix
    kind = f"extension « {suffix} »" if suffix else "nom de fichier"
    return f"ignoré : pas un fichier de questions ({kind})"
