"""Grading from the keyboard: a source's reliability, an excerpt's credibility, a claim's actor.

`GradingWork` binds the four grading commands (keys in `control/grading_keys.py`).
Each asks with a small dialog: `GradePicker` takes one key (the letter or
digit picks and closes; 0, Delete or Backspace means "not graded"; arrows and
Return work too; Escape cancels), `ClaimDialog` a name with completion from
the actors already named. The result goes to the store as one undoable step
through `control.grading.Grading`, and the notes work redraws what it changed.

What a command acts on follows the focus: in the excerpt bin or the panel's
list, the excerpt under the cursor and its document; in the composer, its
current item (the composer's wiring supplies `composer_excerpt`); in the
reader or the document list, the open document and the notes panel's
current excerpt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from briefreader.control.grading import (
    Choice,
    Grading,
    credibility_choices,
    reliability_choices,
)
from briefreader.domain import Document
from briefreader.store import Excerpt, Store
from briefreader.ui.common.focus import open_modal
from briefreader.ui.common.host import Host
from briefreader.ui.notes.excerpt_model import one_line

if TYPE_CHECKING:
    from briefreader.ui.notes.work import NotesWork

_CLEAR_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # publishers and quotes are document text
    label.setWordWrap(True)
    return label


class _ChoiceList(QListWidget):
    """The picker's rows: a row's key picks it at once."""

    def __init__(self, picker: GradePicker) -> None:
        super().__init__(picker)
        self.picker = picker

    def keyPressEvent(self, event: QKeyEvent) -> None:
        extra = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if extra != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        if event.key() in _CLEAR_KEYS:
            self.picker.pick("")
            return
        text = event.text().strip().upper()
        if text and text in self.picker.keys:
            self.picker.pick(text)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.picker.pick(self.picker.choices[max(self.currentRow(), 0)].key)
            return
        super().keyPressEvent(event)


class GradePicker(QDialog):
    """One key grades: A-F or 1-6 (0 clears); `done(key)` gets the choice's key ("" = none)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        choices: Sequence[Choice],
        current: str,
        done: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("grade-picker")
        self.setWindowTitle(title)
        self.setModal(True)
        self.choices = list(choices)
        self.keys = {c.key for c in self.choices if c.key}
        self.chosen: str | None = None
        self.list = _ChoiceList(self)
        self.list.setObjectName("grade-choices")
        for choice in self.choices:
            self.list.addItem(choice.label)
        rows = [i for i, c in enumerate(self.choices) if c.key == current]
        self.list.setCurrentRow(rows[0] if rows else len(self.choices) - 1)
        self.list.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(prompt, self))
        layout.addWidget(self.list)
        hint = "Press the grade's key (0: not graded), or move and press Return; Escape cancels."
        layout.addWidget(_plain_label(hint, self))
        self.accepted.connect(lambda: self.chosen is not None and done(self.chosen))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(460, 250)

    def pick(self, key: str) -> None:
        self.chosen = key
        self.accept()

    def ask(self) -> None:
        open_modal(self)
        self.list.setFocus()


class ClaimDialog(QDialog):
    """Who makes the claim: a name (completing from those in use); empty unmarks."""

    def __init__(
        self,
        quote: str,
        current: str,
        actors: Sequence[str],
        done: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("claim-dialog")
        self.setWindowTitle("Mark as a claim")
        self.setModal(True)
        self.line = QLineEdit(current, self)
        self.line.setObjectName("claim-line")
        self.line.setPlaceholderText("e.g. Taliban spokesman, ISKP via Amaq")
        completer = QCompleter(QStringListModel(list(actors)), self.line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.line.setCompleter(completer)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(f"“{one_line(quote, 300)}”", self))
        prompt = "Who makes this claim? (empty: not a claim) Return saves, Escape cancels."
        layout.addWidget(_plain_label(prompt, self))
        layout.addWidget(self.line)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accepted.connect(lambda: done(self.line.text()))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(520, 180)

    def ask(self) -> None:
        open_modal(self)
        self.line.setFocus()
        self.line.selectAll()


class GradingWork:
    """The grading commands in the window."""

    def __init__(self, host: Host, notes: NotesWork) -> None:
        self.host = host
        self.notes = notes
        self.actions = Grading(None)
        #: The composer's current excerpt while its tree has focus (set by its wiring).
        self.composer_excerpt: Callable[[], int | None] = lambda: None
        self.dialog: QDialog | None = None  # the open picker, for tests

    def set_store(self, store: Store | None) -> None:
        self.actions.store = store

    # -- what a command acts on ---------------------------------------------------------

    def excerpt_id(self) -> int | None:
        """The composer's item when the composer has focus, else the notes work's excerpt."""
        if self.host.mode() == "composer":
            return self.composer_excerpt()
        return self.notes.current_excerpt_id()

    def document(self) -> Document | None:
        """In a list of excerpts, the current excerpt's document; else the open one."""
        state = self.host.state
        if self.host.mode() in ("excerpts", "composer"):
            excerpt_id = self.excerpt_id()
            excerpt = self.notes.actions.excerpt(excerpt_id) if excerpt_id is not None else None
            if excerpt is None:
                return None
            return state.document(excerpt.doc_id)
        return state.current

    def _open(self, dialog: GradePicker | ClaimDialog) -> None:
        self.dialog = dialog
        dialog.ask()

    # -- the commands ----------------------------------------------------------------

    def grade_publisher(self) -> None:
        doc = self.document()
        if doc is None:
            self.host.status("no document to grade: open one, or pick an excerpt")
            return
        publisher = " ".join(doc.publisher.split())
        store = self.actions.store
        current = (store.grades.publisher(publisher) or "") if store and publisher else ""
        if publisher:
            prompt = f"Reliability of {publisher}, remembered for every document from it:"
        else:
            prompt = "This document names no publisher: the grade is for this document only."
            current = (store.grades.document(doc.id) or "") if store else ""
        self._open(
            GradePicker(
                "Source reliability",
                prompt,
                reliability_choices("publisher"),
                current,
                lambda key: self.notes.apply(self.actions.grade_publisher(doc, key)),
                self.notes.window,
            )
        )

    def grade_document(self) -> None:
        doc = self.document()
        if doc is None:
            self.host.status("no document to grade: open one, or pick an excerpt")
            return
        store = self.actions.store
        current = (store.grades.document(doc.id) or "") if store else ""
        title = one_line(doc.title or "(untitled)", 90)
        self._open(
            GradePicker(
                "This document's reliability",
                f"Reliability of “{title}” alone, over its publisher's grade:",
                reliability_choices("document"),
                current,
                lambda key: self.notes.apply(self.actions.grade_document(doc, key)),
                self.notes.window,
            )
        )

    def _excerpt(self) -> tuple[int, Excerpt] | None:
        excerpt_id = self.excerpt_id()
        excerpt = self.notes.actions.excerpt(excerpt_id) if excerpt_id is not None else None
        if excerpt_id is None or excerpt is None:
            self.host.status("no excerpt chosen: capture one (x) or pick one in the bin (6)")
            return None
        return excerpt_id, excerpt

    def grade_credibility(self) -> None:
        found = self._excerpt()
        if found is None:
            return
        excerpt_id, excerpt = found
        current = excerpt.credibility
        quote = one_line(excerpt.quote, 200)
        self._open(
            GradePicker(
                "Credibility of the information",
                f"Credibility of the excerpt “{quote}”",
                credibility_choices(),
                str(current) if current is not None else "",
                lambda key: self.notes.apply(self.actions.set_credibility(excerpt_id, key)),
                self.notes.window,
            )
        )

    def mark_claim(self) -> None:
        found = self._excerpt()
        if found is None:
            return
        excerpt_id, excerpt = found
        self._open(
            ClaimDialog(
                excerpt.quote,
                excerpt.claimant,
                self.actions.claimants(),
                lambda actor: self.notes.apply(self.actions.set_claim(excerpt_id, actor)),
                self.notes.window,
            )
        )

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "grade-publisher": self.grade_publisher,
            "grade-document": self.grade_document,
            "grade-credibility": self.grade_credibility,
            "mark-claim": self.mark_claim,
        }
