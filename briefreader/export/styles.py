"""Paragraph styles and page geometry of a briefing, made once per process.

Building a `ParagraphStyle` is cheap but not free; an export of thousands of
excerpts reuses these objects rather than deriving styles per excerpt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefreader.export.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
QUOTE_INDENT = 24  # room in the gutter for the excerpt's number
BAR_X = 17  # the quote bar's distance from the frame's left edge

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5b6270")
RULE = colors.HexColor("#c9ced6")
ACCENT = colors.HexColor("#1d3a5f")
MARKING = colors.HexColor("#a4161a")
CLAIM = colors.HexColor("#7a3e00")
COMMENT_BG = colors.HexColor("#f1f3f6")
BAR = {
    "ok": colors.HexColor("#9aa5b4"),
    "unchecked": colors.HexColor("#9aa5b4"),
    "stale": colors.HexColor("#c77700"),
    "orphaned": colors.HexColor("#b3261e"),
}
FLAG = {"stale": "#8a5300", "orphaned": "#b3261e"}


@dataclass(frozen=True, slots=True)
class Styles:
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_meta: ParagraphStyle
    cover_label: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    toc: ParagraphStyle
    toc_sub: ParagraphStyle
    label: ParagraphStyle
    claim: ParagraphStyle
    quote: ParagraphStyle
    quote_para: ParagraphStyle
    quote_cont: ParagraphStyle
    citation: ParagraphStyle
    comment: ParagraphStyle
    comment_cont: ParagraphStyle
    flag: ParagraphStyle
    source: ParagraphStyle
    source_cont: ParagraphStyle
    index: ParagraphStyle
    index_cont: ParagraphStyle
    note: ParagraphStyle
    caption: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The styles; fonts must be registered first (`fonts.load_fonts`)."""
    body = ParagraphStyle(
        "body", fontName=SERIF, fontSize=10, leading=14, textColor=INK, spaceAfter=5
    )
    sans = ParagraphStyle("sans", fontName=SANS, fontSize=9, leading=12.5, textColor=INK)
    quote = ParagraphStyle(
        "quote",
        parent=body,
        leftIndent=QUOTE_INDENT,
        rightIndent=4,
        spaceBefore=0,
        spaceAfter=0,
        alignment=TA_LEFT,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )
    source = ParagraphStyle(
        "source",
        parent=sans,
        fontSize=8.5,
        leading=11.5,
        leftIndent=20,
        firstLineIndent=-20,
        spaceAfter=4,
        splitLongWords=1,
    )
    index = ParagraphStyle(
        "index", parent=sans, fontSize=8.5, leading=11.5, spaceAfter=3, splitLongWords=1
    )
    comment = ParagraphStyle(
        "comment",
        parent=sans,
        fontSize=8.5,
        leading=11.5,
        leftIndent=QUOTE_INDENT + 4,
        rightIndent=4,
        backColor=COMMENT_BG,
        borderPadding=(3, 5, 3, 5),
        spaceBefore=7,
        spaceAfter=3,
        splitLongWords=1,
    )
    return Styles(
        cover_kicker=ParagraphStyle(
            "kicker", parent=sans, fontName=SANS_BOLD, fontSize=9, textColor=MUTED, spaceAfter=10
        ),
        cover_title=ParagraphStyle(
            "cover_title",
            fontName=SERIF_BOLD,
            fontSize=22,
            leading=26.5,
            textColor=ACCENT,
            spaceAfter=10,
            splitLongWords=1,
        ),
        cover_meta=ParagraphStyle("cover_meta", parent=sans, fontSize=9.5, leading=13),
        cover_label=ParagraphStyle(
            "cover_label", parent=sans, fontName=SANS_BOLD, fontSize=8, leading=13, textColor=MUTED
        ),
        h1=ParagraphStyle(
            "h1",
            fontName=SANS_BOLD,
            fontSize=13,
            leading=16.5,
            textColor=ACCENT,
            spaceBefore=16,
            spaceAfter=6,
            keepWithNext=1,
            splitLongWords=1,
        ),
        h2=ParagraphStyle(
            "h2",
            fontName=SANS_BOLD,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        body=body,
        bullet=ParagraphStyle(
            "bullet", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=3, bulletFontName=SERIF
        ),
        toc=ParagraphStyle(
            "toc", parent=sans, fontSize=9.5, leading=13.5, rightIndent=36, endDots=" . "
        ),
        toc_sub=ParagraphStyle(
            "toc_sub",
            parent=sans,
            fontSize=9.5,
            leading=14,
            leftIndent=14,
            rightIndent=36,
            textColor=MUTED,
            endDots=" . ",
        ),
        label=ParagraphStyle(
            "label",
            parent=sans,
            fontName=SANS_BOLD,
            fontSize=8,
            leading=11,
            textColor=MUTED,
            spaceBefore=12,
            spaceAfter=3,
        ),
        claim=ParagraphStyle(
            "claim",
            parent=sans,
            fontName=SANS_BOLD,
            fontSize=8,
            leading=10.5,
            textColor=CLAIM,
            leftIndent=QUOTE_INDENT,
            spaceBefore=9,
            spaceAfter=2,
            splitLongWords=1,
        ),
        quote=quote,
        # A quote's later paragraphs: a small gap; chunks of one long paragraph: none.
        quote_para=ParagraphStyle("quote_para", parent=quote, spaceBefore=4),
        quote_cont=ParagraphStyle("quote_cont", parent=quote, spaceBefore=0),
        citation=ParagraphStyle(
            "citation",
            parent=sans,
            fontSize=8,
            leading=10.5,
            textColor=MUTED,
            leftIndent=QUOTE_INDENT,
            spaceBefore=2.5,
            splitLongWords=1,
        ),
        comment=comment,
        # Later paragraphs of a comment: the same tint, no gap, so it reads as one note.
        comment_cont=ParagraphStyle("comment_cont", parent=comment, spaceBefore=0, spaceAfter=4),
        flag=ParagraphStyle(
            "flag",
            parent=sans,
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=11.5,
            leftIndent=QUOTE_INDENT,
            spaceAfter=3,
        ),
        source=source,
        # Continuations of a long list of excerpt links: no gap, no hanging indent.
        source_cont=ParagraphStyle("source_cont", parent=source, firstLineIndent=0, spaceBefore=-4),
        index=index,
        index_cont=ParagraphStyle("index_cont", parent=index, leftIndent=12, spaceBefore=-3),
        note=ParagraphStyle(
            "note", parent=sans, fontSize=8.5, leading=11.5, textColor=MUTED, alignment=TA_LEFT
        ),
        caption=ParagraphStyle(
            "caption",
            parent=sans,
            fontSize=7.5,
            leading=10,
            textColor=MUTED,
            spaceBefore=2,
            spaceAfter=6,
        ),
    )
