"""The excerpt bin and the notes panel with many excerpts: refresh, filter, capture, undo.

Every action in the bin re-reads what it shows from the store, so its cost
grows with the number of excerpts; this prints how much. Small scale (300
excerpts) by default; 5,000 with BRIEFREADER_BENCH_SCALE=1. Prints figures,
asserts none.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads; no display needed

import statistics
import time

import pytest

from briefreader.control.excerpt_filter import BinFilter
from briefreader.domain import Document, content_id
from briefreader.entities import find_mentions
from briefreader.store import Store
from briefreader.ui.window import MainWindow
from tests.ui.conftest import sample_snapshot

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
EXCERPTS = 5_000 if FULL else 300
PER_DOC = 50
SENTENCE = (
    "ISKP claimed the attack in Kabul while officials in Pakistan blamed fighters "
    "who had crossed from Afghanistan. "
)


def documents(count: int) -> list[Document]:
    docs = []
    for n in range(count):
        body = "\n\n".join(f"{SENTENCE}Paragraph {p} of report {n}." for p in range(PER_DOC))
        docs.append(Document(id=content_id(f"r{n}{body}"), title=f"Report {n}", body=body))
    return docs


def timed(action, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


@pytest.mark.benchmark
def test_bench_excerpt_bin(qtbot, data_paths, capsys) -> None:
    docs = documents(EXCERPTS // PER_DOC)
    store = Store.open(data_paths)
    started = time.perf_counter()
    for doc in docs:
        for start, end in doc.paragraph_spans():
            store.excerpts.capture(doc.id, doc.body, start, end, tags=[f"t{start % 7}"])
    filled = time.perf_counter() - started
    window = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(window)
    window.apply_snapshot(sample_snapshot(docs))
    attach_started = time.perf_counter()
    window.attach_store(store)
    attach = (time.perf_counter() - attach_started) * 1000
    work = window.notes_work
    refresh = timed(work.bin.refresh)
    by_tag = timed(lambda: work.bin.set_filter(BinFilter(tag="t0")))
    work.bin.clear_filters()
    typed = "report 3 paragraph"
    keystrokes = []
    for end in range(1, len(typed) + 1):
        started = time.perf_counter()
        work.bin.words.setText(typed[:end])  # as typing does: narrowed, not re-queried
        keystrokes.append(time.perf_counter() - started)
    by_words = statistics.median(keystrokes) * 1000
    work.bin.clear_filters()
    window.focus_pane("reader")
    capture = timed(lambda: window.run_command("capture-paragraph"))
    undo = timed(lambda: window.run_command("undo"))
    switch = timed(
        lambda: (window.run_command("next-document"), window.run_command("previous-document"))
    )
    with capsys.disabled():
        print(
            f"\nexcerpt bin, {EXCERPTS} excerpts in {len(docs)} documents "
            f"(filled in {filled:.1f} s): attach store {attach:.0f} ms, "
            f"bin refresh {refresh:.1f} ms, filter by tag {by_tag:.1f} ms, "
            f"a keystroke in the words filter {by_words:.1f} ms; capture by key {capture:.1f} ms, "
            f"undo {undo:.1f} ms, two document switches with notes {switch:.1f} ms (medians)"
        )
    window.close()
    store.close()
