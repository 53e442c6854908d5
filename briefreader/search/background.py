"""Indexing in a child process, so the caller's event loop never stalls.

Indexing is CPU-bound Python: run in a thread, it holds the GIL for long
stretches and a Qt event loop in the same process stutters. A child process
(started with "spawn", which is safe from a process running Qt threads)
runs `update_from_library` and streams progress back over a pipe.

Two ways to use it:

- from a worker thread: `build_in_child(paths, progress)` blocks until done
  and calls `progress(done, total)` from that thread;
- from the UI thread with a timer: `job = IndexJob.start(paths)`, then
  `job.poll()` every ~50 ms returns the progress events that arrived without
  blocking; `job.result()` once `job.finished`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from briefreader.paths import DataPaths
from briefreader.search.indexer import IndexBusyError, IndexChanges
from briefreader.search.parallel import ProgressFn

#: How much lower than the caller's the indexing processes' priority is.
BACKGROUND_NICENESS = 5


class IndexJobError(RuntimeError):
    """The child failed; the message is one line."""


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int


def _update_library(paths: DataPaths, procs: int, lock_timeout: float, progress: ProgressFn) -> Any:
    from briefreader.search.sources import update_from_library

    # The whole DataPaths travels (pickled): with a team workspace the child
    # reads the shared library on the server, not a local file.
    return update_from_library(paths, progress=progress, procs=procs, lock_timeout=lock_timeout)


def _child(func: Callable[..., Any], args: tuple[Any, ...], conn: Connection) -> None:
    # Own process group, so `cancel` also stops the workers this child forks.
    if hasattr(os, "setpgrp"):
        os.setpgrp()
    # Background work yields to the window: on a busy machine the scheduler
    # then serves the UI's event loop first (workers inherit the niceness).
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(BACKGROUND_NICENESS)
    last = [-1]

    def progress(done: int, total: int) -> None:
        # At most ~200 messages per build: the parent only draws a bar.
        step = max(1, total // 200)
        if done == total or done - last[0] >= step:
            last[0] = done
            conn.send(("progress", done, total))

    try:
        conn.send(("done", func(*args, progress=progress)))
    except IndexBusyError as error:
        conn.send(("busy", str(error)))
    except BaseException as error:
        conn.send(("error", _reason(error)))
    finally:
        conn.close()


def _reason(error: BaseException) -> str:
    """What went wrong, in one line the window can show: never a local path.

    An OSError names the file it failed on ("[Errno 28] No space left on
    device: '/home/…/index/_MAIN_3.seg'"); the analyst reads "the disk is full".
    """
    import sqlite3

    from briefreader.last_net import without_paths
    from briefreader.sqlfile.faults import describe_os_error

    if isinstance(error, OSError | sqlite3.Error):
        return describe_os_error(error)
    return without_paths(f"{type(error).__name__}: {error}")


class IndexJob:
    """One index update running in a child process."""

    def __init__(self, process: Any, conn: Connection) -> None:
        self._process = process
        self._conn = conn
        self._outcome: tuple[str, Any] | None = None

    @classmethod
    def start(cls, paths: DataPaths, *, procs: int = 2, lock_timeout: float = 10.0) -> IndexJob:
        """Bring `paths.index_dir` up to date with the library, in a child process."""
        return cls.start_call(_update_library, paths, procs, lock_timeout)

    @classmethod
    def start_call(cls, func: Callable[..., Any], *args: Any) -> IndexJob:
        """Run `func(*args, progress=...)` in a spawned child; `result()` is its return.

        `func` must be importable by name (module level) and its result picklable.
        """
        ctx = multiprocessing.get_context("spawn")
        receiver, sender = ctx.Pipe(duplex=False)
        process = ctx.Process(
            # Not a daemon: daemons may not fork, and the child forks its workers.
            target=_child,
            args=(func, args, sender),
            name="briefreader-indexer",
            daemon=False,
        )
        process.start()
        sender.close()
        return cls(process, receiver)

    @property
    def finished(self) -> bool:
        return self._outcome is not None

    def poll(self, timeout: float = 0.0) -> list[Progress]:
        """Progress events received so far (waits at most `timeout` for the first)."""
        events: list[Progress] = []
        if self._outcome is not None:
            return events
        try:
            while self._conn.poll(timeout):
                timeout = 0.0
                message = self._conn.recv()
                if message[0] == "progress":
                    events.append(Progress(message[1], message[2]))
                else:
                    self._finish((message[0], message[1]))
                    break
        except (EOFError, OSError):
            self._finish(("error", f"the indexing process stopped (exit {self._exitcode()})"))
        return events

    def _exitcode(self) -> int | None:
        self._process.join(timeout=5)
        return self._process.exitcode

    def _finish(self, outcome: tuple[str, Any]) -> None:
        self._outcome = outcome
        self._conn.close()
        self._process.join(timeout=10)

    def result(self) -> Any:
        """What the child returned (IndexChanges for `start`); raises
        IndexBusyError or IndexJobError."""
        if self._outcome is None:
            raise RuntimeError("the index job has not finished")
        kind, value = self._outcome
        if kind == "done":
            return value
        if kind == "busy":
            raise IndexBusyError(value)
        raise IndexJobError(f"indexing failed: {value}")

    def wait(self, progress: ProgressFn | None = None) -> Any:
        while not self.finished:
            for event in self.poll(timeout=0.2):
                if progress is not None:
                    progress(event.done, event.total)
        return self.result()

    def cancel(self) -> None:
        """Stop the child (the index stays valid: an unfinished update is never committed)."""
        if self._process.is_alive():
            if hasattr(os, "killpg"):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self._process.pid, signal.SIGTERM)
            self._process.terminate()
            self._process.join(timeout=5)
        if self._outcome is None:
            self._finish(("error", "cancelled"))


def build_in_child(
    paths: DataPaths, progress: ProgressFn | None = None, *, procs: int = 2
) -> IndexChanges:
    """Run `update_from_library` in a child process and wait for it."""
    changes: IndexChanges = IndexJob.start(paths, procs=procs).wait(progress)
    return changes
