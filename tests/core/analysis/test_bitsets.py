"""Stored bitsets and totals always agree with the count rows, across chunks and versions."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from briefreader.analysis import bitsets
from briefreader.analysis.bitsets import Layout, read_bits, scope_masks
from briefreader.analysis.counts import Counts
from briefreader.analysis.opening import sync_counts
from briefreader.corpus.library import Library
from briefreader.entities import Matcher

NAMES = ["ISKP", "Taliban", "al-Shabaab", "Hamas", "Pakistan", "Somalia", "Mali", "Iran", "JNIM"]


def expected_bits(counts: Counts, layout: Layout) -> dict[int, tuple[int, int]]:
    """Each entity's bitsets rebuilt from the count rows, the slow obvious way."""
    out: dict[int, tuple[int, int]] = {}
    rows = counts.read(
        "SELECT c.entity, c.doc, c.paragraphs, d.slot FROM analysis_counts c "
        "JOIN analysis_docs d ON d.n = c.doc"
    )
    for entity, n, blob, slot in rows:
        docs, paras = out.get(entity, (0, 0))
        offset = layout.paragraph_offset(n, slot) * 8
        out[entity] = (docs | 1 << n, paras | int.from_bytes(blob, "little") << offset)
    return out


def check(counts: Counts) -> None:
    with counts.locked() as db:
        layout = Layout.read(db)
        ids = [row[0] for row in db.execute("SELECT id FROM analysis_entities")]
        stored = read_bits(db, ids, layout)
    expected = expected_bits(counts, layout)
    assert {i: (b.documents, b.paragraphs) for i, b in stored.items() if b.documents} == expected
    totals = counts.read("SELECT entity, mentions, documents FROM analysis_totals WHERE documents")
    summed = counts.read(
        "SELECT entity, SUM(mentions), COUNT(*) FROM analysis_counts GROUP BY entity"
    )
    assert sorted(totals) == sorted(summed)


def write(folder: Path, name: str, rng: random.Random) -> Path:
    paragraphs = [
        " and ".join(rng.sample(NAMES, rng.randint(1, 3))) + f" were mentioned ({rng.random()})."
        for _ in range(rng.randint(1, 12))
    ]
    path = folder / f"{name}.txt"
    path.write_text(f"Report {name}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def test_small_chunks_many_imports_and_replacements(
    tmp_path: Path, matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bitsets, "CHUNK", 16)
    monkeypatch.setattr(bitsets, "CHUNK_BYTES", 2)
    rng = random.Random(4)
    folder = tmp_path / "files"
    folder.mkdir()
    db = tmp_path / "library.sqlite3"
    with Library.open(db) as library, Counts.open(tmp_path / "counts.sqlite3") as counts:
        for round_ in range(4):
            files = [write(folder, f"r{round_}-{i}", rng) for i in range(15)]
            # Rewrite some earlier files: their documents get new versions, the old ones go.
            files += [write(folder, f"r0-{i}", rng) for i in rng.sample(range(15), 4)]
            library.import_paths(files)
            report = sync_counts(counts, library, matcher)
            assert report.added >= 15
            check(counts)
        chunks = counts.read("SELECT COUNT(*) FROM analysis_chunks")[0][0]
        assert chunks >= 4  # the numbers ran over several chunks
        current = {d.id for d in library.documents()}
        assert {f.doc_id for f in counts.documents().values()} == current


def test_scope_masks_cover_exactly_the_scoped_documents() -> None:
    layout = Layout({0: 0, 1: 10}, 16)
    mask = scope_masks(layout, [(3, 2, 1), (bitsets.CHUNK + 1, 4, 2)])
    assert mask.documents == (1 << 3) | (1 << (bitsets.CHUNK + 1))
    assert mask.paragraphs == (0xFF << 16) | (0xFFFF << (8 * 14))
