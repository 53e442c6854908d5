"""Search work off the UI thread: queries on a thread of their own, indexing in a child process.

Queries run on a private one-thread pool, not the window's shared pool: an
import or an entity scan occupying the shared threads must never make
search-as-you-type wait. Requests are coalesced per kind: while one query
runs, only the newest waiting one survives, so a fast typist costs at most
one query in flight and one queued, and every answer carries the token it
was asked with so the state can drop a stale one.

Indexing is CPU-bound Python, which in a thread would hold the GIL and make
the event loop stutter; it runs in a child process (`IndexJob`), polled by a
timer that only reads the progress the child sent.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from briefreader.control.search_engine import one_line, start_indexing
from briefreader.paths import DataPaths

if TYPE_CHECKING:  # Whoosh loads with the first indexing run, after the first paint
    from briefreader.search.background import IndexJob

#: How often the index job's progress is read while it runs (ms).
POLL_MS = 50


class _TaskSignals(QObject):
    done = Signal(str, int, object)


class _Task(QRunnable):
    def __init__(self, kind: str, token: int, work: Callable[[], object]) -> None:
        super().__init__()
        self.kind, self.token, self.work = kind, token, work
        self.signals = _TaskSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result: object = self.work()
        except Exception as error:  # never lost, never a traceback in the window
            result = RuntimeError(one_line(traceback.format_exception_only(error)[-1]))
        self.signals.done.emit(self.kind, self.token, result)


class SearchThread(QObject):
    """Runs search work one task at a time; the newest request of each kind wins."""

    #: kind, token, result (an Exception if the work raised)
    answered = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._pending: dict[str, tuple[int, Callable[[], object]]] = {}
        self._running: _Task | None = None

    def submit(self, kind: str, token: int, work: Callable[[], object]) -> None:
        self._pending.pop(kind, None)  # an older request of this kind is stale: drop it
        self._pending[kind] = (token, work)
        self._pump()

    @property
    def busy(self) -> bool:
        return self._running is not None or bool(self._pending)

    def _pump(self) -> None:
        if self._running is not None or not self._pending:
            return
        kind = next(iter(self._pending))
        token, work = self._pending.pop(kind)
        task = _Task(kind, token, work)
        task.signals.done.connect(self._done)
        self._running = task
        self.pool.start(task)

    def _done(self, kind: str, token: int, result: object) -> None:
        self._running = None
        self.answered.emit(kind, token, result)
        self._pump()

    def stop(self, msecs: int = 3000) -> None:
        """Forget waiting work and wait for the running task (on quit)."""
        self._pending.clear()
        self.pool.waitForDone(msecs)


class IndexRunner(QObject):
    """Keeps the index up to date in a child process; one update at a time."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # IndexChanges
    busy = Signal(str)  # another process holds the index: search it as it is
    failed = Signal(str)  # one line

    def __init__(
        self,
        paths: DataPaths,
        start: Callable[[DataPaths, float], IndexJob] = start_indexing,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._start = start
        #: How long an update waits for another process's lock before saying "busy" (s).
        self.lock_timeout = 10.0
        self.job: IndexJob | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self) -> bool:
        """Start an update; if one is running, run another once it ends (False)."""
        if self.job is not None:
            self._again = True
            return False
        try:
            self.job = self._start(self.paths, self.lock_timeout)
        except Exception as error:  # e.g. no process could be started
            self.failed.emit(one_line(f"search index not updated: {error}"))
            return False
        self._timer.start()
        return True

    def _poll(self) -> None:
        job = self.job
        if job is None:
            self._timer.stop()
            return
        events = job.poll()
        if events:
            last = events[-1]
            self.progress.emit(last.done, last.total)
        if not job.finished:
            return
        self._timer.stop()
        self.job = None
        from briefreader.search.indexer import IndexBusyError  # loaded by `start` already

        try:
            changes = job.result()
        except IndexBusyError as error:
            self.busy.emit(one_line(str(error)))
        except Exception as error:
            self.failed.emit(one_line(f"search index not updated: {error}"))
        else:
            self.finished.emit(changes)
        if self._again:
            self._again = False
            self.start()

    def cancel(self) -> None:
        """Stop a running update (on quit): an unfinished update is never committed."""
        self._again = False
        self._timer.stop()
        job, self.job = self.job, None
        if job is not None:
            job.cancel()
