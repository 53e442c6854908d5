"""Corpus figures: parsing, clustering and importing at scale (printed, never asserted).

Small by default; BRIEFREADER_BENCH_SCALE=1 runs the full scale (10,000
documents to cluster, 1,000 files to import).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from briefreader.corpus.cluster import cluster, fingerprint
from briefreader.corpus.library import Library
from briefreader.corpus.parse import document_id, parse_bytes
from briefreader.domain import Document
from briefreader.paths import seeds_dir

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
CLUSTER_DOCS = 10_000 if FULL else 300
IMPORT_FILES = 1_000 if FULL else 30
VOCAB = [f"w{i}" for i in range(5_000)]


def _paragraph(rng: random.Random, words: int = 70) -> str:
    return " ".join(rng.choice(VOCAB) for _ in range(words)).capitalize() + "."


def _corpus(n: int, rng: random.Random) -> list[Document]:
    """`n` documents of ~8 paragraphs; every tenth is an edited reprint of an earlier one."""
    docs: list[Document] = []
    for i in range(n):
        if i % 10 == 9:
            source = docs[rng.randrange(len(docs))]
            paras = list(source.paragraphs)
            paras[0] = _paragraph(rng)
            paras = paras[:-1]
        else:
            paras = [_paragraph(rng) for _ in range(8)]
        body = "\n\n".join(paras)
        docs.append(Document(id=document_id(f"T{i}", body), title=f"T{i}", body=body))
    return docs


def _report(capsys: pytest.CaptureFixture[str], line: str) -> None:
    with capsys.disabled():
        print(f"\n[bench corpus] {line}")


@pytest.mark.benchmark
def test_bench_parse_seed_pages(capsys: pytest.CaptureFixture[str]) -> None:
    pages = [p.read_bytes() for p in sorted(seeds_dir().iterdir())]
    rounds = 20 if FULL else 3
    start = time.perf_counter()
    articles = 0
    for _ in range(rounds):
        for data in pages:
            articles += len(parse_bytes(data).documents)
    elapsed = time.perf_counter() - start
    megabytes = rounds * sum(map(len, pages)) / 1e6
    _report(
        capsys,
        f"parse: {megabytes:.2f} MB of seed pages in {elapsed:.2f} s "
        f"({megabytes / elapsed:.2f} MB/s, {articles} articles)",
    )


@pytest.mark.benchmark
def test_bench_cluster(capsys: pytest.CaptureFixture[str]) -> None:
    docs = _corpus(CLUSTER_DOCS, random.Random(7))
    start = time.perf_counter()
    result = cluster(docs)
    elapsed = time.perf_counter() - start
    reprints = sum(1 for i in range(CLUSTER_DOCS) if i % 10 == 9)
    prints = [fingerprint(doc) for doc in docs]
    start = time.perf_counter()
    again = cluster(docs, prints)
    stored = time.perf_counter() - start
    _report(
        capsys,
        f"cluster: {CLUSTER_DOCS} documents in {elapsed:.2f} s -> {len(result.stories)} "
        f"stories (expected {CLUSTER_DOCS - reprints}); with stored fingerprints "
        f"(what an import re-runs) {stored:.2f} s -> {len(again.stories)}",
    )


@pytest.mark.benchmark
def test_bench_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rng = random.Random(11)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(IMPORT_FILES):
        body = "\n\n".join(_paragraph(rng) for _ in range(8))
        (folder / f"{i:05d}.txt").write_text(f"Article number {i}\n\n{body}\n", encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite3") as library:
        start = time.perf_counter()
        first = library.import_paths([folder])
        cold = time.perf_counter() - start
        start = time.perf_counter()
        again = library.import_paths([folder])
        warm = time.perf_counter() - start
        start = time.perf_counter()
        listed = len(library.documents())
        listing = time.perf_counter() - start
    _report(
        capsys,
        f"import: {IMPORT_FILES} files in {cold:.2f} s ({len(first.added)} added); "
        f"re-import {warm:.2f} s ({len(again.unchanged)} unchanged); "
        f"documents() {listed} in {listing * 1000:.0f} ms",
    )
