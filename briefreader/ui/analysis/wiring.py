"""Putting the analysis pane into the window: its commands, its jobs, and what it follows.

It follows the library (a view is recomputed when next shown after the
documents changed), the search index (every time the index has taken in an
import, the standing queries run on the new documents), and the store's
undo (a deleted standing query can come back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from briefreader.analysis.names import UnknownEntityError, resolve
from briefreader.analysis.watch import run_watches, save_watch
from briefreader.control.mentions import entity_key
from briefreader.store import StoreError
from briefreader.ui.analysis.actions import ViewActions
from briefreader.ui.analysis.pane import AnalysisPane
from briefreader.ui.analysis.view_base import AnalysisView
from briefreader.ui.analysis.work import AnalysisData
from briefreader.ui.common.host import Host

if TYPE_CHECKING:
    from briefreader.ui.notes.work import NotesWork
    from briefreader.ui.search.wiring import SearchWiring


class AnalysisWork(QObject):
    """The analysis pane's controller: one per window."""

    def __init__(self, host: Host, search: SearchWiring, notes: NotesWork) -> None:
        super().__init__(host.main_window())
        self.host = host
        self.search = search
        self.notes = notes
        self.pane = AnalysisPane(host.main_window(), host.docks["analysis"])
        self.data = AnalysisData(host)
        self.actions = ViewActions(self)
        self.stale: set[str] = {v.command for v in self.pane.views}
        self._library: tuple[frozenset[str], int] = (frozenset(), 0)
        host.changes_applied.connect(self._library_changed)
        search.indexing.updated.connect(self.run_watches)

    # -- which view, and keeping it current ----------------------------------------------

    def owns(self, widget: object) -> bool:
        return self.pane.owns(widget)  # type: ignore[arg-type]

    def show(self, command: str) -> None:
        view = self.pane.view_for(command)
        self.pane.show(view)
        self.refresh(view, only_if_stale=True)
        self.host.show_mode()

    def focus(self) -> None:
        self.show(self.pane.current().command)

    def step(self, delta: int) -> None:
        self.show(self.pane.views[(self.pane.tabs.currentIndex() + delta) % 6].command)

    def _library_changed(self, changes: object) -> None:
        """After an import or once the counts are read: every view is out of date."""
        if not getattr(changes, "documents", False):
            return
        state = self.host.state
        now = (frozenset(doc.id for doc in state.documents), state.entities_known)
        if now == self._library:
            return  # a filter changed, not the library
        self._library = now
        self.stale = {v.command for v in self.pane.views}
        if self.pane.dock.isVisible():
            self.refresh(self.pane.current())

    def refresh(self, view: AnalysisView, *, only_if_stale: bool = False) -> None:
        """Recompute `view` in a job, or say why it cannot be."""
        if only_if_stale and view.command not in self.stale:
            return
        self.stale.discard(view.command)
        self.actions.compute(view)

    def run_job(
        self, work: Callable[[], object], done: Callable[[object], None], what: str
    ) -> None:
        self.host.jobs.start(
            lambda _progress: work(),
            done,
            lambda error: self.host.status(f"{what} failed: {error}", 10000),
            lambda text: self.host.status(text, 0),
        )

    # -- the dossier ------------------------------------------------------------------------

    def open_dossier(self) -> None:
        """The entity in the legend's current row, or the one under the reader's cursor."""
        state = self.host.state
        key = None
        if self.host.docks["legend"].widget().hasFocus():
            key = state.selected
        else:
            item = state.mention or state.mention_under_cursor()
            key = entity_key(item.mention) if item is not None else state.selected
        if key is None:
            self.host.status("put the cursor on a group or country first (] or e)")
            return
        self.data.settings.dossier = key
        self.stale.add("show-dossier")
        self.show("show-dossier")

    def dossier_of(self, name: str) -> None:
        try:
            key = resolve(self.data.matcher().gazetteer, name)
        except UnknownEntityError as error:
            self.host.status(str(error))
            return
        self.data.settings.dossier = key
        self.stale.add("show-dossier")
        self.show("show-dossier")

    # -- standing queries -----------------------------------------------------------------

    def run_watches(self) -> None:
        """The index has taken in the library: run the standing queries on what is new."""
        store = self.host.store()
        if store is None or store.read_only or not store.watches.list():
            self.update_inbox_count()
            return
        searcher = self.search.engine.searcher()
        data = self.data

        def done(result: object) -> None:
            hits = getattr(result, "hits", 0)
            if hits:
                self.host.status(f"standing queries: {hits} new in the inbox (8 then I)", 10000)
            self.stale.add("show-inbox")
            self.update_inbox_count()
            if self.pane.dock.isVisible() and self.pane.current() is self.pane.inbox:
                self.refresh(self.pane.inbox)

        self.run_job(lambda: run_watches(store, searcher, data.counts()), done, "standing queries")

    def save_watch(self, name: str, query: str) -> None:
        store = self.host.store()
        if store is None:
            self.host.status("the work store is not open: standing queries cannot be saved")
            return
        try:
            save_watch(store, self.search.engine.searcher(), name, query)
        except (ValueError, StoreError) as error:
            self.host.status(f"not saved: {error}", 10000)
            return
        self.host.status(f"saved “{name}”: documents imported from now on are checked against it")
        self.refresh(self.pane.inbox)

    def update_inbox_count(self) -> None:
        store = self.host.store()
        self.pane.set_inbox_count(store.watches.unseen_count() if store is not None else 0)

    def close(self) -> None:
        self.data.close()


def attach_analysis(host: Host, search: SearchWiring, notes: NotesWork) -> AnalysisWork:
    """Make the analysis pane in its dock (`host.docks["analysis"]`, placed by the window
    with `dock.place_analysis_dock`) and bind its commands."""
    work = AnalysisWork(host, search, notes)
    host.registry.bind_many(work.actions.handlers())
    for name in ("undo", "redo"):  # a deleted standing query may come back
        host.registry.follow(name, lambda: work.refresh(work.pane.inbox))
    return work
