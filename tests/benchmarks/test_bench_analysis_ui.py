"""How long the timeline chart and the co-mention table take to draw.

Five series over six years of weeks (313 points each), the size an analyst
asks for; the chart is painted into an image at 1300 x 420, first draw and
redraws, median of several. The heat table is 15 x 15. Printed, never
asserted. For the choice of a hand-drawn chart over QtCharts (GPL-3 only)
and pyqtgraph (0.6-1.1 s to import numpy and itself, 180-290 ms to draw the
same series with markers), see briefreader/ui/analysis/chart.py.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads; no display needed

import random
import statistics
import time
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QImage

from briefreader.analysis.cooccur import Matrix
from briefreader.analysis.periods import period_of
from briefreader.analysis.trends import EntityTotal, Series, Timeline
from briefreader.ui.analysis.chart import TimelineChart
from briefreader.ui.analysis.heat import HeatTable, MatrixModel


def _report(capsys: pytest.CaptureFixture[str], line: str) -> None:
    with capsys.disabled():
        print(f"\n[bench analysis ui] {line}")


def weekly_timeline(weeks: int = 313, series: int = 5) -> Timeline:
    rng = random.Random(2)
    start = date(2019, 1, 7)
    periods = tuple(period_of(start + timedelta(weeks=i), "week") for i in range(weeks))
    return Timeline(
        "week",
        "mentions",
        periods,
        tuple(
            Series(
                ("group", f"Group {k}"),
                tuple(float(rng.randint(0, 60)) for _ in range(weeks)),
                1000,
                100,
            )
            for k in range(series)
        ),
        10_000,
        1_500,
    )


def paint(widget) -> float:  # type: ignore[no-untyped-def]
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    start = time.perf_counter()
    widget.render(image)
    return time.perf_counter() - start


@pytest.mark.benchmark
def test_bench_timeline_and_matrix_draw(qtbot, capsys: pytest.CaptureFixture[str]) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(1300, 420)
    chart.set_timeline(weekly_timeline())
    first = paint(chart)
    again = [paint(chart) for _ in range(7)]
    _report(
        capsys,
        f"timeline chart, 5 series x 313 weeks: first draw {first * 1000:.0f} ms, "
        f"redraw median {statistics.median(again) * 1000:.0f} ms",
    )
    rng = random.Random(3)
    totals = tuple(EntityTotal(("group", f"Group {i}"), 100, 50) for i in range(15))
    columns = tuple(EntityTotal(("country", f"Country {i}"), 100, 50) for i in range(15))
    cells = tuple(tuple(rng.randint(0, 400) for _ in range(15)) for _ in range(15))
    model = MatrixModel()
    table = HeatTable(model)
    qtbot.addWidget(table)
    table.resize(1300, 420)
    start = time.perf_counter()
    model.set_matrix(Matrix(totals, columns, cells, "document", 10_000), {})
    filled = time.perf_counter() - start
    drawn = statistics.median(paint(table) for _ in range(7))
    _report(
        capsys,
        f"co-mention table 15 x 15: filled in {filled * 1000:.1f} ms, "
        f"drawn in {drawn * 1000:.0f} ms",
    )
