"""HTTP to the official open data, done properly.

- the system certificate store (truststore: office proxies re-sign TLS) and the
  system/environment proxy (httpx `trust_env`, which reads the OS settings);
- conditional requests: the ETag / Last-Modified of the last good download are sent
  back, and a 304 costs one round trip;
- downloads go to a `.part` file in the cache folder, resumed with `Range` (and
  `If-Range`, so a file that changed meanwhile restarts), checked, then moved into
  place atomically; a cancelled or cut download is resumed next time;
- timeouts, bounded retries with exponential backoff (connection errors, 5xx, 429),
  a size cap, at most one page request a second, a User-Agent naming the app.

Every failure is a `SourceError` whose French reason names the source. Nothing here
touches the library: the caller imports a checked file, then stores the validators.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import ssl
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from qe_desktop import __version__
from qe_desktop.sources import http_reasons as reasons
from qe_desktop.sources.errors import SourceCancelled, SourceError

# ASCII only (HTTP headers): names the app and what it does, for the servers' logs.
USER_AGENT = f"qe-desktop/{__version__} (veille des questions ecrites parlementaires)"
MAX_DOWNLOAD_BYTES = 1024 * 1024 * 1024  # a legislature zip is ~100 MB; 1 GB is surely wrong
MAX_PAGE_BYTES = 5 * 1024 * 1024

Progress = Callable[[int, int | None], None]
Cancelled = Callable[[], bool]
Checker = Callable[[Path, str], None]  # raises SourceError when the file is not what we want


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last good download of a URL was: sent back to ask "changed since?"."""

    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A download's outcome: a checked file in the cache, or nothing new."""

    url: str
    path: Path | None
    validators: Validators
    downloaded_bytes: int = 0

    @property
    def not_modified(self) -> bool:
        """Whether the server had nothing newer than the cached copy."""
        return self.path is None


def _no_progress(done: int, total: int | None) -> None:
    return None


def _never() -> bool:
    return False


def default_ssl_context() -> ssl.SSLContext:
    """The operating system's trust store (falls back to certifi's through httpx)."""
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception:  # no system store available: httpx's default bundle
        logging.getLogger(__name__).warning("system certificate store unavailable", exc_info=True)
        return ssl.create_default_context()


class Fetcher:
    """One HTTP client for a whole update; `close()` (or `with`) when done."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = MAX_DOWNLOAD_BYTES,
        max_page_bytes: int = MAX_PAGE_BYTES,
        page_interval: float = 1.0,
        max_redirects: int = 5,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.cache_dir = Path(cache_dir)
        self._retries = retries
        self._backoff = backoff
        self._max_bytes = max_bytes
        self._max_page_bytes = max_page_bytes
        self._page_interval = page_interval
        self._sleep = sleep
        self._clock = clock
        self._last_page: float | None = None
        options: dict[str, Any] = {"transport": transport} if transport else {}
        self._client = httpx.Client(
            verify=default_ssl_context(),
            trust_env=True,  # HTTP(S)_PROXY, NO_PROXY and the OS proxy settings
            follow_redirects=True,
            max_redirects=max_redirects,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
            **options,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    # -- whole files -------------------------------------------------------------------

    def download(
        self,
        source: str,
        url: str,
        name: str,
        known: Validators | None = None,
        *,
        check: Checker | None = None,
        progress: Progress = _no_progress,
        cancelled: Cancelled = _never,
    ) -> Fetched:
        """Fetch `url` into `cache_dir/name` unless unchanged since `known`."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        target = self.cache_dir / name
        part = self.cache_dir / f"{name}.part"
        return self._retrying(
            source,
            url,
            lambda: self._download_once(
                source, url, target, part, known, check, progress, cancelled
            ),
        )

    def _retrying[T](self, source: str, url: str, attempt_once: Callable[[], T]) -> T:
        """`attempt_once()`, tried again after a retryable failure, with growing pauses."""
        attempt = 0
        while True:
            try:
                return attempt_once()
            except _Retryable as problem:
                attempt += 1
                if attempt > self._retries:
                    raise SourceError(
                        source, f"{problem.reason} après {attempt} tentative(s) — {url}"
                    ) from problem
                self._sleep(self._backoff * 2 ** (attempt - 1))

    def _download_once(
        self,
        source: str,
        url: str,
        target: Path,
        part: Path,
        known: Validators | None,
        check: Checker | None,
        progress: Progress,
        cancelled: Cancelled,
    ) -> Fetched:
        resume = _PartState.read(part)
        headers: dict[str, str] = {}
        if resume is not None:
            headers["Range"] = f"bytes={resume.size}-"
            if resume.validator:
                headers["If-Range"] = resume.validator
        elif known is not None and target.exists():
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        with self._stream(source, url, headers) as response:
            if response.status_code == 304:
                return Fetched(url, None, known or Validators())
            if response.status_code == 416 and resume is not None:
                _PartState.discard(part)  # the file shrank or changed: start again
                raise _Retryable("le téléchargement repris n'est plus valable")
            reasons.raise_for_status(source, url, response)
            validators = Validators(
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )
            appending = response.status_code == 206 and resume is not None
            offset = resume.size if appending and resume is not None else 0
            total = _expected_total(response, offset)
            if total is not None and total > self._max_bytes:
                raise SourceError(source, reasons.too_big(total, self._max_bytes, url))
            _PartState(offset, validators.etag or validators.last_modified or "").write(part)
            received = self._write_body(
                source, url, response, part, offset, total, progress, cancelled
            )
        if total is not None and received != total:
            raise _Retryable("téléchargement incomplet")
        if check is not None:
            try:
                check(part, source)
            except SourceError:
                _PartState.discard(part)
                raise
        digest, size = _sha256(part)
        validators = Validators(validators.etag, validators.last_modified, digest, size)
        if known is not None and known.sha256 == digest and target.exists():
            _PartState.discard(part)  # a server without validators sent the same bytes
            return Fetched(url, None, validators, received - offset)
        os.replace(part, target)  # atomic on one file system
        _PartState.discard(part)
        return Fetched(url, target, validators, received - offset)

    def _write_body(
        self,
        source: str,
        url: str,
        response: httpx.Response,
        part: Path,
        offset: int,
        total: int | None,
        progress: Progress,
        cancelled: Cancelled,
    ) -> int:
        received = offset
        mode = "ab" if offset else "wb"
        with part.open(mode) as out:
            if offset:
                out.truncate(offset)
            try:
                for chunk in response.iter_raw():
                    received += len(chunk)
                    if received > self._max_bytes:
                        out.close()
                        _PartState.discard(part)
                        raise SourceError(source, reasons.too_big(received, self._max_bytes, url))
                    out.write(chunk)
                    progress(received, total)
                    if cancelled():
                        raise SourceCancelled(source)
            except httpx.TransportError as error:
                out.flush()
                raise _Retryable(reasons.transport_reason(error)) from error
        return received

    # -- pages ---------------------------------------------------------------------------

    def fetch_page(self, source: str, url: str) -> bytes:
        """One question page, politely (at most one request every `page_interval` s)."""

        def attempt_once() -> bytes:
            self._wait_turn()
            with self._stream(source, url, {}) as response:
                if response.status_code >= 500 or response.status_code == 429:
                    raise _Retryable(reasons.status_reason(response.status_code))
                reasons.raise_for_status(source, url, response)
                return self._read_capped(source, url, response)

        return self._retrying(source, url, attempt_once)

    def _wait_turn(self) -> None:
        now = self._clock()
        if self._last_page is not None:
            wait = self._page_interval - (now - self._last_page)
            if wait > 0:
                self._sleep(wait)
                now = self._clock()
        self._last_page = now

    def _read_capped(self, source: str, url: str, response: httpx.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > self._max_page_bytes:
                    raise SourceError(source, reasons.too_big(size, self._max_page_bytes, url))
                chunks.append(chunk)
        except httpx.TransportError as error:
            raise _Retryable(reasons.transport_reason(error)) from error
        return b"".join(chunks)

    # -- plumbing ------------------------------------------------------------------------

    def _stream(self, source: str, url: str, headers: dict[str, str]) -> _Response:
        return _Response(self._client, source, url, headers)


class _Retryable(Exception):
    """A failure worth another try (connection, timeout, 5xx)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Response:
    """`client.stream(...)` that turns httpx errors into French reasons."""

    def __init__(self, client: httpx.Client, source: str, url: str, headers: dict[str, str]):
        self._client = client
        self._source = source
        self._url = url
        self._headers = headers
        self._context: Any = None

    def __enter__(self) -> httpx.Response:
        self._context = self._client.stream("GET", self._url, headers=self._headers)
        try:
            response: httpx.Response = self._context.__enter__()
        except httpx.TooManyRedirects as error:
            raise SourceError(self._source, f"trop de redirections — {self._url}") from error
        except httpx.UnsupportedProtocol as error:
            raise SourceError(self._source, f"adresse non prise en charge — {self._url}") from error
        except httpx.TransportError as error:
            raise _Retryable(reasons.transport_reason(error)) from error
        if response.status_code >= 500 or response.status_code == 429:
            self._context.__exit__(None, None, None)
            raise _Retryable(reasons.status_reason(response.status_code))
        return response

    def __exit__(self, *exc: Any) -> None:
        if self._context is not None:
            self._context.__exit__(*exc)


@dataclass(frozen=True, slots=True)
class _PartState:
    """How much of a `.part` file is good, and the validator it was fetched under."""

    size: int
    validator: str

    @staticmethod
    def read(part: Path) -> _PartState | None:
        """The bytes already on disk are the truth; the sidecar keeps the validator."""
        meta = part.with_name(part.name + ".json")
        try:
            size = part.stat().st_size
            data = json.loads(meta.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if size <= 0 or not isinstance(data, dict):
            return None
        return _PartState(size, str(data.get("validator", "")))

    def write(self, part: Path) -> None:
        meta = part.with_name(part.name + ".json")
        meta.write_text(json.dumps(asdict(self)), "utf-8")

    @staticmethod
    def discard(part: Path) -> None:
        for path in (part, part.with_name(part.name + ".json")):
            path.unlink(missing_ok=True)


def _expected_total(response: httpx.Response, offset: int) -> int | None:
    length = response.headers.get("Content-Length")
    if length is None or not length.isdigit():
        return None
    return offset + int(length)


def _sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while block := handle.read(1024 * 1024):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size
