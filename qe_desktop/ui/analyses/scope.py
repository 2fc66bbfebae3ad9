"""Words for what the Analyses count ("search « IA », Sénat, answered") and for one question."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qe_desktop.domain.views import QuestionFilter, QuestionRow
from qe_desktop.ui.labels import chamber_label, count_text, legislature_label, status_label

_DESCRIBED = frozenset(
    [
        "text",
        "chamber",
        "legislature",
        "ministry",
        "group",
        "author",
        "statuses",
        "published_from",
        "published_to",
        "has_notes",
        "tag",
        "category",
        "keys",
    ]
)


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def describe_filter(flt: QuestionFilter) -> str:
    """The filter in a few words, so that a search left in the box is never a surprise."""
    parts: list[str] = []
    if flt.text:
        parts.append(translate("AnalysesScope", "search « %1 »").replace("%1", flt.text))
    if flt.chamber:
        parts.append(chamber_label(flt.chamber, short=False))
    if flt.legislature:
        parts.append(legislature_label(flt.legislature))
    for value in (flt.ministry, flt.group, flt.author):
        if value:
            parts.append(value)
    if flt.statuses:
        parts.append(", ".join(sorted(status_label(s) for s in flt.statuses)))
    if flt.published_from or flt.published_to:
        start = flt.published_from.strftime("%d/%m/%Y") if flt.published_from else "…"
        end = flt.published_to.strftime("%d/%m/%Y") if flt.published_to else "…"
        parts.append(
            translate("AnalysesScope", "published %1 – %2").replace("%1", start).replace("%2", end)
        )
    if flt.has_notes:
        parts.append(translate("AnalysesScope", "with notes"))
    if flt.tag:
        parts.append("#" + flt.tag)
    if flt.category:
        parts.append(translate("AnalysesScope", "highlight « %1 »").replace("%1", flt.category))
    if flt.keys:
        parts.append(
            translate("AnalysesScope", "%1 chosen questions").replace(
                "%1", count_text(len(flt.keys))
            )
        )
    if flt.narrowed_by() - _DESCRIBED:
        parts.append(translate("AnalysesScope", "other filters"))
    return ", ".join(parts)


def question_line(row: QuestionRow) -> str:
    """ "No. 02580 · Sénat · 05/12/2024 — Gestion des crédits du FIPD": a question, not an id."""
    number = (
        translate("AnalysesScope", "No. %1").replace("%1", row.number) if row.number else row.key
    )
    published = row.published_on.strftime("%d/%m/%Y") if row.published_on else ""
    head = " · ".join(part for part in (number, chamber_label(row.chamber), published) if part)
    return f"{head} — {row.title}" if row.title else head
