"""The main window: the panes, the status bar, and redrawing what each command changed.

Widgets never decide what a key does: keys run named commands (see `bindings.py` and
each feature's wiring), commands change the `ReaderState` and return `Changes`, and
`apply` refreshes only the panes those changes touch. The window opens empty and paints
first; the library is loaded by a worker afterwards. The features (reader, search, notes,
composer) get the window as a `Host` (see `common/host.py`) and never import this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from briefreader.control.changes import Changes
from briefreader.control.colours import load_palette
from briefreader.control.commands import CommandRegistry
from briefreader.control.first_view import FirstView
from briefreader.control.grading import GradeLabels
from briefreader.control.keymap import load_keymap
from briefreader.control.library import LibrarySnapshot
from briefreader.control.mentions import DocumentMentions, Matcher
from briefreader.control.state import ReaderState
from briefreader.paths import DataPaths
from briefreader.store import Briefing, Store
from briefreader.ui.accessible import label_everything
from briefreader.ui.analysis.dock import place_analysis_dock
from briefreader.ui.appearance import Appearance, propagate_font, start_theme
from briefreader.ui.bindings import bind_commands
from briefreader.ui.common.actions import WindowActions, build_menus
from briefreader.ui.common.help import HelpOverlay
from briefreader.ui.common.importing import Importer
from briefreader.ui.common.keygate import KeyGate
from briefreader.ui.common.palette import CommandPalette
from briefreader.ui.common.statusline import StatusBar, StatusLine
from briefreader.ui.common.workers import Jobs
from briefreader.ui.composer.dock import place_composer_dock
from briefreader.ui.dock_layout import place_docks
from briefreader.ui.first_paint import FirstPaint
from briefreader.ui.notes.area import NotesArea
from briefreader.ui.notes.work import NotesWork
from briefreader.ui.reader.commands import bind_reader_commands
from briefreader.ui.reader.doclist import DOC_ID_ROLE, DocumentList, DocumentListModel
from briefreader.ui.reader.entity_panes import EntityPanes
from briefreader.ui.reader.links import LinkServer
from briefreader.ui.reader.view import ReaderView
from briefreader.ui.search.wiring import attach_search
from briefreader.ui.session import Session

if TYPE_CHECKING:
    from briefreader.ui.analysis.wiring import AnalysisWork
    from briefreader.ui.composer.controller import ComposerController

APP_TITLE = "briefreader"


class MainWindow(QMainWindow):
    #: Every `Changes` after `apply` redrew it, for parts that follow the reader (search).
    changes_applied = Signal(object)

    def __init__(
        self, paths: DataPaths, matcher: Matcher | None = None, *, defer_panes: bool = False
    ) -> None:
        """`defer_panes`: build the composer and the analysis pane later, with
        `finish_building` (as the app starts)."""
        super().__init__()
        self.setObjectName("main-window")
        self.paths = paths
        self.matcher: Matcher = matcher or (lambda text: [])
        #: False until the real matcher arrives: text shows first, highlighting follows.
        self.matcher_ready = matcher is not None
        self.session = Session(paths)
        self.ui_state = self.session.ui
        self.state = ReaderState(lambda text: self.matcher(text))
        self.session.seed(self.state)
        self.grades = GradeLabels(self.state.document)
        self.registry = CommandRegistry()
        self.keymap = load_keymap(paths.keys_file, self.registry)
        self.styles = load_palette()
        self.jobs = Jobs()
        self.first_paint = FirstPaint(self)  # and what waits for it
        self.setWindowTitle(APP_TITLE)
        self.setStatusBar(StatusBar(self))  # first: parts add their labels and bars to it
        start_theme(self.ui_state.theme)  # before any pane exists: nothing to lay out again
        self.key_gate = KeyGate(self)  # keys go to the prompt being opened, wait while loading
        self._build_panes()
        self.reader.document_painted.connect(
            lambda: self.first_paint.reader_painted(matcher_ready=self.matcher_ready)
        )
        self.palette_box = CommandPalette(self.registry, self.keymap, self.run_command, self)
        self.help_box = HelpOverlay(self.registry, self.keymap, self)
        propagate_font(self.palette_box, self.help_box)  # zoom reaches them too
        bind_reader_commands(self, self.reader)
        self.links = LinkServer(self, self.reader)  # briefreader:// links (listens once shown)
        bind_commands(self, self.reader, self.palette_box, self.help_box)
        # the excerpt bin dock, selection, undo commands
        self.notes_work = NotesWork(self, self.reader, self.notes)
        # imports in a worker with a progress bar; files dropped on the window
        self.importer = Importer(self, self.notes_work.after_import)
        place_composer_dock(self)  # empty until `finish_building`; placed for the layout
        self.window_actions = WindowActions(self, self.registry, self.keymap, self.mode)
        build_menus(self.menuBar(), self.registry, self.keymap)
        self._build_status_bar()
        self.search = attach_search(self, self.reader)
        self.docks["analysis"] = place_analysis_dock(self)  # empty until `finish_building`
        self.composer: ComposerController | None = None  # the briefing composer dock
        self.analysis: AnalysisWork | None = None
        if not defer_panes:
            self.finish_building()
        label_everything(self)  # names and descriptions for assistive technology
        self.session.restore_layout(self)
        self.appearance = Appearance(self, self.reader, self._apply_theme)
        self.appearance.set_zoom(self.ui_state.zoom)
        self._apply_theme()
        # Bound methods, not lambdas: Qt drops these connections when the window goes.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.show_mode)  # its two widgets are not needed
        if self.keymap.problems:
            self.status(self.keymap.problems_line(), 15000)

    # -- construction ------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.reader = ReaderView(self.styles, self)
        self.reader.highlighter.is_shown = self.state.is_shown
        self.setCentralWidget(self.reader)
        self.doc_model = DocumentListModel(self)
        self.doc_model.grade_of = self.grades.document_grade
        self.doc_model.describe_grade = self.grades.describe_document
        self.doc_list = DocumentList(self.doc_model, self)
        self.doc_list.activated.connect(self._open_row)
        self.doc_list.selectionModel().currentChanged.connect(
            lambda cur, _prev: self._open_row(cur)
        )
        self.entity_panes = EntityPanes(self, self.styles)  # the legend and the filters
        self.legend, self.legend_model = self.entity_panes.legend, self.entity_panes.legend_model
        self.facets, self.facet_model = self.entity_panes.facets, self.entity_panes.facet_model
        self.notes = NotesArea(self)
        panes = {"documents": self.doc_list, "facets": self.facets, "legend": self.legend}
        panes["notes"] = self.notes
        self.docks: dict[str, QDockWidget] = place_docks(self, panes, self.reader)

    def finish_building(self) -> None:
        """The panes no first paint shows: the composer (a tab behind the notes) and the
        analysis pane (hidden). Importing and building them is a quarter of a cold start,
        so the app builds them after the first paint (keys wait for them); their docks
        were placed with the others, so the saved layout has them in place."""
        if self.composer is not None:
            return
        # Here, not at the top: see above. The composer first: it re-binds undo and
        # redo, which the analysis pane then follows.
        from briefreader.ui.analysis.wiring import attach_analysis
        from briefreader.ui.composer.wiring import attach_composer

        self.composer = attach_composer(self, self.notes_work)
        self.analysis = attach_analysis(self, self.search, self.notes_work)
        label_everything(self)

    def _build_status_bar(self) -> None:
        self.status_line = StatusLine(self.statusBar())
        self.doc_label = self.status_line.doc_label
        self.position_label = self.status_line.position_label
        self.mode_label = self.status_line.mode_label
        self.status_line.follow_backups(self.paths, lambda: self.session.store)

    def _apply_theme(self) -> None:
        self.reader.restyle()  # mention colours and the muted byline follow the palette
        self._refresh_legend()
        self._refresh_facets()

    # -- loading -----------------------------------------------------------------------

    def apply_snapshot(self, snapshot: LibrarySnapshot) -> None:
        self.status_line.set_library_backup_error(snapshot.backup_error)
        changes = self.state.set_library(snapshot.documents, snapshot.stories)
        if snapshot.entities:
            changes |= self.state.set_entities(snapshot.entities)
        self.apply(changes)
        current = self.state.current
        if current is not None and self.state.document(current.id) is not None:
            return  # a re-read library (after an import): keep reading where we are
        first = (
            self.ui_state.last_document if self.state.document(self.ui_state.last_document) else ""
        )
        if not first and self.state.visible:
            first = self.state.visible[0].id
        if first:
            self.first_paint.opening(self.state.document(first), matcher_ready=self.matcher_ready)
            self.apply(self.state.open(first))
        message = f"{len(snapshot.documents)} documents"
        if snapshot.warnings:
            message += "; " + "; ".join(snapshot.warnings)
        if self.keymap.problems:  # a bad keys.toml must not go unnoticed
            message += " · " + self.keymap.problems_line()
        self.status(message, 15000)

    def use_kept_view(self, view: FirstView) -> None:
        """Until the matcher has loaded, highlight with what the last session found in the
        document it closed on (`control.first_view`); other documents wait for the matcher."""
        self.first_paint.kept_view = view
        self.matcher = view.find

    def import_paths(self, files: list[Path]) -> None:
        """Import in a worker, with progress in the status bar; open the first new document."""
        self.importer.start(files)

    def open_document(self, doc_id: str) -> None:
        doc = self.state.document(doc_id)
        if doc is None:
            return
        mentions = DocumentMentions.build(doc, self.matcher)
        self.first_paint.from_kept = False  # this one waits for the matcher
        self.apply(self.state.open(doc_id, mentions))

    # -- commands ----------------------------------------------------------------------

    def run_command(self, name: str) -> None:
        self.registry.run(name)

    def mode(self) -> str:
        if self.palette_box.isVisible():
            return "palette"
        if self.help_box.isVisible():
            return "help"
        widget = QApplication.focusWidget()
        if (own := self.notes_work.mode_for(widget)) is not None:
            return own  # "visual" (a keyboard selection) or "excerpts" (an excerpt list)
        # The search line's keys commit and move in the results; the composer's and the
        # analysis pane's act on their own items.
        parts = (("search", self.search), ("composer", self.composer), ("analysis", self.analysis))
        for name, part in parts:
            if part is not None and part.owns(widget):
                return name
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
            return "insert"
        return "normal"

    def apply(self, changes: Changes) -> None:
        """Redraw what `changes` says moved; nothing else."""
        state = self.state
        if changes.current and state.current is not None and state.mentions is not None:
            self.reader.show_document(state.current, state.mentions, self.matcher)
            self.reader.show_only(state.visible_paragraphs())
            self.doc_model.set_current(state.current.id)
            self.setWindowTitle(f"{APP_TITLE} — {state.current.title or '(untitled)'}")
            self.notes_work.document_changed()
            self._refresh_legend()
            self._select_current_row()
        elif changes.focus:
            self.reader.show_only(state.visible_paragraphs())
        if changes.documents:
            self.doc_model.set_documents(state.visible, state.read, state.story_sizes)
            self._select_current_row()
        elif changes.read:
            self.doc_model.set_read(state.read)
        if changes.highlights or changes.selection:
            self.reader.highlighter.selected = state.selected
            self.reader.refresh_highlights()
            self._refresh_legend()
        if changes.facets or changes.read:
            self._refresh_facets()
        if changes.cursor or changes.current or changes.focus:
            self.reader.set_cursor(state.paragraph, state.mention)
        if changes.read or changes.current:
            self._sync_reading()
        if changes.any:
            self._show_position()
        if changes.message:
            self.status(changes.message)
        self.changes_applied.emit(changes)

    def _select_current_row(self) -> None:
        current = self.state.current
        row = self.doc_model.row_of(current.id) if current else None
        if row is None:
            return
        index = self.doc_model.index(row)
        selection = self.doc_list.selectionModel()
        if selection.currentIndex() != index:
            selection.blockSignals(True)
            self.doc_list.setCurrentIndex(index)
            selection.blockSignals(False)
            self.doc_list.viewport().update()
        self.doc_list.scrollTo(index)

    def _open_row(self, index: object) -> None:
        doc_id = getattr(index, "data", lambda _role: None)(DOC_ID_ROLE)
        if doc_id and (self.state.current is None or self.state.current.id != doc_id):
            self.open_document(str(doc_id))

    def _refresh_legend(self) -> None:
        self.entity_panes.refresh_legend()

    def _refresh_facets(self) -> None:
        self.entity_panes.refresh_facets()

    # -- status bar --------------------------------------------------------------------

    def status(self, message: str, timeout: int = 5000) -> None:
        self.statusBar().showMessage(" ".join(message.split()), timeout)

    def _scheme_changed(self, _scheme: object) -> None:
        self._apply_theme()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the system went light or dark
            self._apply_theme()

    def show_mode(self) -> None:
        self.status_line.show_mode(self.mode())

    def _show_position(self) -> None:
        self.status_line.show_state(self.state)
        self.show_mode()

    # -- what the features ask of the window (the `Host` interface) --------------------

    def main_window(self) -> QMainWindow:
        return self

    def store(self) -> Store | None:
        return self.session.store

    def grades_changed(self) -> None:
        self.grades.load(self.session.store)
        self.doc_model.redraw_grades()

    def current_briefing(self) -> Briefing | None:
        return self.composer.composer.briefing if self.composer is not None else None

    # -- persistence -------------------------------------------------------------------

    def attach_store(self, store: Store) -> None:
        """Read state and positions live in the store from now on (call before a snapshot)."""
        note = self.session.attach_store(store, self.state.documents, self.state)
        self.grades.load(store)
        self.notes_work.set_store(store)
        if note:
            self.status(note, 15000)

    def _sync_reading(self) -> None:
        error = self.session.sync(self.state)
        if error:
            self.status(f"read state not saved: {error}", 10000)

    def save_ui_state(self) -> None:
        if self.matcher_ready:  # else the mentions shown are not the matcher's
            self.session.keep_first_view(self.state, self.reader.header_texts, self.matcher)
        error = self.session.save(self, self.state, self.reader.zoom)
        if error:
            self.status(f"read state not saved: {error}", 10000)

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.save_ui_state()
        except OSError as error:
            self.status(f"could not save the window state: {error}")
        self.links.close()
        self.jobs.wait(5000)
        self.jobs.close()  # a job still running must not redraw a closing window
        self.notes_work.close()  # pending note edits are saved before the store closes
        self.session.close()
        super().closeEvent(event)

    def set_matcher(self, matcher: Matcher) -> None:
        """The gazetteer is ready: highlight the open document, keeping the reader's place."""
        self.matcher = matcher
        self.matcher_ready = True
        doc = self.state.current
        if doc is not None:
            self.apply(self.state.set_mentions(DocumentMentions.build(doc, matcher)))

    def focus_pane(self, name: str) -> None:
        widget: QWidget = {
            "documents": self.doc_list,
            "reader": self.reader,
            "legend": self.legend,
            "facets": self.facets.list,
            "notes": self.notes,
        }[name]
        dock = self.docks.get(name)
        if dock is not None and not dock.isVisible():
            dock.show()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.show_mode()
