"""Store figures: note save latency (the GUI saves within 1 s of typing, so a
save must take a small fraction of that), excerpt capture, loading a large
briefing, listing the excerpt bin, and undoing a bulk delete.

Prints figures, asserts none of them. Small by default; full scale with
BRIEFREADER_BENCH_SCALE=1.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store

FULL = os.environ.get("BRIEFREADER_BENCH_SCALE") == "1"
NOTES = 1_000 if FULL else 100
EXCERPTS = 5_000 if FULL else 200

PARAGRAPH = (
    "Islamic State Khorasan Province (ISKP) claimed the attack in Kabul on Monday, "
    "and officials in Afghanistan said the Taliban had been warned by Pakistan. "
)


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1] if len(ordered) > 1 else ordered[0]
    return f"p50 {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


@pytest.mark.benchmark
def test_bench_store(data_paths: DataPaths, capsys: pytest.CaptureFixture[str]) -> None:
    text = "\n\n".join(f"{n}. {PARAGRAPH}" for n in range(200))
    lines = [f"store benchmark ({'full' if FULL else 'small'} scale)"]
    with Store.open(data_paths) as store:
        saves, unchanged = [], []
        for n in range(NOTES):
            body = f"Note {n}: " + "analyst words " * (n % 200)
            t = time.perf_counter()
            assert store.save_note(NoteTarget.document(f"doc-{n % 50}"), body).saved
            saves.append(time.perf_counter() - t)
            t = time.perf_counter()
            store.save_note(NoteTarget.document(f"doc-{n % 50}"), body)
            unchanged.append(time.perf_counter() - t)
        lines.append(f"save_note (changed, synchronous=FULL) x{NOTES}: {_ms(saves)}")
        lines.append(f"save_note (unchanged, idempotent)    x{NOTES}: {_ms(unchanged)}")

        spans = [(s, s + len(PARAGRAPH) - 1) for s in range(0, len(text) - 300, 151)][:200]
        captures = []
        ids = []
        for n in range(EXCERPTS):
            start, end = spans[n % len(spans)]
            t = time.perf_counter()
            ids.append(store.excerpts.capture(f"doc-{n % 50}", text, start, end).excerpt.id)
            captures.append(time.perf_counter() - t)
        lines.append(f"capture (with entity matching) x{EXCERPTS}: {_ms(captures)}")

        store.briefings.create("big", grouping="group")
        t = time.perf_counter()
        store.briefings.add("big", ids)
        lines.append(f"add {EXCERPTS} excerpts to a briefing: {time.perf_counter() - t:.3f} s")
        t = time.perf_counter()
        briefing = store.load_briefing("big")
        lines.append(
            f"load_briefing with {len(briefing.items)} items: {time.perf_counter() - t:.3f} s"
        )
        t = time.perf_counter()
        store.briefings.move("big", ids[-1], -1)
        lines.append(
            f"move one item in a {EXCERPTS}-item briefing: {time.perf_counter() - t:.3f} s"
        )
        t = time.perf_counter()
        listed = store.excerpts.list(entity="Taliban")
        lines.append(
            f"excerpt bin filtered by entity ({len(listed)}): {time.perf_counter() - t:.3f} s"
        )
        t = time.perf_counter()
        store.excerpts.delete(ids)
        deleted = time.perf_counter() - t
        t = time.perf_counter()
        store.undo()
        lines.append(
            f"delete {EXCERPTS} excerpts: {deleted:.3f} s; undo it: {time.perf_counter() - t:.3f} s"
        )
        assert len(store.load_briefing("big").items) == EXCERPTS
        t = time.perf_counter()
        store.backup_now()
        size = data_paths.work_db.stat().st_size / 1e6
        lines.append(
            f"verified backup of a {size:.1f} MB database: {time.perf_counter() - t:.3f} s"
        )
    with capsys.disabled():
        print("\n" + "\n".join(lines))
