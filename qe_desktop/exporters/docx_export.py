"""The briefing note as a Word document (python-docx), A4, in French.

Highlights are run shading (`w:shd` filled with the category colour) rather than
Word's highlighter, which only knows sixteen colours; notes follow their
paragraph, numbered like footnotes, their Markdown drawn as Word's own bold,
italic, lists and hyperlinks; commitments are a real table that the office can
sort or paste elsewhere, its columns as wide as their words need.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from qe_desktop.exporters.atomic import write_atomically
from qe_desktop.exporters.commitment_table import EMPTY, TITLE
from qe_desktop.exporters.document import (
    BriefingDocument,
    Note,
    Paragraph,
    QuestionBlock,
    Section,
)
from qe_desktop.exporters.note_markup import Block, Span, note_blocks

GREY = RGBColor(0x59, 0x59, 0x59)
LINK_BLUE = "0563C1"
HEADER_FILL = "#d9e2f3"
TEXT_WIDTH_CM = 17.0  # A4 less two 2 cm margins
CHAR_CM = 0.2  # an average character at 9 pt, a little generous
_AFTER_SHD = (
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)

_AFTER_CELL_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)


def _fill(color: str) -> str:
    return color.lstrip("#").upper()


def shade_run(run: DocxRun, color: str) -> None:
    """Background of a run in any colour: `<w:shd w:val="clear" w:fill="F4A261"/>`."""
    properties = run._r.get_or_add_rPr()
    shading = OxmlElement(
        "w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): _fill(color)}
    )
    properties.insert_element_before(shading, *_AFTER_SHD)


def shade_cell(cell: _Cell, color: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement(
        "w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): _fill(color)}
    )
    properties.insert_element_before(shading, *_AFTER_CELL_SHD)


def add_hyperlink(
    paragraph: DocxParagraph, url: str, text: str, *, bold: bool = False, italic: bool = False
) -> None:
    """A clickable link (python-docx has no public API for one)."""
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink", {qn("r:id"): relation})
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    if bold:
        properties.append(OxmlElement("w:b"))
    if italic:
        properties.append(OxmlElement("w:i"))
    properties.append(OxmlElement("w:color", {qn("w:val"): LINK_BLUE}))
    properties.append(OxmlElement("w:u", {qn("w:val"): "single"}))
    run.append(properties)
    text_element = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _set_french(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    properties = normal.element.get_or_add_rPr()
    language = OxmlElement("w:lang", {qn("w:val"): "fr-FR"})
    properties.insert_element_before(language, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _page_setup(document: DocxDocument) -> None:
    for section in document.sections:
        section.page_width = Mm(210)
        section.page_height = Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2))


def _grey(paragraph: DocxParagraph, text: str, *, italic: bool = True) -> None:
    run = paragraph.add_run(text)
    run.italic = italic
    run.font.color.rgb = GREY


def _fields(document: DocxDocument, block: QuestionBlock) -> None:
    table: Table = document.add_table(rows=len(block.fields), cols=2)
    for row, field in zip(table.rows, block.fields, strict=True):
        label_cell, value_cell = row.cells
        label_cell.width = Cm(4)
        value_cell.width = Cm(13)
        label_cell.paragraphs[0].add_run(field.label).bold = True
        if block.link is not None and field.value == block.link:
            add_hyperlink(value_cell.paragraphs[0], block.link, block.link)
        else:
            value_cell.paragraphs[0].add_run(field.value)


def add_spans(paragraph: DocxParagraph, spans: tuple[Span, ...]) -> None:
    """Styled pieces of a note: bold, italic, hyperlinks."""
    for span in spans:
        if span.link:
            add_hyperlink(paragraph, span.link, span.text, bold=span.bold, italic=span.italic)
            continue
        run = paragraph.add_run(span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None


def _block_paragraph(document: DocxDocument, block: Block, indent: float) -> DocxParagraph:
    """One paragraph or list item of a note, a list item hanging after its marker."""
    paragraph = document.add_paragraph()
    step = 0.5 * block.depth
    paragraph.paragraph_format.left_indent = Cm(indent + step + (0.5 if block.marker else 0))
    if block.marker:
        paragraph.paragraph_format.first_line_indent = Cm(-0.5)
        paragraph.add_run(f"{block.marker}\t")
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(indent + step + 0.5))
    add_spans(paragraph, block.spans)
    return paragraph


def _small(paragraph: DocxParagraph) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(9)
    for link in paragraph._p.findall(qn("w:hyperlink")):
        for properties in link.iter(qn("w:rPr")):
            properties.append(OxmlElement("w:sz", {qn("w:val"): "18"}))


def _note(document: DocxDocument, note: Note) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = Cm(0.75)
    paragraph.paragraph_format.space_after = Pt(2)
    number = paragraph.add_run(f"{note.number}. ")
    number.bold = True
    label = paragraph.add_run(note.label)
    shade_run(label, note.color)
    paragraph.add_run(f" — « {note.quote} »").italic = True
    blocks = note_blocks(note.text) if note.text else ()
    rest = blocks
    if blocks and not blocks[0].marker:  # a first plain paragraph follows the quote
        paragraph.add_run(" — ")
        add_spans(paragraph, blocks[0].spans)
        rest = blocks[1:]
    if note.remarks and not rest:
        _grey(paragraph, f" ({note.remarks})")
    _small(paragraph)
    for block in rest:
        item = _block_paragraph(document, block, 0.75)
        item.paragraph_format.space_after = Pt(2)
        _small(item)
    if note.remarks and rest:
        remarks = document.add_paragraph()
        remarks.paragraph_format.left_indent = Cm(0.75)
        _grey(remarks, f"({note.remarks})")
        _small(remarks)


def _paragraph(document: DocxDocument, paragraph: Paragraph) -> None:
    target = document.add_paragraph()
    if paragraph.gap:
        _grey(target, paragraph.text)
        return
    target.paragraph_format.left_indent = Cm(0.5)
    for run in paragraph.runs:
        written = target.add_run(run.text)
        if run.highlight is not None:
            shade_run(written, run.highlight.color)
        for number in run.note_refs:
            reference = target.add_run(str(number))
            reference.font.superscript = True
            reference.bold = True
    for note in paragraph.notes:
        _note(document, note)


def _citation(document: DocxDocument, citation: str, link: str | None) -> None:
    """The JO reference, a link to the official page when there is one."""
    paragraph = document.add_paragraph()
    if link is None:
        _grey(paragraph, citation)
    else:
        add_hyperlink(paragraph, link, citation, italic=True)


def _section(document: DocxDocument, section: Section, link: str | None) -> None:
    document.add_heading(section.heading, level=2)
    _citation(document, section.citation, link)
    for paragraph in section.paragraphs:
        _paragraph(document, paragraph)


def _question(document: DocxDocument, block: QuestionBlock, *, new_page: bool) -> None:
    heading = document.add_heading(block.heading, level=1)
    heading.paragraph_format.page_break_before = new_page
    _citation(document, block.citation, block.link)
    _fields(document, block)
    for section in block.sections:
        _section(document, section, block.link)
    if block.demands is not None:
        from qe_desktop.exporters.coverage_table import docx_table

        docx_table(document, block.demands)
    if block.loose_notes:
        document.add_heading("Notes hors du texte reproduit", level=2)
        for note in block.loose_notes:
            _note(document, note)
    if block.free_note:
        document.add_heading("Note sur la question", level=2)
        for part in note_blocks(block.free_note):
            _block_paragraph(document, part, 0)


def commitments_table(document: DocxDocument, bundle: BriefingDocument) -> Table | None:
    heading = document.add_heading(TITLE, level=1)
    heading.paragraph_format.page_break_before = len(bundle.questions) > 1
    commitments = bundle.commitments_table
    if not commitments.rows:
        document.add_paragraph(EMPTY)
        return None
    table: Table = document.add_table(rows=1 + len(commitments.rows), cols=len(commitments.headers))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    shares = commitments.shares(TEXT_WIDTH_CM / CHAR_CM)
    widths = [Cm(TEXT_WIDTH_CM * share) for share in shares]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads
    for cell, header in zip(table.rows[0].cells, commitments.headers, strict=True):
        run = cell.paragraphs[0].add_run(header)
        run.bold = True
        run.font.size = Pt(9)
        shade_cell(cell, HEADER_FILL)
    for row, cells in zip(table.rows[1:], commitments.rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.paragraphs[0].add_run(value).font.size = Pt(9)
    for row in table.rows:
        for cell, width, whole in zip(row.cells, widths, commitments.unbreakable, strict=True):
            cell.width = width  # each cell too, which Word reads
            if whole:
                _no_wrap(cell)
    return table


def _no_wrap(cell: _Cell) -> None:
    """`<w:noWrap/>`: Word keeps the cell's text (a date) on one line."""
    properties = cell._tc.get_or_add_tcPr()
    properties.insert_element_before(OxmlElement("w:noWrap"), *_AFTER_CELL_SHD[1:])


def _legend(document: DocxDocument, bundle: BriefingDocument) -> None:
    if not bundle.legend:
        return
    paragraph = document.add_paragraph()
    _grey(paragraph, "Surlignage : ", italic=False)
    for index, highlight in enumerate(bundle.legend):
        if index:
            paragraph.add_run(" ")
        shade_run(paragraph.add_run(f" {highlight.label} "), highlight.color)


def _properties(document: DocxDocument, bundle: BriefingDocument) -> None:
    properties = document.core_properties
    properties.title = bundle.title
    properties.subject = "Questions écrites parlementaires"
    properties.author = bundle.author or "qe-desktop"
    properties.last_modified_by = bundle.author or "qe-desktop"
    properties.keywords = "questions écrites; " + "; ".join(b.key for b in bundle.questions)
    properties.comments = "Note établie avec qe-desktop"
    properties.language = "fr-FR"
    created = bundle.created.astimezone(UTC).replace(tzinfo=None)
    properties.created = created
    properties.modified = created


def build_docx(bundle: BriefingDocument) -> DocxDocument:
    document = Document()
    _page_setup(document)
    _set_french(document)
    _properties(document, bundle)
    document.add_heading(bundle.title, level=0)
    _grey(document.add_paragraph(), bundle.subtitle)
    _legend(document, bundle)
    for index, block in enumerate(bundle.questions):
        _question(document, block, new_page=index > 0)
    if bundle.include_commitments:
        commitments_table(document, bundle)
    return document


def write_docx(bundle: BriefingDocument, path: Path) -> None:
    document = build_docx(bundle)
    write_atomically(path, lambda temporary: document.save(str(temporary)))
