"""Indexing a stream of entries into segments, in this process or in forked workers.

Memory stays bounded whatever the size of the library: entries are read
from a stream (never all at once), travel to the workers in small batches
through a bounded queue, and each worker writes a segment of at most
`segment_docs` entries before it starts the next one. Every finished
segment goes back to the caller at once (`on_segment`), which commits it,
so a search sees the part already indexed and an interrupted build keeps it.

Workers are forked, deliberately and only from the process that owns the
index update (the CLI, or the child process the GUI starts for indexing,
see `background.py`), never from a process running a Qt event loop: a
forked worker shares the entity matcher its parent already built. Entity
tagging runs in the workers, so the parent only reads, feeds and commits.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, Final

from whoosh.filedb.filestore import FileStorage

from briefreader.domain import Document
from briefreader.search.schema import document_fields, note_fields
from briefreader.search.segment import SegmentBuilder
from briefreader.search.toc import INDEX_NAME

ProgressFn = Callable[[int, int], None]
#: text -> (canonical groups, canonical countries) it names.
Tagger = Callable[[str], tuple[Sequence[str], Sequence[str]]]
#: What is indexed: a document, or a note as (note id, text).
Item = Document | tuple[str, str]
SegmentSink = Callable[[Any, int], None]

#: Entries per message to a worker (a few hundred KB of text).
BATCH: Final = 64
#: Batches waiting per worker: enough to keep it busy, little memory.
QUEUED_PER_WORKER: Final = 3
_PR_SET_PDEATHSIG: Final = 1


def parallel_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fields_of(item: Item, tagger: Tagger) -> dict[str, Any]:
    """The index fields of one item; tags its entities (the costly part)."""
    if isinstance(item, Document):
        groups, countries = tagger(item.title + "\n\n" + item.body)
        return document_fields(item, groups, countries)
    note_id, text = item
    groups, countries = tagger(text)
    return note_fields(note_id, text, groups=groups, countries=countries)


class _Writer:
    """Fills segments one after the other and hands each over when it is full."""

    def __init__(self, folder: str, tagger: Tagger, segment_docs: int) -> None:
        self._storage = FileStorage(folder)
        self._schema = FileStorage(folder).open_index(INDEX_NAME).schema
        self._tagger = tagger
        self._segment_docs = segment_docs
        self._builder: SegmentBuilder | None = None

    def add(self, item: Item) -> tuple[Any, int] | None:
        if self._builder is None:
            self._builder = SegmentBuilder(self._storage, INDEX_NAME, self._schema)
        self._builder.add(fields_of(item, self._tagger))
        if self._builder.doc_count >= self._segment_docs:
            return self.flush()
        return None

    def flush(self) -> tuple[Any, int] | None:
        builder, self._builder = self._builder, None
        if builder is None or not builder.doc_count:
            return None
        return builder.finish(), builder.doc_count


def index_serial(
    folder: str,
    items: Iterable[Item],
    total: int,
    tagger: Tagger,
    *,
    report: ProgressFn,
    on_segment: SegmentSink,
    segment_docs: int,
) -> None:
    writer = _Writer(folder, tagger, segment_docs)
    report(0, total)
    done = 0
    for item in items:
        finished = writer.add(item)
        done += 1
        if finished is not None:
            on_segment(*finished)
        if done % 25 == 0:
            report(done, total)
    finished = writer.flush()
    if finished is not None:
        on_segment(*finished)
    report(done, total)


def _next_batch(tasks: Any, parent: int) -> list[Item] | None:
    """The next batch, or None when there is no more or the parent died (killed
    processes send nothing: an orphaned worker would otherwise wait forever,
    holding the index lock it inherited)."""
    while True:
        try:
            batch: list[Item] | None = tasks.get(timeout=1.0)
            return batch
        except queue.Empty:
            if os.getppid() != parent:
                return None


def _die_with(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies (Linux): a parent
    killed mid-message can leave a worker blocked on a half-written batch."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the call above
        os._exit(1)


def _work(
    folder: str, tagger: Tagger, segment_docs: int, tasks: Any, results: Any, parent: int
) -> None:
    _die_with(parent)
    try:
        writer = _Writer(folder, tagger, segment_docs)
        while (batch := _next_batch(tasks, parent)) is not None:
            for item in batch:
                finished = writer.add(item)
                if finished is not None:
                    results.put(("segment", *finished))
            results.put(("progress", len(batch), None))
        finished = writer.flush()
        if finished is not None:
            results.put(("segment", *finished))
        results.put(("done", 0, None))
    except BaseException as error:
        results.put(("error", 0, f"{type(error).__name__}: {error}"))


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(islice(it, BATCH)):
        yield batch


def index_parallel(
    folder: str,
    items: Iterable[Item],
    total: int,
    tagger: Tagger,
    *,
    procs: int,
    report: ProgressFn,
    on_segment: SegmentSink,
    segment_docs: int,
) -> None:
    """Index `items` in `procs` forked workers; `on_segment` runs here, in order of arrival."""
    ctx = multiprocessing.get_context("fork")
    tasks = ctx.Queue(maxsize=procs * QUEUED_PER_WORKER)
    results = ctx.Queue()
    workers = [
        ctx.Process(
            target=_work,
            args=(folder, tagger, segment_docs, tasks, results, os.getpid()),
            daemon=True,
        )
        for _ in range(procs)
    ]
    report(0, total)
    for worker in workers:
        worker.start()
    done = finished = 0
    outbox = _chain_sentinels(_batches(items), procs)
    pending = next(outbox, None)
    feeding = True
    try:
        while finished < procs:
            if feeding:
                try:
                    tasks.put(pending, timeout=0.05)
                    pending = next(outbox, None)
                    feeding = pending is not _END
                except queue.Full:
                    pass
            try:
                kind, first, second = results.get(timeout=0.0 if feeding else 0.5)
            except queue.Empty:
                _check_alive(workers)
                continue
            if kind == "error":
                raise RuntimeError(f"indexing worker failed: {second}")
            if kind == "progress":
                done += first
                report(done, total)
            elif kind == "segment":
                on_segment(first, second)
            else:
                finished += 1
        for worker in workers:
            worker.join()
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
                worker.join()
        tasks.close()
        results.close()


_END: Final = object()


def _chain_sentinels(batches: Iterator[list[Item]], procs: int) -> Iterator[Any]:
    yield from batches
    for _ in range(procs):
        yield None
    yield _END


def _check_alive(workers: list[Any]) -> None:
    dead = [w for w in workers if not w.is_alive() and w.exitcode not in (0, None)]
    if dead:
        raise RuntimeError(f"an indexing worker died (exit {dead[0].exitcode})")
