"""The notes panel: the open document's note, its excerpts, and the free memo.

The note editor follows the open document; `n` on an excerpt (in the bin or
this panel's list) or on the open briefing (in the composer) points it at
that excerpt's or briefing's note instead, until the next document or `5`.

Saving follows `store.autosave`: every keystroke is recorded as a pending
edit (data, not a timer that navigation could cancel); a 250 ms timer saves
edits that rested 0.75 s, and any edit older than 1 s is saved even while
the analyst keeps typing, so nothing typed is ever more than a second from
the disk. Leaving an editor, switching documents and quitting flush at once.
A save that fails (read-only store, full disk) leaves the text in the editor
and in the store's pending list, retries, and says why in the status bar.

Ctrl+Z inside an editor is the editor's own character-level undo; outside
the editors it is the store's undo (a note's consecutive saves are one step).
When the store's undo changes a note on show, the editor reloads it.

In a team workspace each editor saves against the note it loaded (its
`base`): another analyst's change on other lines is merged in, one on the
same lines stops the save and `conflicted` asks the window to let the
analyst choose (`resolve`). Others' saves reach an open editor at once when
nothing typed is waiting; otherwise the state line says who changed it.
"""

from __future__ import annotations

import time
from typing import Literal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from briefreader.domain import Document
from briefreader.store import Changes, Note, NoteSave, NoteTarget, Store
from briefreader.store.autosave import Autosaver
from briefreader.store.errors import StoreError
from briefreader.store.notes import NoteBase, NoteConflict
from briefreader.ui.notes.excerpt_model import (
    ExcerptList,
    ExcerptModel,
    current_excerpt_id,
    select_excerpt,
)

#: Longest an edit may wait while the analyst keeps typing (the issue's "within 1 s").
MAX_WAIT = 1.0
TICK_MS = 250


class NoteEdit(QPlainTextEdit):
    """A note editor that reports losing focus, so the panel can flush at once."""

    focus_lost = Signal()

    def __init__(self, name: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setAccessibleName(placeholder)
        self.target: NoteTarget | None = None

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


def _plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _document_heading(doc: Document) -> str:
    return f"Note on “{doc.title or '(untitled)'}”"


def saved_text(note: Note | None) -> str:
    """When the note was saved and by whom, when and by whom it was started."""
    if note is None:
        return "no note yet"
    by = f" by {note.updated_by}" if note.updated_by else ""
    other = note.created_by and note.created_by != note.updated_by
    first = f" by {note.created_by}" if other else ""
    return (
        f"saved {note.updated[:10]} {note.updated[11:19]} UTC{by} · "
        f"started {note.created[:10]}{first} · {note.format}"
    )


Resolution = Literal["mine", "theirs", "both"]


def combined_text(conflict: NoteConflict) -> str:
    """Both versions one after the other, labelled, for the analyst to combine by hand."""
    who = conflict.theirs.updated_by if conflict.theirs and conflict.theirs.updated_by else "Their"
    theirs = conflict.theirs.text if conflict.theirs else "(deleted)"
    owner = "Their" if who == "Their" else f"{who}’s"
    return f"{owner} version:\n{theirs.rstrip()}\n\nYour version:\n{conflict.mine.rstrip()}\n"


class NotesPanel(QWidget):
    #: (message, milliseconds) for the window's status bar.
    message = Signal(str, int)
    #: A save stopped at another analyst's change (a NoteConflict): let the analyst choose.
    conflicted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes")
        self.setAccessibleName("Notes")
        self.store: Store | None = None
        self.saver: Autosaver | None = None
        self.doc: Document | None = None
        self._loading = False
        self._first_unsaved: float | None = None
        #: The note each editor started from, saved against (see the module docstring).
        self.bases: dict[NoteTarget, NoteBase] = {}
        self.title = _plain("No document open", self)
        self.title.setObjectName("note-title")
        self.state = _plain("", self)
        self.state.setObjectName("note-state")
        self.editor = NoteEdit("document-note", "Your note on this document (Markdown)", self)
        self.excerpt_label = _plain("Excerpts in this document", self)
        self.excerpt_model = ExcerptModel(self, compact=True)
        self.excerpts = ExcerptList(self.excerpt_model, self)
        self.memo = NoteEdit("memo", "Free memo: anything, not tied to a document", self)
        self.memo.target = NoteTarget.memo()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for part in (
            self._box(self.title, self.editor, self.state),
            self._box(self.excerpt_label, self.excerpts),
            self._box(_plain("Memo", self), self.memo),
        ):
            splitter.addWidget(part)
        splitter.setSizes([300, 200, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.editor)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        for editor in (self.editor, self.memo):
            editor.textChanged.connect(lambda editor=editor: self._edited(editor))
            editor.focus_lost.connect(self.flush)
        self._set_enabled()

    def _box(self, *widgets: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in widgets:
            layout.addWidget(widget, 1 if isinstance(widget, QPlainTextEdit | ExcerptList) else 0)
        return box

    # -- wiring ------------------------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        self.flush()
        self.store = store
        self.saver = Autosaver(store.notes) if store is not None else None
        self.bases.clear()
        self._load(self.memo, NoteTarget.memo())
        self.show_document(self.doc, force=True)
        if store is not None and store.read_only_reason:
            self.state.setText(f"read-only: {store.read_only_reason}")

    def _set_enabled(self) -> None:
        ready = self.store is not None
        self.editor.setReadOnly(not ready or self.doc is None)
        self.memo.setReadOnly(not ready)
        if not ready:
            self.state.setText("the work database is not open yet")

    def show_document(self, doc: Document | None, *, force: bool = False) -> None:
        """Switch to `doc`'s note and excerpts; the previous note is flushed first."""
        if not force and doc is not None and self.doc is not None and doc.id == self.doc.id:
            if self.editor.target != NoteTarget.document(doc.id):  # back from another note
                self.note_on(NoteTarget.document(doc.id), _document_heading(doc))
            return
        self.flush()
        self.doc = doc
        self.title.setText(_document_heading(doc) if doc else "No document open")
        target = NoteTarget.document(doc.id) if doc else None
        self._load(self.editor, target)
        self.refresh_excerpts()
        self._set_enabled()

    def note_on(self, target: NoteTarget, heading: str) -> None:
        """Point the note editor at another note: an excerpt's, a briefing's, or back.

        The note being edited is flushed first. The document's own note
        comes back with the next document, or with `show_document`.
        """
        self.flush()
        self.title.setText(heading)
        self._load(self.editor, target)
        self.editor.setReadOnly(self.store is None)

    def _load(self, editor: NoteEdit, target: NoteTarget | None) -> None:
        """Put the target's text in the editor: an unsaved edit wins over the stored note."""
        editor.target = target
        text, note = "", None
        if target is not None and self.store is not None:
            pending = {**self.store.notes.pending(), **(self.saver.pending() if self.saver else {})}
            try:
                note = self.store.notes.get(target)
            except StoreError as error:
                self.message.emit(f"could not read the note: {error}", 10000)
            text = pending.get(target, note.text if note else "")
            if target not in pending or target not in self.bases:
                self.bases[target] = NoteBase.of(note)
        self._show_text(editor, text)
        if editor is self.editor:
            self.state.setText(saved_text(note) if target is not None else "")

    def _show_text(self, editor: NoteEdit, text: str) -> None:
        """Replace the editor's text without it counting as an edit; the cursor stays put."""
        if editor.toPlainText() == text:
            return
        cursor = editor.textCursor().position()
        self._loading = True
        editor.setPlainText(text)
        self._loading = False
        moved = editor.textCursor()
        moved.setPosition(min(cursor, len(text)))
        editor.setTextCursor(moved)

    def refresh_excerpts(self) -> None:
        current = current_excerpt_id(self.excerpts)
        rows = []
        if self.store is not None and self.doc is not None:
            rows = self.store.excerpts.list(doc_id=self.doc.id)
        title = self.doc.title if self.doc else ""
        self.excerpt_model.set_excerpts(rows, lambda _doc_id: title)
        self.excerpt_label.setText(f"Excerpts in this document ({len(rows)})")
        if not select_excerpt(self.excerpts, self.excerpt_model, current) and rows:
            self.excerpts.setCurrentIndex(self.excerpt_model.index(0, 0))

    def apply_store_changes(self, changes: Changes, by: str = "") -> None:
        """Redraw what a store action (capture, tag, undo ...) or another analyst
        (`by`) changed. An editor with typing not yet saved keeps it: the save
        merges the two or shows the conflict."""
        if changes.excerpts or changes.tags:
            self.refresh_excerpts()
        if changes.notes:
            waiting = self.unsaved()
            for editor in (self.editor, self.memo):
                if editor.target is None:
                    continue
                if editor.target not in waiting and (by or not editor.hasFocus()):
                    self._load(editor, editor.target)
                elif by and editor is self.editor and editor.target in waiting:
                    self.state.setText(
                        f"{by} changed this note while you were typing: "
                        "your text is merged with theirs when it saves"
                    )

    # -- saving ------------------------------------------------------------------------

    def _edited(self, editor: NoteEdit) -> None:
        if self._loading or editor.target is None or self.saver is None:
            return
        self.saver.edited(editor.target, editor.toPlainText(), base=self.bases.get(editor.target))
        if self._first_unsaved is None:
            self._first_unsaved = time.monotonic()
        if not self.timer.isActive():
            self.timer.start()

    def tick(self) -> None:
        if self.saver is None:
            self.timer.stop()
            return
        overdue = (
            self._first_unsaved is not None
            and time.monotonic() - self._first_unsaved >= MAX_WAIT
            and not self.saver.failures
        )
        self._report(self.saver.flush() if overdue else self.saver.tick())

    def flush(self) -> None:
        """Save every pending edit now (focus change, document switch, quit)."""
        if self.saver is not None:
            self._report(self.saver.flush())

    def _report(self, results: list[NoteSave]) -> None:
        saver = self.saver
        if saver is None:
            return
        if not saver.pending():
            self._first_unsaved = None
            self.timer.stop()
        elif saver.failures:
            self._first_unsaved = None  # retried on the saver's own schedule
        for result in results:
            if result.saved and result.target is not None:
                self.bases[result.target] = NoteBase.of(result.note)
                if result.merged:
                    self._merged(result)
            if result.conflict is not None:
                self.state.setText(f"NOT SAVED: {result.error} (Ctrl+Shift+R)")
                self.conflicted.emit(result.conflict)
            elif result.queued:
                self.state.setText(f"kept on this machine: {result.error}")
            elif not result.saved:
                self.state.setText(f"NOT SAVED: {result.error}")
                self.message.emit(f"note not saved: {result.error}", 15000)
            elif result.note is not None and result.note.target == self.editor.target:
                self.state.setText(saved_text(result.note))
            elif result.note is None and not self.editor.toPlainText().strip():
                self.state.setText("no note yet")

    def _merged(self, result: NoteSave) -> None:
        """The save combined the editor's text with another analyst's: show what was saved."""
        note = result.note
        waiting = self.saver.pending() if self.saver else {}
        for editor in (self.editor, self.memo):
            if note is not None and editor.target == note.target and note.target not in waiting:
                self._show_text(editor, note.text)
        self.message.emit("your note was merged with another analyst’s change", 8000)

    # -- conflicts ---------------------------------------------------------------------

    def conflict(self) -> NoteConflict | None:
        """The conflict waiting for the analyst (the open note's first), if any."""
        waiting = self.saver.conflicts if self.saver else {}
        if self.editor.target in waiting:
            return waiting[self.editor.target]  # type: ignore[index]
        return next(iter(waiting.values()), None)

    def resolve(self, conflict: NoteConflict, choice: Resolution) -> None:
        """End a conflict: keep the analyst's text, the other analyst's, or both to combine."""
        if self.saver is None or self.store is None:
            return
        target = conflict.target
        self.saver.resolved(target)
        self.bases[target] = NoteBase.of(conflict.theirs)
        text = {
            "mine": conflict.mine,
            "theirs": conflict.theirs.text if conflict.theirs else "",
            "both": combined_text(conflict),
        }[choice]
        editors = [e for e in (self.editor, self.memo) if e.target == target]
        for editor in editors:
            self._show_text(editor, text)
        if choice == "theirs":
            self.store.notes.discard(target)
            if self.editor.target == target:
                self.state.setText(saved_text(conflict.theirs))
            return
        self.saver.edited(target, text, base=self.bases[target])
        self.flush()  # both versions are on the server at once; combining is more typing
        if choice == "both" and editors:
            editors[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def unsaved(self) -> dict[NoteTarget, str]:
        """Edits not yet on disk (pending in the saver or refused by the store)."""
        if self.store is None:
            return {}
        return {**self.store.notes.pending(), **(self.saver.pending() if self.saver else {})}

    # -- excerpts ----------------------------------------------------------------------

    def current_excerpt_id(self) -> int | None:
        return current_excerpt_id(self.excerpts)

    def select_excerpt(self, excerpt_id: int | None) -> bool:
        return select_excerpt(self.excerpts, self.excerpt_model, excerpt_id)

    def focus_excerpts(self) -> None:
        self.excerpts.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_memo(self) -> None:
        self.memo.setFocus(Qt.FocusReason.ShortcutFocusReason)
