"""Saved senat.fr pages: the same record as the text, and nothing in the page runs or loads."""

from __future__ import annotations

import dataclasses
import socket
import urllib.request
from pathlib import Path

import pytest

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers.encoding import decode_text
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.senat_html import parse_senat_html

CASES = Path(__file__).resolve().parents[1] / "data" / "importers" / "senat_html"
HOSTILE = CASES / "scripts_remote_resources" / "input.html"
TRAPS = (
    "SCRIPT-WRITTEN",
    "INLINE SCRIPT",
    "STYLE TEXT",
    "NOSCRIPT",
    "HIDDEN",
    "IFRAME",
    "OBJECT TEXT",
    "SVG TEXT",
    "IMG ALT",
    "root:",
    "&secret;",
    "evil.example",
    "alert(",
)


def markup(case: str) -> str:
    path = CASES / case / "input.html"
    return decode_text(path.read_bytes(), path.name)


def minimal_page(head: str = "", h1: str = "") -> str:
    return (
        f"<html><head>{head}</head><body>{h1}"
        "<p>Question de M. MARTIN Paul (Ain - UC) publiée le 02/02/2017</p>"
        "<p>Texte de la question.</p><p>- page 12</p></body></html>"
    )


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise AssertionError("network access during parsing")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


def test_hostile_page_gives_only_the_visible_question(no_network: list[str]) -> None:
    record = parse_senat_html(decode_text(HOSTILE.read_bytes(), "p.htm"), "p.htm")
    texts = " ".join(str(value) for value in vars_of(record))
    for trap in TRAPS:
        assert trap not in texts
    assert no_network == []
    assert record.question_text.startswith("M. Jean Louis Masson attire")
    assert record.answer_text is not None
    assert record.answer_text.endswith("avaient reçu une réponse.")


def vars_of(record: QuestionRecord) -> list[object]:
    return [getattr(record, field.name) for field in dataclasses.fields(record)]


def test_entities_and_line_breaks_become_canonical_text() -> None:
    record = parse_senat_html(markup("with_answer"), "page.html")
    assert "services de l'État." in record.question_text
    assert "&" not in record.question_text
    assert len(record.question_text.split("\n")) == 3  # <br><br> is one break, not an empty line
    assert "juin 2025" in (record.answer_text or "")  # &nbsp; became a plain space


def test_canonical_link_wins_over_a_misleading_file_name() -> None:
    record = parse_senat_html(markup("with_answer"), "qSEQ990101111.html")
    assert record.uid == "qSEQ250103038"
    assert record.number == "03038"


def test_file_name_gives_the_page_id_when_the_page_has_no_link() -> None:
    record = parse_senat_html(minimal_page(), "qSEQ170224890.html")
    assert (record.uid, record.number) == ("qSEQ170224890", "24890")
    assert record.url == "https://www.senat.fr/questions/base/2017/qSEQ170224890.html"


def test_og_url_on_a_host_alias_gives_the_canonical_address() -> None:
    head = (
        '<meta property="og:url" content="http://www2.senat.fr/questions/base/2013/'
        'qSEQ131109488.html">'
    )
    record = parse_senat_html(minimal_page(head), "page.html")
    assert record.url == "https://www.senat.fr/questions/base/2013/qSEQ131109488.html"


@pytest.mark.parametrize(
    ("head", "h1", "title"),
    [
        (
            "<title>Titre du navigateur - Sénat</title>",
            "<h1>Titre de la page</h1>",
            "Titre de la page",
        ),
        ("<title>Titre du navigateur - Sénat</title>", "<h1>Sénat</h1>", "Titre du navigateur"),
        (
            '<meta property="og:title" content="Titre partagé"><title>T - Sénat</title>',
            "",
            "Titre partagé",
        ),
        ("", "<h1>Question écrite n° 00012 - 17e législature</h1>", None),
        ("<title>Sénat - Délais de réponse</title>", "", "Délais de réponse"),
    ],
)
def test_title_comes_from_h1_then_og_title_then_title(
    head: str, h1: str, title: str | None
) -> None:
    assert parse_senat_html(minimal_page(head, h1), "page.html").title == title


def test_xhtml_with_an_xml_declaration_is_read() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + minimal_page()
    assert parse_senat_html(page, "page.xhtml").question_page == "12"


@pytest.mark.parametrize(
    "page",
    ["", "<html></html>", "<html><body><p>Bienvenue sur le site du Sénat</p></body></html>"],
)
def test_html_without_a_question_is_refused(page: str) -> None:
    with pytest.raises(ImportFailure) as raised:
        parse_senat_html(page, "vide.html")
    assert raised.value.source == "vide.html"
