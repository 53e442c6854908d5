"""The choice shown when another analyst changed the note being edited, on the same lines.

Nothing has been overwritten when this opens: the server holds their text,
the editor (and the store's pending list) holds the analyst's. The dialog
shows both as plain text side by side and offers three endings, each a
button with a mnemonic (Alt+M, Alt+T, Alt+B; Tab and Return work too):
keep mine, keep theirs, or keep both in the note to combine by hand.
Escape decides later: the text stays unsaved and kept, the state line says
so, and the `resolve-note-conflict` command (Ctrl+Shift+R) asks again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefreader.store.notes import NoteConflict
from briefreader.ui.common.focus import open_modal
from briefreader.ui.notes.panel import NotesPanel, Resolution


def _text_box(title: str, text: str, name: str, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(title, box)
    label.setTextFormat(Qt.TextFormat.PlainText)
    view = QPlainTextEdit(box)
    view.setObjectName(name)
    view.setReadOnly(True)
    view.setPlainText(text)  # analyst text: plain, never rich
    view.setAccessibleName(title)
    view.setTabChangesFocus(True)
    label.setBuddy(view)
    layout.addWidget(label)
    layout.addWidget(view, 1)
    return box


def heading(conflict: NoteConflict) -> str:
    theirs = conflict.theirs
    who = (theirs.updated_by if theirs else "") or "Another analyst"
    if theirs is None:
        return f"{who} deleted this note while you were editing it. Nothing is lost yet."
    at = f"{theirs.updated[:10]} {theirs.updated[11:16]} UTC"
    return (
        f"{who} changed this note at {at} while you were editing it, on the same lines. "
        "Nothing is lost yet: choose which text to keep, or keep both and combine them."
    )


class NoteConflictDialog(QDialog):
    """Mine, theirs or both; `chosen` is called with the choice (never on Escape)."""

    def __init__(
        self,
        conflict: NoteConflict,
        chosen: Callable[[NoteConflict, Resolution], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("note-conflict")
        self.setWindowTitle("A note was changed by someone else")
        self.conflict = conflict
        self._chosen = chosen
        theirs = conflict.theirs
        who = (theirs.updated_by if theirs else "") or "their"
        label = QLabel(heading(conflict), self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        texts = QHBoxLayout()
        texts.addWidget(_text_box("Your text", conflict.mine, "conflict-mine", self))
        their_title = "Their text" if who == "their" else f"{who}’s text"
        their_text = theirs.text if theirs else "(deleted)"
        texts.addWidget(_text_box(their_title, their_text, "conflict-theirs", self))
        buttons = QHBoxLayout()
        self.buttons: dict[Resolution, QPushButton] = {}
        for choice, caption in (
            ("mine", "Keep &mine"),
            ("theirs", "Keep &theirs" if theirs else "Keep it &deleted"),
            ("both", "Keep &both to combine"),
        ):
            button = QPushButton(caption, self)
            button.setObjectName(f"conflict-{choice}")
            button.clicked.connect(lambda _=False, c=choice: self.choose(c))
            buttons.addWidget(button)
            self.buttons[choice] = button  # type: ignore[index]
        later = QPushButton("Decide &later", self)
        later.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(later)
        self.buttons["both"].setDefault(True)  # the choice that loses nothing
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(texts, 1)
        layout.addLayout(buttons)
        self.resize(760, 420)
        self.buttons["both"].setFocus()

    def choose(self, choice: Resolution) -> None:
        self.accept()
        self._chosen(self.conflict, choice)


class ConflictPrompt:
    """Opens the dialog when the notes panel reports a conflict, and again on command."""

    def __init__(
        self, parent: QWidget, panel: NotesPanel, status: Callable[[str, int], None]
    ) -> None:
        self._parent = parent
        self._panel = panel
        self._status = status
        self.dialog: NoteConflictDialog | None = None
        panel.conflicted.connect(self.show)

    def show(self, conflict: object) -> None:
        if not isinstance(conflict, NoteConflict):
            return
        if self.dialog is not None and self.dialog.isVisible():
            return  # one choice at a time; the command asks for the next
        self._status("another analyst changed the note you are typing: choose what to keep", 15000)
        dialog = self.dialog = NoteConflictDialog(conflict, self._panel.resolve, self._parent)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        open_modal(dialog)

    def _closed(self, dialog: NoteConflictDialog) -> None:
        if self.dialog is dialog:  # a choice may already have raised the next conflict
            self.dialog = None
        dialog.deleteLater()

    def again(self) -> None:
        """The `resolve-note-conflict` command: ask about the waiting conflict."""
        conflict = self._panel.conflict()
        if conflict is None:
            self._status("no note is waiting for a choice", 5000)
            return
        self.show(conflict)
