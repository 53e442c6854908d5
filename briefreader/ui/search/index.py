"""Keeping the window's search index fresh: when to update it, and what to say about it.

The index is a cache of the library (and the analyst's notes), so it is
updated when the library was loaded at start-up, when an import changed
the set of documents, and when search opens with no update yet this
session or none for a while (notes may have changed). Each update runs in
a child process (`IndexRunner`); this object decides when, tells the engine
which documents snippets come from, and words the index's state for the
status bar: progress while it runs, "read-only" while another briefreader
holds it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from briefreader.control.search_engine import SearchEngine
from briefreader.domain import Document
from briefreader.ui.search.worker import IndexRunner

#: Opening search refreshes the index (notes may have changed) at most this often (s).
REFRESH_SECONDS = 30.0


class SearchIndexing(QObject):
    """When to update the index, and its state in one line."""

    #: An update ended (the index may hold new documents or notes): search again.
    updated = Signal()
    #: The status bar's line about the index changed.
    changed = Signal()
    #: A message for the status bar (rebuilt, busy, failed).
    message = Signal(str)

    def __init__(
        self,
        engine: SearchEngine,
        documents: Callable[[], list[Document]],
        runner: IndexRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._documents = documents
        self.runner = runner
        runner.setParent(self)
        runner.progress.connect(self._progress)
        runner.finished.connect(self._finished)
        runner.busy.connect(self._busy)
        runner.failed.connect(self._failed)
        self.updated_at = 0.0  # when an update last ended (0: none this session)
        self.note = ""  # why search is read-only or stale, "" when it is not
        self.progress = ""  # "indexing 40/120" while an update runs
        self._library: frozenset[str] = frozenset()
        #: Set on quit: no update may start after it (a child started then would
        #: keep the process alive until it finished).
        self._stopped = False

    @property
    def running(self) -> bool:
        return self.runner.running

    def status(self) -> str:
        if self.runner.running:
            return self.progress or "indexing…"
        return self.note

    # -- when to update ----------------------------------------------------------------

    def sync_documents(self, *, force: bool = False) -> bool:
        """Give the engine the window's documents if they changed; whether they did."""
        documents = self._documents()
        ids = frozenset(doc.id for doc in documents)
        if ids == self._library and not force:
            return False
        self._library = ids
        self.engine.set_documents(documents)
        return True

    def library_loaded(self) -> None:
        """The library was (re)loaded: update the index in the background."""
        self.sync_documents(force=True)
        if self._library:
            self._start()

    def documents_changed(self) -> None:
        """The reader's documents may have changed (an import): index what is new."""
        if self.sync_documents() and self.updated_at and self._library:
            self._start()

    def search_opened(self) -> None:
        """Search opened: update if nothing was updated yet, or not for a while."""
        stale = time.monotonic() - self.updated_at > REFRESH_SECONDS
        if not self.runner.running and (not self.updated_at or stale):
            self.sync_documents()
            self._start()

    def _start(self) -> None:
        if self._stopped:
            return
        if self.runner.start():
            self.progress = "indexing…"
        self.changed.emit()

    def stop(self) -> None:
        """Stop any update and start none again (the window is closing)."""
        self._stopped = True
        self.runner.cancel()

    # -- what happened -----------------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        self.progress = f"indexing {done}/{total}" if total else "indexing…"
        self.changed.emit()

    def _ended(self, note: str) -> None:
        self.updated_at = time.monotonic()
        self.note, self.progress = note, ""
        self.changed.emit()

    def _finished(self, changes: object) -> None:
        self._ended("")
        self.engine.notes_changed()
        from briefreader.search.indexer import IndexChanges  # loaded by the run already

        if isinstance(changes, IndexChanges) and changes.rebuilt and changes.rebuilt != "missing":
            self.message.emit(f"search index rebuilt ({changes.rebuilt})")
        self.updated.emit()

    def _busy(self, message: str) -> None:
        self._ended("index busy: searching it as it is (read-only)")
        self.message.emit(f"{message}; searching the index as it is")

    def _failed(self, message: str) -> None:
        self._ended("index not updated")
        self.message.emit(message)
