"""Importing from the window: a worker, a progress bar, and files dropped on the window.

The import runs in a worker (`control.library.import_files`), so a 500-page
PDF or a 10,000-entry feed never freezes the window; the status bar says
what is being read ("importing 1/3: inbox/report.pdf, 120/500") and a bar
beside it shows how much of the whole import is done, pages and entries of
a long file included. Files and folders dropped anywhere on the window are
imported the same way; a drop while an import runs waits for it. The
reporting names files as they sit under what was given, never by path.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QProgressBar

from briefreader.control.library import ImportOutcome, import_files
from briefreader.ui.common.host import Host

#: The bar's resolution: a thousandth of the import.
STEPS = 1000


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders a drag carries (web links are not files)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class Importer(QObject):
    """Runs one import at a time for the window, queueing what arrives meanwhile."""

    def __init__(self, host: Host, superseded: Callable[[tuple[str, ...]], None]) -> None:
        window = host.main_window()
        super().__init__(window)
        self._host = host
        self._superseded = superseded
        self._queue: list[list[Path]] = []
        self._running = False
        self._fraction = 0.0  # how far the worker is (written on the worker's thread)
        #: (text, fraction) as the worker reported them; the UI takes them in order, so a
        #: message delivered late still moves the bar to where the worker was when it spoke.
        self._reports: deque[tuple[str, float]] = deque()
        self.bar = QProgressBar(window)
        self.bar.setObjectName("import-progress")
        self.bar.setAccessibleName("Import progress")
        self.bar.setRange(0, STEPS)
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.bar.hide()
        window.statusBar().addPermanentWidget(self.bar)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @property
    def running(self) -> bool:
        return self._running

    def start(self, files: list[Path]) -> None:
        """Import `files` now, or after the import that is running."""
        if self._running:
            self._queue.append(files)
            self._host.status(f"import queued ({len(files)} item(s)); one is running", 0)
            return
        self._running = True
        self._fraction = 0.0
        self.bar.setValue(0)
        self.bar.show()
        self._host.status("importing…", 0)
        paths = self._host.paths
        self._reports.clear()

        def work(progress: Callable[[str], None]) -> ImportOutcome:
            def report(text: str) -> None:
                self._reports.append((text, self._fraction))  # deque appends are thread-safe
                progress(text)

            return import_files(paths, files, report, self._set_fraction)

        self._host.jobs.start(work, self._done, self._failed, self._progress)

    def _set_fraction(self, value: float) -> None:
        self._fraction = value  # on the worker thread: a float store is atomic

    def _progress(self, text: str) -> None:
        fraction = self._reports.popleft()[1] if self._reports else self._fraction
        self.bar.setValue(int(min(max(fraction, 0.0), 1.0) * STEPS))
        self._host.status(text, 0)

    def _done(self, outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        host = self._host
        host.apply_snapshot(outcome.snapshot)
        self._superseded(outcome.superseded)
        if outcome.added and host.state.document(outcome.added[0]):
            host.open_document(outcome.added[0])
        skipped = "; ".join(f"{name}: {why}" for name, why in outcome.skipped[:3])
        more = len(outcome.skipped) - 3
        if more > 0:
            skipped += f"; and {more} more"
        host.status(f"import: {outcome.summary}" + (f" ({skipped})" if skipped else ""), 0)
        self._next()

    def _failed(self, error: object) -> None:
        self._host.status(f"import failed: {error}", 0)
        self._next()

    def _next(self) -> None:
        self._running = False
        self.bar.hide()
        if self._queue:
            self.start(self._queue.pop(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept files and folders dragged over the window; import them when dropped."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if dropped_paths(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = dropped_paths(event.mimeData())
            if paths:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.start(paths)
                return True
        return super().eventFilter(watched, event)
