"""Export time of one very long paragraph dense with one group name.

The issue's case: a 500 KB paragraph naming a group ~20,000 times took 42 s
(every chunk re-sorted every mention). Printed beside the same paragraph
without highlighting, measured in the same run, so the ratio says what the
highlighting costs on a loaded machine. Asserts nothing about time.
Small scale by default; BRIEFREADER_BENCH_SCALE=1 runs 500 KB.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.export.exporter import export_briefing
from tests.core.export.sample import seed_briefing
from tests.core.export.test_dense_mentions import dense_quote

SIZE = 500_000 if os.environ.get("BRIEFREADER_BENCH_SCALE") == "1" else 60_000


def _export(quote: str, mentions: tuple, out: Path) -> float:
    briefing = seed_briefing(1)
    section = briefing.sections[0]
    excerpt = replace(section.excerpts[0], quote=quote, mentions=mentions)
    briefing = replace(briefing, sections=(replace(section, excerpts=(excerpt,)),))
    start = time.process_time()
    export_briefing(briefing, out)
    return time.process_time() - start


@pytest.mark.benchmark
def test_dense_paragraph_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quote, mentions = dense_quote(SIZE)
    plain = _export(quote, (), tmp_path / "plain.pdf")
    dense = _export(quote, mentions, tmp_path / "dense.pdf")
    with capsys.disabled():
        print(
            f"\none {SIZE / 1000:.0f} KB paragraph, {len(mentions)} mentions: {dense:.2f} s CPU "
            f"(without highlighting {plain:.2f} s)"
        )
