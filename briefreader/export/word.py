"""A briefing as a Word document (python-docx), for editing before it goes out.

Same structure as the PDF: first-page facts and key judgements, charts as
tables (a table is what an editor can change), numbered sections of quotes
with their short citations and comments, Sources and the index of names.
Everything uses named styles ("Briefing Quote", "Group name", ...), so a
house style is applied by changing the styles, not every paragraph. A quote
keeps with its citation (Word's "keep with next").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO

from docx import Document
from docx.document import Document as WordDocument
from docx.shared import Mm, Pt

from briefreader.export.bidi import has_rtl, paragraph_level
from briefreader.export.citations import (
    format_date,
    grade_code,
    ranges_text,
    short_citation,
    version_text,
)
from briefreader.export.docx_parts import (
    MARKING,
    MUTED,
    BodyWriter,
    add_hyperlink,
    page_setup,
    right_to_left,
    set_up_styles,
    set_widths,
    shade_cell,
    xml_text,
)
from briefreader.export.markup import highlight_pieces
from briefreader.export.model import CoMentions, Trend
from briefreader.export.overview import cover_lines, legend_text
from briefreader.export.palette import load_palette
from briefreader.export.prepare import Prepared, PreparedExcerpt

_BULLETS = ("- ", "* ", "• ")
_CHARACTER_STYLE = {"group": "Group name", "country": "Country name"}


_RTL_LETTER = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
#: A stretch of right-to-left text, spaces and marks inside it included.
_RTL_RUN = re.compile(f"([{_RTL_LETTER}](?:[{_RTL_LETTER}\u200c\u200d ]*[{_RTL_LETTER}])?)")


def _text(text: str) -> str:
    return xml_text(" ".join(text.split()))


def _prose(doc: WordDocument, w: BodyWriter, text: str) -> None:
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith(_BULLETS) for line in lines):
            for line in lines:
                w.paragraph(_text(line.lstrip()[2:]), style="List Bullet")
        else:
            w.paragraph(_text(" ".join(lines)))


def _cover(doc: WordDocument, w: BodyWriter, prepared: Prepared) -> None:
    b = prepared.briefing
    kicker = w.paragraph()
    run = kicker.add_run("BRIEFING")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(8.5), MUTED
    w.paragraph(_text(b.title or "Untitled briefing"), style="Title")
    table = doc.add_table(rows=0, cols=2)
    for label, text in cover_lines(b, prepared.facts):
        cells = table.add_row().cells
        head = cells[0].paragraphs[0].add_run(label.upper())
        head.bold, head.font.size, head.font.color.rgb = True, Pt(8), MUTED
        value = cells[1].paragraphs[0].add_run(_text(text))
        if label == "Handling":
            value.bold, value.font.color.rgb = True, MARKING
    set_widths(table, [Mm(26), Mm(144)])
    if legend := legend_text(prepared.facts):
        w.paragraph(_text(legend), style="Briefing Note")
    if b.summary.strip():
        w.paragraph("Key judgements", "Heading 1")
        _prose(doc, w, b.summary)


def _trend(doc: WordDocument, w: BodyWriter, trend: Trend) -> None:
    w.paragraph("Groups over time", "Heading 1")
    table = doc.add_table(rows=1, cols=1 + len(trend.series))
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = "Period"
    for i, series in enumerate(trend.series, start=1):
        header[i].text = _text(series.name)
    for p, period in enumerate(trend.periods):
        cells = table.add_row().cells
        cells[0].text = _text(period)
        for i, series in enumerate(trend.series, start=1):
            cells[i].text = f"{series.values[p]:,}"
    set_widths(table, [Mm(24)] + [Mm(146 / max(1, len(trend.series)))] * len(trend.series), 8.5)
    note = trend.basis + "."
    if trend.undated:
        note += f" {trend.undated} undated excerpts are not counted."
    w.paragraph(_text(note), style="Briefing Note")


def _matrix(doc: WordDocument, w: BodyWriter, co: CoMentions) -> None:
    w.paragraph("Groups and countries", "Heading 1")
    table = doc.add_table(rows=1, cols=1 + len(co.columns))
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = "Group"
    for c, name in enumerate(co.columns, start=1):
        header[c].text = _text(name)
    peak = max((v for row in co.cells for v in row), default=0) or 1
    for r, name in enumerate(co.rows):
        cells = table.add_row().cells
        cells[0].text = _text(name)
        for c, value in enumerate(co.cells[r], start=1):
            cells[c].text = f"{value:,}" if value else "·"
            if value:  # the shade helps; the number says it
                level = int(240 - 70 * value / peak)  # light enough for black digits
                shade_cell(cells[c], f"{level - 16:02x}{level - 6:02x}{level:02x}")
    column = Mm(min(16.0, 122 / max(1, len(co.columns))))
    set_widths(table, [Mm(48)] + [column] * len(co.columns), size=7.5)
    w.paragraph(_text(co.basis + "."), style="Briefing Note")


def _excerpt(doc: WordDocument, w: BodyWriter, item: PreparedExcerpt, prepared: Prepared) -> None:
    e = item.excerpt
    if e.claimant.strip():
        w.paragraph(_text(f"CLAIM · {e.claimant}"), style="Briefing Claim")
    if e.integrity in ("stale", "orphaned"):
        note = e.integrity_note or "the quote could not be verified"
        flag = w.paragraph(style="Briefing Claim")
        flag_run = flag.add_run(_text(f"{e.integrity.upper()}: {note}."))
        flag_run.font.color.rgb = MARKING
    offset = 0
    for index, part in enumerate(e.quote.split("\n\n")):
        paragraph = w.paragraph(style="Briefing Quote")
        paragraph.paragraph_format.keep_together = True
        if paragraph_level(part):
            right_to_left(paragraph)
        if index == 0:
            number = paragraph.add_run(f"{item.number}  ")
            number.bold, number.font.size, number.font.color.rgb = True, Pt(8), MUTED
        for kind, piece in highlight_pieces(part, item.mentions, offset):
            for part_text in _RTL_RUN.split(piece):
                if part_text:
                    run = w.run(paragraph, xml_text(part_text), _CHARACTER_STYLE.get(kind or ""))
                    if has_rtl(part_text):
                        run.font.rtl = True  # a complex-script run: Word shapes it
        offset += len(part) + 2
    citation = w.paragraph(style="Briefing Citation")
    c = e.citation
    if c is None or not c.document_id:
        citation.add_run("— source not recorded").italic = True
    else:
        citation.add_run("— " + _text(", ".join(short_citation(c, with_grade=False))))
        if grade := grade_code(c.reliability, e.credibility):
            citation.add_run(" · ")
            citation.add_run(grade).bold = True
        citation.add_run(f"  [{prepared.sources.number_of(c)}]")
    comments = [" ".join(b.split()) for b in e.comment.replace("\r\n", "\n").split("\n\n")]
    for index, block in enumerate(b for b in comments if b):
        paragraph = w.paragraph(style="Briefing Comment")
        if index == 0:
            paragraph.add_run("Analyst comment  ").bold = True
        paragraph.add_run(xml_text(block))


def _sources(doc: WordDocument, w: BodyWriter, prepared: Prepared) -> None:
    entries = prepared.sources.entries()
    if not entries:
        return
    w.paragraph("Sources", "Heading 1")
    for entry in entries:
        p = w.paragraph(style="Briefing Source")
        p.add_run(f"[{entry.number}]  ")
        if entry.author:
            p.add_run(_text(entry.author.rstrip(".") + ". "))
        p.add_run(_text(f"“{entry.title.rstrip('.')}.” "))
        if entry.publisher:
            p.add_run(_text(entry.publisher)).italic = True
            p.add_run(", ")
        p.add_run(_text(entry.date) + ". ")
        if entry.url:
            add_hyperlink(p, entry.url, entry.url)
            p.add_run(" ")
        if entry.reliability:
            p.add_run(_text(f"Reliability {entry.reliability}. ")).bold = True
        if entry.versions:
            listed = "; ".join(version_text(v) for v in entry.versions)
            p.add_run(_text(f"Other versions of this story: {listed}. "))
        noun = "excerpt" if len(entry.cited_by) == 1 else "excerpts"
        cited = p.add_run(f"Cited in {noun} {ranges_text(entry.cited_by)}.")
        cited.font.color.rgb = MUTED


def _appendix(doc: WordDocument, w: BodyWriter, prepared: Prepared) -> None:
    w.paragraph("Appendix: groups and countries", "Heading 1")
    if not prepared.index:
        w.paragraph("No group or country is named in these excerpts.")
    for kind, heading in (("group", "Groups"), ("country", "Countries")):
        entries = [e for e in prepared.index if e.kind == kind]
        if entries:
            w.paragraph(heading, "Heading 2")
        for entry in entries:
            p = w.paragraph(style="Briefing Source")
            p.add_run(_text(entry.name)).bold = True
            if entry.spellings:
                p.add_run(_text(f" (written {', '.join(entry.spellings)})"))
            if entry.relation:
                p.add_run(_text(f" · {entry.relation}")).font.color.rgb = MUTED
            noun = "excerpt" if len(entry.numbers) == 1 else "excerpts"
            p.add_run(f": {noun} {ranges_text(entry.numbers)}").font.color.rgb = MUTED


def render_docx(
    prepared: Prepared, handle: IO[bytes], tick: Callable[[], None] = lambda: None
) -> None:
    """Write the briefing as a .docx to `handle`; `tick()` after each excerpt."""
    b = prepared.briefing
    doc = Document()
    looks = load_palette()
    set_up_styles(doc, {kind: look.foreground for kind, look in looks.items()})
    footer = " · ".join(p for p in (b.title, format_date(b.date)) if p.strip())
    page_setup(doc, _text(b.marking), _text(footer))
    w = BodyWriter(doc)
    props = doc.core_properties
    props.title = _text(b.title or "Untitled briefing")[:250]
    props.author = _text(b.author)[:250]
    props.subject = _text(b.subject or b.marking)[:250]
    props.keywords = _text(", ".join(b.keywords))[:250]
    props.comments = "Exported by briefreader"
    _cover(doc, w, prepared)
    if "trend" in b.charts and b.trend is not None and len(b.trend.periods) > 1:
        _trend(doc, w, b.trend)
    if "matrix" in b.charts and b.co_mentions is not None:
        _matrix(doc, w, b.co_mentions)
    for index, (section, items) in enumerate(prepared.sections, start=1):
        heading = w.paragraph(_text(f"{index}. {section.title or f'Section {index}'}"), "Heading 1")
        heading.paragraph_format.page_break_before = b.section_breaks
        if not items:
            w.paragraph("No excerpts in this section.", style="Briefing Note")
        for item in items:
            _excerpt(doc, w, item, prepared)
            tick()
    _sources(doc, w, prepared)
    _appendix(doc, w, prepared)
    doc.save(handle)
