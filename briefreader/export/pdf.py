"""Story building: a `Briefing` turned into the Platypus flowables of its PDF.

Order, all flowing on without forced page breaks (a briefing may ask for
each section to start a page): the first page (title, date, author,
handling, the scope in words, the key judgements), contents, charts, the
sections of excerpts, Sources, the appendix of groups and countries, and a
note on characters that could not be drawn, if any. Every string from a
document or from the analyst reaches a Paragraph only through the
`MarkupWriter`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table
from reportlab.platypus.flowables import BalancedColumns, HRFlowable

from briefreader.export.bidi_paragraph import BidiParagraph
from briefreader.export.canvas import PageInfo
from briefreader.export.flowables import AnchoredParagraph, CachedParagraph, TocEntry
from briefreader.export.fonts import SANS, describe
from briefreader.export.markup import MARKING, MUTED, MarkupWriter
from briefreader.export.overview import cover_lines, legend_text, no_trend_reason
from briefreader.export.pdf_charts import matrix_drawing, trend_drawing
from briefreader.export.pdf_excerpt import ExcerptPrinter
from briefreader.export.pdf_sources import excerpt_links, source_flowables
from briefreader.export.prepare import Prepared
from briefreader.export.quote_frags import QuoteFragments
from briefreader.export.styles import MARGIN_X, PAGE_SIZE, RULE, Styles

_BULLETS = ("- ", "* ", "• ")
_CONTROLS = frozenset(("Cc", "Cs", "Cf"))
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X


def plain_label(text: str) -> str:
    """`text` safe for PDF strings (outline, metadata): no controls or lone surrogates."""
    if text.isascii() and text.isprintable():
        return text
    if not any(unicodedata.category(c) in _CONTROLS for c in set(text)):
        return text  # typographic quotes and dashes: each character looked at once
    return "".join(
        "\ufffd" if unicodedata.category(c) in ("Cc", "Cs") and not c.isspace() else c
        for c in text
        if unicodedata.category(c) != "Cf"
    )


def _outline_text(text: str, limit: int = 80) -> str:
    """A one-line, plain label for the PDF outline (never markup)."""
    flat = " ".join(plain_label(text[: limit * 4]).split())  # a long quote: look at its start
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class StoryBuilder:
    """Builds the flowables of one briefing; one instance per export."""

    def __init__(
        self,
        prepared: Prepared,
        writer: MarkupWriter,
        info: PageInfo,
        styles: Styles,
        tick: Callable[[], None],
    ) -> None:
        self.prepared = prepared
        self.briefing = prepared.briefing
        self.w = writer
        self.info = info
        self.s = styles
        self.sources = prepared.sources
        self.facts = prepared.facts
        self._printer = ExcerptPrinter(
            writer, styles, self.sources, info, QuoteFragments(writer), tick
        )

    # -- helpers ---------------------------------------------------------
    def _heading(self, markup: str, key: str, outline: str, level: int = 0) -> AnchoredParagraph:
        style = self.s.h1 if level == 0 else self.s.h2
        return AnchoredParagraph(markup, style).anchor(
            key, _outline_text(outline), level, self.info
        )

    def _toc(self, key: str, markup: str, sub: bool = False) -> TocEntry:
        self.info.toc_keys.append(key)
        style = self.s.toc_sub if sub else self.s.toc
        return TocEntry(BidiParagraph(markup, style, direction="ltr"), key)

    def _paragraphs(self, text: str, place: str) -> list[Flowable]:
        """Analyst prose (summary, comments): blank-line paragraphs, bullets."""
        self.w.place = place
        out: list[Flowable] = []
        for block in text.replace("\r\n", "\n").split("\n\n"):
            lines = [line for line in block.split("\n") if line.strip()]
            if not lines:
                continue
            if all(line.lstrip().startswith(_BULLETS) for line in lines):
                for line in lines:
                    item = line.lstrip()[2:].strip()
                    out.append(BidiParagraph(self.w.plain(item), self.s.bullet, bulletText="•"))
            else:
                out.append(BidiParagraph(self.w.plain(" ".join(lines)), self.s.body))
        return out

    # -- parts -------------------------------------------------------------
    def cover(self) -> list[Flowable]:
        """The first page: who, when, what was asked, how good the evidence is, and the BLUF."""
        b, s, w = self.briefing, self.s, self.w
        w.place = "cover"
        title = b.title or "Untitled briefing"
        out: list[Flowable] = [Spacer(1, 6), BidiParagraph("BRIEFING", s.cover_kicker)]
        out.append(
            AnchoredParagraph(w.plain(title), s.cover_title).anchor(
                "cover", _outline_text(title), 0, self.info
            )
        )
        rows = []
        for label, text in cover_lines(b, self.facts):
            value = w.plain(text)
            if label == "Handling":
                value = f'<font color="{MARKING}"><b>{value}</b></font>'
            rows.append(
                [BidiParagraph(label.upper(), s.cover_label), BidiParagraph(value, s.cover_meta)]
            )
        table = Table(rows, colWidths=[62, FRAME_WIDTH - 62], hAlign="LEFT")
        table.setStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), SANS),  # else the table declares Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
        out.append(table)
        if legend := legend_text(self.facts):
            out.append(Spacer(1, 4))
            out.append(BidiParagraph(w.plain(legend), s.note))
        out.append(HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=8, spaceAfter=2))
        if b.summary.strip():
            out.append(self._heading("Key judgements", "summary", "Key judgements"))
            out.extend(self._paragraphs(b.summary, "summary"))
        return out

    def contents(self) -> list[Flowable]:
        sections = self.briefing.sections
        if len(sections) < 2:
            return []  # one section: the outline is enough
        out: list[Flowable] = [self._heading("Contents", "contents", "Contents")]
        for index, section in enumerate(sections, start=1):
            self.w.place = f"section {index} title"
            count = len(section.excerpts)
            title = self.w.plain(section.title or f"Section {index}")
            label = f'{title} <font color="{MUTED}" size="8">({count})</font>'
            out.append(self._toc(f"sec{index}", f"{index}.\u2002{label}"))
        if self.sources.numbers:
            out.append(self._toc("sources", "Sources"))
        out.append(self._toc("appendix", "Appendix: groups and countries"))
        return out

    def charts(self) -> list[Flowable]:
        b, out = self.briefing, []
        trend = b.trend
        if "trend" in b.charts and trend is not None and len(trend.periods) > 1:
            out.append(CondPageBreak(230))
            out.append(self._heading("Groups over time", "chart_trend", "Chart: groups over time"))
            out.append(trend_drawing(trend, FRAME_WIDTH))
            caption = trend.basis + "."
            if trend.undated:
                caption += f" {trend.undated} undated excerpts are not shown."
            out.append(BidiParagraph(self.w.plain(caption), self.s.caption))
        if "matrix" in b.charts and b.co_mentions is not None:
            drawing = matrix_drawing(b.co_mentions, FRAME_WIDTH)
            out.append(CondPageBreak(drawing.height + 60))
            out.append(
                self._heading("Groups and countries", "chart_matrix", "Chart: groups and countries")
            )
            out.append(drawing)
            out.append(BidiParagraph(self.w.plain(b.co_mentions.basis + "."), self.s.caption))
        if "trend" in b.charts and (trend is None or len(trend.periods) < 2):
            out.append(BidiParagraph(self.w.plain(no_trend_reason(trend)), self.s.caption))
        return out

    def sections(self) -> list[Flowable]:
        out: list[Flowable] = []
        breaks = self.briefing.section_breaks
        for index, (section, items) in enumerate(self.prepared.sections, start=1):
            self.w.place = f"section {index} title"
            title = section.title or f"Section {index}"
            out.append(PageBreak() if breaks else CondPageBreak(110))
            out.append(self._heading(f"{index}.\u2002{self.w.plain(title)}", f"sec{index}", title))
            if not items:
                out.append(BidiParagraph("<i>No excerpts in this section.</i>", self.s.note))
            for item in items:
                outline = f"{item.number}. " + _outline_text(item.excerpt.quote, 60)
                out.append(self._printer.block(item, outline))
        return out

    def source_list(self) -> list[Flowable]:
        if not self.sources.numbers:
            return []
        out: list[Flowable] = [CondPageBreak(90)]
        out.append(self._heading("Sources", "sources", "Sources"))
        out.extend(source_flowables(self.sources, self.w, self.s))
        return out

    def appendix(self) -> list[Flowable]:
        out: list[Flowable] = [CondPageBreak(90)]
        out.append(self._heading("Appendix: groups and countries", "appendix", "Appendix"))
        index = self.prepared.index
        if not index:
            out.append(
                BidiParagraph("No group or country is named in these excerpts.", self.s.body)
            )
        for kind, heading in (("group", "Groups"), ("country", "Countries")):
            entries = [e for e in index if e.kind == kind]
            if not entries:
                continue
            out.append(
                self._heading(heading, f"app_{kind}", f"Appendix: {heading.lower()}", level=1)
            )
            paragraphs: list[Flowable] = []
            for entry in entries:
                self.w.place = f"appendix: {entry.name}"
                first, *more = excerpt_links(entry.numbers)
                noun = "excerpt" if len(entry.numbers) == 1 else "excerpts"
                # A left-to-right mark after each spelling keeps the list in English order
                # when a spelling is in Arabic script (bidi_paragraph.py).
                written = ", ".join(self.w.field(s) for s in entry.spellings)
                also = f" (written {written})" if entry.spellings else ""
                if entry.relation:
                    also += f' <font color="{MUTED}">· {self.w.plain(entry.relation)}</font>'
                paragraphs.append(
                    CachedParagraph(
                        f"<b>{self.w.plain(entry.name)}</b>{also}\u2002"
                        f'<font color="{MUTED}">{len(entry.numbers)} {noun}:</font> {first}',
                        self.s.index,
                        direction="ltr",
                    )
                )
                paragraphs.extend(
                    CachedParagraph(part, self.s.index_cont, direction="ltr") for part in more
                )
            if len(entries) > 3:  # two balanced columns: a long index in half the height
                out.append(
                    BalancedColumns(
                        paragraphs, nCols=2, innerPadding=14, leftPadding=0, rightPadding=0
                    )
                )
            else:
                out.extend(paragraphs)
        return out

    def undrawable_note(self) -> list[Flowable]:
        """Say in the PDF itself which characters are shown as placeholders."""
        found = self.w.undrawable
        if not found.counts:
            return []
        out: list[Flowable] = [CondPageBreak(120)]
        out.append(
            self._heading("Characters that could not be printed", "undrawable", "Characters", 1)
        )
        out.append(
            BidiParagraph(
                "The embedded fonts cannot draw these characters. Each is shown in the text as "
                "[U+code]. Right-to-left scripts "
                "(Arabic, Hebrew) are among them: the PDF engine cannot order or join them.",
                self.s.note,
            )
        )
        for char, count in found.counts.items():
            where = ", ".join(found.places.get(char, [])[:8])
            out.append(
                BidiParagraph(
                    f"{describe(char)} × {count} ({self.w.plain(where)})",
                    self.s.note,
                )
            )
        return out

    def build(self) -> list[Flowable]:
        story = self.cover() + self.contents() + self.charts() + self.sections()
        story += self.source_list() + self.appendix()
        # Last, so that it sees every character converted above.
        story += self.undrawable_note()
        return story
