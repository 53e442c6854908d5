"""The notes and excerpts work in the window: capture, visual selection, the bin, undo.

`NotesWork` is made once per window, which hands it the `Host`. It owns the
excerpt bin's dock, the selection overlay on the reader and the visual
selection, binds the excerpt, selection and undo commands, and redraws the
notes panel and the bin from each action's `Changes`. The store arrives
after the first paint (`set_store`); until then actions say so.

Modes: "visual" while a keyboard selection is active in the reader,
"excerpts" while the bin or the panel's excerpt list has focus (see
`mode_for`); the key table gives each its keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QWidget

from briefreader.control import note_rescue as rescue
from briefreader.control.annotations import Annotations, Outcome
from briefreader.control.excerpting import (
    Span,
    current_sentence,
    excerpt_paragraphs,
    mentions_in_span,
    paragraph_span,
)
from briefreader.store import Changes, NoteTarget, Store
from briefreader.ui.common.focus import open_modal
from briefreader.ui.common.host import Host
from briefreader.ui.common.team_feed import TeamFeed, reload_library
from briefreader.ui.notes.conflict import ConflictPrompt
from briefreader.ui.notes.excerpt_bin import ExcerptBin
from briefreader.ui.notes.excerpt_dialogs import (
    CommentDialog,
    TagsDialog,
    tags_to_add,
    tags_to_remove,
)
from briefreader.ui.notes.excerpt_model import EXCERPTS_MODE, one_line
from briefreader.ui.notes.excerpt_overlay import ExcerptOverlay
from briefreader.ui.notes.grading import GradingWork
from briefreader.ui.notes.panel import NotesPanel
from briefreader.ui.notes.visual_capture import VISUAL_MODE, VisualCapture
from briefreader.ui.reader.view import ReaderView


class NotesWork:
    def __init__(self, host: Host, reader: ReaderView, panel: NotesPanel) -> None:
        self.host = host
        self.reader = reader
        self.panel = panel
        window = self.window = host.main_window()  # the parent of the dock and the dialogs
        self.actions = Annotations(None)
        self.overlay = ExcerptOverlay(reader)
        self.selection = VisualCapture(host, reader, self.overlay, self._capture, self._tags_in_use)
        self.bin = ExcerptBin(window)
        self.dock = QDockWidget("Excerpts  [6]", window)
        self.dock.setObjectName("dock-excerpts")
        self.dock.setWidget(self.bin)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        if "notes" in host.docks:
            window.tabifyDockWidget(host.docks["notes"], self.dock)
            host.docks["notes"].raise_()
        host.docks["excerpts"] = self.dock
        self.panel.message.connect(host.status)
        self.conflicts = ConflictPrompt(window, panel, host.status)
        self.team_feed = TeamFeed(host, self.apply_team, reload_library(host))
        self.dialog: QWidget | None = None  # the open tags/comment/capture dialog, for tests
        for model in (self.bin.model, panel.excerpt_model):
            model.grade_of = host.grades.excerpt_grade
            model.describe_grade = host.grades.describe_excerpt
        self.grading = GradingWork(host, self)
        #: Told every store change an action made here (the composer shows grades and claims).
        self.followers: list[Callable[[Changes], None]] = []
        host.registry.bind_many(self.handlers())

    def title_of(self, doc_id: str) -> str:
        doc = self.host.state.document(doc_id)
        return doc.title if doc is not None else ""

    def _name_of(self) -> rescue.NameOf:
        return rescue.target_namer(self.actions.store, self.title_of)

    # -- the store and the window ------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        self.actions.store = store
        self.grading.set_store(store)
        self.panel.set_store(store)
        self.bin.set_source(store, self.title_of)
        self._mark_excerpts()
        if store is None:
            return
        self.team_feed.start(store)
        notice = []
        if store.recovery is not None:
            notice.append(store.recovery.message)
        if store.read_only_reason:
            notice.append(
                f"{store.read_only_reason}. Notes and excerpts can be read but not saved "
                "in this window."
            )
        if notice:
            self.tell("\n\n".join(notice), "Your notes and excerpts")

    def tell(self, text: str, title: str) -> None:
        """A message the analyst must see once; Return, Space or Escape dismisses it."""
        self.host.status(text, 30000)
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setEscapeButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = box
        open_modal(box)

    def document_changed(self) -> None:
        """Another document is open: its note and excerpts show, any selection ends."""
        self.selection.clear()
        self.panel.show_document(self.host.state.current)
        self._mark_excerpts()

    def mode_for(self, widget: QWidget | None) -> str | None:
        if widget is self.reader and self.selection.visual is not None:
            return VISUAL_MODE
        if getattr(widget, "keymap_mode", None) == EXCERPTS_MODE:
            return EXCERPTS_MODE
        return None

    def close(self) -> None:
        """Before the store closes: save every pending note edit, rescue what cannot be."""
        self.panel.flush()
        unsaved = self.panel.unsaved()
        if not unsaved:
            return
        store, root, name_of = self.actions.store, self.host.paths.root, self._name_of()
        path = rescue.rescue_notes(unsaved, rescue.rescue_places(root), name_of)
        text = rescue.rescue_message(
            len(unsaved), path, root, store.read_only_reason if store else None
        )
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved notes", text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText(rescue.rescue_text(unsaved, name_of))
        self.dialog = box
        box.exec()  # quitting: the analyst must see this before the window goes

    def _mark_excerpts(self) -> None:
        """Margin marks for the open document's excerpts that sit where they were taken."""
        doc = self.host.state.current
        self.overlay.set_marks(
            [
                (e.start, e.end)
                for e in self.panel.excerpt_model.excerpts
                if doc is not None and e.doc_id == doc.id and e.content_hash == doc.content_hash
            ]
        )

    def apply(self, outcome: Outcome, select: bool = True, by: str = "") -> None:
        """Redraw what an action here, or another analyst (`by`), changed."""
        changes = outcome.changes
        if changes:
            self.panel.apply_store_changes(changes, by)
            self._mark_excerpts()
            self.bin.apply_changes(changes)
        if changes.grades:  # a publisher's grade reaches rows the change cannot name
            self.host.grades_changed()
            self.bin.model.redraw()
            self.panel.excerpt_model.redraw()
        for follow in self.followers if changes else ():
            follow(changes)
        if select and outcome.excerpt_id is not None:
            self.panel.select_excerpt(outcome.excerpt_id)
            self.bin.select(outcome.excerpt_id)
        if outcome.message:
            self.host.status(outcome.message, 8000 if outcome.ok else 15000)

    def apply_team(self, changes: Changes, by: str) -> None:
        self.apply(Outcome(changes), select=False, by=by)

    def _tags_in_use(self) -> list[str]:
        store = self.actions.store
        return [t for t, _ in store.excerpts.tags()] if store is not None else []

    def _show_mode(self) -> None:
        self.host.show_mode()

    # -- capture -----------------------------------------------------------------------

    def _capture(self, span: Span | None, **details: Any) -> None:
        state = self.host.state
        doc = state.current
        if doc is None or span is None:
            self.host.status("nothing to capture here")
            return
        items = state.mentions.items if state.mentions is not None else ()
        mentions = mentions_in_span(items, *span)
        self.apply(self.actions.capture(doc, span, mentions, **details))  # type: ignore[arg-type]

    def capture_paragraph(self) -> None:
        state = self.host.state
        doc = state.current
        self._capture(paragraph_span(doc, state.paragraph) if doc else None)

    def capture_sentence(self) -> None:
        state = self.host.state
        doc = state.current
        self._capture(current_sentence(doc, state.paragraph, state.mention) if doc else None)

    # -- the current excerpt -----------------------------------------------------------

    def current_excerpt_id(self) -> int | None:
        focused = QApplication.focusWidget()
        if focused is self.bin.table:
            return self.bin.current_id()
        return self.panel.current_excerpt_id()

    def _with_excerpt(self, act: Callable[[int], None]) -> Callable[[], None]:
        def run() -> None:
            excerpt_id = self.current_excerpt_id()
            if excerpt_id is None:
                self.host.status("no excerpt chosen: capture one (x) or pick one in the bin (6)")
                return
            act(excerpt_id)

        return run

    def _open(self, dialog: TagsDialog | CommentDialog) -> None:
        self.dialog = dialog
        dialog.ask()

    def tag(self, excerpt_id: int) -> None:
        store = self.actions.store
        suggestions = [t for t, _ in store.excerpts.tags()] if store else []
        done = lambda tags: self.apply(self.actions.add_tags(excerpt_id, tags))  # noqa: E731
        if (excerpt := self.actions.excerpt(excerpt_id)) is not None:
            self._open(tags_to_add(excerpt.name, suggestions, done, self.window))

    def untag(self, excerpt_id: int) -> None:
        excerpt = self.actions.excerpt(excerpt_id)
        if excerpt is None or not excerpt.tags:
            self.host.status(f"{excerpt.name} has no tags" if excerpt else "that excerpt is gone")
            return
        done = lambda tags: self.apply(self.actions.remove_tags(excerpt_id, tags))  # noqa: E731
        self._open(tags_to_remove(excerpt.name, excerpt.tags, done, self.window))

    def comment(self, excerpt_id: int) -> None:
        excerpt = self.actions.excerpt(excerpt_id)
        if excerpt is not None:
            done = lambda text: self.apply(self.actions.set_comment(excerpt_id, text))  # noqa: E731
            self._open(CommentDialog(excerpt.quote, excerpt.comment, done, self.window))

    def go_to(self, excerpt_id: int) -> None:
        """Open the excerpt's document with the paragraph cursor and a mark on the quote."""
        excerpt = self.actions.excerpt(excerpt_id)
        host = self.host
        if excerpt is None:
            return
        doc = host.state.document(excerpt.doc_id)
        if doc is None:
            host.status(f"the document of {excerpt.name} is not in the library")
            return
        host.open_document(doc.id)
        self.panel.select_excerpt(excerpt_id)
        span = (excerpt.start, min(excerpt.end, len(doc.body)))
        first, _last = excerpt_paragraphs(doc, *span)
        host.apply(host.state.set_paragraph(first))
        host.focus_pane("reader")
        self.reader.ensure_paragraph_visible(first)
        intact = excerpt.status != "orphaned" and excerpt.content_hash == doc.content_hash
        self.overlay.set_span(span if intact else None, "excerpt")
        where = f"{excerpt.name}: ¶ {first + 1}"
        if excerpt.status == "orphaned":
            where += " (orphaned: its quote is no longer in this text; this is where it was)"
        elif excerpt.status == "fuzzy":
            where += " (fuzzy: the text here differs a little from the quote; review it)"
        host.status(where, 10000)

    # -- focus and filters -------------------------------------------------------------

    def focus_bin(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.bin.focus_table()
        self._show_mode()

    def focus_filters(self) -> None:
        self.focus_bin()
        self.bin.focus_filters()

    def focus_notes(self) -> None:
        self.panel.show_document(self.host.state.current)  # the document's own note
        self.host.docks["notes"].raise_()
        self.host.focus_pane("notes")

    def _edit_note(self, target: NoteTarget, heading: str) -> None:
        self.panel.note_on(target, heading)
        self.host.docks["notes"].show()
        self.host.docks["notes"].raise_()
        self.panel.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def note_on_excerpt(self, excerpt_id: int) -> None:
        excerpt = self.actions.excerpt(excerpt_id)
        if excerpt is not None:
            quote = one_line(excerpt.quote)
            quote = quote if len(quote) <= 60 else quote[:59] + "…"
            self._edit_note(NoteTarget.excerpt(excerpt_id), f"Note on the excerpt “{quote}”")

    def note_on_briefing(self) -> None:
        briefing = self.host.current_briefing()
        if briefing is None:
            self.host.status("no briefing open: create one (B in the composer, 7)")
            return
        self._edit_note(NoteTarget.briefing(briefing.id), f"Note on briefing “{briefing.name}”")

    def focus_document_excerpts(self) -> None:
        self.host.docks["notes"].show()
        self.host.docks["notes"].raise_()
        self.panel.focus_excerpts()
        self._show_mode()

    def focus_memo(self) -> None:
        self.host.docks["notes"].show()
        self.host.docks["notes"].raise_()
        self.panel.focus_memo()

    # -- undo --------------------------------------------------------------------------

    def undo(self) -> None:
        self.panel.flush()  # the last typing is one step too, and is undone first
        self.apply(self.actions.undo(), select=False)

    def redo(self) -> None:
        self.panel.flush()
        self.apply(self.actions.redo(), select=False)

    # -- after an import ---------------------------------------------------------------

    def after_import(self, superseded: tuple[str, ...]) -> None:
        """Move excerpts of re-imported articles to their new versions, in a worker."""
        if not superseded or self.actions.store is None:
            return
        paths = self.host.paths

        def work(_progress: Callable[[str], None]) -> object:
            return self.actions.follow_versions(paths, superseded)

        def done(outcome: object) -> None:
            if isinstance(outcome, Outcome):
                self.apply(outcome, select=False)

        self.host.jobs.start(
            work,
            done,
            lambda error: self.host.status(f"excerpts could not follow new versions: {error}"),
            lambda text: self.host.status(text, 0),
        )

    # -- the command table -------------------------------------------------------------

    def handlers(self) -> dict[str, Callable[[], None]]:
        current = self._with_excerpt

        def priority(excerpt_id: int) -> None:
            self.apply(self.actions.toggle_priority(excerpt_id))

        def delete(excerpt_id: int) -> None:
            self.apply(self.actions.delete(excerpt_id))

        return {
            **self.selection.handlers(),
            **self.grading.handlers(),
            "capture-paragraph": self.capture_paragraph,
            "capture-sentence": self.capture_sentence,
            "tag-excerpt": current(self.tag),
            "untag-excerpt": current(self.untag),
            "comment-excerpt": current(self.comment),
            "toggle-excerpt-priority": current(priority),
            "delete-excerpt": current(delete),
            "go-to-excerpt": current(self.go_to),
            "focus-excerpt-bin": self.focus_bin,
            "focus-document-excerpts": self.focus_document_excerpts,
            "focus-memo": self.focus_memo,
            "focus-notes": self.focus_notes,
            "note-on-excerpt": current(self.note_on_excerpt),
            "note-on-briefing": self.note_on_briefing,
            "filter-excerpts": self.focus_filters,
            "clear-excerpt-filters": self.bin.clear_filters,
            "undo": self.undo,
            "redo": self.redo,
            "resolve-note-conflict": self.conflicts.again,
        }
