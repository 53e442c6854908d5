"""Exporting a briefing in the background, with progress, cancel, and the offer to open it.

The export (`control.composer_jobs.export_to`) runs in Qt's thread pool. Its
progress arrives as signals on the UI thread and goes to the status bar (a
message and a progress bar), so the window stays responsive. When the file (PDF, Word
or Markdown) is written the analyst is offered to open it in the desktop's
application for it; warnings
(flagged excerpts, characters the fonts cannot draw) are part of that
prompt, and a failure (unwritable path, ...) is shown in a message box, never
only in a log.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar

from briefreader.control.composer_jobs import Stage, export_to, result_lines
from briefreader.paths import DataPaths
from briefreader.store import Store, StoreError
from briefreader.ui.composer.dialogs import ExportPathDialog, ask_yes_no, show_modal, tell

#: The question after an export, by format.
OPEN_IN = {
    "pdf": "Open it in the PDF viewer?",
    "docx": "Open it in the word processor?",
    "md": "Open it in the Markdown editor?",
}


def open_in_viewer(path: Path) -> bool:
    """Open a file in the desktop's viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # ExportResult
    failed = Signal(str)
    cancelled = Signal()


class ExportJob(QRunnable):
    def __init__(
        self, work: Callable[[Callable[[int, int], None], threading.Event], object]
    ) -> None:
        super().__init__()
        self.work = work
        self.cancel = threading.Event()
        self.signals = ExportSignals()
        self.setAutoDelete(False)  # the runner keeps the job (and its signals) alive

    def run(self) -> None:
        from briefreader.export.exporter import ExportCancelled, ExportError

        try:
            result = self.work(self.signals.progress.emit, self.cancel)
        except ExportCancelled:
            self.signals.cancelled.emit()
        except (ExportError, StoreError) as error:  # one-line messages for the analyst
            self.signals.failed.emit(str(error))
        except Exception as error:  # a bug: still reported, never swallowed
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.signals.done.emit(result)


class ExportRunner(QObject):
    """At most one export at a time, shown in the window's status bar."""

    finished = Signal(object)  # the ExportResult, or None when it failed or was cancelled

    def __init__(self, window: QMainWindow, pool: QThreadPool | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.pool = pool or QThreadPool.globalInstance()
        self.job: ExportJob | None = None
        self.name = ""
        self._shown_percent = -1
        self.open_pdf: Callable[[Path], bool] = open_in_viewer
        self.bar = QProgressBar(window.statusBar())
        self.bar.setObjectName("export-progress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(True)
        self.bar.hide()
        window.statusBar().addPermanentWidget(self.bar)

    @property
    def running(self) -> bool:
        return self.job is not None

    def status(self, message: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(message.replace("\n", " "), timeout)

    def start(self, store: Store, paths: DataPaths, briefing_id: int, name: str, out: Path) -> None:
        if self.job is not None:
            self.status(f"an export of “{self.name}” is running already (Ctrl+E cancels it)")
            return
        self.name = name

        def work(progress: Callable[[int, int], None], cancel: threading.Event) -> object:
            return export_to(store, paths, briefing_id, out, progress, cancel)

        job = ExportJob(work)
        job.signals.progress.connect(self._progress)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.job = job
        self._shown_percent = -1
        self.bar.setRange(0, 0)  # busy until the first figure arrives
        self.bar.show()
        self.status(f"exporting “{name}” to {out}…")
        self.pool.start(job)

    def offer(self, name: str, start: Path, begin: Callable[[Path], None]) -> None:
        """Ask where to write (prefilled with `start`), confirm a replacement, then `begin`."""
        dialog = ExportPathDialog(self.window, name, start)

        def chosen(path: Path) -> None:
            if path.exists():
                ask_yes_no(
                    self.window,
                    "Replace the file?",
                    f"{path} exists. Replace it? (It is replaced only once the new file "
                    "is complete.)",
                    lambda: begin(path),
                    default_yes=False,
                )
            else:
                begin(path)

        dialog.path_chosen.connect(chosen)
        show_modal(dialog, self.window)
        dialog.path.setFocus()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel.set()
            self.status(f"cancelling the export of “{self.name}”…")

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    # -- signals from the worker -------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        stage = Stage(done, total)
        if stage.percent == self._shown_percent and done < total:
            return  # a 5,000-excerpt export reports 10,001 steps: redraw once per percent
        self._shown_percent = stage.percent
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.status(f"exporting “{self.name}”: {stage.describe()}")

    def _end(self) -> None:
        self.job = None
        self.bar.hide()

    def _done(self, result: object) -> None:
        self._end()
        headline, warnings = result_lines(result)  # type: ignore[arg-type]
        self.status(headline + (f" — {len(warnings)} warning(s)" if warnings else ""), 15000)
        path: Path = result.path  # type: ignore[attr-defined]
        viewer = OPEN_IN.get(getattr(result, "format", "pdf"), "Open it?")
        ask_yes_no(
            self.window,
            "Briefing exported",
            f"{headline[:1].upper()}{headline[1:]}.\n\n{viewer}",
            lambda: self._open(path),
            details="\n".join(warnings),
            icon=QMessageBox.Icon.Warning if warnings else QMessageBox.Icon.Question,
        )
        self.finished.emit(result)

    def _open(self, path: Path) -> None:
        if not self.open_pdf(path):
            self.status(f"no application could open {path}", 15000)

    def _failed(self, message: str) -> None:
        self._end()
        self.status(f"export failed: {message}", 15000)
        tell(self.window, "Export failed", f"The briefing “{self.name}” was not exported.", message)
        self.finished.emit(None)

    def _cancelled(self) -> None:
        self._end()
        self.status(f"export of “{self.name}” cancelled; no file was changed", 10000)
        self.finished.emit(None)
