"""Search-as-you-type in the window: how long until the ranked list shows, and does typing stall?

A real `MainWindow` (offscreen) over the search benchmark's synthetic corpus
(500 documents by default, 10,000 / ~80 MB with BRIEFREADER_BENCH_SCALE=1),
its index built beforehand. Each query is typed a character every 60 ms
(a quick typist) into the search line while a 10 ms timer measures the
event loop's longest gap; then the time from the last keystroke to the
ranked rows on screen (this includes the 150 ms typing pause), and to the
open document's matches marked. Figures are printed, never asserted.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefreader.control.library import LibrarySnapshot
from briefreader.domain import Story
from briefreader.entities import find_mentions
from briefreader.paths import DataPaths
from briefreader.search.indexer import update_index
from briefreader.search.sources import gazetteer_fingerprint, make_tagger
from tests.benchmarks.test_bench_search import FULL, seed_paragraphs, synthetic_corpus

DOCS = 10_000 if FULL else 200
QUERIES = ["taliban", "kabul airport", '"pine nuts"', "ISIL-K", "country:Tajikistan", "recruit*"]
KEY_INTERVAL = 0.06


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@pytest.mark.benchmark
@pytest.mark.slow
@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
def test_bench_search_as_you_type(qtbot, tmp_path: Path, capsys) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from briefreader.ui.window import MainWindow

    paths = DataPaths.at(tmp_path / "data").ensure()
    docs = synthetic_corpus(seed_paragraphs(str(tmp_path / "seeds-data")), DOCS)
    started = time.perf_counter()
    update_index(
        paths.index_dir,
        docs,
        make_tagger(find_mentions),
        fingerprint=gazetteer_fingerprint(paths),
        procs=2,
    )
    build = time.perf_counter() - started
    stories = [Story(id=f"s{d.id}", title=d.title, document_ids=(d.id,)) for d in docs]
    win = MainWindow(paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(LibrarySnapshot(tuple(docs), tuple(stories)))
    search = win.search
    search.indexing.sync_documents(force=True)
    search.indexing.updated_at = time.monotonic()  # indexed above: no child process here
    win.show()
    qtbot.waitExposed(win)
    search.engine.warm()  # the running app loads the gazetteer after indexing

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    to_rows: list[float] = []
    to_marks: list[float] = []
    rows: dict[str, int] = {}
    win.run_command("search")
    line = search.pane.line
    last[0] = time.perf_counter()
    heartbeat.start()
    for query in QUERIES:
        line.clear()
        for end in range(1, len(query) + 1):
            line.setText(query[:end])
            typed = time.perf_counter()
            while time.perf_counter() - typed < KEY_INTERVAL:
                QApplication.processEvents()
        typed = time.perf_counter()
        qtbot.waitUntil(lambda q=query: search.state.query == q, timeout=60000)
        to_rows.append(time.perf_counter() - typed)
        rows[query] = search.state.outcome.total if search.state.outcome else 0
        if search.state.rows:
            win.run_command("search-commit")
            opened = time.perf_counter()
            # The first match, or the worker's word that the text itself has none
            # (a title or field match).
            qtbot.waitUntil(
                lambda: (
                    search.state.current >= 0 or (search.state.hits_known and not search.state.hits)
                ),
                timeout=60000,
            )
            to_marks.append(time.perf_counter() - opened)
            win.run_command("search")
    heartbeat.stop()
    with capsys.disabled():
        print(
            f"\nsearch-as-you-type in the window, {len(docs)} documents "
            f"({sum(len(d.body) for d in docs) / 1e6:.0f} MB), index built in {build:.1f} s:\n"
            f"  last key -> ranked rows shown (incl. 150 ms pause): "
            f"p50 {statistics.median(to_rows) * 1000:.0f} ms, "
            f"p95 {percentile(to_rows, 0.95) * 1000:.0f} ms, max {max(to_rows) * 1000:.0f} ms\n"
            f"  Enter -> document open with its matches marked: "
            f"p50 {statistics.median(to_marks) * 1000:.0f} ms, "
            f"max {max(to_marks) * 1000:.0f} ms\n"
            f"  longest event-loop stall while typing: {max(gaps) * 1000:.0f} ms "
            f"(p99 {percentile(gaps, 0.99) * 1000:.0f} ms over {len(gaps)} ticks)\n"
            f"  matches: {rows}"
        )
