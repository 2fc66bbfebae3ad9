"""The briefing note as Markdown, for note-taking apps (Obsidian, Joplin, Typora…).

Choices: texts are blockquotes; a highlight is `==passage==` followed by its
category in italics, `==passage== *(Engagement)*`, so the category survives
where `==` is not supported; notes are footnotes (`[^1]`) defined right after
their paragraph; official pages are links; commitments are a pipe table.
The text of the questions is escaped; the users' own notes are Markdown already
and keep their emphasis, lists and links, but not raw HTML nor links with an
unsafe scheme (`javascript:`…): a renderer must never turn a note into script.
"""

from __future__ import annotations

import re
from pathlib import Path

from qe_desktop.exporters.atomic import write_text_atomically
from qe_desktop.exporters.commitment_table import EMPTY, TITLE
from qe_desktop.exporters.coverage_table import markdown_blocks
from qe_desktop.exporters.document import (
    BriefingDocument,
    Note,
    Paragraph,
    QuestionBlock,
    Run,
    Section,
)
from qe_desktop.exporters.note_markup import safe_markdown

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|=~])")
_LINE_START = re.compile(r"^(\s*)([-+]|\d+[.)])(\s)")
_BREAKS = re.compile(r"[ \t\r\n]+")


def escape(text: str) -> str:
    """Plain text that Markdown shows as is (no emphasis, link, list or heading)."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(r"\1\\\2\3", escaped)


def _inline(text: str) -> str:
    """One line of escaped text (line breaks become spaces; NBSP is kept)."""
    return escape(_BREAKS.sub(" ", text).strip())


def _run(run: Run, labelled: bool) -> str:
    """A run; `labelled` puts the category after the last run of a highlight."""
    text = escape(run.text)
    if run.highlight is not None and run.text.strip():
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        label = f" *({escape(run.highlight.label)})*" if labelled else ""
        text = f"{lead}=={core}=={label}{trail}"
    refs = "".join(f"[^{number}]" for number in run.note_refs)
    return text + refs


def _footnote(note: Note) -> str:
    head = f"[^{note.number}]: **{escape(note.label)}** — « {_inline(note.quote)} »"
    lines = [head]
    body = safe_markdown(note.text).splitlines()
    if body:
        lines[0] = f"{head} — {body[0]}"
        lines.extend(f"    {line}" if line.strip() else "" for line in body[1:])
    if note.remarks:
        lines.append(f"    *{escape(note.remarks)}*")
    return "\n".join(lines)


def _paragraph(paragraph: Paragraph) -> list[str]:
    runs = paragraph.runs
    ends = [
        i + 1 == len(runs) or runs[i + 1].highlight != run.highlight for i, run in enumerate(runs)
    ]
    quoted = "> " + "".join(_run(run, ends[i] or bool(run.note_refs)) for i, run in enumerate(runs))
    blocks = [quoted]
    blocks.extend(_footnote(note) for note in paragraph.notes)
    return blocks


def _citation(citation: str, link: str | None) -> str:
    """The JO reference in italics, a link to the official page when there is one."""
    if link is None:
        return f"*{_inline(citation)}*"
    return f"*[{_inline(citation)}](<{link}>)*"


def _section(section: Section, link: str | None) -> list[str]:
    blocks = [f"### {_inline(section.heading)}", _citation(section.citation, link)]
    for paragraph in section.paragraphs:
        blocks.extend(_paragraph(paragraph))
    return blocks


def _link(url: str) -> str:
    return f"[{_inline(url)}](<{url}>)"


def _question(block: QuestionBlock) -> list[str]:
    blocks = [f"## {_inline(block.heading)}", _citation(block.citation, block.link)]
    items = []
    for field in block.fields:
        value = _link(field.value) if field.value == block.link else _inline(field.value)
        items.append(f"- **{escape(field.label)}** : {value}")
    blocks.append("\n".join(items))
    for section in block.sections:
        blocks.extend(_section(section, block.link))
    if block.demands is not None:
        blocks.extend(markdown_blocks(block.demands, _inline))
    if block.loose_notes:
        blocks.append("### Notes hors du texte reproduit")
        blocks.append(
            "\n".join(
                f"- « {_inline(note.quote)} » *({escape(note.label)})*[^{note.number}]"
                for note in block.loose_notes
            )
        )
        blocks.extend(_footnote(note) for note in block.loose_notes)
    if block.free_note:
        blocks.extend(["### Note sur la question", safe_markdown(block.free_note)])
    return blocks


def _cell(text: str) -> str:
    return _inline(text) or "—"


def _commitments(document: BriefingDocument) -> list[str]:
    blocks = [f"## {TITLE}"]
    table = document.commitments_table
    if not table.rows:
        return [*blocks, EMPTY]
    header = "| " + " | ".join(table.headers) + " |"
    rule = "|" + "|".join(" --- " for _ in table.headers) + "|"
    rows = ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]
    return [*blocks, "\n".join([header, rule, *rows])]


def render_markdown(document: BriefingDocument) -> str:
    blocks = [f"# {_inline(document.title)}", f"*{_inline(document.subtitle)}*"]
    if document.legend:
        legend = " · ".join(f"=={escape(h.label)}==" for h in document.legend)
        blocks.append(f"Surlignage : {legend}")
    for block in document.questions:
        blocks.extend(_question(block))
    if document.include_commitments:
        blocks.extend(_commitments(document))
    return "\n\n".join(blocks) + "\n"


def write_markdown(document: BriefingDocument, path: Path) -> None:
    write_text_atomically(path, render_markdown(document))
