"""The questions the analysis views ask: which entity, since when, which search, which list.

Each is a small window-modal dialog driven by the keyboard (type, Return or
Ctrl+Return to accept, Escape to cancel), opened without a nested event
loop: the answer arrives through a callback, and focus returns to where it
was when the dialog closes. Lists of names complete as they are typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefreader.ui.common.focus import open_modal


def _buttons(dialog: QDialog, ok: QDialogButtonBox.StandardButton) -> QDialogButtonBox:
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _open(dialog: QDialog, focus: QWidget, on_accept: Callable[[], None]) -> QDialog:
    dialog.accepted.connect(on_accept)
    dialog.finished.connect(dialog.deleteLater)
    open_modal(dialog)
    focus.setFocus()
    return dialog


def ask_text(
    parent: QWidget,
    title: str,
    label: str,
    on_text: Callable[[str], None],
    choices: Sequence[str] = (),
    text: str = "",
) -> QDialog:
    """One line, completed from `choices` as it is typed; `on_text` hears a non-empty answer."""
    dialog = QDialog(parent)
    dialog.setObjectName("analysis-prompt")
    dialog.setWindowTitle(title)
    line = QLineEdit(text, dialog)
    line.setObjectName("analysis-prompt-line")
    if choices:
        completer = QCompleter(list(choices), dialog)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        line.setCompleter(completer)
    form = QFormLayout(dialog)
    form.addRow(label, line)
    form.addRow(_buttons(dialog, QDialogButtonBox.StandardButton.Ok))
    dialog.resize(460, dialog.sizeHint().height())

    def accepted() -> None:
        if answer := line.text().strip():
            on_text(answer)

    return _open(dialog, line, accepted)


def ask_watch(parent: QWidget, query: str, on_answer: Callable[[str, str], None]) -> QDialog:
    """A name and a query for a new standing query."""
    dialog = QDialog(parent)
    dialog.setObjectName("watch-prompt")
    dialog.setWindowTitle("Save a standing query")
    name = QLineEdit(dialog)
    name.setObjectName("watch-name")
    search = QLineEdit(query, dialog)
    search.setObjectName("watch-query")
    form = QFormLayout(dialog)
    form.addRow("Name:", name)
    form.addRow("Search (any spelling of a group finds every other):", search)
    form.addRow(_buttons(dialog, QDialogButtonBox.StandardButton.Save))
    dialog.resize(560, dialog.sizeHint().height())

    def accepted() -> None:
        if name.text().strip() and search.text().strip():
            on_answer(name.text().strip(), search.text().strip())

    return _open(dialog, name, accepted)


def ask_list(parent: QWidget, text: str, on_text: Callable[[str], None]) -> QDialog:
    """A pasted list of names or queries, one per line; Ctrl+Return counts them."""
    dialog = QDialog(parent)
    dialog.setObjectName("batch-prompt")
    dialog.setWindowTitle("Batch search")
    edit = QPlainTextEdit(text, dialog)
    edit.setObjectName("batch-list")
    edit.setTabChangesFocus(True)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("One name or query per line; Ctrl+Return counts them:", dialog))
    layout.addWidget(edit)
    layout.addWidget(_buttons(dialog, QDialogButtonBox.StandardButton.Ok))
    dialog.resize(480, 360)
    return _open(dialog, edit, lambda: on_text(edit.toPlainText()))
