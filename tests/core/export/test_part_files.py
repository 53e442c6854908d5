"""A killed export leaves its unfinished `.part` file; the next export there removes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from briefreader.export.exporter import export_briefing, remove_stale_parts
from tests.core.export.sample import seed_briefing


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            pass
        pid += 1


def test_a_killed_export_leaves_a_part_the_next_export_removes(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                from briefreader.export.exporter import export_briefing
                from tests.core.export.sample import seed_briefing
                export_briefing(seed_briefing(400), {str(out)!r}, find_mentions=lambda t: [])
                """
            ),
        ],
        cwd=Path(__file__).resolve().parents[3],
    )
    try:
        deadline = time.monotonic() + 120
        while not _parts(tmp_path) and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)  # polls for the file; the kill must land mid-export
        assert _parts(tmp_path), "the export wrote no .part file"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(30)
    assert _parts(tmp_path) and not out.exists()
    export_briefing(seed_briefing(2), out, find_mentions=lambda t: [])
    assert out.exists() and _parts(tmp_path) == []


def test_only_the_files_of_exports_that_are_gone_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / f".brief.pdf.{_dead_pid()}.abcd1234.part"
    alive = tmp_path / f".brief.pdf.{os.getppid()}.abcd1234.part"  # another export, running
    own = tmp_path / f".other.pdf.{os.getpid()}.abcd1234.part"
    mine = tmp_path / "notes.part"  # not an export's file
    for path in (dead, alive, own, mine):
        path.write_bytes(b"")
    assert remove_stale_parts(tmp_path) == 1
    assert _parts(tmp_path) == sorted(p.name for p in (alive, own, mine))
