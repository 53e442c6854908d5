"""Search in the window: the pane, the marks, the workers and the commands, tied together.

`WindowSearch` is made once per window (`attach_search`). It keeps the
pure `SearchState`, sends queries and per-document marking to the search
thread, keeps the index fresh in a child process, and binds the search
commands. It hears about everything else through the window's
`changes_applied` signal: a newly opened document gets its matches marked,
a changed filter narrows the ranked list, a changed library is indexed.

Indexing starts when the library has been loaded at start-up (after the
first paint), after an import, and when search opens with no index yet.
A missing, corrupt or outdated index is rebuilt silently by the core; an
index held by another briefreader is searched as it stands, and the status
bar says so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from briefreader.control.changes import Changes
from briefreader.control.search_engine import SearchEngine
from briefreader.control.searching import SearchChanges, SearchOutcome, SearchState
from briefreader.ui.common.announce import announce
from briefreader.ui.common.host import Host
from briefreader.ui.reader.view import ReaderView
from briefreader.ui.search.bar import SearchPane, dock_under, find_action, status_label
from briefreader.ui.search.index import SearchIndexing
from briefreader.ui.search.marks import HitMarks
from briefreader.ui.search.worker import IndexRunner, SearchThread


class WindowSearch(QObject):
    def __init__(
        self,
        host: Host,
        reader: ReaderView,
        *,
        engine: SearchEngine | None = None,
        indexer: IndexRunner | None = None,
    ) -> None:
        super().__init__(host.main_window())
        self.host = host
        self.reader = reader
        self.state = SearchState()
        self.engine = engine or SearchEngine(host.paths)
        self.thread = SearchThread(self)
        self.thread.answered.connect(self._answered)
        self.indexing = SearchIndexing(
            self.engine,
            lambda: host.state.documents,
            indexer or IndexRunner(host.paths),
            self,
        )
        self.indexing.updated.connect(self._index_updated)
        self.indexing.changed.connect(self._show_label)
        self.indexing.message.connect(lambda text: host.status(text, 10000))
        self._jump_to_first = ""  # a document opened from the results: go to its first match
        self._commit_when_answered = False
        self._hid_filters = False  # the filters dock stepped aside for the results
        self._build(host)
        self._bind(host)

    # -- construction ------------------------------------------------------------------

    def _build(self, host: Host) -> None:
        window = host.main_window()
        self.pane = SearchPane(window)
        self.pane.query_changed.connect(self.search_for)
        self.pane.line.bind(host.keymap.bindings("search"), host.run_command)
        self.pane.results.activated.connect(lambda index: self._go(index.row(), focus=True))
        self.pane.results.selectionModel().currentChanged.connect(self._row_changed)
        self.pane.show_message("")
        self.dock = dock_under(window, self.pane, host.docks.get("documents"))
        host.docks["search"] = self.dock
        self.marks = HitMarks(self.reader)
        self.label = status_label(window.statusBar())
        # Qt's Find key (Ctrl+F here) keeps its meaning: it opens search.
        self.find_action = find_action(window, lambda: host.run_command("search"))
        host.changes_applied.connect(self.after_apply)
        window.installEventFilter(self)

    def _bind(self, host: Host) -> None:
        host.registry.bind_many(
            {
                "search": self.open_search,
                "search-commit": self.commit,
                "search-next-result": lambda: self.step_result(1),
                "search-previous-result": lambda: self.step_result(-1),
                "next-hit": lambda: self.step_hit(1),
                "previous-hit": lambda: self.step_hit(-1),
                "next-hit-document": lambda: self.step_document(1),
                "previous-hit-document": lambda: self.step_document(-1),
                "clear-search": self.clear,
            }
        )

    # -- the library and the index -----------------------------------------------------

    def library_changed(self) -> None:
        """The library was (re)loaded: search its documents and bring the index up to date."""
        self.indexing.library_loaded()

    def _index_updated(self) -> None:
        if self.state.query:
            self._ask(self.state.query, again=True)  # new documents may match now
        else:
            self.thread.submit("warm", 0, self.engine.warm)

    # -- queries -----------------------------------------------------------------------

    def search_for(self, text: str) -> None:
        """Run `text` (after typing paused); an empty line ends the search."""
        if not text.strip():
            if self.state.query or self.state.outcome is not None:
                self._apply(self.state.clear())
            return
        self._ask(text)

    def _ask(self, text: str, *, again: bool = False) -> None:
        self.indexing.sync_documents()
        token = self.state.request(text, again=again)
        if token is None:
            return
        engine = self.engine
        self.thread.submit("query", token, lambda: engine.run(text))
        self._show_label(searching=True)

    def _answered(self, kind: str, token: int, result: object) -> None:
        if kind == "query":
            if isinstance(result, Exception):
                result = SearchOutcome(self.state.query, error=f"search failed: {result}")
            if isinstance(result, SearchOutcome):
                changes = self.state.accept(token, result)
                self._apply(changes)
                if changes.results and self.state.active:
                    self._mark_current_document()
                if changes.results and self._commit_when_answered:
                    self._commit_when_answered = False
                    self.commit()
        elif kind == "marks" and isinstance(result, tuple):
            doc_id, hits = result
            current = self.host.state.current
            if token != self.state.latest or current is None or current.id != doc_id:
                return  # an answer for another query or another document
            changes = self.state.set_hits(doc_id, hits)
            if self._jump_to_first == doc_id:
                self._jump_to_first = ""
                changes |= self.state.first_hit(self.host.state.visible_paragraphs())
            self._apply(changes, quiet=True)
        self._show_label()

    def _mark_current_document(self) -> None:
        doc = self.host.state.current
        outcome = self.state.outcome
        if doc is None or outcome is None or not self.state.active:
            return
        self._apply(self.state.forget_document(doc.id))
        if outcome.plan is None:  # nothing matched anywhere
            self._apply(self.state.set_hits(doc.id, ()))
            return
        mentions = self.host.state.mentions
        found = (
            [item.mention for item in mentions.items]
            if mentions is not None and mentions.doc_id == doc.id
            else None
        )
        engine, plan = self.engine, outcome.plan
        self.thread.submit(
            "marks", self.state.latest, lambda: (doc.id, engine.document_hits(plan, doc, found))
        )

    # -- redrawing ---------------------------------------------------------------------

    def _apply(self, changes: SearchChanges, *, quiet: bool = False) -> None:
        state = self.state
        if changes.results:
            self.pane.model.set_rows(state.rows)
            outcome = state.outcome
            self.pane.show_message(state.summary(), error=bool(outcome and outcome.error))
            self._select_row_of_current()
        if changes.marks:
            self.marks.set_hits(state.hits, state.current)
        if changes.current and changes.paragraph is not None:
            reader_changes = self.host.state.set_paragraph(changes.paragraph)
            if reader_changes.any:
                self.host.apply(reader_changes)
            self.reader.set_cursor(self.host.state.paragraph, None)
            self.marks.set_current(state.current)
            self.marks.ensure_visible(state.current)
        if changes.message and not quiet:
            self.host.status(changes.message)
        self._show_label()

    def _show_label(self, *, searching: bool = False) -> None:
        parts = []
        if self.indexing.status():
            parts.append(self.indexing.status())
        if searching:
            parts.append("searching…")
        elif self.state.active:
            counter = self.state.counter()
            parts.append(f"match {counter}" if self.state.hits else "no matches here")
        text = "  ·  ".join(parts)
        if text != self.label.text():
            self.label.setText(text)
            announce(self.label, text)  # "match 3/17" reaches a screen reader too

    def _select_row_of_current(self) -> None:
        current = self.host.state.current
        row = self.state.row_for(current.id) if current is not None else None
        view = self.pane.results
        selection = view.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clearCurrentIndex()
            selection.clearSelection()
        else:
            index = self.pane.model.index(row)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            # Results read from the first: stay at the top when the open document's
            # result shows there, scroll to it only when it is further down.
            view.scrollToTop()
            rect = view.visualRect(index)
            if rect.bottom() > view.viewport().height():
                view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        selection.blockSignals(False)
        view.viewport().update()

    def after_apply(self, changes: object) -> None:
        """The window applied reader changes: follow them (documents, filters, the open one)."""
        if not isinstance(changes, Changes):
            return
        if changes.documents:
            self.indexing.documents_changed()  # an import: index what is new
            ids = [doc.id for doc in self.host.state.visible]
            self._apply(self.state.set_visible(ids))
        if changes.current:
            if self.state.active:
                self._mark_current_document()
                self._select_row_of_current()
            else:
                self.state.forget_document(
                    self.host.state.current.id if self.host.state.current else ""
                )

    # -- commands ----------------------------------------------------------------------

    def open_search(self) -> None:
        if not self.dock.isVisible():
            self.dock.show()
            self._make_room()
        self.pane.open_line()
        self.indexing.search_opened()  # the first search, or notes may have changed

    def commit(self) -> None:
        """Enter: go to the chosen (or best) result's first match and read there."""
        self.pane.flush()
        if not self.pane.line.text().strip():
            self.clear()
            self.host.focus_pane("reader")
            return
        text = self.pane.line.text().strip()
        if self.state.outcome is None or self.state.query != text:
            self._commit_when_answered = self.thread.busy  # Enter before the answer came
            return
        if self.state.outcome.error:
            return  # the message says what is wrong
        if not self.state.rows:
            self.host.status("no matches")
            return
        current = self.pane.results.currentIndex()
        self._go(current.row() if current.isValid() else 0, focus=True)

    def _go(self, row_number: int, *, focus: bool) -> None:
        row = self.pane.model.row(row_number)
        if row is None:
            return
        host = self.host
        if row.doc_id:
            current = host.state.current
            if current is not None and current.id == row.doc_id:
                if self.state.doc_id == row.doc_id and self.state.hits:
                    self._apply(self.state.first_hit(host.state.visible_paragraphs()))
                elif self.state.doc_id == row.doc_id and self.state.hits_known:
                    host.status("it matches in its title or details, not in its text")
                else:
                    self._jump_to_first = row.doc_id
            else:
                self._jump_to_first = row.doc_id
                host.open_document(row.doc_id)
        if row.kind == "note":
            memo = not row.doc_id and host.registry.is_bound("focus-memo")
            if focus:
                host.run_command("focus-memo") if memo else host.focus_pane("notes")
            host.status(f"{row.label}: " + (row.hit.snippets[0] if row.hit.snippets else ""))
        elif focus:
            host.focus_pane("reader")

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._go(current.row(), focus=False)  # preview: the reader follows the list

    def step_result(self, step: int) -> None:
        view = self.pane.results
        count = self.pane.model.rowCount()
        if not count:
            return
        current = view.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else count - 1)
        row = max(0, min(count - 1, row))
        view.setCurrentIndex(self.pane.model.index(row))

    def step_hit(self, step: int) -> None:
        state = self.host.state
        self._apply(self.state.step_hit(step, state.paragraph, state.visible_paragraphs()))

    def step_document(self, step: int) -> None:
        current = self.host.state.current
        target = self.state.step_document(current.id if current else None, step)
        if isinstance(target, SearchChanges):
            self._apply(target)
            return
        self._jump_to_first = target
        self.host.open_document(target)

    def clear(self) -> None:
        self.pane.timer.stop()
        self._commit_when_answered = False
        self.pane.line.blockSignals(True)
        self.pane.line.clear()
        self.pane.line.blockSignals(False)
        self._apply(self.state.clear())
        focused = QApplication.focusWidget()
        if focused is not None and self.pane.isAncestorOf(focused):
            self.host.focus_pane("reader")
        self.dock.hide()
        if self._hid_filters:
            self._hid_filters = False
            filters = self.host.docks.get("facets")
            if filters is not None:
                filters.show()

    def _make_room(self) -> None:
        """The column under the document list is shared: the ranked list needs its height.

        The filters step aside while search is open (4 still brings them back)
        and come back when it closes; the list keeps about five rows.
        """
        window = self.host.main_window()
        above = self.host.docks.get("documents")
        filters = self.host.docks.get("facets")
        if above is None or self.dock.isFloating():
            return
        area = window.dockWidgetArea(above)
        height = above.height() + self.dock.height()
        if (
            filters is not None
            and filters.isVisible()
            and not filters.isFloating()
            and window.dockWidgetArea(filters) == area
        ):
            height += filters.height()
            filters.hide()
            self._hid_filters = True
        window.resizeDocks(
            [above, self.dock], [height * 3 // 8, height * 5 // 8], Qt.Orientation.Vertical
        )

    # -- focus and quitting ------------------------------------------------------------

    def owns(self, widget: QWidget | None) -> bool:
        """Whether `widget` puts the window in search mode (the query line)."""
        return widget is not None and widget is self.pane.line

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host.main_window() and event.type() == QEvent.Type.Close:
            self.indexing.stop()
            self.thread.stop()
            self.engine.close()
        return False


def attach_search(host: Host, reader: ReaderView) -> WindowSearch:
    return WindowSearch(host, reader)
