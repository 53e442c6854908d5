"""The page canvas: running header and footer, "Page X of Y", contents page numbers.

Everything here is laid out in ONE pass. Numbers that are unknown while a
page is drawn (the total page count, the page each contents entry points
to) are drawn as PDF form XObjects that are referenced at once and defined
in `save()`, when the numbers are known. This avoids `multiBuild`'s second
layout pass, which would double the cost of a 5,000-excerpt briefing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefreader.export.bidi_layout import Look, Piece, draw_line, pieces_of
from briefreader.export.fonts import FALLBACK, SANS, SANS_BOLD, FontSet, RunKind
from briefreader.export.markup import placeholder
from briefreader.export.pdf_links import quick_link
from briefreader.export.quick_text import QuickText
from briefreader.export.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MARKING, MUTED, RULE

TOTAL_FORM = "brTotalPages"
NUMBER_BOX = 40.0  # width of a contents page-number form; numbers are right-aligned in it


def toc_form(key: str) -> str:
    return f"brToc_{key}"


@dataclass
class PageInfo:
    """What the canvas needs from the story, shared with the flowables."""

    fonts: FontSet
    marking: str
    footer_left: str
    dotted: colors.Color  # underlines in exactly this colour are drawn dotted
    pages: dict[str, int] = field(default_factory=dict)  # contents key -> page number
    toc_keys: list[str] = field(default_factory=list)


def draw_runs(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, fonts: FontSet
) -> float:
    """Draw `text` with fallback-font runs and placeholders; returns the width drawn."""
    runs = fonts.runs(text)
    if any(kind == "rtl" for kind, _ in runs):
        pieces = _bidi_pieces(runs, font, size)
        draw_line(canvas, pieces, range(len(pieces)), x, y)
        return sum(p.width for p in pieces)
    start = x
    for kind, run in runs:
        if kind == "invisible":
            continue
        face = {"primary": font, "fallback": FALLBACK}.get(kind, FALLBACK)
        shown = "".join(placeholder(c) for c in run) if kind == "missing" else run
        canvas.setFont(face, size)
        canvas.drawString(x, y, shown)
        x += stringWidth(shown, face, size)
    return x - start


def _bidi_pieces(runs: list[tuple[RunKind, str]], font: str, size: float) -> list[Piece]:
    """A line holding right-to-left text, as pieces in logical order (bidi_layout.py)."""
    shown = "".join(
        "".join(placeholder(c) for c in run) if kind == "missing" else run
        for kind, run in runs
        if kind != "invisible"
    )
    return pieces_of(shown, [Look(font, size)] * len(shown))[1]


def runs_width(text: str, font: str, size: float, fonts: FontSet) -> float:
    width = 0.0
    runs = fonts.runs(text)
    if any(kind == "rtl" for kind, _ in runs):
        return sum(p.width for p in _bidi_pieces(runs, font, size))
    for kind, run in runs:
        if kind == "primary":
            width += stringWidth(run, font, size)
        elif kind == "fallback":
            width += stringWidth(run, FALLBACK, size)
        elif kind == "missing":
            width += stringWidth("".join(placeholder(c) for c in run), FALLBACK, size)
    return width


def fit(text: str, font: str, size: float, fonts: FontSet, room: float) -> str:
    """`text`, shortened with an ellipsis until it fits in `room` points."""
    if runs_width(text, font, size, fonts) <= room:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if runs_width(text[:mid].rstrip() + "…", font, size, fonts) <= room:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…" if low else ""


class BriefingCanvas(Canvas):
    """A canvas that decorates each page as it is finished."""

    def __init__(self, *args: Any, page_info: PageInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._info = page_info
        self._marking_defined = False
        self._marking_width = 0.0

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """Draw underlines in the sentinel colour dotted (ReportLab has no dotted `<u>`)."""
        if self._strokeColorObj == self._info.dotted:
            self.saveState()
            self.setDash([0.9, 1.6], 0)
            self.setLineCap(1)
            super().line(x1, y1, x2, y2)
            self.restoreState()
        else:
            super().line(x1, y1, x2, y2)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> QuickText:
        """The text object paragraphs draw with: ReportLab's, quicker (quick_text.py)."""
        return QuickText(self, x, y, direction=direction)

    def stringWidth(self, text: str, fontName: str | None = None, fontSize: Any = None) -> float:
        """ReportLab's, calling the font object at once (a drawn run of text asks each time)."""
        size = self._fontsize if fontSize is None else fontSize
        width: float = getFont(fontName or self._fontname).stringWidth(text, size)
        return width

    def linkRect(
        self,
        contents: str,
        destinationname: str,
        Rect: Any = None,
        addtopage: int = 1,
        name: str | None = None,
        relative: int = 1,
        thickness: float = 0,
        color: Any = None,
        dashArray: Any = None,
        **kw: Any,
    ) -> Any:
        """A plain internal link as a `QuickLink` (pdf_links.py); anything else as ReportLab's."""
        if kw or color or dashArray or thickness or name or not addtopage:
            return super().linkRect(
                contents,
                destinationname,
                Rect,
                addtopage,
                name,
                relative,
                thickness,
                color,
                dashArray,
                **kw,
            )
        return quick_link(self, contents, destinationname, Rect, relative)

    def _define_marking(self) -> None:
        info = self._info
        width, _ = self._pagesize
        self.beginForm("brMarking")
        w = self._marking_width = runs_width(info.marking, SANS_BOLD, 8.5, info.fonts)
        if info.marking:
            size = 8.5
            self.setFillColor(MARKING)
            draw_runs(self, (width - w) / 2, 0, info.marking, SANS_BOLD, size, info.fonts)
        self.endForm()
        self._marking_defined = True

    def showPage(self) -> None:
        self._decorate()
        super().showPage()

    def _decorate(self) -> None:
        if not self._marking_defined:
            self._define_marking()
        width, height = self._pagesize
        info = self._info
        self.saveState()
        header_y = height - MARGIN_TOP + 14
        footer_y = MARGIN_BOTTOM - 20
        self.translate(0, header_y)
        self.doForm("brMarking")
        self.translate(0, footer_y - header_y)
        self.doForm("brMarking")
        self.translate(0, -footer_y)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, header_y - 5, width - MARGIN_X, header_y - 5)
        self.line(MARGIN_X, footer_y + 11, width - MARGIN_X, footer_y + 11)
        self.setFillColor(MUTED)
        if info.footer_left:
            room = width / 2 - self._marking_width / 2 - MARGIN_X - 12
            left = fit(info.footer_left, SANS, 7.5, info.fonts, room)
            draw_runs(self, MARGIN_X, footer_y, left, SANS, 7.5, info.fonts)
        label = f"Page {self.getPageNumber()} of "
        x = width - MARGIN_X - stringWidth(f"Page {self.getPageNumber()} of 0000", SANS, 7.5)
        self.setFont(SANS, 7.5)
        self.drawString(x, footer_y, label)
        self.translate(x + stringWidth(label, SANS, 7.5), footer_y)
        self.doForm(TOTAL_FORM)
        self.restoreState()

    def _define_numbers(self) -> None:
        total = self._pageNumber - 1  # showPage has advanced past the last page
        self.beginForm(TOTAL_FORM)
        self.setFillColor(MUTED)
        self.setFont(SANS, 7.5)
        self.drawString(0, 0, str(total))
        self.endForm()
        for key in self._info.toc_keys:
            page = self._info.pages.get(key)
            self.beginForm(toc_form(key))
            self.setFillColor(MUTED)
            self.setFont(SANS, 10)
            self.drawRightString(NUMBER_BOX, 0, str(page) if page else "–")
            self.endForm()

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        self._define_numbers()
        super().save()
