"""Our own DTD check: refused before lxml parses, in any encoding, with our reason."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers.an_opendata import iter_an_xml
from qe_desktop.importers.dispatch import iter_records
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.xml_guard import (
    DTD_REFUSED,
    HEAD_BYTES,
    guarded_stream,
    prolog_refusal,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
GOOD_XML = (DATA / "an_xml" / "qe_no_namespace_lists" / "input.xml").read_bytes()
LAUGHS = (DATA / "hostile" / "billion_laughs.xml").read_bytes()


@pytest.fixture
def lxml_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any call into lxml's parser fails the test: the refusal must come first."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("lxml was asked to parse a document with a DTD")

    from lxml import etree  # `an_opendata` imports it with the first XML file

    monkeypatch.setattr(etree, "iterparse", refuse)


@pytest.mark.parametrize(
    "document",
    [
        LAUGHS,
        b'<!DOCTYPE question SYSTEM "http://example.invalid/q.dtd"><question/>',
        b"<?xml version='1.0'?>\n<!-- AN -->\n<?pi x?>\r\n<!doctype question><question/>",
        b'<!ENTITY x "y"><question/>',
        b"\xef\xbb\xbf<?xml version='1.0'?><!DOCTYPE q [<!ENTITY a 'b'>]><q/>",
        "<?xml version='1.0' encoding='UTF-16'?><!DOCTYPE q><q/>".encode("utf-16"),
        "<!DOCTYPE q><q/>".encode("utf-16-le"),
        "<!DOCTYPE q><q/>".encode("utf-16-be"),
        "<?xml version='1.0' encoding='ISO-8859-1'?><!-- é --><!DOCTYPE q><q/>".encode("latin-1"),
    ],
)
def test_declarations_are_refused_before_lxml_in_any_encoding(
    document: bytes, lxml_forbidden: None
) -> None:
    for data in (document, io.BytesIO(document)):
        (failure,) = list(iter_an_xml(data, "q.xml"))
        assert isinstance(failure, ImportFailure)
        assert failure.reason == DTD_REFUSED


def test_clean_prologs_pass_and_the_stream_is_replayed_whole() -> None:
    prolog = b"<?xml version='1.0'?>\n<!-- <!DOCTYPE in a comment --><?x <!DOCTYPE ?>\n"
    document = prolog + GOOD_XML.split(b"?>", 1)[1]
    stream, refusal = guarded_stream(io.BytesIO(document))
    assert refusal is None
    assert stream.read() == document
    records = list(iter_an_xml(io.BytesIO(document), "q.xml"))
    assert [type(r) for r in records] == [QuestionRecord]


def test_a_doctype_after_the_root_is_left_to_the_parser() -> None:
    assert prolog_refusal(b"<question><!DOCTYPE x></question>", complete=True) is None
    (failure,) = list(iter_an_xml(b"<question><!DOCTYPE x></question>", "q.xml"))
    assert isinstance(failure, ImportFailure)
    assert "XML invalide" in failure.reason


def test_a_prolog_that_never_ends_is_refused_with_our_reason(lxml_forbidden: None) -> None:
    document = b"<?xml version='1.0'?><!--" + b"-" * HEAD_BYTES
    (failure,) = list(iter_an_xml(io.BytesIO(document + b"--><!DOCTYPE q><q/>"), "q.xml"))
    assert isinstance(failure, ImportFailure)
    assert "64 premiers Ko" in failure.reason


def test_refusal_inside_an_archive_names_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "Questions_ecrites.xml.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xml/QANR5L16QE7777.xml", GOOD_XML)
        archive.writestr("xml/rires.xml", LAUGHS)
    results = list(iter_records([path]))
    assert [r.key for r in results if isinstance(r, QuestionRecord)] == ["QANR5L16QE7777"]
    (failure,) = [r for r in results if isinstance(r, ImportFailure)]
    assert failure.source.endswith("xml/rires.xml")
    assert failure.reason == DTD_REFUSED
