"""The PDF itself: page template, canvas, metadata, one layout pass.

The story comes from `StoryBuilder` (pdf.py); this module builds it into a
document on `BriefingCanvas` (canvas.py: headers, footers, "Page X of Y" in
one pass) and reports what the export produced.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.platypus import SimpleDocTemplate

from briefreader import __version__
from briefreader.export.canvas import BriefingCanvas, PageInfo
from briefreader.export.citations import format_date
from briefreader.export.fonts import SANS, FontError, describe, load_fonts
from briefreader.export.markup import MarkupWriter
from briefreader.export.model import Briefing
from briefreader.export.palette import load_palette
from briefreader.export.pdf import StoryBuilder, plain_label
from briefreader.export.prepare import MentionFinder, Prepared, prepare
from briefreader.export.results import ExportError, ExportResult, UndrawableChar
from briefreader.export.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_SIZE, styles

Progress = Callable[[int, int], None]


def _keywords(briefing: Briefing, prepared: Prepared) -> str:
    if briefing.keywords:
        return ", ".join(briefing.keywords)
    seen: dict[str, None] = {}
    for item in prepared.items:
        for mention in item.mentions:
            seen.setdefault(mention.canonical, None)
    return ", ".join(list(seen)[:40])


def render_pdf(
    briefing: Briefing,
    handle: IO[bytes],
    out: Path,
    report: Progress,
    finder: MentionFinder,
) -> ExportResult:
    """Lay out and write the PDF to `handle`; progress runs to `2 * excerpts + 1`."""
    try:
        fonts = load_fonts()
    except FontError as error:
        raise ExportError(str(error)) from error
    n = len(briefing.excerpts)
    total = 2 * n + 1
    looks = load_palette()
    country_fg = int(looks["country"].foreground[1:], 16)
    dotted = f"#{country_fg ^ 1:06x}"  # a colour nothing else uses: the dotted-underline cue
    writer = MarkupWriter(fonts, looks, dotted)
    footer = " · ".join(p for p in (briefing.title, format_date(briefing.date)) if p.strip())
    info = PageInfo(
        fonts=fonts,
        marking=" ".join(briefing.marking.split()),
        footer_left=" ".join(footer.split()),
        dotted=colors.HexColor(dotted),
    )
    laid_out = 0

    def tick() -> None:
        nonlocal laid_out
        laid_out += 1
        report(n + laid_out, total)

    report(0, total)
    prepared = prepare(briefing, finder, lambda done: report(done, total))
    story = StoryBuilder(prepared, writer, info, styles(), tick).build()
    doc = SimpleDocTemplate(
        handle,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=plain_label(briefing.title or "Untitled briefing"),
        author=plain_label(briefing.author),
        subject=plain_label(briefing.subject or f"Briefing: {briefing.marking}".rstrip(": ")),
        keywords=plain_label(_keywords(briefing, prepared)),
        creator=f"briefreader {__version__}",
        lang="en",
    )
    canvases: list[BriefingCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> BriefingCanvas:
        kwargs["initialFontName"] = SANS  # else ReportLab declares an unembedded Helvetica
        canvas = BriefingCanvas(*args, page_info=info, **kwargs)
        canvases.append(canvas)
        return canvas

    doc.build(story, canvasmaker=partial(make_canvas))
    pages = canvases[-1].getPageNumber() - 1 if canvases else 0
    report(total, total)
    found = writer.undrawable
    undrawable = tuple(
        UndrawableChar(char, describe(char), count, tuple(found.places.get(char, ())))
        for char, count in found.counts.items()
    )
    excerpts = briefing.excerpts
    return ExportResult(
        path=out,
        pages=pages,
        excerpts=n,
        size=handle.tell(),
        undrawable=undrawable,
        stale=sum(1 for e in excerpts if e.integrity == "stale"),
        orphaned=sum(1 for e in excerpts if e.integrity == "orphaned"),
        invisible=writer.invisible,
    )
