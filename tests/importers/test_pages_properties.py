"""Whatever bytes arrive, the page importers answer with a record or an ImportFailure.

Real pages are cut, truncated and spliced with layout markers so every branch of the
parsers meets broken input; the records that still come out must be well formed.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.domain.text import canonical_text
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.pages import parse_page_bytes, parse_page_text

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
REAL_PAGES = sorted((DATA / "pages" / "real").rglob("*.txt"))
CASE_INPUTS = sorted(DATA.glob("*/*/input.*"))
SAMPLES = [(p.name, p.read_bytes()) for p in [*REAL_PAGES, *CASE_INPUTS]]
MARKERS = [
    "\n",
    "\n\n",
    "- page 12\n",
    "\n- page ",
    "Transmise au Ministère de l'intérieur\n",
    "Réponse du ministère : Intérieur publiée le 31/02/1999\n",
    "Réponse du Ministère de la culture\npubliée dans le JO Sénat du 01/01/2020 - page 3\n",
    "Réponse. - ",
    "La question est caduque\n",
    "Erratum\n",
    "Question de M. NOM Prénom (Ain - UC) publiée le 01/01/2020",
    "Question écrite n° 00001 de Mme A B (C - D)",
    "Question de :\n",
    "Question de : M.\n",
    "- RPR\n",
    "(2e circonscription) - ",
    "Texte de la QUESTION :",
    "Texte de la REPONSE :\n|\n",
    "Question N° : ",
    "Ministère interrogé > ",
    "Date de clôture : 1er mai 2005\n",
    "Question clôturée le 32 mai 2005\nCause : ",
    "Réponse publiée le 1er octobre 2001\n",
    "Données clés\n",
    "<p>",
    "</p><br>",
    "<script>x</script>",
    "<!DOCTYPE html [",
    "&amp;",
    "|",
    "(",
    ")",
    "\x00",
    "\u00a0",
    "\ufeff",
    "\r\n",
    "é",
    "Ã©",
]
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated_pages(draw: st.DrawFn) -> tuple[str, bytes]:
    name, data = draw(st.sampled_from(SAMPLES))
    text = data.decode("utf-8", errors="replace")
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        size = len(text)
        start = draw(st.integers(min_value=0, max_value=size))
        action = draw(st.sampled_from(["delete", "insert", "truncate", "duplicate"]))
        if action == "delete":
            end = draw(st.integers(min_value=start, max_value=min(size, start + 400)))
            text = text[:start] + text[end:]
        elif action == "insert":
            piece = draw(st.sampled_from(MARKERS) | st.text(max_size=20))
            text = text[:start] + piece + text[start:]
        elif action == "truncate":
            text = text[:start]
        else:
            end = draw(st.integers(min_value=start, max_value=min(size, start + 300)))
            text = text[:end] + text[start:end] + text[end:]
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    name = draw(st.sampled_from([name, "presse-papiers", "page.html"]))
    return name, text.encode(encoding, errors="replace")


def assert_well_formed(record: QuestionRecord, source: str) -> None:
    assert record.source == source
    for text in (record.question_text, record.answer_text, record.erratum):
        if text:
            assert canonical_text(text) == text
    if record.uid and record.chamber.value == "an":
        assert record.uid.startswith("QANR5L")
    assert record.key


def parse_or_fail(data: bytes, name: str) -> None:
    try:
        record = parse_page_bytes(data, name)
    except ImportFailure as failure:
        assert failure.source == name
        assert failure.reason
    else:
        assert_well_formed(record, name)


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from(["x.txt", "qSEQ250103038.html", "7-1QE.txt"]))
def test_arbitrary_bytes_give_a_record_or_an_import_failure(data: bytes, name: str) -> None:
    parse_or_fail(data, name)


@FUZZ
@given(mutated_pages())
def test_mutated_real_pages_give_a_record_or_an_import_failure(page: tuple[str, bytes]) -> None:
    name, data = page
    parse_or_fail(data, name)


@FUZZ
@given(st.text(max_size=3000))
def test_arbitrary_pasted_text_gives_a_record_or_an_import_failure(text: str) -> None:
    try:
        record = parse_page_text(text, "presse-papiers")
    except ImportFailure as failure:
        assert failure.source == "presse-papiers"
    else:
        assert_well_formed(record, "presse-papiers")


@FUZZ
@given(mutated_pages())
def test_mutated_pages_wrapped_in_html_give_a_record_or_an_import_failure(
    page: tuple[str, bytes],
) -> None:
    name, data = page
    text = data.decode("utf-8", errors="replace").replace("\n", "<br>")
    html = f"<!DOCTYPE html><html><head><title>t</title></head><body><p>{text}</p></body></html>"
    parse_or_fail(html.encode("utf-8"), name)
