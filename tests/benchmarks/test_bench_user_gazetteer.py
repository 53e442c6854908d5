"""Loading the analyst's gazetteer.toml with many entries (issue #14: it was quadratic).

500 user entries cost 11 s and 4,000 cost 219 s on every `search` before
the spellings' owners were kept in one index. Prints the load time (CPU and
wall) per size, the bundled gazetteer alone as the anchor, and the time per
entry, which stays flat when loading is linear. Asserts nothing about time.
Small scale by default (500 and 4,000); BRIEFREADER_BENCH_SCALE=1 adds 20,000.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from briefreader.entities import load_gazetteer
from tests.core.entities.test_user_gazetteer import user_entries

SIZES = (500, 4000, 20000) if os.environ.get("BRIEFREADER_BENCH_SCALE") == "1" else (500, 4000)


def _load(user: Path | None) -> tuple[float, float, int]:
    cpu, wall = time.process_time(), time.perf_counter()
    gazetteer = load_gazetteer(user)
    return time.process_time() - cpu, time.perf_counter() - wall, len(gazetteer.entities)


@pytest.mark.benchmark
def test_user_gazetteer_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cpu, wall, bundled = _load(None)
    lines = [f"bundled gazetteer alone: {bundled} entities, {cpu:.2f} s CPU ({wall:.2f} s wall)"]
    for size in SIZES:
        user = tmp_path / f"gazetteer-{size}.toml"
        user.write_text(user_entries(size, seed=size), encoding="utf-8")
        cpu, wall, count = _load(user)
        assert count == bundled + size
        lines.append(
            f"{size:>6} user entries: {cpu:.2f} s CPU ({wall:.2f} s wall), "
            f"{1e6 * cpu / size:.0f} us per entry"
        )
    with capsys.disabled():
        print("\n" + "\n".join(lines))
