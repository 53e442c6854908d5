"""Import figures for the document formats (printed, never asserted).

Small by default; BRIEFREADER_BENCH_SCALE=1 runs the full scale: a 300-page
report (the target: under 10 s on this two-core machine), a 10,000-entry
feed, a Word file of several megabytes, 100 web pages.
"""

from __future__ import annotations

import io
import os
import random
import time
from pathlib import Path

import pytest

from briefreader.corpus.library import Library
from briefreader.corpus.parse import parse_bytes
from tests.fixtures.docs import DocxSpec, Para, write_docx
from tests.fixtures.feeds import many, rss
from tests.fixtures.pdfs import report, write_pdf
from tests.fixtures.webpages import pages

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"


def _report(capsys: pytest.CaptureFixture[str], line: str) -> None:
    with capsys.disabled():
        print(f"\n[bench formats] {line}")


@pytest.mark.benchmark
def test_bench_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sections = 165 if FULL else 16  # about 300 pages, or 30
    path = tmp_path / "report.pdf"
    truth = write_pdf(path, report(random.Random(3), sections=sections, paras=12), columns=1)
    with Library.open(tmp_path / "library.sqlite3") as library:
        start = time.perf_counter()
        result = library.import_paths([path])
        elapsed = time.perf_counter() - start
    (doc,) = [library_doc for library_doc in result.added]
    _report(
        capsys,
        f"PDF: {truth.page_count} pages imported in {elapsed:.2f} s "
        f"({truth.page_count / elapsed:.0f} pages/s; target: 300 pages in under 10 s) "
        f"-> 1 document ({doc})",
    )


@pytest.mark.benchmark
def test_bench_docx(capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(5)
    words = ["militants", "province", "district", "officials", "attack", "network", "funding"]
    count = 6000 if FULL else 600
    paras = [
        Para(" ".join(rng.choice(words) for _ in range(60)).capitalize() + ".",
             footnote="Ibid." if i % 40 == 0 else "")
        for i in range(count)
    ]  # fmt: skip
    buffer = io.BytesIO()
    write_docx(buffer, DocxSpec([Para("A long report", style="Title"), *paras]))
    data = buffer.getvalue()
    start = time.perf_counter()
    (doc,) = parse_bytes(data, fmt="docx").documents
    elapsed = time.perf_counter() - start
    megabytes = len(data) / 1e6
    _report(
        capsys,
        f"DOCX: {megabytes:.2f} MB ({count} paragraphs, {len(doc.footnotes)} notes) in "
        f"{elapsed:.2f} s ({megabytes / elapsed:.2f} MB/s)",
    )


@pytest.mark.benchmark
def test_bench_feed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    count = 10_000 if FULL else 500
    path = tmp_path / "feed.xml"
    path.write_bytes(rss("Monitor", many(count)))
    with Library.open(tmp_path / "library.sqlite3") as library:
        start = time.perf_counter()
        result = library.import_paths([path])
        elapsed = time.perf_counter() - start
    _report(
        capsys,
        f"feed: {count} entries imported in {elapsed:.2f} s "
        f"({count / elapsed:.0f} entries/s, {len(result.added)} documents)",
    )


@pytest.mark.benchmark
def test_bench_web_pages(capsys: pytest.CaptureFixture[str]) -> None:
    built = pages(100 if FULL else 20)
    kept = truth_chars = article = 0
    start = time.perf_counter()
    for html, truth in built:
        docs = parse_bytes(html.encode(), fmt="html").documents
        body = [p for d in docs for p in d.paragraphs]
        kept += sum(len(p) for p in body)
        article += sum(len(p) for p in body if any(p in t or t in p for t in truth))
        truth_chars += sum(len(t) for t in truth if any(t in p for p in body))
    elapsed = time.perf_counter() - start
    total = sum(len(t) for _, truth in built for t in truth)
    _report(
        capsys,
        f"web pages: {len(built)} article pages in five layouts in {elapsed:.2f} s; "
        f"article text kept {truth_chars / total:.1%}, of the text kept {article / kept:.1%} "
        "is article text",
    )
