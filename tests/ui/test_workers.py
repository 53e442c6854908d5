"""Background jobs report on the UI thread, and to nobody once the window has closed."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool

from briefreader.ui.common.workers import Jobs


def test_a_job_reports_its_result(qtbot) -> None:
    jobs = Jobs(QThreadPool())
    got: list[object] = []
    jobs.start(lambda _progress: 42, got.append, got.append, lambda _text: None)
    qtbot.waitUntil(lambda: got == [42])
    assert jobs.running == []


def test_a_job_finishing_after_close_reports_to_nobody(qtbot) -> None:
    """A check or import that ends while the window closes must not redraw its deleted panes."""
    pool = QThreadPool()
    jobs = Jobs(pool)
    release = threading.Event()
    heard: list[object] = []

    def work(progress) -> object:
        release.wait(10)
        progress("almost")
        raise RuntimeError("the store is closed")

    job = jobs.start(work, heard.append, heard.append, heard.append)
    finished: list[str] = []
    job.signals.failed.connect(finished.append)  # the job's own signal still fires
    jobs.close()
    release.set()
    assert pool.waitForDone(10000)
    qtbot.waitUntil(lambda: finished != [])
    assert heard == []
    late = jobs.start(lambda _progress: 1, heard.append, heard.append, heard.append)
    assert late not in jobs.running and pool.activeThreadCount() == 0
    qtbot.wait(50)
    assert heard == []
