"""Opening a large document: 1 MB of text with 2,000 mentions, highlighted, painted.

Splits the time into finding mentions (the entities matcher), arranging them
per paragraph, putting the text in the pane with the highlighter running, and
the first paint. The issue's target for opening is under 150 ms. Prints
figures, asserts none. Small scale (100 KB) by default; 1 MB with
BRIEFREADER_BENCH_SCALE=1.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads; no display needed

import statistics
import time

import pytest

from briefreader.control.colours import load_palette
from briefreader.control.mentions import DocumentMentions
from briefreader.domain import Document
from briefreader.entities import find_mentions

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
TARGET_BYTES = 1_000_000 if FULL else 100_000
NAMES = ["ISKP", "Pakistan", "the Taliban", "Afghanistan", "al-Shabaab", "Somalia", "IS-K", "Iran"]
FILLER = (
    "Analysts who follow the region closely said the situation remained fluid and that "
    "the coming weeks would show whether the pressure on local networks could be kept up. "
)


def large_document(target: int) -> Document:
    paragraphs = []
    size = 0
    n = 0
    while size < target:
        name = NAMES[n % len(NAMES)]
        para = f"{n}. {FILLER}{FILLER[:120]} Officials blamed {name} for the attack. {FILLER}"
        paragraphs.append(para)
        size += len(para) + 2
        n += 1
    return Document(id="big", title="A very long report on ISKP", body="\n\n".join(paragraphs))


@pytest.mark.benchmark
def test_bench_open_large_document(qtbot, capsys) -> None:
    from briefreader.ui.reader.view import ReaderView

    doc = large_document(TARGET_BYTES)
    view = ReaderView(load_palette())
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    qtbot.waitExposed(view)
    rows = []
    for _ in range(5 if FULL else 3):
        t0 = time.perf_counter()
        mentions = find_mentions(doc.body)
        t1 = time.perf_counter()
        located = DocumentMentions(doc, mentions)
        t2 = time.perf_counter()
        view.show_document(doc, located, find_mentions)
        view.set_cursor(0, None)
        t3 = time.perf_counter()
        view.viewport().grab()  # a real paint of the visible page
        t4 = time.perf_counter()
        rows.append((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0))
    view.highlighter.is_shown = lambda key: key[0] != "group"
    t = time.perf_counter()
    view.refresh_highlights()  # what hiding a kind (t g) costs on this document
    toggle = time.perf_counter() - t
    # The same text through setHtml, for comparison only (never used by the app).
    html = "<p>" + doc.body.replace("\n\n", "</p><p>") + "</p>"
    t = time.perf_counter()
    view.document().setHtml(html)
    set_html = time.perf_counter() - t
    med = [statistics.median(col) * 1000 for col in zip(*rows, strict=True)]
    with capsys.disabled():
        print(
            f"\nreader benchmark ({'full' if FULL else 'small'} scale): "
            f"{len(doc.body) / 1e6:.2f} MB, {len(doc.paragraphs)} paragraphs, "
            f"{len(located)} mentions (median of {len(rows)})"
        )
        print(f"  find mentions            {med[0]:7.1f} ms")
        print(f"  arrange per paragraph    {med[1]:7.1f} ms")
        print(f"  plain text + highlighter {med[2]:7.1f} ms")
        print(f"  first paint              {med[3]:7.1f} ms")
        print(f"  total                    {med[4]:7.1f} ms (target < 150 ms for 1 MB)")
        print(f"  hide a kind and redraw   {toggle * 1000:7.1f} ms")
        print(f"  (setHtml of the same text, for comparison: {set_html * 1000:.1f} ms)")
