"""What each analysis command does in the view that is showing.

A command that means nothing in the current view says so in the status
bar rather than doing something surprising. Lists of documents go to the
document list as its filter (`ReaderState.show_only`), and the document
list gets the keyboard, so J/K and Return read them at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefreader.analysis.batch import batch_lines
from briefreader.analysis.cooccur import documents_behind
from briefreader.analysis.names import UnknownEntityError, resolve
from briefreader.analysis.trends import documents_in
from briefreader.store import StoreError
from briefreader.ui.analysis.prompts import ask_list, ask_text, ask_watch
from briefreader.ui.analysis.view_base import AnalysisView

if TYPE_CHECKING:
    from briefreader.ui.analysis.wiring import AnalysisWork

Handler = Callable[[], object]


class ViewActions:
    def __init__(self, work: AnalysisWork) -> None:
        self.work = work
        self.pane = work.pane
        self.data = work.data
        self.host = work.host

    def handlers(self) -> dict[str, Handler]:
        work = self.work
        handlers: dict[str, Handler] = {
            view.command: (lambda command=view.command: work.show(command))
            for view in self.pane.views
        }
        handlers.update(
            {
                "focus-analysis": work.focus,
                "open-dossier": work.open_dossier,
                "next-analysis-view": lambda: work.step(1),
                "previous-analysis-view": lambda: work.step(-1),
                "analysis-open": self.open,
                "analysis-filter": self.filter,
                "analysis-previous-item": lambda: self.move(-1),
                "analysis-next-item": lambda: self.move(1),
                "timeline-add-entity": self.add_entity,
                "timeline-remove-entity": self.remove_entity,
                "timeline-toggle-unit": lambda: self.setting("unit"),
                "timeline-cycle-metric": lambda: self.setting("metric"),
                "matrix-toggle-columns": lambda: self.setting("columns"),
                "matrix-toggle-count": lambda: self.setting("count_by"),
                "since-choose": self.choose_since,
                "save-search-as-watch": self.new_watch,
                "delete-watch": self.delete_watch,
                "mark-hit-seen": lambda: self.mark_seen(every=False),
                "mark-all-seen": lambda: self.mark_seen(every=True),
                "batch-paste": self.paste_batch,
            }
        )
        return handlers

    # -- computing a view -------------------------------------------------------------------

    def compute(self, view: AnalysisView) -> None:
        work, data, pane = self.work, self.data, self.pane
        title_of = self._title_of
        if view is pane.dossier:
            entity = data.settings.dossier
            if entity is not None:
                work.run_job(
                    lambda: data.dossier(entity),
                    lambda d: pane.dossier.show_dossier(d, title_of),  # type: ignore[arg-type]
                    "the dossier",
                )
        elif view is pane.timeline:
            timeline = pane.timeline
            work.run_job(data.timeline, timeline.show_timeline, "the timeline")  # type: ignore[arg-type]
        elif view is pane.matrix:
            shown = pane.matrix
            work.run_job(data.matrix, lambda m: shown.show_matrix(*m), "the matrix")  # type: ignore[misc]
        elif view is pane.since:
            work.run_job(data.since, pane.since.show_since, "what's new")  # type: ignore[arg-type]
        elif view is pane.inbox:
            self._show_inbox()
        elif view is pane.batch and data.settings.batch:
            searcher = work.search.engine.searcher()
            rows = pane.batch.show_rows
            work.run_job(lambda: data.batch(searcher), rows, "batch search")  # type: ignore[arg-type]

    def _show_inbox(self) -> None:
        store = self.host.store()
        if store is None:
            self.pane.inbox.show_message("Standing queries", "The work store is not open.")
            return
        hits = store.watches.hits()
        titles = {h.doc_id: self._title_of(h.doc_id) for h in hits}
        self.pane.inbox.show_inbox(store.watches.list(), hits, titles, store.watches.unseen_count())
        self.work.update_inbox_count()

    def _title_of(self, doc_id: str) -> str:
        doc = self.host.state.document(doc_id)
        return (doc.title or "(untitled)") if doc is not None else "(no longer in the library)"

    # -- acting on the current item --------------------------------------------------------

    def _open_document(self, doc_id: object) -> None:
        if isinstance(doc_id, str) and self.host.state.document(doc_id) is not None:
            self.host.open_document(doc_id)
            self.host.focus_pane("reader")
        else:
            self.host.status("that document is not in the library any more")

    def _list(self, doc_ids: list[str], label: str) -> None:
        self.host.apply(self.host.state.show_only(doc_ids, label))
        if doc_ids:
            self.host.focus_pane("documents")

    def open(self) -> None:
        view, pane = self.pane.current(), self.pane
        if view is pane.dossier:
            if pane.dossier.excerpts.hasFocus():
                excerpt = pane.dossier.excerpts.current_key()
                if isinstance(excerpt, int):
                    self.work.notes.go_to(excerpt)
                return
            self._open_document(pane.dossier.documents.current_key())
        elif view is pane.since and pane.since.changes.hasFocus():
            entity = pane.since.changes.current_key()
            if isinstance(entity, tuple):
                self.data.settings.dossier = entity  # type: ignore[assignment]
                self.work.stale.add("show-dossier")
                self.work.show("show-dossier")
        elif view is pane.since:
            self._open_document(pane.since.documents.current_key())
        elif view is pane.inbox and pane.inbox.watches.hasFocus():
            self._search(pane.inbox.watches.current_key(), watch=True)
        elif view is pane.inbox:
            doc_id = pane.inbox.hits.current_key()
            self.mark_seen(every=False, quiet=True)
            self._open_document(doc_id)
        elif view is pane.batch:
            self._search(pane.batch.table.current_key(), watch=False)
        else:
            self.filter()

    def _search(self, key: object, *, watch: bool) -> None:
        """Open the search bar on a standing query's or a batch row's query."""
        if not isinstance(key, str):
            return
        query = key
        if watch and (store := self.host.store()) is not None:
            query = store.watches.get(key).query
        search = self.work.search
        search.open_search()
        search.pane.line.setText(query)
        search.pane.flush()

    def filter(self) -> None:
        """Put the view's documents in the list filter."""
        view, pane, data = self.pane.current(), self.pane, self.data
        if view is pane.timeline:
            timeline, chosen = pane.timeline.timeline, pane.timeline.chart.chosen
            if timeline is None or not 0 <= chosen < len(timeline.periods):
                return
            period = timeline.periods[chosen]
            entities = [s.entity for s in timeline.series]
            ids = documents_in(data.counts(), period, entities)
            names = ", ".join(e[1] for e in entities[:3]) + ("…" if len(entities) > 3 else "")
            self._list(ids, f"{period.label}: {names}")
        elif view is pane.matrix:
            cell = pane.matrix.model.cell(pane.matrix.table.currentIndex())
            table = pane.matrix.matrix
            if cell is None or table is None:
                self.host.status("choose a cell off the diagonal")
                return
            ids = documents_behind(data.counts(), *cell, count_by=table.count_by)
            self._list(ids, f"{cell[0][1]} with {cell[1][1]} ({table.count_by})")
        elif view is pane.since and pane.since.since is not None:
            self._list(list(pane.since.since.doc_ids), f"new since {pane.since.since.cut.label}")
        elif view is pane.dossier and pane.dossier.dossier is not None:
            dossier = pane.dossier.dossier
            self._list([d.doc_id for d in dossier.documents], f"naming {dossier.entity[1]}")
        elif view is pane.inbox and (store := self.host.store()) is not None:
            ids = list(dict.fromkeys(h.doc_id for h in store.watches.hits(unseen_only=True)))
            self._list(ids, "waiting in the inbox")
        else:
            self.host.status("nothing to list here")

    def move(self, delta: int) -> None:
        view, pane = self.pane.current(), self.pane
        if view is pane.timeline:
            pane.timeline.chart.step(delta)
        elif view is pane.matrix:
            table = pane.matrix.table
            index = table.currentIndex()
            column = max(0, min(index.column() + delta, pane.matrix.model.columnCount() - 1))
            table.setCurrentIndex(pane.matrix.model.index(max(index.row(), 0), column))
        else:
            self.host.status("h and l move through the timeline's periods or the matrix")

    # -- settings ---------------------------------------------------------------------------

    def setting(self, name: str) -> None:
        s, pane = self.data.settings, self.pane
        flips = {
            "unit": ("month", "week", pane.timeline),
            "columns": ("country", "group", pane.matrix),
            "count_by": ("document", "paragraph", pane.matrix),
        }
        if name == "metric":
            order = ("mentions", "documents", "share")
            s.metric = order[(order.index(s.metric) + 1) % 3]  # type: ignore[assignment]
            view = pane.timeline
        else:
            first, second, view = flips[name]
            setattr(s, name, second if getattr(s, name) == first else first)
        self.work.show(view.command)
        self.work.refresh(view)

    def add_entity(self) -> None:
        names = self.data.entity_names()
        window = self.host.main_window()
        ask_text(window, "Timeline", "Group or country:", self._add_entity, names)

    def _add_entity(self, typed: str) -> None:
        try:
            entity = resolve(self.data.matcher().gazetteer, typed)
        except UnknownEntityError as error:
            self.host.status(str(error), 10000)
            return
        s = self.data.settings
        if not s.timeline and self.pane.timeline.timeline is not None:
            s.timeline = [series.entity for series in self.pane.timeline.timeline.series]
        if entity not in s.timeline:
            s.timeline.append(entity)
        self.work.show("show-timeline")
        self.work.refresh(self.pane.timeline)

    def remove_entity(self) -> None:
        s = self.data.settings
        if not s.timeline and self.pane.timeline.timeline is not None:
            s.timeline = [series.entity for series in self.pane.timeline.timeline.series]
        if len(s.timeline) <= 1:
            self.host.status("the timeline keeps at least one entity")
            return
        removed = s.timeline.pop()
        self.host.status(f"{removed[1]} taken off the timeline")
        self.work.show("show-timeline")
        self.work.refresh(self.pane.timeline)

    def choose_since(self) -> None:
        store = self.host.store()
        names = [b.name for b in store.briefings.list()] if store is not None else []
        label = "Briefing, or a date (2024-03-01):"
        ask_text(self.host.main_window(), "What's new since…", label, self._since, names)

    def _since(self, typed: str) -> None:
        self.data.settings.since = typed
        self.work.show("show-since")
        self.work.refresh(self.pane.since)

    # -- standing queries and batch ---------------------------------------------------------

    def new_watch(self) -> None:
        query = self.work.search.pane.line.text().strip()
        ask_watch(self.host.main_window(), query, self.work.save_watch)

    def delete_watch(self) -> None:
        name = self.pane.inbox.watches.current_key()
        store = self.host.store()
        if self.pane.current() is not self.pane.inbox or not isinstance(name, str) or not store:
            self.host.status("choose a standing query in the inbox (I) first")
            return
        try:
            store.watches.remove(name)
        except StoreError as error:
            self.host.status(f"not deleted: {error}")
            return
        self.host.status(f"deleted “{name}” (Ctrl+Z brings it back)")
        self.work.refresh(self.pane.inbox)

    def mark_seen(self, *, every: bool, quiet: bool = False) -> None:
        store = self.host.store()
        if store is None:
            return
        doc_id = self.pane.inbox.hits.current_key()
        try:
            if every:
                store.watches.mark_seen()
            elif isinstance(doc_id, str):
                store.watches.mark_seen([doc_id])
        except StoreError as error:
            self.host.status(f"not saved: {error}")
            return
        if not quiet:
            self.work.refresh(self.pane.inbox)
        else:
            self.work.stale.add("show-inbox")
            self.work.update_inbox_count()

    def paste_batch(self) -> None:
        earlier = "\n".join(self.data.settings.batch)
        ask_list(self.host.main_window(), earlier, self._batch)

    def _batch(self, text: str) -> None:
        queries = batch_lines(text)
        if not queries:
            self.host.status("no queries: one per line")
            return
        self.data.settings.batch = queries
        self.work.show("show-batch")
        self.work.refresh(self.pane.batch)
