"""The HTTP fetcher against a local server: conditional requests, resume, every fault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from qe_desktop.sources.checks import check_csv, check_zip
from qe_desktop.sources.errors import SourceCancelled, SourceError
from qe_desktop.sources.http import USER_AGENT, Fetcher
from qe_desktop.sources.table import default_table, load_table
from tests.veille.server import SENAT_CSV, ServedFile, an_corpus, slow

SOURCE = "Sénat (questions-depuis-un-an.csv)"


@pytest.fixture
def fetcher(tmp_path: Path) -> Fetcher:
    sleeps: list[float] = []
    f = Fetcher(tmp_path / "cache", timeout=1.0, retries=2, backoff=0.01, sleep=sleeps.append)
    f.sleeps = sleeps  # type: ignore[attr-defined]
    yield f
    f.close()


def test_download_then_304_costs_nothing(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    served = ServedFile(SENAT_CSV.read_bytes(), "text/csv")
    httpserver.expect_request("/q.csv").respond_with_handler(served)
    url = httpserver.url_for("/q.csv")

    first = fetcher.download(SOURCE, url, "q.csv", check=check_csv)
    assert first.path is not None and first.path.read_bytes() == SENAT_CSV.read_bytes()
    assert first.validators.etag == served.etag
    assert first.validators.sha256 and first.validators.size == len(served.body)

    again = fetcher.download(SOURCE, url, "q.csv", first.validators, check=check_csv)
    assert again.not_modified and again.downloaded_bytes == 0
    assert served.hits[-1].status == 304
    assert served.hits[-1].headers["If-None-Match"] == served.etag
    assert served.hits[-1].headers["If-Modified-Since"] == served.last_modified
    assert served.hits[0].headers["User-Agent"] == USER_AGENT
    assert not list((fetcher.cache_dir).glob("*.part*"))


def test_same_bytes_without_validators_is_unchanged(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    body = SENAT_CSV.read_bytes()
    httpserver.expect_request("/q.csv").respond_with_data(body, content_type="text/csv")
    url = httpserver.url_for("/q.csv")
    first = fetcher.download(SOURCE, url, "q.csv", check=check_csv)
    assert first.validators.etag is None
    again = fetcher.download(SOURCE, url, "q.csv", first.validators, check=check_csv)
    assert again.not_modified  # same sha256: nothing to import


def test_404_names_the_source(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/missing.csv").respond_with_data("no", status=404)
    with pytest.raises(SourceError) as caught:
        fetcher.download(SOURCE, httpserver.url_for("/missing.csv"), "q.csv")
    assert caught.value.source == SOURCE
    assert "introuvable (HTTP 404)" in str(caught.value)
    assert str(caught.value).startswith("Sénat")


def test_500_is_retried_a_bounded_number_of_times(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/q.csv").respond_with_data("boom", status=500)
    with pytest.raises(SourceError, match=r"serveur est en erreur \(HTTP 500\) après 3"):
        fetcher.download(SOURCE, httpserver.url_for("/q.csv"), "q.csv")
    assert len(httpserver.log) == 3
    assert fetcher.sleeps == [0.01, 0.02]  # type: ignore[attr-defined]


def test_500_then_success(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    answers = iter([Response("boom", status=503), Response(SENAT_CSV.read_bytes())])
    httpserver.expect_request("/q.csv").respond_with_handler(lambda request: next(answers))
    fetched = fetcher.download(SOURCE, httpserver.url_for("/q.csv"), "q.csv", check=check_csv)
    assert fetched.path is not None and fetched.path.read_bytes() == SENAT_CSV.read_bytes()


def test_timeout(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/slow").respond_with_handler(slow(1.0))
    with (
        Fetcher(tmp_path, timeout=0.2, retries=0, sleep=lambda s: None) as fetcher,
        pytest.raises(SourceError, match="délai dépassé"),
    ):
        fetcher.download(SOURCE, httpserver.url_for("/slow"), "q.csv")


def test_connection_cut_mid_download_is_resumed(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    body = an_corpus({1, 2, 3}, count=40)
    served = ServedFile(body, "application/zip", cut_after=len(body) // 3)
    httpserver.expect_request("/an.zip").respond_with_handler(served)
    fetched = fetcher.download(SOURCE, httpserver.url_for("/an.zip"), "an.zip", check=check_zip)
    assert fetched.path is not None and fetched.path.read_bytes() == body
    assert [h.status for h in served.hits] == [200, 206]
    assert served.hits[1].headers["Range"] == f"bytes={len(body) // 3}-"
    assert served.hits[1].headers["If-Range"] == served.etag
    assert served.bodies_sent == len(body)  # no byte fetched twice


def test_cancel_keeps_the_part_and_the_next_run_resumes(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    body = an_corpus({1}, count=200)
    served = ServedFile(body, "application/zip")
    httpserver.expect_request("/an.zip").respond_with_handler(served)
    url = httpserver.url_for("/an.zip")
    with Fetcher(tmp_path) as fetcher:
        seen: list[int] = []
        with pytest.raises(SourceCancelled):
            fetcher.download(
                SOURCE, url, "an.zip", progress=lambda d, t: seen.append(d), cancelled=lambda: True
            )
        assert (tmp_path / "an.zip.part").exists() and not (tmp_path / "an.zip").exists()
        fetched = fetcher.download(SOURCE, url, "an.zip", check=check_zip)
    assert fetched.path is not None and fetched.path.read_bytes() == body
    assert served.hits[-1].status == 206


def test_changed_file_restarts_a_resumed_download(httpserver: HTTPServer, tmp_path: Path) -> None:
    old, new = an_corpus({1}, count=30), an_corpus({1, 2}, count=30)
    served = ServedFile(old, "application/zip", cut_after=len(old) // 2)
    httpserver.expect_request("/an.zip").respond_with_handler(served)
    url = httpserver.url_for("/an.zip")
    with Fetcher(tmp_path, retries=0, sleep=lambda s: None) as fetcher:
        with pytest.raises(SourceError, match=r"interrompue|incomplet"):
            fetcher.download(SOURCE, url, "an.zip")
        served.body = new  # the server published a new file meanwhile: If-Range fails
        fetched = fetcher.download(SOURCE, url, "an.zip", check=check_zip)
    assert fetched.path is not None and fetched.path.read_bytes() == new


def test_truncated_zip_is_refused_and_nothing_is_kept(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    body = an_corpus({1}, count=10)
    httpserver.expect_request("/an.zip").respond_with_data(body[: len(body) // 2])
    with pytest.raises(
        SourceError,
        match="archive ZIP illisible : ce n'est pas une archive ZIP, ou elle est coupée",
    ):
        fetcher.download(SOURCE, httpserver.url_for("/an.zip"), "an.zip", check=check_zip)
    assert not list(fetcher.cache_dir.iterdir())


def test_html_page_instead_of_csv(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    page = "<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>"
    httpserver.expect_request("/q.csv").respond_with_data(page, content_type="text/html")
    with pytest.raises(SourceError, match="page web au lieu du fichier CSV"):
        fetcher.download(SOURCE, httpserver.url_for("/q.csv"), "q.csv", check=check_csv)


def test_redirect_loop(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/loop").respond_with_response(
        Response(status=302, headers={"Location": "/loop"})
    )
    with pytest.raises(SourceError, match="trop de redirections"):
        fetcher.download(SOURCE, httpserver.url_for("/loop"), "q.csv")


def test_oversized_body(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x;y\n" * 1024 * 1024)
    with (
        Fetcher(tmp_path, max_bytes=1024 * 1024) as fetcher,
        pytest.raises(SourceError, match="fichier trop gros"),
    ):
        fetcher.download(SOURCE, httpserver.url_for("/big"), "q.csv")
    assert not list(tmp_path.iterdir())


def test_oversized_body_without_length(httpserver: HTTPServer, tmp_path: Path) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(64):
            yield b"y" * 65536

    httpserver.expect_request("/big").respond_with_response(Response(chunks()))
    with (
        Fetcher(tmp_path, max_bytes=1024 * 1024) as fetcher,
        pytest.raises(SourceError, match="fichier trop gros"),
    ):
        fetcher.download(SOURCE, httpserver.url_for("/big"), "q.csv")


def test_offline(tmp_path: Path) -> None:
    with (
        Fetcher(tmp_path, retries=1, sleep=lambda s: None) as fetcher,
        pytest.raises(SourceError, match="connexion impossible"),
    ):
        fetcher.download(SOURCE, "http://127.0.0.1:9/q.csv", "q.csv")


def test_pages_are_fetched_at_most_one_a_second(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/page").respond_with_data("page")
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    with Fetcher(tmp_path, sleep=sleep, clock=lambda: now[0]) as fetcher:
        for _ in range(3):
            assert fetcher.fetch_page("Sénat", httpserver.url_for("/page")) == b"page"
            now[0] += 0.25
    assert slept == [0.75, 0.75]


def test_source_table_is_data(tmp_path: Path) -> None:
    table = default_table()
    assert table.current_legislature == 17
    assert table.an[15].endswith("Questions_ecrites_XV.json.zip")
    assert table.senat and table.senat.endswith("questions-depuis-un-an.csv")
    override = tmp_path / "sources.json"
    override.write_text(json.dumps({"an": {"18": "https://example.org/18.zip"}}), "utf-8")
    merged = load_table(override)
    assert merged.an_url() == (18, "https://example.org/18.zip")
    assert merged.senat == table.senat
    override.write_text('{"an": {"x": 1}}', "utf-8")
    with pytest.raises(SourceError, match=r"sources\.json"):
        load_table(override)
    with pytest.raises(SourceError, match="pas d'adresse pour la 9e législature"):
        table.an_url(9)
