"""The composer's small dialogs, every one answerable from the keyboard.

They open with `open()` (window-modal, never a nested event loop), so the
window keeps painting and tests can type into them. Each reports through a
signal; Escape always cancels. Labels are plain text: a prompt may quote a
briefing name or an excerpt, which are the analyst's or a document's text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from briefreader.last_net import without_paths
from briefreader.store import Excerpt
from briefreader.ui.common.focus import open_modal
from briefreader.ui.composer.models import EXCERPT_ROLE, CandidateModel


def plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class TextPrompt(QDialog):
    """One line (Return accepts) or several (Ctrl+Return accepts) of text."""

    text_chosen = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        text: str = "",
        *,
        multiline: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("text-prompt")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        hint = " (Ctrl+Return saves, Escape cancels)" if multiline else ""
        layout.addWidget(plain_label(label + hint, self))
        self.editor: QLineEdit | QPlainTextEdit
        if multiline:
            self.editor = QPlainTextEdit(self)
            self.editor.setPlainText(text)
            self.editor.setTabChangesFocus(True)
            self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
            for keys in ("Ctrl+Return", "Ctrl+Enter"):
                QShortcut(QKeySequence(keys), self, self.accept)
            self.resize(560, 260)
        else:
            self.editor = QLineEdit(text, self)
            self.editor.selectAll()
            self.resize(480, 120)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.editor.setFocus()

    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def accept(self) -> None:
        super().accept()
        self.text_chosen.emit(self.text())


def show_modal(dialog: QDialog, parent: QWidget) -> None:
    """Open `dialog` as a prompt, give focus back when it closes, then delete it."""
    dialog.finished.connect(dialog.deleteLater)
    open_modal(dialog)


def ask_text(
    parent: QWidget,
    title: str,
    label: str,
    on_text: Callable[[str], None],
    text: str = "",
    *,
    multiline: bool = False,
) -> TextPrompt:
    prompt = TextPrompt(parent, title, label, text, multiline=multiline)
    prompt.text_chosen.connect(on_text)
    show_modal(prompt, parent)
    prompt.editor.setFocus()
    return prompt


def ask_yes_no(
    parent: QWidget,
    title: str,
    text: str,
    on_yes: Callable[[], None],
    *,
    details: str = "",
    default_yes: bool = True,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Y/Return answers yes, N/Escape no (the buttons carry mnemonics). A local path in
    the text (an error's, an export's destination) is cut to its file's name."""
    box = QMessageBox(icon, title, without_paths(text), parent=parent)
    box.setObjectName("yes-no")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setInformativeText(without_paths(details))
    yes = box.addButton("&Yes", QMessageBox.ButtonRole.YesRole)
    no = box.addButton("&No", QMessageBox.ButtonRole.NoRole)
    box.setEscapeButton(no)
    box.setDefaultButton(yes if default_yes else no)
    box.setWindowModality(Qt.WindowModality.WindowModal)

    def answered(_result: int) -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(answered)
    show_modal(box, parent)
    return box


def tell(parent: QWidget, title: str, text: str, details: str = "") -> QMessageBox:
    """An error or a warning the analyst must read; Return or Escape closes it. An
    OSError's text names the file with its folders: only the file's name is shown."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, without_paths(text), parent=parent)
    box.setObjectName("composer-warning")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setInformativeText(without_paths(details))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setEscapeButton(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    show_modal(box, parent)
    return box


class _ListKeys(QObject):
    """Up/Down/PgUp/PgDown in the filter line move the list's current row."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moves = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in moves:
                self.view.keyPressEvent(event)
                return True
            if event.key() == Qt.Key.Key_Space and event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier
            ):
                model = self.view.model()
                if isinstance(model, CandidateModel):
                    model.toggle(self.view.currentIndex().row())
                return True
        return False


class ExcerptPicker(QDialog):
    """Type to narrow, Up/Down to move, Space (Ctrl+Space in the filter) ticks,
    Return adds the ticked excerpts (or the current one), Escape cancels."""

    chosen = Signal(list)  # excerpt ids

    def __init__(
        self,
        parent: QWidget,
        find: Callable[[str], list[Excerpt]],
        title_of: Callable[[str], str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("excerpt-picker")
        self.setWindowTitle("Add excerpts to the briefing")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._find = find
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("narrow by words in the quote, source, tags or entities")
        self.model = CandidateModel(title_of, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.filter.installEventFilter(_ListKeys(self.list))
        self.count = plain_label("", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.count)
        layout.addWidget(
            plain_label(
                "Space ticks (Ctrl+Space while typing) · Return adds the ticked excerpts, "
                "or the highlighted one · Escape cancels",
                self,
            )
        )
        self.filter.textChanged.connect(self.refresh)
        self.resize(760, 480)
        self.refresh()
        self.filter.setFocus()

    def refresh(self, _text: str = "") -> None:
        found = self._find(self.filter.text())
        self.model.set_excerpts(found)
        if found:
            self.list.setCurrentIndex(self.model.index(0))
        self.count.setText(
            f"{len(found)} excerpt{'s' if len(found) != 1 else ''} not yet in the briefing"
            if found or self.filter.text()
            else "Every excerpt is in the briefing already, or none was captured yet "
            "(capture excerpts in the reading pane)."
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.list.hasFocus():
            self.model.toggle(self.list.currentIndex().row())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        ids = self.model.ticked()
        if not ids:
            current = self.list.currentIndex()
            eid = current.data(EXCERPT_ROLE) if current.isValid() else None
            ids = [eid] if eid is not None else []
        super().accept()
        if ids:
            self.chosen.emit(ids)


#: The formats the composer offers: (format, radio label with its Alt key, file ending).
EXPORT_FORMATS: tuple[tuple[str, str, str], ...] = (
    ("pdf", "&PDF to hand over", ".pdf"),
    ("docx", "&Word (.docx) to edit", ".docx"),
    ("md", "&Markdown for note tools", ".md"),
)
_ENDINGS = {ending: name for name, _label, ending in EXPORT_FORMATS} | {".markdown": "md"}


def with_ending(path: Path, ending: str) -> Path:
    """`path` ending in `ending`: a known format's ending is swapped, any other kept and added."""
    if path.suffix.lower() in _ENDINGS:
        return path.with_suffix(ending)
    return path.with_name(path.name + ending)


class ExportPathDialog(QDialog):
    """Where to write and in which format: a path line (Return exports), the format
    (Alt+P, Alt+W, Alt+M, or typing the file's ending) and a keyboard file browser."""

    path_chosen = Signal(Path)

    def __init__(self, parent: QWidget, name: str, path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("export-path")
        self.setWindowTitle("Export briefing")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"Export “{name}” to:", self))
        row = QHBoxLayout()
        self.path = QLineEdit(str(path), self)
        self.path.setObjectName("export-path-line")
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self.browse)
        row.addWidget(self.path)
        row.addWidget(browse)
        layout.addLayout(row)
        formats = QHBoxLayout()
        self.formats: dict[str, QRadioButton] = {}
        for kind, label, _ending in EXPORT_FORMATS:
            button = QRadioButton(label, self)
            button.setObjectName(f"export-format-{kind}")
            button.toggled.connect(lambda on, kind=kind: on and self._format_picked(kind))
            formats.addWidget(button)
            self.formats[kind] = button
        layout.addLayout(formats)
        self.formats[self._format_of_text() or "pdf"].setChecked(True)
        self.path.textEdited.connect(lambda _text: self._follow_typed_ending())
        self.problem = plain_label("", self)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        layout.addWidget(
            plain_label(
                "Return exports · Alt+P PDF, Alt+W Word, Alt+M Markdown (or type the ending) · "
                "Alt+B browses · Escape cancels",
                self,
            )
        )
        self.resize(640, 190)
        self.path.setFocus()
        self.path.selectAll()

    @property
    def format(self) -> str:
        return next((k for k, button in self.formats.items() if button.isChecked()), "pdf")

    def _ending(self) -> str:
        return next(e for k, _label, e in EXPORT_FORMATS if k == self.format)

    def _format_of_text(self) -> str | None:
        return _ENDINGS.get(Path(self.path.text().strip()).suffix.lower())

    def _follow_typed_ending(self) -> None:
        """Typing ".docx" at the end of the name picks Word, and so on."""
        kind = self._format_of_text()
        if kind is not None and kind != self.format:
            self.formats[kind].blockSignals(True)
            for other, button in self.formats.items():
                button.setChecked(other == kind)
            self.formats[kind].blockSignals(False)

    def _format_picked(self, kind: str) -> None:
        """A format chosen by its key: the file name's ending follows it."""
        text = self.path.text().strip()
        if text and self._format_of_text() != kind:
            self.path.setText(str(with_ending(Path(text), self._ending())))

    def chosen_path(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        ending = self._ending()
        return path if path.suffix.lower() == ending else with_ending(path, ending)

    def browse(self) -> None:
        current = self.chosen_path()
        start = str(current) if current else str(Path.home())
        ending = self._ending()
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Export briefing",
            start,
            f"{self.format.upper()} files (*{ending})",
            options=QFileDialog.Option.DontUseNativeDialog
            | QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.path.setText(chosen)
            self._follow_typed_ending()
        self.path.setFocus()

    def accept(self) -> None:
        path = self.chosen_path()
        if path is None:
            self.problem.setText(f"Type a file name, e.g. ~/Documents/briefing{self._ending()}")
            return
        if path.is_dir():
            self.problem.setText(f"{path} is a folder: add a file name")
            return
        super().accept()
        self.path_chosen.emit(path)
