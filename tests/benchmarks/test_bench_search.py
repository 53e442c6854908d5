"""Search benchmark: full build, memory, a search during the build, queries, with anchors.

Synthetic corpus: documents recombined from the seeds' cleaned paragraphs
(deterministic seed), ~8.3 KB each. Scale with BRIEFREADER_BENCH_SCALE:
unset 500 documents (so the suite stays fast and the benchmark cannot rot),
1 10,000 (~80 MB), 3 30,000, 10 100,000 (~830 MB).

The full build runs where the application runs it: in a spawned child
process (`IndexJob`) that reads the corpus as a stream, while this process
keeps a Qt event loop ticking every 10 ms and polling the job as the GUI
would. Measured: wall and CPU time, the longest event-loop stall, the peak
PSS of the indexing process tree, a search run on the half-built index, the
cost of adding one document, opening the index cold plus the first query,
and p50/p95 per query kind (10 hits with snippets) warm, and cold (each
query's first run). In the same run, SQLite FTS5 (and tantivy, if installed)
index the same documents and answer the same queries: the ratios printed
are what a noisy machine cannot hide. Figures are printed, never asserted.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefreader.domain import Document, content_id
from briefreader.paths import DataPaths
from briefreader.search.background import IndexJob
from briefreader.search.indexer import update_index
from briefreader.search.parallel import ProgressFn
from tests.benchmarks.anchors import available_anchors
from tests.benchmarks.process_memory import PeakMemory

SCALE = os.environ.get("BRIEFREADER_BENCH_SCALE", "")
FULL = SCALE == "1"
DOCS = 500 if not SCALE else 10_000 * int(SCALE)
TARGET_CHARS = 8_000
QUERIES = {
    "single-term": ["taliban", "kabul", "pine", "recruitment", "china"],
    "AND": ["kabul AND airport", "taliban AND china", "attack AND mosque"],
    "phrase": ['"pine nuts"', '"security guarantees"', '"central asia"'],
    "field": ["title:china", 'publisher:"National Post"', "group:ISKP", "country:Tajikistan"],
    "alias": ["ISIL-K", "IS-K", "Islamic State in Khorasan Province", "Daesh"],
}
REPEATS = 8 if SCALE else 3
ANCHOR_REPEATS = 5 if SCALE else 2


def seed_paragraphs(root: str) -> list[str]:
    from briefreader.corpus.library import open_library

    with open_library(DataPaths(Path(root))) as library:
        paragraphs = [p for doc in library.documents() for p in doc.paragraphs if len(p) > 40]
    return sorted(set(paragraphs))


class SyntheticCorpus:
    """The corpus as a stream: re-iterable, never all in memory (100,000 documents
    are ~830 MB of text). Every pass yields the same documents."""

    def __init__(self, paragraphs: list[str], count: int, seed: int = 5) -> None:
        self._paragraphs, self._count, self._seed = paragraphs, count, seed

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Document]:
        rng = random.Random(self._seed)
        publishers = ["National Post", "The Diplomat", "Guardian", "RSIS", "NEO", "Foreign Policy"]
        paragraphs, count = self._paragraphs, self._count
        for n in range(count):
            body: list[str] = []
            size = 0
            while size < TARGET_CHARS:
                paragraph = rng.choice(paragraphs)
                body.append(paragraph)
                size += len(paragraph) + 2
            text = "\n\n".join(body)
            title = " ".join(rng.choice(paragraphs).split()[:9])
            yield Document(
                id=content_id(f"{n}:{title}:{text}"),
                title=title,
                body=text,
                publisher=rng.choice(publishers),
                date=f"20{rng.randint(15, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                story_id=f"story{n % (count // 3 + 1)}",
            )


def synthetic_corpus(paragraphs: list[str], count: int, seed: int = 5) -> list[Document]:
    return list(SyntheticCorpus(paragraphs, count, seed))


def _tagger() -> Any:
    from briefreader.entities import find_mentions
    from briefreader.search.sources import make_tagger

    return make_tagger(find_mentions)


def build_in_child(texts: str, index_dir: str, *, progress: ProgressFn) -> dict[str, float]:
    """Run in the spawned child: stream the stored corpus into the index, timed."""
    corpus = StoredCorpus(Path(texts))
    tagger = _tagger()
    tagger("warm up")
    started, cpu = time.perf_counter(), _cpu_seconds()
    update_index(Path(index_dir), corpus, tagger, progress=progress, procs=2)
    return {"seconds": time.perf_counter() - started, "cpu": _cpu_seconds() - cpu}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the index workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class TextStore:
    """The documents in SQLite, as the library keeps them: the build streams them
    from here (in its own process, as the app does), and snippets read bodies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS t (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, "
            "title TEXT, body TEXT, publisher TEXT, date TEXT, story TEXT)"
        )
        # As the library's documents_story: ids and stories without reading the texts.
        self._db.execute("CREATE INDEX IF NOT EXISTS t_story ON t (id, story)")

    def fill(self, documents: Any) -> float:
        """Store `documents`; returns megabytes of body text."""
        size = 0

        def rows() -> Iterator[tuple[str, ...]]:
            nonlocal size
            for d in documents:
                size += len(d.body)
                yield d.id, d.title, d.body, d.publisher, d.date, d.story_id

        with self._db:
            self._db.executemany(
                "INSERT INTO t (id, title, body, publisher, date, story) VALUES (?,?,?,?,?,?)",
                rows(),
            )
        return size / 1e6

    def get(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT body FROM t WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None


class StoredCorpus:
    """A `TextStore`'s documents as a stream, a page at a time, and as a listing of ids
    and stories with reads by id (like `LibraryDocuments`: ids name content)."""

    def __init__(self, path: Path, extra: Document | None = None) -> None:
        self._path, self._extra = path, extra
        with sqlite3.connect(path) as db:
            (self._count,) = db.execute("SELECT COUNT(*) FROM t").fetchone()

    def __len__(self) -> int:
        return int(self._count) + (self._extra is not None)

    def __iter__(self) -> Iterator[Document]:
        db = sqlite3.connect(self._path)
        try:
            last = 0
            while rows := db.execute(
                "SELECT seq, id, title, body, publisher, date, story FROM t WHERE seq > ? "
                "ORDER BY seq LIMIT 256",
                (last,),
            ).fetchall():
                last = rows[-1][0]
                for _, i, title, body, publisher, date, story in rows:
                    yield Document(
                        id=i, title=title, body=body, publisher=publisher, date=date, story_id=story
                    )
        finally:
            db.close()
        if self._extra is not None:
            yield self._extra

    def stories(self) -> list[tuple[str, str]]:
        with contextlib.closing(sqlite3.connect(self._path)) as db:
            found = db.execute("SELECT id, story FROM t").fetchall()
        if self._extra is not None:
            found.append((self._extra.id, self._extra.story_id))
        return found

    def fetch(self, ids: list[str]) -> Iterator[Document]:
        extra = self._extra
        with contextlib.closing(sqlite3.connect(self._path)) as db:
            for doc_id in ids:
                if extra is not None and doc_id == extra.id:
                    yield extra
                    continue
                row = db.execute(
                    "SELECT id, title, body, publisher, date, story FROM t WHERE id = ?", (doc_id,)
                ).fetchone()
                if row is not None:
                    i, title, body, publisher, date, story = row
                    yield Document(
                        id=i, title=title, body=body, publisher=publisher, date=date, story_id=story
                    )


def run_with_heartbeat(job: IndexJob, on_progress: Any) -> tuple[float, int]:
    """Poll `job` from a Qt timer (pytest-qt's `qapp` runs); return the longest tick gap (s)
    and the number of progress events."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    last = [time.perf_counter()]
    gaps: list[float] = []
    events = [0]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        for event in job.poll():
            events[0] += 1
            on_progress(event.done, event.total)
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


_OPEN_AND_QUERY = """
import json, sys, time
from pathlib import Path
from briefreader.entities import Matcher, load_gazetteer
from briefreader.search.searcher import Searcher
matcher = Matcher(load_gazetteer())
started = time.perf_counter()
with Searcher(Path(sys.argv[1]), resolver=matcher.gazetteer, text_of=lambda i: None,
              mentions=matcher.find) as searcher:
    results = searcher.search("taliban kabul", limit=10)
print(json.dumps({"seconds": time.perf_counter() - started, "total": results.total}))
"""


def open_and_first_query(index_dir: Path) -> float:
    """A fresh process opens the index and answers one query (gazetteer loaded first)."""
    import json

    out = subprocess.run(
        [sys.executable, "-c", _OPEN_AND_QUERY, str(index_dir)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def _latencies(search: Any, queries: dict[str, list[str]], repeats: int) -> dict[str, Any]:
    """Per kind: (warm latencies, cold latencies: each query's first run), totals."""
    warm: dict[str, list[float]] = {}
    cold: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    for kind, texts in queries.items():
        for text in texts:
            for attempt in range(repeats):
                started = time.perf_counter()
                totals[text] = search(text)
                elapsed = time.perf_counter() - started
                (cold if attempt == 0 else warm).setdefault(kind, []).append(elapsed)
    return {"warm": warm, "cold": cold, "totals": totals}


def _ms(values: list[float], fraction: float) -> float:
    return percentile(values, fraction) * 1000


@pytest.mark.benchmark
@pytest.mark.slow
@pytest.mark.timeout(7200 if SCALE else 300)  # 100,000 documents take half an hour under load
def test_bench_search(qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefreader.entities import Matcher, load_gazetteer
    from briefreader.search.searcher import Searcher
    from briefreader.ui.search.worker import SearchThread

    seed_root = tmp_path / "seeds-data"
    index_dir = tmp_path / "index"
    paragraphs = seed_paragraphs(str(seed_root))
    corpus = SyntheticCorpus(paragraphs, DOCS)
    texts = TextStore(tmp_path / "texts.db")
    megabytes = texts.fill(corpus)
    gazetteer = load_gazetteer()
    matcher = Matcher(gazetteer)

    # -- the build, in a child, searched as the window searches it ---------------
    # The window's searcher stays open and its search thread answers from the
    # segments committed so far (a query every ~0.5 s of progress, like a
    # user typing), while the event loop's longest gap is measured.
    load_before = os.getloadavg()
    job = IndexJob.start_call(build_in_child, str(texts.path), str(index_dir))
    searches = SearchThread()
    during = Searcher(index_dir, resolver=gazetteer, text_of=texts.get, mentions=matcher.find)
    asked: dict[str, float] = {"at": 0.0}
    answers: list[tuple[int, float, int]] = []  # (done when asked, ms, total found)

    def timed_search(done: int) -> tuple[int, float, int]:
        started = time.perf_counter()
        found = during.search("taliban", limit=10)
        shown = during.with_snippets("taliban", found.hits[:10])
        assert len(shown) == len(found.hits)
        return done, (time.perf_counter() - started) * 1000, found.total

    searches.answered.connect(lambda _kind, _token, result: answers.append(result))

    def on_progress(done: int, _total: int) -> None:
        now = time.perf_counter()
        if done and now - asked["at"] >= 0.5 and not searches.busy:
            asked["at"] = now
            searches.submit("query", done, lambda d=done: timed_search(d))

    with PeakMemory(job._process.pid) as memory:
        stall, events = run_with_heartbeat(job, on_progress)
    built = job.result()
    searches.stop(60_000)
    qapp.processEvents()
    during.close()
    load_after = os.getloadavg()
    found_during = [a for a in answers if isinstance(a, tuple) and a[2]]
    failed_during = [a for a in answers if isinstance(a, Exception)]

    # -- one more document -------------------------------------------------------
    tagger = _tagger()
    tagger("warm up")  # the running app has its entity matcher built already
    extra = Document(id="bench-extra", title="One more", body="\n\n".join(paragraphs[:12]))
    started = time.perf_counter()
    changes = update_index(index_dir, StoredCorpus(texts.path, extra), tagger, procs=2)
    add_one = time.perf_counter() - started
    assert changes.added == ("bench-extra",)

    opened = open_and_first_query(index_dir)
    size = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())

    # -- queries -------------------------------------------------------------------
    with Searcher(
        index_dir, resolver=gazetteer, text_of=texts.get, mentions=matcher.find
    ) as searcher:
        searcher.warm()
        ours = _latencies(lambda q: searcher.search(q, limit=10).total, QUERIES, REPEATS)
        started = time.perf_counter()
        searcher.facets("taliban")
        facets_ms = (time.perf_counter() - started) * 1000

    # -- anchors, same documents, same queries ----------------------------------------
    anchors = []
    for make in available_anchors(tmp_path):
        anchor = make()
        seconds = anchor.build(StoredCorpus(texts.path))
        translated = {
            kind: [anchor.translate(q, gazetteer) for q in qs] for kind, qs in QUERIES.items()
        }
        lat = _latencies(lambda q, a=anchor: a.search(q)[0], translated, ANCHOR_REPEATS + 1)
        anchors.append((anchor.name, seconds, lat))
        anchor.close()

    with capsys.disabled():
        print(f"\n== search benchmark: {DOCS:,} documents, {megabytes:.1f} MB of text")
        print(
            f"machine load average before / after the build: {load_before[0]:.1f} / "
            f"{load_after[0]:.1f} (2 cores shared; read the ratios)"
        )
        print(
            f"full index (child process, 2 workers, streamed): {built['seconds']:.1f} s wall, "
            f"{built['cpu']:.1f} s CPU in all processes, {DOCS / built['seconds']:.0f} docs/s"
        )
        if memory.available:
            print(f"peak memory of the indexing process tree (PSS): {memory.peak / 1e6:.0f} MB")
        if found_during:
            times = [a[1] for a in found_during]
            mid = min(found_during, key=lambda a: abs(a[0] - DOCS // 2))
            print(
                f"search during the build (window's search thread, {len(found_during)} queries "
                f"with snippets): p50 {percentile(times, 0.5):.0f} ms, max {max(times):.0f} ms; "
                f"at {mid[0]:,} of {DOCS:,} indexed 'taliban' found {mid[2]:,}"
            )
        else:
            print(f"search during the build: nothing committed yet at {len(answers)} queries")
        for error in failed_during:
            print(f"search during the build failed: {error}")
        print(f"add 1 document (incremental pass over {DOCS + 1:,}): {add_one * 1000:.0f} ms")
        print(
            f"longest event-loop stall while indexing: {stall * 1000:.0f} ms "
            f"(10 ms timer, {events} progress events)"
        )
        print(f"index size: {size / 1e6:.1f} MB")
        print(f"open the index in a fresh process + first query: {opened * 1000:.0f} ms")
        for name, seconds, _ in anchors:
            print(
                f"anchor {name}: index {seconds:.1f} s; briefreader / {name}: "
                f"{built['seconds'] / seconds:.1f}x"
            )
        for kind in QUERIES:
            warm, cold = ours["warm"][kind], ours["cold"][kind]
            line = (
                f"query {kind:<12} p50 {_ms(warm, 0.5):6.1f} ms  p95 {_ms(warm, 0.95):6.1f} ms"
                f"  (cold p95 {_ms(cold, 0.95):6.1f})"
            )
            for name, _, lat in anchors:
                theirs = _ms(lat["warm"][kind], 0.95)
                line += f"  | {name} p95 {theirs:6.1f} ms, ratio {_ms(warm, 0.95) / theirs:5.1f}x"
            print(line)
        print(f"facets over every 'taliban' match: {facets_ms:.0f} ms")
        print("matches: " + ", ".join(f"{q}={n:,}" for q, n in ours["totals"].items()))
