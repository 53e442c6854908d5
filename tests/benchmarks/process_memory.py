"""Peak memory of a process tree, sampled from /proc (Linux; elsewhere nothing).

PSS (proportional set size) is used, not RSS: forked index workers share
their parent's pages, and RSS would count those once per process.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(parent, []).append(int(entry.name))
    return out


def tree(root: int) -> list[int]:
    """`root` and every process below it."""
    children = _children()
    out = [root]
    i = 0
    while i < len(out):
        out.extend(children.get(out[i], ()))
        i += 1
    return out


def pss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return 0
    return 0


class PeakMemory:
    """Samples the PSS of the trees under `roots` every `interval` seconds, in a thread."""

    def __init__(self, *roots: int, interval: float = 0.25) -> None:
        self.roots = list(roots)
        self.interval = interval
        self.peak = 0
        self.available = Path("/proc/self/smaps_rollup").exists()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        pids = {pid for root in self.roots for pid in tree(root)}
        total = sum(pss_bytes(pid) for pid in pids)
        self.peak = max(self.peak, total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> PeakMemory:
        if self.available:
            self.sample()
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        if self.available:
            self.sample()


def own_pid() -> int:
    return os.getpid()
