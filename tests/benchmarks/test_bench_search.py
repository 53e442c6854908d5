"""Search benchmark: full build, adding one document, query latency, size, UI stall.

Synthetic corpus: documents recombined from the seeds' cleaned paragraphs
(deterministic seed), ~8 KB each. Full scale (BRIEFREADER_BENCH_SCALE=1):
10,000 documents, ~80 MB. Default: 500 documents, so the suite stays fast
and the benchmark cannot rot.

The full build runs where the application runs it: in a spawned child
process (`IndexJob`), while this process keeps a Qt event loop ticking every
10 ms and polling the job as the GUI would. The longest gap between ticks is
the stall the analyst would feel. Figures are printed, never asserted.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import time
from pathlib import Path
from typing import Any

import pytest

from briefreader.domain import Document, content_id
from briefreader.paths import DataPaths
from briefreader.search.background import IndexJob
from briefreader.search.indexer import update_index
from briefreader.search.parallel import ProgressFn

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
#: The small scale is still above PARALLEL_MIN_DOCS, so the suite runs the
#: parallel build inside the child process exactly as the full scale does.
DOCS = 10_000 if FULL else 500
TARGET_CHARS = 8_000
QUERIES = {
    "single-term": ["taliban", "kabul", "pine", "recruitment", "china"],
    "AND": ["kabul AND airport", "taliban AND china", "attack AND mosque"],
    "phrase": ['"pine nuts"', '"security guarantees"', '"central asia"'],
    "field": ["title:china", 'publisher:"National Post"', "group:ISKP", "country:Tajikistan"],
    "alias": ["ISIL-K", "IS-K", "Islamic State in Khorasan Province", "Daesh"],
}
REPEATS = 8 if FULL else 3


def seed_paragraphs(root: str) -> list[str]:
    from briefreader.corpus.library import open_library

    with open_library(DataPaths(Path(root))) as library:
        paragraphs = [p for doc in library.documents() for p in doc.paragraphs if len(p) > 40]
    return sorted(set(paragraphs))


def synthetic_corpus(paragraphs: list[str], count: int, seed: int = 5) -> list[Document]:
    rng = random.Random(seed)
    publishers = ["National Post", "The Diplomat", "Guardian", "RSIS", "NEO", "Foreign Policy"]
    docs = []
    for n in range(count):
        body: list[str] = []
        size = 0
        while size < TARGET_CHARS:
            paragraph = rng.choice(paragraphs)
            body.append(paragraph)
            size += len(paragraph) + 2
        text = "\n\n".join(body)
        title = " ".join(rng.choice(paragraphs).split()[:9])
        docs.append(
            Document(
                id=content_id(f"{n}:{title}:{text}"),
                title=title,
                body=text,
                publisher=rng.choice(publishers),
                date=f"20{rng.randint(15, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                story_id=f"story{n % (count // 3 + 1)}",
            )
        )
    return docs


def _tagger() -> Any:
    from briefreader.entities import find_mentions
    from briefreader.search.sources import make_tagger

    return make_tagger(find_mentions)


def build_in_child(
    seed_root: str, index_dir: str, count: int, *, progress: ProgressFn
) -> dict[str, float]:
    """Run in the spawned child: make the corpus, then time the full build."""
    docs = synthetic_corpus(seed_paragraphs(seed_root), count)
    tagger = _tagger()
    tagger("warm up")
    started, cpu = time.perf_counter(), _cpu_seconds()
    update_index(Path(index_dir), docs, tagger, progress=progress, procs=2)
    return {
        "seconds": time.perf_counter() - started,
        "cpu": _cpu_seconds() - cpu,
        "megabytes": sum(len(d.body) for d in docs) / 1e6,
    }


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the index workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_with_heartbeat(job: IndexJob) -> tuple[float, int]:
    """Poll `job` from a Qt timer; return the longest tick gap (s) and progress events."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    app = QCoreApplication.instance() or QCoreApplication([])
    assert app is not None
    loop = QEventLoop()
    last = [time.perf_counter()]
    gaps: list[float] = []
    events = [0]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        events[0] += len(job.poll())
        if job.finished:
            loop.quit()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    timer.stop()
    return max(gaps) if gaps else 0.0, events[0]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@pytest.mark.benchmark
@pytest.mark.slow
def test_bench_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefreader.entities import Matcher, load_gazetteer
    from briefreader.search.searcher import Searcher

    seed_root = tmp_path / "seeds-data"
    index_dir = tmp_path / "index"
    paragraphs = seed_paragraphs(str(seed_root))
    docs = synthetic_corpus(paragraphs, DOCS)

    load_before = f"{os.getloadavg()[0]:.1f}"
    job = IndexJob.start_call(build_in_child, str(seed_root), str(index_dir), DOCS)
    stall, events = run_with_heartbeat(job)
    built = job.result()

    tagger = _tagger()
    tagger("warm up")  # the running app has its entity matcher built already
    extra = Document(id="bench-extra", title="One more", body="\n\n".join(paragraphs[:12]))
    started = time.perf_counter()
    changes = update_index(index_dir, [*docs, extra], tagger, procs=2)
    add_one = time.perf_counter() - started
    assert changes.added == ("bench-extra",)

    gazetteer = load_gazetteer()
    matcher = Matcher(gazetteer)
    bodies = {d.id: d.body for d in [*docs, extra]}
    latencies: dict[str, list[float]] = {}
    cpu_times: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    with Searcher(
        index_dir, resolver=gazetteer, text_of=bodies.get, mentions=matcher.find
    ) as searcher:
        searcher.search("warm up")
        for kind, queries in QUERIES.items():
            for query in queries:
                for _ in range(REPEATS):
                    started, cpu = time.perf_counter(), time.process_time()
                    results = searcher.search(query, limit=10)
                    latencies.setdefault(kind, []).append(time.perf_counter() - started)
                    cpu_times.setdefault(kind, []).append(time.process_time() - cpu)
                    totals[query] = results.total
        started = time.perf_counter()
        searcher.facets("taliban")
        facets_ms = (time.perf_counter() - started) * 1000
    size = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())

    with capsys.disabled():
        print(f"\n== search benchmark: {DOCS} documents, {built['megabytes']:.1f} MB of text")
        print(f"machine load average before / after: {load_before} / {os.getloadavg()[0]:.1f}")
        print(
            f"full index (child process, 2 workers): {built['seconds']:.1f} s wall, "
            f"{built['cpu']:.1f} s CPU in all processes"
        )
        print(f"add 1 document (incremental pass over {DOCS + 1}): {add_one * 1000:.0f} ms")
        print(
            f"longest event-loop stall while indexing: {stall * 1000:.0f} ms "
            f"(10 ms timer, {events} progress events)"
        )
        print(f"index size: {size / 1e6:.1f} MB")
        for kind, values in latencies.items():
            cpu = cpu_times[kind]
            print(
                f"query {kind:<12} p50 {statistics.median(values) * 1000:6.1f} ms   "
                f"p95 {percentile(values, 0.95) * 1000:6.1f} ms   "
                f"(CPU p50 {statistics.median(cpu) * 1000:5.1f}, "
                f"p95 {percentile(cpu, 0.95) * 1000:5.1f} ms; limit 10, with snippets)"
            )
        print(f"facets over every 'taliban' match: {facets_ms:.0f} ms")
        print("matches: " + ", ".join(f"{q}={n}" for q, n in totals.items()))
