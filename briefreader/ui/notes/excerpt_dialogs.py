"""Small keyboard-only dialogs: tags, a comment, and the details of a capture.

Each opens with `open_modal` (never a nested event loop), puts focus in its
first field, saves with Return and cancels with Escape, every one the same
way: in a comment, which may run to several lines, Shift+Return starts a new
line (Ctrl+Return saves too), and each prompt says so. The answer goes to a
callback. The quote shown in the
capture dialog is document text: a plain-text label, never rich text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefreader.store.excerpt_rows import QUOTE_MARKS
from briefreader.ui.common.focus import open_modal
from briefreader.ui.notes.excerpt_model import one_line


def split_tags(text: str) -> list[str]:
    """Tags typed as "a, b; c" (commas or semicolons; spaces stay inside a tag)."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, not the whole line."""

    def __init__(self, tags: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(QStringListModel(list(tags)), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        return [path.replace(";", ",").split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        head = typed.replace(";", ",").rsplit(",", 1)[0] + ", " if "," in typed else ""
        return head + str(index.data())


#: What every prompt with a comment field says about its keys.
COMMENT_KEYS = "Return saves · Shift+Return starts a new line · Escape cancels"
#: What the one-line prompts say.
LINE_KEYS = "Return saves · Escape cancels"


def quoted(text: str, limit: int) -> str:
    """The quote on one line between typographic quotes, never doubled: a quote that
    starts or ends with its own marks (“China hopes…”) keeps them and gets no more."""
    inner = one_line(text, limit).strip().strip(QUOTE_MARKS).strip()
    return f"“{inner}”"


class CommentEdit(QPlainTextEdit):
    """A comment field: Return saves as in every prompt, Shift+Return starts a new line,
    Tab leaves it. (Ctrl+Return saves too, as it did.)"""

    def __init__(self, accept: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accept = accept
        self.setTabChangesFocus(True)
        self.setPlaceholderText("comment (plain text or Markdown)")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self._accept()
            return
        super().keyPressEvent(event)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class TagsDialog(QDialog):
    """Type one or more tags, separated by commas; existing tags complete."""

    def __init__(
        self,
        title: str,
        prompt: str,
        suggestions: Sequence[str],
        done: Callable[[list[str]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tags-dialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.line = QLineEdit(self)
        self.line.setObjectName("tags-line")
        self.line.setPlaceholderText("tag, another tag")
        self.line.setCompleter(TagCompleter(suggestions, self.line))
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(prompt, self))
        layout.addWidget(self.line)
        if suggestions:
            shown = ", ".join(suggestions[:12]) + ("…" if len(suggestions) > 12 else "")
            layout.addWidget(_plain_label(f"In use: {shown}", self))
        layout.addWidget(_plain_label(LINE_KEYS, self))
        layout.addWidget(_buttons(self))
        self.accepted.connect(lambda: done(split_tags(self.line.text())))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def ask(self) -> None:
        open_modal(self)
        self.line.setFocus()


class CommentDialog(QDialog):
    """Edit an excerpt's comment; an empty comment removes it."""

    def __init__(
        self,
        quote: str,
        comment: str,
        done: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("comment-dialog")
        self.setWindowTitle("Comment on the excerpt")
        self.setModal(True)
        self.edit = CommentEdit(self.accept, self)
        self.edit.setPlainText(comment)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(quoted(quote, 300), self))
        layout.addWidget(self.edit)
        layout.addWidget(_plain_label(COMMENT_KEYS, self))
        layout.addWidget(_buttons(self))
        self.accepted.connect(lambda: done(self.edit.toPlainText()))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(520, 280)

    def ask(self) -> None:
        open_modal(self)
        self.edit.setFocus()
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)


class CaptureDialog(QDialog):
    """Capture with details: tags, a comment and the priority flag, saved as one step."""

    def __init__(
        self,
        quote: str,
        suggestions: Sequence[str],
        done: Callable[[list[str], str, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("capture-dialog")
        self.setWindowTitle("Capture excerpt")
        self.setModal(True)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("capture-tags")
        self.tags.setPlaceholderText("tags, separated by commas")
        self.tags.setCompleter(TagCompleter(suggestions, self.tags))
        self.comment = CommentEdit(self.accept, self)
        self.priority = QCheckBox("&Priority", self)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(quoted(quote, 400), self))
        layout.addWidget(self.tags)
        layout.addWidget(self.comment)
        layout.addWidget(self.priority)
        layout.addWidget(
            _plain_label(
                f"Tab moves between fields · {COMMENT_KEYS.replace('saves', 'captures')}", self
            )
        )
        layout.addWidget(_buttons(self))
        self.accepted.connect(
            lambda: done(
                split_tags(self.tags.text()),
                self.comment.toPlainText().strip(),
                self.priority.isChecked(),
            )
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(560, 320)

    def ask(self) -> None:
        open_modal(self)
        self.tags.setFocus()


def tags_to_add(
    name: str,
    suggestions: Sequence[str],
    done: Callable[[list[str]], None],
    parent: QWidget | None = None,
) -> TagsDialog:
    return TagsDialog(
        "Tag the excerpt",
        f"Tags to add to the {name} (commas between tags):",
        suggestions,
        done,
        parent,
    )


def tags_to_remove(
    name: str,
    tags: Sequence[str],
    done: Callable[[list[str]], None],
    parent: QWidget | None = None,
) -> TagsDialog:
    return TagsDialog(
        "Remove tags",
        f"Tags to remove from the {name}: {', '.join(tags)}",
        list(tags),
        done,
        parent,
    )
