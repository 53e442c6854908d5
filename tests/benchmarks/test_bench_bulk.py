"""The pipeline's stages on one machine, and the same pipeline as a Spark job: figures for
the README's "road past one team".

One process, one core, on HTML reports written by the test (tests/core/bulk/corpus.py:
new articles, reprints, copies): MB/s and documents/s of each stage the bulk job runs
(read + decode + split, entities, story shingling and MinHash features, the pair check)
and of the desktop app's own import of the same files (which also writes its library
and clusters exhaustively). With BRIEFREADER_BENCH_SCALE=1 it uses 3,000 reports and
also runs the PySpark job in local mode on them (`local[2]`: this machine's two cores).
Prints figures; asserts none.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from briefreader.bulk import stages
from briefreader.corpus.files import discover
from briefreader.corpus.library import Library
from briefreader.entities import Matcher, load_gazetteer
from briefreader.paths import DataPaths
from tests.core.bulk.corpus import write_corpus

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
COUNT = int(os.environ.get("BRIEFREADER_BENCH_BULK_DOCS", 3000 if FULL else 150))


def _rate(label: str, seconds: float, megabytes: float, docs: int) -> str:
    return (
        f"{label:<34} {seconds:7.2f} s  {megabytes / seconds:6.2f} MB/s  "
        f"{docs / seconds:8.0f} docs/s"
    )


def test_stage_throughput_and_spark_local_mode(tmp_path: Path) -> None:
    source = write_corpus(tmp_path / "incoming", COUNT, tmp_path)
    found = [f for f in discover([source]) if not f.reason]
    tasks = [(str(f.path), f.format) for f in found]
    raw_mb = sum(f.path.stat().st_size for f in found) / 1e6

    t = time.perf_counter()
    parsed = list(stages.parse_files(tasks))
    parse_s = time.perf_counter() - t
    docs = [row for kind, row in parsed if kind == "doc"]
    text_mb = sum(len(row[4].encode()) for row in docs) / 1e6  # type: ignore[index]

    t = time.perf_counter()
    matcher = Matcher(load_gazetteer(tmp_path / "none.toml"))
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    counts = list(stages.entity_counts(docs, matcher.find))  # type: ignore[arg-type]
    entities_s = time.perf_counter() - t

    t = time.perf_counter()
    features = list(stages.story_features(docs, 1 << 20))  # type: ignore[arg-type]
    shingle_s = time.perf_counter() - t

    documents = [stages.document_of(row) for row in docs[:400]]  # type: ignore[arg-type]
    pairs = [(a, b) for i, a in enumerate(documents) for b in documents[i + 1 : i + 6]]
    t = time.perf_counter()
    confirmed = sum(stages.same_story(a, b) for a, b in pairs)
    pair_s = time.perf_counter() - t

    t = time.perf_counter()
    with Library.open(tmp_path / "app" / "library.sqlite3") as library:
        report = library.import_paths([source])
    app_s = time.perf_counter() - t

    lines = [
        f"\n{len(found)} files, {raw_mb:.1f} MB of HTML, {len(docs)} documents, "
        f"{text_mb:.1f} MB of text (one process, one core)",
        _rate("read + decode + split", parse_s, raw_mb, len(docs)),
        f"{'gazetteer matcher built':<34} {load_s:7.2f} s  (once per worker)",
        _rate("entities (text MB)", entities_s, text_mb, len(docs)) + f"  {len(counts)} rows",
        _rate("story shingles + MinHash features", shingle_s, text_mb, len(features)),
        f"{'pair check (app rule)':<34} {pair_s:7.2f} s  "
        f"{len(pairs) / pair_s:8.0f} pairs/s ({confirmed} of {len(pairs)} same story)",
        _rate("desktop import (all stages + db)", app_s, raw_mb, len(report.documents)),
    ]
    if FULL:
        from briefreader.bulk import pipeline

        out = DataPaths.at(tmp_path / "spark")
        t = time.perf_counter()
        spark = pipeline.spark_session("local[2]")
        start_s = time.perf_counter() - t
        try:
            bulk = pipeline.run([source], out, spark=spark)
        finally:
            spark.stop()
        total = bulk.seconds["total"]
        lines.append(f"{'spark session start':<34} {start_s:7.2f} s")
        lines.append(_rate("spark local[2] job, end to end", total, raw_mb, bulk.documents))
        lines.append("  stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in bulk.seconds.items()))
        lines.append("  " + bulk.summary())
    print("\n".join(lines))
