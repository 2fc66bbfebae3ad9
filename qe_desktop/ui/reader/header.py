"""The reader's header: who asked whom, when, and where things stand."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from qe_desktop.domain.views import QuestionDetail
from qe_desktop.ui.labels import STATUS_COLORS, chamber_label, legislature_label
from qe_desktop.ui.labels import status_label as _status_text
from qe_desktop.ui.palette_colors import muted_text_color

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else "—"


def status_label(detail: QuestionDetail) -> str:
    return _status_text(detail.status)


def header_html(detail: QuestionDetail) -> str:
    r = detail.record
    number = f"{r.qtype} n° {r.number}" if r.number else r.qtype
    chamber = escape(chamber_label(r.chamber.value, short=False))
    legislature = legislature_label(r.legislature) if r.legislature else ""
    who = escape(detail.author_display)
    place = " - ".join(x for x in (r.author.constituency, r.author.group) if x)
    if detail.current_group and detail.current_group != r.author.group:
        current = translate("ReaderHeader", "current group: %1").replace("%1", detail.current_group)
        place = f"{place} ({current})" if place else current
    asked = r.ministry_asked or r.ministry_assigned or ""
    answering = r.answer_ministry or r.ministry_assigned or ""
    ministries = escape(asked)
    if answering and answering != asked:
        ministries += " → " + escape(answering)
    published = translate("ReaderHeader", "Published %1").replace("%1", _date(r.published_on))
    if r.question_page:
        published += translate("ReaderHeader", ", p. %1").replace("%1", r.question_page)
    answered = ""
    if r.answered_on:
        answered = translate("ReaderHeader", "answered %1").replace("%1", _date(r.answered_on))
        if r.answer_page:
            answered += translate("ReaderHeader", ", p. %1").replace("%1", r.answer_page)
    color = STATUS_COLORS[detail.status]
    badge = (
        f"<span style='background:{color};color:white;padding:2px 6px;border-radius:3px'>"
        f"&nbsp;{escape(status_label(detail))}&nbsp;</span>"
    )
    delay = ""
    if detail.delay_days is not None:
        delay = translate("ReaderHeader", "%1 days").replace("%1", str(detail.delay_days))
        if detail.late:
            delay += " — " + translate("ReaderHeader", "late")
    elif detail.deadline:
        delay = translate("ReaderHeader", "deadline %1").replace("%1", _date(detail.deadline))
    link = ""
    if r.url:
        official = escape(translate("ReaderHeader", "Official page"))  # not in an f-string:
        link = f" · <a href='{escape(r.url)}'>{official}</a>"  # lupdate skips those
    title = escape(r.title or r.rubrique or "")
    muted = muted_text_color()  # the palette's, so that high contrast stays readable
    lines = [
        f"<b style='font-size:13pt'>{escape(number)}</b> · {chamber}"
        + (f" · {escape(legislature)}" if legislature else "")
        + f" &nbsp; {badge} <span style='color:{muted}'>{escape(delay)}</span>",
    ]
    if title:
        lines.append(f"<span style='font-size:12pt'>{title}</span>")
    lines.append(f"<b>{who}</b>" + (f" ({escape(place)})" if place else ""))
    if ministries:
        lines.append(f"<span style='color:{muted}'>{ministries}</span>")
    lines.append(escape(published) + (" · " + escape(answered) if answered else "") + link)
    return "<br>".join(lines)


class ReaderHeader(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(self.textFormat().RichText)
        self.setOpenExternalLinks(True)
        self.setMargin(8)

    def show_detail(self, detail: QuestionDetail | None) -> None:
        self.setText(header_html(detail) if detail else "")
