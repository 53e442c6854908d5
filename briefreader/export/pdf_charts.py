"""The briefing's charts as vector drawings (reportlab.graphics), readable without colour.

- `trend_drawing`: one line per group over the periods; each line has its
  own colour, dash pattern and marker, and the legend repeats all three, so
  a greyscale print still tells the lines apart.
- `matrix_drawing`: groups × countries, each cell shaded by its count and
  printing the count itself, so the shade is only a help.

Names drawn here are canonical gazetteer names, shortened to fit with an
ellipsis; the drawings contain no document text.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefreader.export.fonts import SANS, SANS_BOLD
from briefreader.export.model import CoMentions, Trend
from briefreader.export.styles import ACCENT, INK, MUTED, RULE

#: Okabe-Ito colours (distinguishable with the common colour-vision deficiencies).
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
DASHES: tuple[tuple[float, ...] | None, ...] = (None, (5, 2.5), (1.2, 2), (6, 2, 1.2, 2), (3, 3))
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
LABEL_SIZE = 7.0


def shorten(text: str, font: str, size: float, room: float) -> str:
    """`text` cut with an ellipsis to fit `room` points."""
    if stringWidth(text, font, size) <= room:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid].rstrip() + "…", font, size) <= room:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def nice_step(top: float, ticks: int = 4) -> int:
    """A round tick step (1, 2, 5 × 10^n) giving about `ticks` ticks up to `top`."""
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(1, int(factor * power))
    return max(1, int(10 * power))


def marker(kind: str, x: float, y: float, colour: colors.Color, size: float = 2.6) -> Group:
    group = Group()
    if kind == "circle":
        group.add(Circle(x, y, size, fillColor=colors.white, strokeColor=colour, strokeWidth=1))
    elif kind == "square":
        group.add(Rect(x - size, y - size, 2 * size, 2 * size, fillColor=colour, strokeWidth=0))
    elif kind == "triangle":
        points = [x - size, y - size, x + size, y - size, x, y + size * 1.1]
        group.add(Polygon(points, fillColor=colour, strokeWidth=0))
    elif kind == "diamond":
        points = [x, y + size * 1.2, x + size, y, x, y - size * 1.2, x - size, y]
        group.add(Polygon(points, fillColor=colors.white, strokeColor=colour, strokeWidth=1))
    else:
        group.add(Line(x - size, y - size, x + size, y + size, strokeColor=colour, strokeWidth=1.2))
        group.add(Line(x - size, y + size, x + size, y - size, strokeColor=colour, strokeWidth=1.2))
    return group


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = SANS  # else the renderer declares an unembedded Helvetica
    return drawing


def _text(x: float, y: float, text: str, **kw: object) -> String:
    kw.setdefault("fontName", SANS)
    kw.setdefault("fontSize", LABEL_SIZE)
    kw.setdefault("fillColor", MUTED)
    return String(x, y, text, **kw)


def trend_drawing(trend: Trend, width: float, height: float = 165.0) -> Drawing:
    """Lines of mentions per period, a legend on the right."""
    drawing = _drawing(width, height)
    legend_width = min(165.0, width * 0.34)
    left, bottom, top = 30.0, 24.0, 8.0
    plot_w = width - left - legend_width - 14
    plot_h = height - bottom - top
    peak = max((v for s in trend.series for v in s.values), default=0)
    step = nice_step(peak)
    ceiling = max(step, math.ceil(peak / step) * step)
    # Grid and y ticks.
    for value in range(0, ceiling + 1, step):
        y = bottom + plot_h * value / ceiling
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(_text(left - 4, y - 2.4, f"{value:,}", textAnchor="end"))
    drawing.add(Line(left, bottom, left, bottom + plot_h, strokeColor=MUTED, strokeWidth=0.6))
    count = len(trend.periods)
    xs = [left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2) for i in range(count)]
    # X labels: as many as fit without overlapping.
    widest = max((stringWidth(p, SANS, LABEL_SIZE) for p in trend.periods), default=1)
    every = max(1, math.ceil(count / max(1, plot_w // (widest + 8))))
    for i, label in enumerate(trend.periods):
        if i % every == 0:
            drawing.add(_text(xs[i], bottom - 11, label, textAnchor="middle"))
        drawing.add(Line(xs[i], bottom, xs[i], bottom - 2.5, strokeColor=MUTED, strokeWidth=0.5))
    # Series.
    for index, series in enumerate(trend.series):
        colour = colors.HexColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
        dash = DASHES[index % len(DASHES)]
        points = [
            coordinate
            for i, value in enumerate(series.values)
            for coordinate in (xs[i], bottom + plot_h * value / ceiling)
        ]
        if count > 1:
            drawing.add(PolyLine(points, strokeColor=colour, strokeWidth=1.4, strokeDashArray=dash))
        kind = MARKERS[index % len(MARKERS)]
        for i in range(count):
            drawing.add(marker(kind, points[2 * i], points[2 * i + 1], colour))
    # Legend: line sample, marker and name, one per row.
    x0 = width - legend_width
    row = 13.0
    y = bottom + plot_h - 6
    drawing.add(_text(x0, y + 6, "Mentions", fontName=SANS_BOLD, fillColor=INK))
    for index, series in enumerate(trend.series):
        y -= row
        colour = colors.HexColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
        dash = DASHES[index % len(DASHES)]
        drawing.add(
            Line(x0, y + 2.5, x0 + 22, y + 2.5, strokeColor=colour, strokeWidth=1.4,
                 strokeDashArray=dash)
        )  # fmt: skip
        drawing.add(marker(MARKERS[index % len(MARKERS)], x0 + 11, y + 2.5, colour))
        name = shorten(series.name, SANS, LABEL_SIZE + 0.5, legend_width - 30)
        total = sum(series.values)
        drawing.add(_text(x0 + 28, y, f"{name} ({total:,})", fontSize=LABEL_SIZE + 0.5,
                          fillColor=INK))  # fmt: skip
    return drawing


def matrix_drawing(co: CoMentions, width: float) -> Drawing:
    """A table of shaded cells with their counts; country names slanted over the columns."""
    label_width = min(170.0, width * 0.36)
    columns = max(1, len(co.columns))
    cell = min(26.0, (width - label_width - 40) / columns)
    header = min(78.0, max(stringWidth(c, SANS, LABEL_SIZE) for c in co.columns) * 0.72 + 12)
    height = header + cell * len(co.rows) + 4
    drawing = _drawing(width, height)
    peak = max((v for row in co.cells for v in row), default=0) or 1
    top = height - header
    for c, name in enumerate(co.columns):
        x = label_width + cell * c + cell / 2
        label = String(0, 0, shorten(name, SANS, LABEL_SIZE, 96), fontName=SANS,
                       fontSize=LABEL_SIZE, fillColor=INK)  # fmt: skip
        group = Group(label)
        group.translate(x - 2, top + 4)
        group.rotate(40)
        drawing.add(group)
    for r, name in enumerate(co.rows):
        y = top - cell * (r + 1)
        short = shorten(name, SANS, LABEL_SIZE + 0.5, label_width - 8)
        drawing.add(_text(label_width - 6, y + cell / 2 - 2.5, short, textAnchor="end",
                          fontSize=LABEL_SIZE + 0.5, fillColor=INK))  # fmt: skip
        for c, value in enumerate(co.cells[r]):
            x = label_width + cell * c
            share = value / peak
            fill = _shade(share)
            drawing.add(Rect(x, y, cell, cell, fillColor=fill, strokeColor=colors.white,
                             strokeWidth=1))  # fmt: skip
            ink = colors.white if share > 0.55 else INK
            shown = f"{value:,}" if value else "·"
            drawing.add(_text(x + cell / 2, y + cell / 2 - 2.6, shown, textAnchor="middle",
                              fontSize=LABEL_SIZE + 0.5, fillColor=ink if value else MUTED,
                              fontName=SANS_BOLD if value else SANS))  # fmt: skip
    return drawing


def _shade(share: float) -> colors.Color:
    """White to the accent colour, by share of the largest cell."""
    if share <= 0:
        return colors.HexColor("#f3f4f6")
    light = colors.HexColor("#dbe4ef")
    return colors.linearlyInterpolatedColor(light, ACCENT, 0, 1, min(1.0, share))
