"""The briefing composer in the window: its commands, its redraws, its background work.

`ComposerController` owns the pure `Composer` state and the pane. Every
command in `handlers()` is bound by name to the window's registry (the keys
are in the one key table); each runs a composer operation and hands the
`ComposerChanges` to `apply`, which redraws only what moved. The pre-export
check and the export itself run in the thread pool; the window never waits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLineEdit

from briefreader.control.composer_jobs import check_briefing, default_export_path
from briefreader.control.composer_views import DETAIL_FIELDS, ComposerChanges, empty_text
from briefreader.control.composing import Composer
from briefreader.store import Changes, Store
from briefreader.ui.common.host import Host
from briefreader.ui.composer.dialogs import ExcerptPicker, ask_text, ask_yes_no, show_modal
from briefreader.ui.composer.export_job import ExportRunner
from briefreader.ui.composer.models import EXCERPT_ROLE, SECTION_ROLE
from briefreader.ui.composer.pane import ComposerPane


class ComposerController(QObject):
    def __init__(
        self, host: Host, go_to: Callable[[int], None], dock: QDockWidget | None = None
    ) -> None:
        window = host.main_window()
        super().__init__(window)
        self.host = host
        self.window = window  # the parent of the pane and the dialogs
        self._go_to = go_to  # the excerpt bin's jump to an excerpt's place in its document
        self.dock = dock
        self.pane = ComposerPane(window)
        self.composer = Composer(None, self._title_of, grade_of=host.grades.excerpt_grade)
        self.runner = ExportRunner(window)
        self.last_paths: dict[int, Path] = {}
        self._check_timer = self._timer(250, self.check)
        self._summary_timer = self._timer(1000, self._save_summary)
        self._check_pending = False
        self._connect()
        self.sync_store()

    # -- wiring ------------------------------------------------------------------------

    def _timer(self, msecs: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(slot)
        return timer

    def handlers(self) -> dict[str, Callable[[], object]]:
        """What each composer command runs; their names and keys are in the registry."""
        do = self.apply
        c = self.composer
        return {
            "focus-composer": self.focus,
            "new-briefing": self.new_briefing,
            "switch-briefing": self.switch_briefing,
            "rename-briefing-or-section": self.rename,
            "delete-briefing": self.delete_briefing,
            "edit-briefing-details": self.edit_details,
            "add-excerpts-to-briefing": self.add_excerpts,
            "comment-briefing-excerpt": self.comment,
            "remove-from-briefing": lambda: do(c.remove_current()),
            "move-briefing-item-up": lambda: do(c.move(-1)),
            "move-briefing-item-down": lambda: do(c.move(1)),
            "move-to-previous-section": lambda: do(c.move_to_section(-1)),
            "move-to-next-section": lambda: do(c.move_to_section(1)),
            "add-briefing-section": self.add_section,
            "cycle-briefing-grouping": lambda: do(c.cycle_grouping()),
            "check-briefing": self.check,
            "go-to-briefing-excerpt": self.go_to_excerpt,
            "export-briefing": self.export,
        }

    def _connect(self) -> None:
        pane = self.pane
        pane.tree.selectionModel().currentChanged.connect(lambda cur, _prev: self._current(cur))
        pane.tree.activated.connect(lambda _index: self.go_to_excerpt())
        pane.briefing_box.activated.connect(self._briefing_chosen)
        pane.grouping.activated.connect(self._grouping_chosen)
        for name, edit in pane.fields.items():
            edit.editingFinished.connect(lambda name=name, edit=edit: self._field(name, edit))
        pane.summary.textChanged.connect(self._summary_timer.start)
        pane.summary.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pane.summary and event.type() == QEvent.Type.FocusOut:
            self._save_summary()
        return False

    def _title_of(self, doc_id: str) -> str:
        doc = self.host.state.document(doc_id)
        return doc.title if doc is not None else ""

    def _store(self) -> Store | None:
        return self.host.store()

    def sync_store(self) -> bool:
        """Pick up the store once the window has one; open the latest briefing then."""
        store = self._store()
        if store is self.composer.store:
            return store is not None
        self.composer.store = store
        self.apply(self.composer.open_latest() if store is not None else ComposerChanges())
        self.apply(ComposerChanges(briefings=True, details=True, items=True, cursor=True))
        return store is not None

    def status(self, message: str, timeout: int = 6000) -> None:
        self.window.statusBar().showMessage(message.replace("\n", " "), timeout)

    # -- redrawing ---------------------------------------------------------------------

    def apply(self, changes: ComposerChanges) -> None:
        pane, composer = self.pane, self.composer
        if changes.briefings:
            self._fill_briefings()
        if changes.details:
            self._fill_details()
        if changes.items or changes.flags:
            pane.model.set_sections(composer.sections)
            pane.tree.expandAll()
            self.pane.show_empty(empty_text(composer.store is not None, composer.briefing))
        if changes.items or changes.cursor:
            self._show_cursor()
        if changes.message:
            self.status(changes.message)
        if changes.needs_check:  # checked when the analyst can see the flags
            self._check_pending = self.dock is not None and self.pane.visibleRegion().isEmpty()
            if not self._check_pending:
                self._check_timer.start()

    def shown(self) -> None:
        """The dock became visible: pick up the store, run a check that waited."""
        self.sync_store()
        if self._check_pending:
            self._check_pending = False
            self._check_timer.start()

    def store_changes(self, changes: Changes) -> None:
        """Changes made elsewhere (undo, redo, excerpt edits, an import): reload if ours."""
        if changes:
            self.apply(self.composer.reload(changes))

    def _fill_briefings(self) -> None:
        self.pane.show_briefings(self.composer.list_briefings(), self.composer.briefing_id)

    def _fill_details(self) -> None:
        store = self.composer.store
        self.pane.show_details(self.composer.briefing, bool(store and store.read_only))
        box = self.pane.briefing_box
        if box.findData(self.composer.briefing_id) != box.currentIndex():
            self._fill_briefings()

    def _show_cursor(self) -> None:
        self.pane.show_cursor(self.composer.current_item, self.composer.current_section)

    def _current(self, index: object) -> None:
        data = getattr(index, "data", lambda _role: None)
        self.composer.set_cursor(data(EXCERPT_ROLE), data(SECTION_ROLE))

    # -- the form ----------------------------------------------------------------------

    def _field(self, name: str, edit: QLineEdit) -> None:
        if self.composer.briefing is not None and name in DETAIL_FIELDS:
            self.apply(self.composer.set_field(name, edit.text().strip()))

    def _save_summary(self) -> None:
        self._summary_timer.stop()
        if self.composer.briefing is not None:
            self.apply(self.composer.set_field("summary", self.pane.summary.toPlainText()))

    def _briefing_chosen(self, row: int) -> None:
        bid = self.pane.briefing_box.itemData(row)
        if bid is not None:
            self.apply(self.composer.select(int(bid)))
            self.pane.tree.setFocus()

    def _grouping_chosen(self, row: int) -> None:
        grouping = self.pane.grouping.itemData(row)
        if self.composer.briefing is not None and grouping != self.composer.briefing.grouping:
            self.apply(self.composer.set_grouping(grouping))

    # -- commands ----------------------------------------------------------------------

    def owns(self, widget: object) -> bool:
        """Whether the composer's key table applies to `widget` (its excerpt tree)."""
        return widget is self.pane.tree

    def refresh(self) -> None:
        """Re-read the open briefing after a store action made elsewhere (undo, a delete)."""
        if self.composer.store is not None:
            self.apply(self.composer.reload())

    def add_excerpt(self, excerpt_id: int | None) -> None:
        """Add one excerpt (e.g. the excerpt bin's current one) to the open briefing."""
        if excerpt_id is None:
            self.status("no excerpt chosen: pick one in the excerpt bin (6)")
        elif self.sync_store() and self.composer.briefing is None:
            self.status("no briefing is open: press 7, then B to create one")
        else:
            self.apply(self.composer.add([excerpt_id]))

    def focus(self) -> None:
        self.sync_store()
        self.apply(self.composer.reload())
        self.focus_tree()

    def _ready(self) -> bool:
        if not self.sync_store():
            self.status("the work database is not open, so briefings cannot be edited")
            return False
        return True

    def new_briefing(self) -> None:
        if self._ready():
            ask_text(self.window, "New briefing", "Name of the new briefing:", self._create)

    def _create(self, name: str) -> None:
        self.apply(self.composer.create(name))
        self.focus_tree()

    def focus_tree(self) -> None:
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()
            # Not widened: at 1280 px that took the reading column down to ~30
            # characters a line and the document list with it (issue 11, item 5).
        self.pane.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def switch_briefing(self) -> None:
        if not self._ready():
            return
        self._fill_briefings()
        if self.pane.briefing_box.count() == 0:
            self.status("there are no briefings yet: press B to create one")
            return
        self.pane.briefing_box.setFocus()
        self.pane.briefing_box.showPopup()

    def rename(self) -> None:
        composer = self.composer
        section = composer.section(composer.current_section)
        if composer.current_item is None and section is not None and section.section_id:
            ask_text(
                self.window,
                "Rename section",
                "Section title:",
                lambda text: self.apply(composer.rename_section(text)),
                section.title,
            )
        elif composer.briefing is not None:
            ask_text(
                self.window,
                "Rename briefing",
                "Briefing name (what `briefreader export --briefing` takes):",
                lambda text: self.apply(composer.rename(text)),
                composer.briefing.name,
            )
        else:
            self.status("no briefing is open: press B to create one")

    def delete_briefing(self) -> None:
        briefing = self.composer.briefing
        if briefing is None:
            self.status("no briefing is open")
            return
        ask_yes_no(
            self.window,
            "Delete briefing",
            f"Delete the briefing “{briefing.name}”? Its excerpts are kept, and Ctrl+Z "
            "brings the briefing back.",
            lambda: self.apply(self.composer.delete()),
            default_yes=False,
        )

    def edit_details(self) -> None:
        if self.composer.briefing is None:
            self.status("no briefing is open: press B to create one")
            return
        self.pane.fields["title"].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.pane.fields["title"].selectAll()

    def add_excerpts(self) -> None:
        if not self._ready() or self.composer.briefing is None:
            self.status("open or create a briefing first (b or B)")
            return
        picker = ExcerptPicker(self.window, self.composer.candidates, self._title_of)
        picker.chosen.connect(lambda ids: (self.apply(self.composer.add(ids)), self.focus_tree()))
        show_modal(picker, self.window)
        picker.filter.setFocus()

    def comment(self) -> None:
        item = self.composer.item(self.composer.current_item)
        if item is None:
            self.status("pick an excerpt to comment on")
            return
        ask_text(
            self.window,
            f"Comment on excerpt {item.number}",
            "Your comment, printed apart from the quote:",
            lambda text: self.apply(self.composer.set_comment(text.strip())),
            item.comment,
            multiline=True,
        )

    def add_section(self) -> None:
        if self.composer.briefing is None:
            self.status("open or create a briefing first (b or B)")
            return
        ask_text(
            self.window,
            "New section",
            "Section title (the briefing switches to sections by hand):",
            lambda text: (self.apply(self.composer.add_section(text)), self.focus_tree()),
        )

    def check(self) -> None:
        """Check every excerpt against its source in a worker; flags show when done."""
        self._check_timer.stop()
        store = self.composer.store
        begun = self.composer.begin_check()
        if begun is None or store is None:
            return
        generation, briefing_id = begun
        paths = self.host.paths
        self.pane.model.set_checking(True)

        def done(flags: object) -> None:
            self.pane.model.set_checking(False)
            self.apply(self.composer.apply_flags(generation, flags))  # type: ignore[arg-type]

        def failed(error: str) -> None:
            self.pane.model.set_checking(False)
            self.status(f"could not check the excerpts against their sources: {error}", 15000)

        self.host.jobs.start(
            lambda _progress: check_briefing(store, paths, briefing_id),
            done,
            failed,
            lambda text: self.status(text, 0),
        )

    def go_to_excerpt(self) -> None:
        item = self.composer.item(self.composer.current_item)
        if item is None:
            return
        # The excerpt bin's jump: it opens the document, marks the quote and says
        # where it is (or that the excerpt is orphaned or its document gone).
        self._go_to(item.excerpt_id)

    def export(self) -> None:
        if self.runner.running:
            ask_yes_no(
                self.window,
                "Export running",
                f"Cancel the export of “{self.runner.name}”? The file is left as it was.",
                self.runner.cancel,
                default_yes=False,
            )
            return
        if not self._ready():
            return
        briefing = self.composer.briefing
        if briefing is None:
            self.status("open or create a briefing first (6, then b or B)")
            return
        self._save_summary()
        start = default_export_path(briefing.name, Path.home(), self.last_paths.get(briefing.id))
        self.runner.offer(briefing.name, start, lambda path: self._start_export(briefing.id, path))

    def _start_export(self, briefing_id: int, path: Path) -> None:
        store = self.composer.store
        briefing = self.composer.briefing
        if store is None or briefing is None or briefing.id != briefing_id:
            self.status("the briefing changed before the export began; nothing was exported")
            return
        self.last_paths[briefing_id] = path
        self.runner.start(store, self.host.paths, briefing_id, briefing.name, path)
