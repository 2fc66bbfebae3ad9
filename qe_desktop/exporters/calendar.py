"""Commitments' due dates as an iCalendar file (RFC 5545), written by hand.

One all-day VEVENT per dated commitment, so that the office calendar reminds the
assistant of the day a minister's promise falls due. What the RFC asks and a
calendar application checks: CRLF line ends; content lines folded at 75 octets
(UTF-8, never inside a character or an escape), continuation lines starting with a
space; TEXT values escaping backslash, semicolon, comma and newlines; a UID that
stays the same from one export to the next (the annotation id), so re-importing the
file updates events instead of duplicating them; DTSTAMP = when the commitment was
last changed (no METHOD property, RFC 5545 §3.8.7.2), so the same library gives the
same file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from qe_desktop.domain.annotation import AnnotationRecord, CommitmentRecord
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.exporters.atomic import write_bytes_atomically
from qe_desktop.exporters.citations import author_label, citation, due_label

PRODID = "-//qe-desktop//Engagements du Gouvernement//FR"
UID_DOMAIN = "qe-desktop"
LINE_OCTETS = 75
CRLF = "\r\n"
_UNITS = re.compile(r"\\.|.", re.DOTALL)  # an escape pair is never split by folding


def escape_text(value: str) -> str:
    """A TEXT property value (RFC 5545 §3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded into pieces of at most 75 octets joined by CRLF + space."""
    pieces: list[str] = []
    current = ""
    size = 0
    for unit in _UNITS.findall(line):
        octets = len(unit.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            pieces.append(current)
            current, size = " ", 1
        current += unit
        size += octets
    pieces.append(current)
    return CRLF.join(pieces)


def _stamp(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _summary(detail: QuestionDetail, commitment: CommitmentRecord) -> str:
    record = detail.record
    ministry = commitment.ministry or record.answer_ministry or record.ministry_assigned or ""
    who = f" : {ministry}" if ministry else ""
    return f"Échéance d'un engagement{who}"


def _description(detail: QuestionDetail, annotation: AnnotationRecord) -> str:
    commitment = annotation.commitment
    assert commitment is not None
    lines = [
        f"« {annotation.selector.exact} »",
        "",
        f"Échéance : {due_label(commitment)}",
        f"Statut : {commitment.status.label}",
        f"Question : {citation(detail.record)}",
        f"Auteur : {author_label(detail)}",
    ]
    if detail.record.title:
        lines.append(f"Titre : {detail.record.title}")
    if commitment.evidence:
        lines.append(f"Preuves : {commitment.evidence}")
    lines.append(detail.uri)
    return "\n".join(lines)


def _event(detail: QuestionDetail, annotation: AnnotationRecord) -> Iterator[str]:
    commitment = annotation.commitment
    assert commitment is not None and commitment.due_date is not None
    due = commitment.due_date
    yield "BEGIN:VEVENT"
    yield f"UID:{annotation.id}@{UID_DOMAIN}"
    yield f"DTSTAMP:{_stamp(annotation.modified)}"
    yield f"DTSTART;VALUE=DATE:{_day(due)}"
    yield f"DTEND;VALUE=DATE:{_day(due + timedelta(days=1))}"
    yield f"SUMMARY:{escape_text(_summary(detail, commitment))}"
    yield f"DESCRIPTION:{escape_text(_description(detail, annotation))}"
    yield f"URL:{detail.uri}"
    yield "CATEGORIES:Engagement"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def dated_commitments(
    details: Sequence[QuestionDetail],
) -> list[tuple[QuestionDetail, AnnotationRecord]]:
    """The live commitments that have a due date, earliest first."""
    found = [
        (detail, annotation)
        for detail in details
        for annotation in detail.annotations
        if not annotation.deleted
        and annotation.commitment is not None
        and annotation.commitment.due_date is not None
    ]
    found.sort(key=lambda pair: (pair[1].commitment.due_date, pair[1].id))  # type: ignore[union-attr]
    return found


def ics_text(details: Sequence[QuestionDetail]) -> str:
    """The whole calendar, CRLF line ends included."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text('Engagements du Gouvernement')}",
    ]
    for detail, annotation in dated_commitments(details):
        lines.extend(_event(detail, annotation))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def write_ics(details: Sequence[QuestionDetail], path: Path) -> int:
    """Write the calendar of the commitments of `details`; returns the number of events."""
    write_bytes_atomically(Path(path), ics_text(details).encode("utf-8"))
    return len(dated_commitments(details))
