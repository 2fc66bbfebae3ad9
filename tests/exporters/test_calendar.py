"""The .ics calendar of commitments, read back line by line as a calendar application would."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qe_desktop.domain.annotation import (
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
    Selector,
)
from qe_desktop.domain.question import Author, Chamber, QuestionRecord
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.exporters.calendar import escape_text, fold, ics_text, write_ics

ANSWER = (
    "Le Gouvernement, conscient des enjeux ; l'ensemble des ministères présenteront d'ici "
    "juin 2025, à l'occasion du salon « Vivatech », leur feuille de route\\annexe."
)
QUOTE = ANSWER[ANSWER.index("l'ensemble") :]
MODIFIED = datetime(2025, 5, 2, 14, 30, 5, tzinfo=UTC)


def _annotation(
    ident: str,
    due: date | None,
    evidence: str = "",
    deleted: bool = False,
) -> AnnotationRecord:
    start = ANSWER.index(QUOTE)
    return AnnotationRecord(
        id=ident,
        question_key="senat-17-03038",
        part=Part.ANSWER,
        selector=Selector.from_span(ANSWER, start, start + len(QUOTE)),
        category="engagement",
        text_hash="h",
        creator="Claire",
        created=MODIFIED,
        modified=MODIFIED,
        commitment=CommitmentRecord(
            due_date=due,
            precision=DatePrecision.MONTH,
            ministry="Ministère de l'économie, des finances et de la souveraineté industrielle",
            status=CommitmentStatus.TO_CHECK,
            evidence=evidence,
        ),
        deleted=deleted,
    )


def _detail(*annotations: AnnotationRecord) -> QuestionDetail:
    record = QuestionRecord(
        chamber=Chamber.SENAT,
        question_text="M. Fabien GENET attire l'attention de Mme la ministre…",
        legislature=17,
        number="03038",
        url="https://www.senat.fr/questions/base/2025/qSEQ250103038.html",
        title="Implémentation de l'IA au sein des services publics",
        author=Author("Fabien GENET", "M.", "Saône-et-Loire", "Les Républicains-R"),
        published_on=date(2025, 1, 30),
        question_page="246",
        answered_on=date(2025, 4, 17),
        answer_page="1912",
        answer_text=ANSWER,
    )
    return QuestionDetail(
        id=1,
        key="senat-17-03038",
        uri=record.url or "",
        record=record,
        status=Status.ANSWERED,
        deadline=None,
        delay_days=77,
        late=True,
        annotations=annotations,
    )


def _unescape(value: str) -> str:
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(ch)
    return "".join(out)


def _events(raw: bytes) -> list[dict[str, str]]:
    """Parse the calendar the RFC way: check line ends and lengths, unfold, split properties."""
    text = raw.decode("utf-8")
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    unfolded = text.replace("\r\n ", "")[:-2].split("\r\n")
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in unfolded and any(line.startswith("PRODID:") for line in unfolded)
    events: list[dict[str, str]] = []
    for line in unfolded:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT" and not line.startswith("END:VCALENDAR"):
            events[-1][name] = value
    return events


def test_one_all_day_event_per_dated_commitment(tmp_path: Path) -> None:
    detail = _detail(
        _annotation("a1", date(2025, 6, 30), evidence="Voir : https://x.fr/a;b,c\nligne 2"),
        _annotation("a2", None),  # no date: nothing to put in a calendar
        _annotation("a3", date(2025, 12, 31), deleted=True),
    )
    path = tmp_path / "engagements.ics"
    assert write_ics([detail], path) == 1
    [event] = _events(path.read_bytes())
    assert event["UID"] == "a1@qe-desktop"
    assert event["DTSTART;VALUE=DATE"] == "20250630"
    assert event["DTEND;VALUE=DATE"] == "20250701"
    assert event["DTSTAMP"] == "20250502T143005Z"
    assert event["URL"] == "https://www.senat.fr/questions/base/2025/qSEQ250103038.html"
    summary = _unescape(event["SUMMARY"])
    assert "Ministère de l'économie, des finances" in summary
    description = _unescape(event["DESCRIPTION"])
    assert f"« {QUOTE} »" in description  # « », ; \ and the comma survive the round trip
    assert "Échéance : juin 2025" in description
    assert "QE n° 03038" in description
    assert "Voir : https://x.fr/a;b,c\nligne 2" in description
    assert description.endswith(detail.uri)


def test_text_values_are_escaped() -> None:
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    raw = ics_text([_detail(_annotation("a1", date(2025, 6, 30), evidence="JO ; p. 3"))])
    [description] = [
        line for line in raw.replace("\r\n ", "").split("\r\n") if line.startswith("DESCRIPTION:")
    ]
    body = description.removeprefix("DESCRIPTION:")
    assert "\\;" in body and "\\," in body and "\\\\annexe" in body and "\\n" in body
    assert ";" not in body.replace("\\;", "") and "," not in body.replace("\\,", "")


def test_the_same_library_gives_the_same_file() -> None:
    details = [_detail(_annotation("a1", date(2025, 6, 30)), _annotation("b2", date(2025, 3, 1)))]
    first = ics_text(details)
    assert first == ics_text(details)
    assert [e["UID"] for e in _events(first.encode())] == ["b2@qe-desktop", "a1@qe-desktop"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_folding_never_breaks_a_character_and_unfolds_to_the_line(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line
    assert _unescape(line.removeprefix("DESCRIPTION:")) == text.replace("\r\n", "\n").replace(
        "\r", "\n"
    )
