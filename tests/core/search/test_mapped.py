"""Segment files are read from the memory map, not copied whole when a searcher opens."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import pytest

from briefreader.domain import Document
from briefreader.search.indexer import update_index
from briefreader.search.mapped import ViewFile
from briefreader.search.searcher import Searcher


def test_a_view_file_reads_as_bytes_io_does() -> None:
    data = b"first line\nsecond\n\nlast without newline"
    ours, theirs = ViewFile(memoryview(data)), io.BytesIO(data)
    steps = [
        ("read", 5),
        ("tell",),
        ("readline",),
        ("seek", 3, os.SEEK_CUR),
        ("read", 4),
        ("seek", -4, os.SEEK_END),
        ("read", -1),
        ("read", 10),
        ("seek", 0),
        ("readline", 3),
        ("seek", 100),
        ("read", 2),
        ("tell",),
        ("seek", 0),
    ]
    for name, *args in steps:
        assert getattr(ours, name)(*args) == getattr(theirs, name)(*args), (name, args)
    assert list(ours) == list(theirs)
    with pytest.raises(ValueError):
        ours.seek(-1)
    with pytest.raises(io.UnsupportedOperation):
        ours.write(b"x")


def test_opening_a_searcher_does_not_copy_the_index(tmp_path: Path, tagger) -> None:
    words = [f"w{i:04d}" for i in range(4000)]
    docs = [
        Document(
            id=f"d{n}",
            title=f"Report {n}",
            body=" ".join(words[(n * 37 + k * 11) % len(words)] for k in range(600)),
        )
        for n in range(300)
    ]
    index_dir = tmp_path / "ix"
    update_index(index_dir, docs, tagger, procs=1)
    on_disk = sum(p.stat().st_size for p in index_dir.glob("*.seg"))
    assert on_disk > 1_000_000  # big enough for a copy to show

    with Searcher(index_dir) as searcher:
        tracemalloc.start()
        try:
            assert searcher.available  # opens the index and every segment
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert searcher.search("w0001", limit=10).total > 0
    # Whoosh's BufferFile copied every part of every segment (postings
    # included) into a BytesIO: the peak was above the size on disk.
    assert peak < on_disk / 4, (peak, on_disk)
