"""The timeline chart: one line per entity over weeks or months, drawn with QPainter.

Why not a charting library, measured on this machine for five series over
six years of weeks (313 points each): QtCharts (in PySide6-Addons) imports
in 8-34 ms and draws in 29-39 ms, but it is licensed GPL-3 or commercial
only, which an MIT project cannot ship; pyqtgraph (MIT) costs 0.6-1.1 s to
import (numpy) and 180-290 ms for a first draw. Drawn here with QPainter it
needs no dependency and no import, and draws in about 20 ms unloaded
(tests/benchmarks/test_bench_analysis_ui.py measures it).

Every series differs by more than colour: its own dash pattern and marker
shape, repeated in the legend, and the chosen period's values are written
out in words under the chart. Colours are the Okabe-Ito palette (safe for
colour-blind readers), lightened on a dark background; axes and text take
the widget's palette, so the chart follows the light or dark theme.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from briefreader.analysis.trends import Timeline
from briefreader.ui.common.panes import claims_keys

#: Okabe-Ito, without its black (invisible on a dark background).
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "plus", "star")
_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End})
_PIECE = 8  # points per stroked piece of a series' line


def series_colour(index: int, *, dark: bool) -> QColor:
    colour = QColor(COLOURS[index % len(COLOURS)])
    return colour.lighter(135) if dark else colour


def nice_step(largest: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` gridlines."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def draw_marker(painter: QPainter, shape: str, at: QPointF, size: float) -> None:
    """A small filled shape (or a cross/plus stroke) centred on `at`."""
    x, y, r = at.x(), at.y(), size / 2
    if shape == "circle":
        painter.drawEllipse(at, r, r)
    elif shape == "square":
        painter.drawRect(QRectF(x - r, y - r, size, size))
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y + r), QPointF(x - r, y + r)])
        )
    elif shape == "diamond":
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])
        )
    elif shape == "cross":
        painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
        painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))
    elif shape == "plus":
        painter.drawLine(QPointF(x - r, y), QPointF(x + r, y))
        painter.drawLine(QPointF(x, y - r), QPointF(x, y + r))
    else:  # star: plus and cross
        draw_marker(painter, "plus", at, size)
        draw_marker(painter, "cross", at, size * 0.8)


class TimelineChart(QWidget):
    """Draws a `Timeline`; Left/Right (or h/l through commands) choose a period."""

    #: The chosen period's index, whenever it changes.
    period_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline-chart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.timeline: Timeline | None = None
        self.chosen = -1

    # -- data and choice ----------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        count = len(timeline.periods) if timeline else 0
        if count and not 0 <= self.chosen < count:
            self.chosen = count - 1  # the latest period: what an analyst looks at first
        elif not count:
            self.chosen = -1
        self.setAccessibleDescription(self.readout())
        self.update()

    def choose(self, index: int) -> None:
        count = len(self.timeline.periods) if self.timeline else 0
        if not count:
            return
        index = max(0, min(index, count - 1))
        if index != self.chosen:
            self.chosen = index
            self.setAccessibleDescription(self.readout())
            self.update()
            self.period_changed.emit(index)

    def step(self, delta: int) -> None:
        self.choose(self.chosen + delta)

    def readout(self) -> str:
        """The chosen period and each series' value there, in words (not only in colour)."""
        timeline = self.timeline
        if timeline is None or not 0 <= self.chosen < len(timeline.periods):
            return ""
        period = timeline.periods[self.chosen]
        unit = "%" if timeline.metric == "share" else ""
        values = [
            f"{s.entity[1]} {s.values[self.chosen]:.1f}{unit}"
            if unit
            else f"{s.entity[1]} {int(s.values[self.chosen])}"
            for s in timeline.series
        ]
        return f"{period.label}: " + ", ".join(values)

    # -- keys ---------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        return claims_keys(event, _KEYS) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        count = len(self.timeline.periods) if self.timeline else 0
        moves = {
            Qt.Key.Key_Left: self.chosen - 1,
            Qt.Key.Key_Right: self.chosen + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: count - 1,
        }
        if key in moves and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.choose(moves[Qt.Key(key)])
            event.accept()
            return
        super().keyPressEvent(event)

    # -- drawing ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        timeline = self.timeline
        if timeline is None or not timeline.periods or not timeline.series:
            painter.setPen(text)
            message = "nothing to draw: no dated documents name these entities"
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, message)
            return
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        metrics = painter.fontMetrics()
        line = metrics.height()
        legend_rows = self._draw_legend(painter, timeline, dark, line)
        plot = QRectF(
            metrics.horizontalAdvance("00000%") + 12,
            8 + legend_rows * (line + 4) + 6,
            0,
            0,
        )
        plot.setRight(self.width() - 14)
        plot.setBottom(self.height() - 2 * line - 14)
        if plot.width() < 40 or plot.height() < 40:
            return
        largest = max((max(s.values, default=0) for s in timeline.series), default=0)
        step = nice_step(largest)
        top = step * max(1, math.ceil(largest / step))
        self._draw_axes(painter, timeline, plot, top, step, text)
        count = len(timeline.periods)
        if 0 <= self.chosen < count:
            band = plot.width() / count
            chosen = QColor(palette.color(QPalette.ColorRole.Highlight))
            chosen.setAlpha(60)
            left = plot.left() + band * self.chosen
            painter.fillRect(QRectF(left, plot.top(), band, plot.height()), chosen)
        for index in range(len(timeline.series)):
            self._draw_series(painter, timeline, index, plot, top, dark)
        painter.setPen(text)
        readout = self.readout()
        if timeline.undated_note:
            readout += f"   ({timeline.undated_note})"
        painter.drawText(
            QRectF(8, self.height() - line - 4, self.width() - 16, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(readout, Qt.TextElideMode.ElideRight, self.width() - 16),
        )

    def _draw_series(
        self,
        painter: QPainter,
        timeline: Timeline,
        index: int,
        plot: QRectF,
        top: float,
        dark: bool,
    ) -> None:
        """One series: its dashed line, then its markers (never closer than 9 px)."""
        count = len(timeline.periods)
        spacing = plot.width() / count
        points = [
            QPointF(plot.left() + spacing * (i + 0.5), plot.bottom() - plot.height() * value / top)
            for i, value in enumerate(timeline.series[index].values)
        ]
        colour = series_colour(index, dark=dark)
        pen = QPen(colour, 2, DASHES[index % len(DASHES)])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # In short pieces, the dash pattern carried on from one to the next: Qt strokes
        # one long zigzag of 300 points in ~250 ms, eight-point pieces in ~2 ms each.
        travelled = 0.0
        for first in range(0, max(len(points) - 1, 1), _PIECE):
            piece = points[first : first + _PIECE + 1]
            pen.setDashOffset(travelled / pen.widthF())
            painter.setPen(pen)
            painter.drawPolyline(QPolygonF(piece))
            travelled += sum(
                math.hypot(b.x() - a.x(), b.y() - a.y()) for a, b in itertools.pairwise(piece)
            )
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(colour)
        every = max(1, math.ceil(9 / spacing))
        shape = MARKERS[index % len(MARKERS)]
        for i, point in enumerate(points):
            if i % every == 0 or i == self.chosen:
                draw_marker(painter, shape, point, 6)

    def _draw_legend(self, painter: QPainter, timeline: Timeline, dark: bool, line: int) -> int:
        """One sample (dash, marker, colour) and name per series; returns the rows used."""
        metrics = painter.fontMetrics()
        x, y, rows = 8.0, 8.0, 1
        for index, series in enumerate(timeline.series):
            label = f"{series.entity[1]} ({series.mentions})"
            width = 34 + metrics.horizontalAdvance(label) + 18
            if x + width > self.width() - 8 and x > 8:
                x, y, rows = 8.0, y + line + 4, rows + 1
            colour = series_colour(index, dark=dark)
            middle = y + line / 2
            painter.setPen(QPen(colour, 2, DASHES[index % len(DASHES)]))
            painter.drawLine(QPointF(x, middle), QPointF(x + 28, middle))
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(colour)
            draw_marker(painter, MARKERS[index % len(MARKERS)], QPointF(x + 14, middle), 7)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(QPointF(x + 34, y + metrics.ascent()), label)
            x += width
        return rows

    def _draw_axes(
        self,
        painter: QPainter,
        timeline: Timeline,
        plot: QRectF,
        top: float,
        step: float,
        text: QColor,
    ) -> None:
        metrics = painter.fontMetrics()
        grid = QColor(text)
        grid.setAlpha(45)
        unit = "%" if timeline.metric == "share" else ""
        value = 0.0
        while value <= top + 1e-9:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = f"{value:g}{unit}"
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            value += step
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        count = len(timeline.periods)
        widest = max(metrics.horizontalAdvance(p.label) for p in timeline.periods) + 12
        every = max(1, math.ceil(count * widest / max(plot.width(), 1)))
        for i, period in enumerate(timeline.periods):
            if i % every:
                continue
            x = plot.left() + plot.width() * (i + 0.5) / count
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.drawText(
                QRectF(x - widest / 2, plot.bottom() + 6, widest, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                period.label,
            )
