"""Load on one team workspace: 2, 5 and 10 analysts saving notes and excerpts at once.

Each simulated analyst is its own process with its own database role and
connection, as on separate machines, against one local PostgreSQL server.
Every analyst, in a loop: saves their own note (growing text), captures an
excerpt, and tags one excerpt that everybody tags (the contended write:
SERIALIZABLE transactions collide there and are retried). Afterwards the
benchmark checks that no write was lost: every excerpt captured is there,
every analyst's note holds their last text, the shared excerpt carries every
tag every analyst added.

Prints p50/p95/max save latency per analyst count, with two anchors measured
in the same run: one analyst alone, and a bare psycopg one-row insert and
commit. Asserts no figure; asserts no lost write.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
from pathlib import Path

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store
from briefreader.workspace import parse_workspace
from briefreader.workspace.admin import add_analyst
from briefreader.workspace.connection import Connection
from tests.pg_server import PgServer
from tests.team import Team

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
ROUNDS = 60 if FULL else 8  # per analyst; each round is three saves
COUNTS = (1, 2, 5, 10)
PASSWORD = "bench-pw-3b7e"
TEXT = (
    "Islamic State Khorasan Province (ISKP) claimed the attack in Kabul on Monday. "
    "Officials in Afghanistan said twelve people died.\n\n"
    "The Taliban denied that security had failed."
)


def _analyst(url: str, root: str, name: str, shared: int, barrier, out) -> None:
    paths = DataPaths.at(Path(root) / name, parse_workspace(url)).ensure()
    latencies: list[float] = []
    captured: list[int] = []
    note = ""
    with Store.open(paths) as store:
        barrier.wait()
        for n in range(ROUNDS):
            note += f"Round {n}: read the Kabul reporting again.\n"
            t = time.perf_counter()
            assert store.save_note(NoteTarget.document(f"{name}-doc"), note).saved
            latencies.append(time.perf_counter() - t)
            t = time.perf_counter()
            captured.append(store.excerpts.capture(f"{name}-doc", TEXT, 0, 30).excerpt.id)
            latencies.append(time.perf_counter() - t)
            t = time.perf_counter()
            store.excerpts.add_tags([shared], [f"{name}-{n}"])
            latencies.append(time.perf_counter() - t)
    out.put((name, latencies, captured, note))


def _collect(out, procs) -> list[tuple]:
    """Every analyst's result; a child that died says so instead of hanging the run."""
    import queue

    results: list[tuple] = []
    deadline = time.monotonic() + 600
    while len(results) < len(procs):
        try:
            results.append(out.get(timeout=0.5))
        except queue.Empty:
            dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
            assert not dead, f"an analyst's process died: exit codes {dead}"
            assert time.monotonic() < deadline, "the analysts did not finish in 10 minutes"
    return results


def _anchor(url: str) -> list[float]:
    import psycopg

    times = []
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TEMP TABLE anchor (a TEXT)")
        for _ in range(ROUNDS * 3):
            t = time.perf_counter()
            with conn.transaction():
                conn.execute("INSERT INTO anchor VALUES (%s)", ("x" * 200,))
            times.append(time.perf_counter() - t)
    return times


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return (
        f"p50 {statistics.median(ordered) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
        f"max {ordered[-1] * 1000:6.1f} ms"
    )


@pytest.mark.benchmark
@pytest.mark.slow
def test_bench_team_load(
    team_server: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefreader.store.postgres.setup import setup_workspace

    admin = Connection(parse_workspace(team_server.url()))
    try:
        for n in range(max(COUNTS)):
            add_analyst(admin, f"analyst{n:02d}", PASSWORD)
    finally:
        admin.close()
    lines = [f"team workspace load ({'full' if FULL else 'small'} scale, {ROUNDS} rounds)"]
    anchor = _anchor(team_server.url())
    lines.append(f"anchor: bare psycopg insert+commit        {_ms(anchor)}")
    ctx = multiprocessing.get_context("fork")
    for count in COUNTS:
        team = Team(team_server, team_server.fresh_database("load"))
        setup_workspace(team.admin_workspace())
        urls = [team_server.url(team.dbname, f"analyst{n:02d}", PASSWORD) for n in range(count)]
        with Store.open(DataPaths.at(tmp_path / f"setup{count}", parse_workspace(urls[0]))) as s:
            shared = s.excerpts.capture("shared-doc", TEXT, 0, 30).excerpt.id
        barrier, out = ctx.Barrier(count), ctx.Queue()
        procs = [
            ctx.Process(
                target=_analyst,
                args=(urls[n], str(tmp_path / str(count)), f"analyst{n:02d}", shared, barrier, out),
            )
            for n in range(count)
        ]
        started = time.perf_counter()
        for p in procs:
            p.start()
        results = _collect(out, procs)
        for p in procs:
            p.join(60)
            assert p.exitcode == 0
        wall = time.perf_counter() - started
        latencies = [t for _, lat, _, _ in results for t in lat]
        # No lost writes: every excerpt, every analyst's last note, every tag.
        with Store.open(DataPaths.at(tmp_path / f"check{count}", parse_workspace(urls[0]))) as s:
            ids = {e.id for e in s.excerpts.list()}
            for name, _lat, captured, note in results:
                assert set(captured) <= ids, f"{name} lost an excerpt"
                assert s.notes.get(NoteTarget.document(f"{name}-doc")).text == note
            tags = set(s.excerpts.get(shared).tags)
            wanted = {f"{name}-{n}" for name, *_ in results for n in range(ROUNDS)}
            assert tags == wanted, "a tag was lost"
            assert len(ids) == 1 + count * ROUNDS
        saves = len(latencies)
        lines.append(
            f"{count:2d} analyst{'s' if count > 1 else ' '} x {ROUNDS * 3} saves: {_ms(latencies)}"
            f"  ({saves / wall:5.0f} saves/s overall; no lost writes)"
        )
    with capsys.disabled():
        print("\n" + "\n".join(lines))
