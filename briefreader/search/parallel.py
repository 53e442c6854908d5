"""Indexing a large batch on several cores.

Each worker is a forked process that writes its share of the batch as one
ordinary Whoosh segment; the parent, which holds the index lock, adds the
segments to the index in one commit (like Whoosh's `MpWriter` with
`multisegment=True`, minus its pickling of every document to temporary
files: a forked worker already has the batch in memory). Entity tagging runs
in the workers too, so the parent only waits and relays progress.

Fork is used deliberately and only from the process that owns the index
update: the CLI, or the child process the GUI starts for indexing (see
`background.py`), never a process running a Qt event loop.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable, Sequence
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import NO_MERGE, SegmentWriter

from briefreader.search.writer import BulkSegmentWriter

ProgressFn = Callable[[int, int], None]
#: text -> (canonical groups, canonical countries) it names.
Tagger = Callable[[str], tuple[Sequence[str], Sequence[str]]]
FieldsFactory = Callable[[], dict[str, Any]]

_PROGRESS_EVERY = 25


def parallel_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _work(
    folder: str, jobs: Sequence[FieldsFactory], slot: int, results: Any, pool_mb: int
) -> None:
    try:
        ix = FileStorage(folder).open_index()
        writer = BulkSegmentWriter(ix, _lk=False, limitmb=pool_mb)
        for n, make in enumerate(jobs, 1):
            writer.add_document(**make())
            if n % _PROGRESS_EVERY == 0:
                results.put(("progress", slot, n))
        # The temporary folder is shared with the parent, which removes it.
        segment = writer._finalize_segment()
        results.put(("done", slot, segment))
    except BaseException as error:
        results.put(("error", slot, f"{type(error).__name__}: {error}"))


def index_in_parallel(
    writer: SegmentWriter,
    jobs: Sequence[FieldsFactory],
    procs: int,
    report: ProgressFn,
    pool_mb: int,
) -> None:
    """Index `jobs` in `procs` workers and commit `writer` with their segments.

    `writer` must be an unlocked-mode writer (`_lk=False`) whose caller holds
    the index lock; deletions already made on it are committed too.
    """
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    size = -(-len(jobs) // procs)
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    folder = writer.storage.folder
    workers = [
        ctx.Process(target=_work, args=(folder, chunk, slot, results, pool_mb), daemon=True)
        for slot, chunk in enumerate(chunks)
    ]
    done = [0] * len(chunks)
    segments: list[Any] = [None] * len(chunks)
    report(0, len(jobs))
    for worker in workers:
        worker.start()
    try:
        finished = 0
        while finished < len(workers):
            try:
                kind, slot, value = results.get(timeout=1.0)
            except queue.Empty:
                dead = [w for w in workers if not w.is_alive() and w.exitcode not in (0, None)]
                if dead:
                    raise RuntimeError(
                        f"an indexing worker died (exit {dead[0].exitcode})"
                    ) from None
                continue
            if kind == "error":
                raise RuntimeError(f"indexing worker failed: {value}")
            if kind == "progress":
                done[slot] = value
            else:
                done[slot] = len(chunks[slot])
                segments[slot] = value
                finished += 1
            report(sum(done), len(jobs))
        for worker in workers:
            worker.join()
        final = writer._merge_segments(NO_MERGE, False, False)
        writer._close_segment()
        writer._commit_toc([*final, *segments])
        writer._finish()
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
                worker.join()
        results.close()
