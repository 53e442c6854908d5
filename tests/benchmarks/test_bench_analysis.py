"""Analysis benchmark: counting at import, and how fast each view answers.

A synthetic library is imported through the real importer: documents made
of the seeds' paragraphs plus sentences naming gazetteer entities drawn with
a long tail (so the tables hold hundreds of entities, as a real library
does), 85% of them with a publication date over six years. Full scale
(BRIEFREADER_BENCH_SCALE=1): 10,000 documents; default: 400, so the suite
stays fast and the benchmark cannot rot.

Printed, never asserted (targets on 10,000 documents: dossier < 200 ms,
timeline < 300 ms, co-mention matrix < 500 ms, standing queries < 10% of
import time). Each figure is the median of several runs, printed beside an
anchor (a fixed pure-Python loop timed in the same run) so that a slow run
on a loaded machine can be told from a slow view.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from briefreader.analysis.cooccur import documents_behind, matrix
from briefreader.analysis.counts import Counts
from briefreader.analysis.dossier import dossier
from briefreader.analysis.opening import sync_counts
from briefreader.analysis.scope import Scope
from briefreader.analysis.since import cut_at, since
from briefreader.analysis.trends import timeline, top_entities
from briefreader.analysis.watch import run_watches, save_watch
from briefreader.corpus.library import Library, open_library
from briefreader.entities import Matcher, load_gazetteer
from briefreader.paths import DataPaths
from briefreader.search.sources import open_searcher, update_from_library
from briefreader.store import Store

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
DOCS = 10_000 if FULL else 400
REPEATS = 7 if FULL else 3


def _report(capsys: pytest.CaptureFixture[str], line: str) -> None:
    with capsys.disabled():
        print(f"\n[bench analysis] {line}")


def anchor() -> float:
    """A fixed CPU-bound loop: its time says how loaded the machine is right now."""
    start = time.perf_counter()
    total = 0
    for i in range(300_000):
        total += i * i % 7
    return time.perf_counter() - start


def median_ms(action: Callable[[], Any], repeat: int = REPEATS) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def seed_paragraphs(root: Path) -> list[str]:
    with open_library(DataPaths(root)) as library:
        paragraphs = [p for doc in library.documents() for p in doc.paragraphs if len(p) > 60]
    return sorted(set(paragraphs))


def write_corpus(
    folder: Path, paragraphs: list[str], names: list[str], count: int, start: int = 0
) -> None:
    """`count` one-article files of ~5 KB; entity names drawn with a long (Zipf-like) tail."""
    rng = random.Random(17 + start)
    weights = [1 / (rank + 1) for rank in range(len(names))]
    for n in range(start, start + count):
        body: list[str] = []
        while sum(map(len, body)) < 5_000:
            body.append(rng.choice(paragraphs))
        for _ in range(rng.randint(1, 3)):
            picked = rng.choices(names, weights, k=3)
            sentence = f"Officials linked {picked[0]} to attacks near {picked[1]} and {picked[2]}."
            body.insert(rng.randrange(len(body) + 1), sentence)
        title = " ".join(rng.choice(paragraphs).split()[:8])
        text = f"{title} ({n})\n\n" + "\n\n".join(body) + "\n"
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")


def date_documents(library_db: Path) -> int:
    """Date 85% of the documents over 2019-2024, each imported two days after its date.

    The rest are imported over the same years with no date, as a library
    filled week by week would be. Returns how many have a date.
    """
    rng = random.Random(3)
    with sqlite3.connect(library_db) as db:
        rows = db.execute("SELECT id, meta, file_id FROM documents").fetchall()
        updates, files = [], []
        for doc_id, meta, file_id in rows:
            day = date(rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28))
            if rng.random() < 0.85:
                data = json.loads(meta)
                data["date"] = day.isoformat()
                updates.append((json.dumps(data), doc_id))
            files.append(((day + timedelta(days=2)).isoformat() + "T10:00:00", file_id))
        db.executemany("UPDATE documents SET meta = ? WHERE id = ?", updates)
        db.executemany("UPDATE files SET imported_at = ? WHERE id = ?", files)
    return len(updates)


@pytest.mark.benchmark
@pytest.mark.timeout(7200)  # the full scale imports and indexes 10,000 documents
def test_bench_analysis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paragraphs = seed_paragraphs(tmp_path / "seeds")
    gazetteer = load_gazetteer(None)
    matcher = Matcher(gazetteer)
    names = [e.canonical for e in gazetteer.entities]
    random.Random(5).shuffle(names)
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_corpus(folder, paragraphs, names, DOCS)
    db = tmp_path / "library.sqlite3"
    calibration = statistics.median(anchor() for _ in range(3)) * 1000

    with Library.open(db) as library:
        start = time.perf_counter()
        library.import_paths([folder])
        imported = time.perf_counter() - start
    dated = date_documents(db)
    counts = Counts.open(tmp_path / "counts.sqlite3")
    library = Library.open(db)
    start = time.perf_counter()
    report = sync_counts(counts, library, matcher)
    backfill = time.perf_counter() - start
    rows = counts.read("SELECT COUNT(*) FROM analysis_counts")[0][0]
    entities = counts.read("SELECT COUNT(*) FROM analysis_entities")[0][0]
    _report(
        capsys,
        f"{DOCS} documents ({dated} dated), {entities} entities, {rows} count rows; "
        f"anchor loop {calibration:.0f} ms",
    )
    _report(
        capsys,
        f"import {imported:.1f} s; counting them all (backfill) {backfill:.1f} s "
        f"({report.added} documents, {backfill / max(imported, 1e-9):.0%} of the import)",
    )
    ms = median_ms(lambda: sync_counts(counts, library, matcher))
    _report(capsys, f"sync with nothing to do (a listing of the library): {ms:.0f} ms")

    ranked = top_entities(counts, "group", limit=None)
    for rank in (0, 9, 49):
        entity = ranked[min(rank, len(ranked) - 1)]
        ms = median_ms(lambda e=entity: dossier(counts, e.entity, gazetteer))
        _report(
            capsys,
            f"dossier of the #{rank + 1} group ({entity.documents} documents): {ms:.0f} ms "
            "(target < 200)",
        )
    cut = cut_at(date(2024, 7, 1))
    new = len(since(counts, cut).documents)
    ms = median_ms(lambda: since(counts, cut))
    _report(capsys, f"since 2024-07-01 ({new} new documents): {ms:.0f} ms")

    groups = [t.entity for t in top_entities(counts, "group", limit=5)]
    for unit in ("month", "week"):
        ms = median_ms(lambda unit=unit: timeline(counts, groups, unit=unit))
        _report(capsys, f"timeline, 5 groups per {unit}: {ms:.0f} ms (target < 300)")
    ms = median_ms(lambda: timeline(counts, groups, unit="month", metric="share"))
    _report(capsys, f"timeline, share of mentions per month: {ms:.0f} ms")
    for count_by in ("document", "paragraph"):
        ms = median_ms(lambda c=count_by: matrix(counts, "group", "country", count_by=c, limit=20))
        _report(
            capsys, f"matrix 20 groups x 20 countries per {count_by}: {ms:.0f} ms (target < 500)"
        )
    ms = median_ms(lambda: matrix(counts, "group", "group", count_by="paragraph", limit=30))
    _report(capsys, f"matrix 30 groups x 30 groups per paragraph: {ms:.0f} ms")
    year = Scope(date(2022, 1, 1), date(2022, 12, 31))
    ms = median_ms(lambda: matrix(counts, "group", "country", limit=20, scope=year))
    _report(capsys, f"matrix 20 x 20 over one year's documents: {ms:.0f} ms")
    table = matrix(counts, "group", "country", limit=1)
    cell = (table.rows[0].entity, table.columns[0].entity)
    ms = median_ms(lambda: documents_behind(counts, *cell, count_by="paragraph"))
    _report(capsys, f"documents behind the largest cell ({table.cells[0][0]}): {ms:.0f} ms")
    counts.close()
    library.close()
    standing_queries(tmp_path, paragraphs, names, capsys)


#: Saved searches of the kinds analysts keep: names (expanded to every spelling),
#: names with places, phrases, and a field.
WATCHES = [
    "ISIS-K",
    "Taliban AND Pakistan",
    "al-Shabaab OR Somalia",
    '"suicide bomber"',
    "JNIM AND (Mali OR Niger)",
    "group:Hamas",
    "country:Tajikistan",
    "Haqqani",
    "recruit* AND Tajikistan",
    '"Central Asia" AND China',
]


def standing_queries(
    tmp_path: Path, paragraphs: list[str], names: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """An import of 1% more documents into the indexed library, then every watch runs.

    The import is what the window does: store the files, count them, bring
    the index up to date. The watches then run on the new documents only.
    """
    paths = DataPaths(tmp_path)  # library.sqlite3 is already there
    start = time.perf_counter()
    update_from_library(paths, include_notes=False)
    indexed = time.perf_counter() - start
    extra = tmp_path / "more"
    extra.mkdir()
    write_corpus(extra, paragraphs, names, max(DOCS // 100, 10), start=DOCS)
    matcher = Matcher(load_gazetteer(None))
    with (
        open_library(paths, seed=False) as library,
        Counts.open(tmp_path / "counts.sqlite3") as counts,
        Store.open(paths) as store,
        open_searcher(paths, library) as searcher,
    ):
        for number, query in enumerate(WATCHES * 2):
            save_watch(store, searcher, f"watch {number}", query)
        start = time.perf_counter()
        library.import_paths([extra])
        stored = time.perf_counter() - start
        sync_counts(counts, library, matcher)
        update_from_library(paths, library=library, include_notes=False)
        whole = time.perf_counter() - start
        start = time.perf_counter()
        result = run_watches(store, searcher, counts)
        ran = time.perf_counter() - start
    _report(
        capsys,
        f"index of the library built in {indexed:.1f} s; importing {max(DOCS // 100, 10)} more: "
        f"files stored in {stored:.2f} s, stored + counted + indexed in {whole:.2f} s",
    )
    _report(
        capsys,
        f"{len(WATCHES) * 2} standing queries on them: {ran * 1000:.0f} ms, {result.hits} hits "
        f"= {ran / whole:.1%} of the whole import, {ran / stored:.1%} of storing the files "
        "(target < 10%)",
    )
