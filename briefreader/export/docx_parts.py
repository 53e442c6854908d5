"""The Word styles, fields and XML details the DOCX renderer (docx.py) builds on.

python-docx covers paragraphs, runs and tables; borders, shading, page
fields and external hyperlinks need a little WordprocessingML, kept here so
that docx.py reads as the briefing's structure. Every string written goes
through `xml_text`: XML cannot hold most control characters, and a document
may contain them.
"""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_UNDERLINE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

ACCENT = RGBColor(0x1D, 0x3A, 0x5F)
MUTED = RGBColor(0x5B, 0x62, 0x70)
MARKING = RGBColor(0xA4, 0x16, 0x1A)
CLAIM = RGBColor(0x7A, 0x3E, 0x00)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` with the characters XML cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _style(doc: WordDocument, name: str, kind: WD_STYLE_TYPE, base: str | None) -> Any:
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, kind)
    if base is not None:
        style.base_style = styles[base]
    style.quick_style = True
    return style


def set_up_styles(doc: WordDocument, entity_colours: dict[str, str]) -> None:
    """Our paragraph and character styles, so an editor can restyle them all at once."""
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    for level, size in ((1, 14), (2, 11.5)):
        heading = doc.styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.font.color.rgb = ACCENT
        heading.paragraph_format.space_before = Pt(14 if level == 1 else 9)
        heading.paragraph_format.space_after = Pt(4)
    title = doc.styles["Title"]
    title.font.color.rgb = ACCENT
    title.font.size = Pt(24)

    quote = _style(doc, "Briefing Quote", WD_STYLE_TYPE.PARAGRAPH, "Normal")
    fmt = quote.paragraph_format
    fmt.left_indent, fmt.space_after = Mm(8), Pt(2)
    fmt.keep_with_next = True
    _border(quote, "left", "9aa5b4", 14)
    citation = _style(doc, "Briefing Citation", WD_STYLE_TYPE.PARAGRAPH, "Normal")
    citation.font.size, citation.font.color.rgb = Pt(8.5), MUTED
    citation.paragraph_format.left_indent = Mm(8)
    citation.paragraph_format.space_after = Pt(8)
    claim = _style(doc, "Briefing Claim", WD_STYLE_TYPE.PARAGRAPH, "Normal")
    claim.font.size, claim.font.bold, claim.font.color.rgb = Pt(8.5), True, CLAIM
    claim.paragraph_format.left_indent = Mm(8)
    claim.paragraph_format.keep_with_next = True
    claim.paragraph_format.space_after = Pt(1)
    comment = _style(doc, "Briefing Comment", WD_STYLE_TYPE.PARAGRAPH, "Normal")
    comment.font.size = Pt(9)
    comment.paragraph_format.left_indent = Mm(10)
    comment.paragraph_format.space_after = Pt(8)
    _shade_style(comment, "f1f3f6")
    small = _style(doc, "Briefing Note", WD_STYLE_TYPE.PARAGRAPH, "Normal")
    small.font.size, small.font.color.rgb = Pt(8.5), MUTED
    source = _style(doc, "Briefing Source", WD_STYLE_TYPE.PARAGRAPH, "Normal")
    source.font.size = Pt(9)
    source.paragraph_format.left_indent = Mm(7)
    source.paragraph_format.first_line_indent = Mm(-7)
    source.paragraph_format.space_after = Pt(3)

    group = _style(doc, "Group name", WD_STYLE_TYPE.CHARACTER, None)
    group.font.bold = True
    group.font.underline = True
    group.font.color.rgb = RGBColor.from_string(entity_colours["group"].lstrip("#").upper())
    country = _style(doc, "Country name", WD_STYLE_TYPE.CHARACTER, None)
    country.font.underline = WD_UNDERLINE.DOTTED
    country.font.color.rgb = RGBColor.from_string(entity_colours["country"].lstrip("#").upper())


def _border(style: BaseStyle, side: str, colour: str, size: int) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "8")):
        edge.set(qn(key), value)
    edge.set(qn("w:color"), colour)
    borders.append(edge)


def _shade_style(style: BaseStyle, fill: str) -> None:
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), fill)
    style.element.get_or_add_pPr().append(shade)


def shade_cell(cell: Any, fill: str) -> None:
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shade)


def set_widths(table: Any, widths: list[Any], size: float | None = None) -> None:
    """Fixed column widths (Word honours the cells' widths, LibreOffice the grid's);
    `size` sets every cell's text size, so that narrow columns don't break words."""
    table.autofit = False
    if size is not None:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width


#: What may follow w:bidi in a paragraph's properties (ECMA-376 order).
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def right_to_left(paragraph: Paragraph) -> None:
    """Mark a paragraph right-to-left (w:bidi): Word then starts it at the right margin.

    Word shapes and orders the letters itself; without the mark an Arabic quote
    would still read correctly but hang from the left.
    """
    paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES): Word fills in the number when it lays the page out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    value = OxmlElement("w:t")
    value.text = shown
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, value, end):
        run._r.append(element)


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """An external link (the caller checked it is a plain http(s) URL)."""
    part = paragraph.part
    rel = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1D3A5F")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(colour)
    props.append(underline)
    run.append(props)
    shown = OxmlElement("w:t")
    shown.text = xml_text(text)
    shown.set(qn("xml:space"), "preserve")
    run.append(shown)
    link.append(run)
    paragraph._p.append(link)


def page_setup(doc: WordDocument, marking: str, footer: str) -> None:
    """A4, the PDF's margins; the handling marking in header and footer; page X of Y."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    header = section.header.paragraphs[0]
    header.alignment = 1  # centre
    if marking:
        run = header.add_run(xml_text(marking))
        run.bold, run.font.size, run.font.color.rgb = True, Pt(8.5), MARKING
    foot = section.footer.paragraphs[0]
    if marking:
        run = foot.add_run(xml_text(marking))
        run.bold, run.font.size, run.font.color.rgb = True, Pt(8.5), MARKING
        foot.add_run("\n")
    tail = foot.add_run(xml_text(f"{footer}    Page ") if footer else "Page ")
    tail.font.size = Pt(8)
    add_field(foot, "PAGE")
    foot.add_run(" of ").font.size = Pt(8)
    add_field(foot, "NUMPAGES")
    foot.alignment = 1


class BodyWriter:
    """Appends paragraphs and runs in constant time, styles resolved once.

    python-docx looks a style up by name on every use (a scan of all styles)
    and inserts each paragraph before the section properties by searching
    the body for them: a 5,000-excerpt briefing spent minutes on that. Here
    style ids are cached and paragraphs go in before a remembered `sectPr`.
    """

    def __init__(self, doc: WordDocument) -> None:
        self._doc = doc
        self._body = doc._body
        self._end = doc.element.body.sectPr
        self._ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = self._doc.styles[name].style_id
        return found

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self._doc.element.body.append(element)
        paragraph = Paragraph(element, self._body)
        if style is not None:
            element.style = self.style_id(style)
        if text:
            paragraph.add_run(text)
        return paragraph

    def run(self, paragraph: Paragraph, text: str, style: str | None = None) -> Any:
        run = paragraph.add_run(text)
        if style is not None:
            run._r.style = self.style_id(style)
        return run
