"""The briefing note as simple HTML, the subset Qt's rich text engine lays out.

The PDF writer (qe_desktop/ui/pdf_export.py) feeds this to QTextDocument, so it
sticks to what Qt supports: headings, paragraphs, spans with a background
colour, <sup>, tables with borders, and `page-break-before` on headings.
"""

from __future__ import annotations

from html import escape

from qe_desktop.exporters.commitment_table import EMPTY, TITLE
from qe_desktop.exporters.coverage_table import html_block
from qe_desktop.exporters.document import (
    BriefingDocument,
    Note,
    Paragraph,
    QuestionBlock,
    Run,
    Section,
)
from qe_desktop.exporters.note_markup import Block, Span, note_blocks

GREY = "#595959"
HEADER_FILL = "#d9e2f3"
TABLE_CHARACTERS = 100  # an A4 text width holds about this many 8.5 pt characters
STYLE = f"""
body {{ font-size: 10.5pt; }}
h1 {{ font-size: 17pt; }}
h2 {{ font-size: 14pt; margin-top: 14px; }}
h3 {{ font-size: 12pt; margin-top: 10px; }}
p.meta {{ color: {GREY}; font-style: italic; }}
p.text {{ margin-left: 14px; }}
p.note {{ font-size: 8.5pt; margin-left: 22px; margin-top: 0px; margin-bottom: 2px; }}
p.gap {{ color: {GREY}; }}
th {{ background-color: {HEADER_FILL}; text-align: left; }}
"""


def _text(text: str) -> str:
    return escape(text, quote=True).replace("\n", "<br/>")


def _mark(text: str, color: str) -> str:
    return f'<span style="background-color:{escape(color)}">{_text(text)}</span>'


def _run(run: Run) -> str:
    html = _mark(run.text, run.highlight.color) if run.highlight else _text(run.text)
    refs = "".join(f"<sup><b>{number}</b></sup>" for number in run.note_refs)
    return html + refs


def _span(span: Span) -> str:
    html = _text(span.text)
    if span.bold:
        html = f"<b>{html}</b>"
    if span.italic:
        html = f"<i>{html}</i>"
    if span.link:
        html = f'<a href="{escape(span.link, quote=True)}">{html}</a>'
    return html


def _spans(spans: tuple[Span, ...]) -> str:
    return "".join(_span(span) for span in spans)


def _block(block: Block, css: str, indent: int) -> str:
    """A paragraph or list item of a note; items indented, their marker first."""
    margin = indent + 14 * (block.depth + (1 if block.marker else 0))
    marker = f"{_text(block.marker)} " if block.marker else ""
    style = f' style="margin-left: {margin}px"' if margin else ""
    return f'<p class="{css}"{style}>{marker}{_spans(block.spans)}</p>'


def _note(note: Note) -> str:
    pieces = [f"<b>{note.number}.</b> ", _mark(note.label, note.color)]
    pieces.append(f" — <i>« {_text(note.quote)} »</i>")
    blocks = note_blocks(note.text) if note.text else ()
    rest = blocks
    if blocks and not blocks[0].marker:
        pieces.append(f" — {_spans(blocks[0].spans)}")
        rest = blocks[1:]
    remarks = f' <span style="color:{GREY}">({_text(note.remarks)})</span>' if note.remarks else ""
    if not rest:
        return f'<p class="note">{"".join(pieces)}{remarks}</p>'
    items = "".join(_block(block, "note", 22) for block in rest)
    tail = f'<p class="note">{remarks}</p>' if remarks else ""
    return f'<p class="note">{"".join(pieces)}</p>{items}{tail}'


def _paragraph(paragraph: Paragraph) -> str:
    if paragraph.gap:
        return f'<p class="gap">{_text(paragraph.text)}</p>'
    body = "".join(_run(run) for run in paragraph.runs)
    notes = "".join(_note(note) for note in paragraph.notes)
    return f'<p class="text">{body}</p>{notes}'


def _citation(citation: str, link: str | None) -> str:
    """The JO reference, a link to the official page when there is one."""
    if link is None:
        return f'<p class="meta">{_text(citation)}</p>'
    return f'<p class="meta"><a href="{escape(link, quote=True)}">{_text(citation)}</a></p>'


def _section(section: Section, link: str | None) -> str:
    parts = [f"<h3>{_text(section.heading)}</h3>", _citation(section.citation, link)]
    parts.extend(_paragraph(paragraph) for paragraph in section.paragraphs)
    return "".join(parts)


def _fields(block: QuestionBlock) -> str:
    rows = []
    for field in block.fields:
        value = _text(field.value)
        if block.link is not None and field.value == block.link:
            value = f'<a href="{escape(block.link, quote=True)}">{value}</a>'
        rows.append(f'<tr><td width="22%"><b>{_text(field.label)}</b></td><td>{value}</td></tr>')
    return f'<table cellspacing="0" cellpadding="2" width="100%">{"".join(rows)}</table>'


def _question(block: QuestionBlock, new_page: bool) -> str:
    style = ' style="page-break-before: always"' if new_page else ""
    parts = [
        f"<h2{style}>{_text(block.heading)}</h2>",
        _citation(block.citation, block.link),
        _fields(block),
    ]
    parts.extend(_section(section, block.link) for section in block.sections)
    if block.demands is not None:
        parts.append(html_block(block.demands, _text))
    if block.loose_notes:
        parts.append("<h3>Notes hors du texte reproduit</h3>")
        parts.extend(_note(note) for note in block.loose_notes)
    if block.free_note:
        parts.append("<h3>Note sur la question</h3>")
        parts.extend(_block(part, "free", 0) for part in note_blocks(block.free_note))
    return "".join(parts)


def _commitments(bundle: BriefingDocument) -> str:
    style = ' style="page-break-before: always"' if len(bundle.questions) > 1 else ""
    parts = [f"<h2{style}>{TITLE}</h2>"]
    table = bundle.commitments_table
    if not table.rows:
        return parts[0] + f"<p>{EMPTY}</p>"
    widths = [max(1, round(share * 100)) for share in table.shares(TABLE_CHARACTERS)]
    head = "".join(
        f'<th width="{width}%">{_text(header)}</th>'
        for header, width in zip(table.headers, widths, strict=True)
    )
    rows = [f"<tr>{head}</tr>"]
    for row in table.rows:
        tds = (
            f'<td style="white-space: nowrap">{_text(cell)}</td>'
            if whole
            else f"<td>{_text(cell)}</td>"
            for cell, whole in zip(row, table.unbreakable, strict=True)
        )
        rows.append("<tr>" + "".join(tds) + "</tr>")
    parts.append(
        '<table border="1" cellspacing="0" cellpadding="3" width="100%" '
        f'style="font-size: 8.5pt; border-color: #999999">{"".join(rows)}</table>'
    )
    return "".join(parts)


def _legend(bundle: BriefingDocument) -> str:
    if not bundle.legend:
        return ""
    marks = " ".join(_mark(f" {h.label} ", h.color) for h in bundle.legend)
    return f'<p class="meta">Surlignage : {marks}</p>'


def render_html(bundle: BriefingDocument) -> str:
    """A whole HTML page (with <title>, which the PDF writer uses as the PDF's title)."""
    body = [
        f"<h1>{_text(bundle.title)}</h1>",
        f'<p class="meta">{_text(bundle.subtitle)}</p>',
        _legend(bundle),
    ]
    body.extend(_question(block, index > 0) for index, block in enumerate(bundle.questions))
    if bundle.include_commitments:
        body.append(_commitments(bundle))
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"/>'
        f"<title>{_text(bundle.title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )
