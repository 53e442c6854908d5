"""Running slow work (opening the library, finding entities) off the UI thread.

A `Job` runs a plain function in Qt's thread pool and reports back through
signals, which Qt delivers on the UI thread; the function gets a `progress`
callback that ends up in the status bar. The window never blocks on one.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(str)


class Job(QRunnable):
    def __init__(self, work: Callable[[Callable[[str], None]], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = JobSignals()
        self.setAutoDelete(False)  # the caller keeps the job (and its signals) alive

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except Exception as error:  # reported to the user, never swallowed
            detail = traceback.format_exception_only(error)[-1].strip()
            self.signals.failed.emit(detail)
            return
        self.signals.done.emit(result)


class Jobs:
    """The window's running jobs; holds references until each finishes.

    Once the window closes (`close`), a job that finishes late reports to
    nobody: its callbacks would redraw panes that are being deleted, or use a
    store that is already closed.
    """

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self.running: list[Job] = []
        self.closed = False

    def start(
        self,
        work: Callable[[Callable[[str], None]], object],
        done: Callable[[object], None],
        failed: Callable[[str], None],
        progress: Callable[[str], None],
    ) -> Job:
        job = Job(work)
        job.signals.done.connect(self._unless_closed(done))
        job.signals.failed.connect(self._unless_closed(failed))
        job.signals.progress.connect(self._unless_closed(progress))
        job.signals.done.connect(lambda _result, job=job: self._finished(job))
        job.signals.failed.connect(lambda _error, job=job: self._finished(job))
        if self.closed:
            return job  # never run: nothing would hear its answer
        self.running.append(job)
        self.pool.start(job)
        return job

    def _unless_closed(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            if not self.closed:
                callback(value)

        return deliver

    def close(self) -> None:
        """The window is going: answers that arrive from now on are dropped."""
        self.closed = True

    def _finished(self, job: Job) -> None:
        if job in self.running:
            self.running.remove(job)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
