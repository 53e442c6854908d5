"""Export speed: full briefings of 50, 500 and 5,000 excerpts, with charts.

Each briefing is complete: first page with the scope and key judgements,
contents, both charts (groups over time, groups × countries), sections of
highlighted block quotes kept with their short citations, grades, claims and
comments, Sources and the two-column appendix of groups and countries.
Mentions are found by the real entity matcher during the export, as in use.
Prints wall-clock and CPU seconds (the CPU figure is the steadier one on a
shared machine) and pages per second for the PDF, and the same briefing as
Word and Markdown; asserts nothing about time. Targets (PDF with charts):
500 excerpts < 2.5 s, 5,000 < 25 s.

Small scale by default; BRIEFREADER_BENCH_SCALE=1 runs the full sizes.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.entities import find_mentions
from briefreader.export.exporter import export_briefing
from tests.core.export.sample import seed_briefing

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
SIZES = (50, 500, 5000) if FULL else (20, 50)


@pytest.mark.benchmark
@pytest.mark.parametrize("excerpts", SIZES)
def test_export_speed(excerpts: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefing = seed_briefing(excerpts, sections=max(3, excerpts // 100))
    assert briefing.charts == ("trend", "matrix")
    briefing = briefing.map_excerpts(lambda e: replace(e, mentions=None))
    find_mentions("warm up the gazetteer ISKP")
    export_briefing(seed_briefing(2), tmp_path / "warm.pdf", find_mentions=find_mentions)
    lines = []
    for fmt in ("pdf", "docx", "md"):
        out = tmp_path / f"bench.{fmt}"
        start, cpu = time.perf_counter(), time.process_time()
        result = export_briefing(briefing, out, find_mentions=find_mentions)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert result.excerpts == excerpts and result.format == fmt
        pages = (
            f"{result.pages:>5} pages, {result.pages / seconds:6.1f} pages/s, "
            if fmt == "pdf"
            else ""
        )
        lines.append(
            f"export {excerpts:>5} excerpts as {fmt:<4}: {seconds:6.2f} s ({cpu:.2f} s CPU), "
            f"{pages}{result.size / 1e6:5.1f} MB"
        )
    with capsys.disabled():
        print("\n" + "\n".join(lines))
