"""The search pane: a query line over the ranked results, with a one-line message between.

The line searches as you type: edits restart a short timer (150 ms), and
only when the typing pauses does a query go to the worker, so a burst of
keys costs one search. While the line has focus the window is in search
mode: the keys the key table binds in mode "search" (Return, Up, Down ...)
are claimed here through ShortcutOverride and run their commands; every
other key edits the query, and Escape (insert mode) leaves for the reader.
Messages are plain text: a query is typed by the analyst, but a message
may quote it back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QKeyCombination, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from briefreader.control.keymap import normalise_key
from briefreader.ui.search.results import SearchResultsModel, SearchResultsView

#: Typing pauses this long (ms) before the query runs.
DEBOUNCE_MS = 150
PLACEHOLDER = 'Search: words, "a phrase", ISIL-K, group:ISKP, title:kabul, talib*, kabul~'


def key_name(event: QKeyEvent) -> str | None:
    """A key event in the key table's notation (`Return`, `Down`, `Ctrl+N`), None if unnamed."""
    try:
        key = Qt.Key(event.key())
    except ValueError:
        return None
    if key in (Qt.Key.Key_unknown, Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt):
        return None
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if key == Qt.Key.Key_Backtab:
        key, modifiers = Qt.Key.Key_Tab, modifiers | Qt.KeyboardModifier.ShiftModifier
    text = QKeySequence(QKeyCombination(modifiers, key)).toString(
        QKeySequence.SequenceFormat.PortableText
    )
    try:
        return normalise_key(text) if text else None
    except ValueError:
        return None


class SearchLine(QLineEdit):
    """The query line; keys bound in search mode run their commands instead of editing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-line")
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Search query")
        self.setMaxLength(20000)
        self.bindings: dict[str, str] = {}
        self.run: Callable[[str], object] = lambda _name: None

    def bind(self, bindings: Mapping[str, str], run: Callable[[str], object]) -> None:
        self.bindings = {normalise_key(key): command for key, command in bindings.items()}
        self.run = run

    def command_for(self, event: QKeyEvent) -> str | None:
        name = key_name(event)
        return self.bindings.get(name) if name else None

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.command_for(event)
        ):
            event.accept()  # ours: a window shortcut on the same key must not fire
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = self.command_for(event)
        if command:
            event.accept()
            self.run(command)
            return
        super().keyPressEvent(event)


class SearchPane(QWidget):
    """Query line, message, ranked results."""

    #: The query after typing paused (may be "" when the line was emptied).
    query_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search")
        self.line = SearchLine(self)
        self.message = QLabel(self)
        self.message.setObjectName("search-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = SearchResultsView(self.model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        self.setFocusProxy(self.line)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._typing_paused)
        self.line.textChanged.connect(lambda _text: self.timer.start())

    def _typing_paused(self) -> None:
        self.query_changed.emit(self.line.text())

    def flush(self) -> None:
        """Run the query now if typing has not paused yet (Enter does not wait)."""
        if self.timer.isActive():
            self.timer.stop()
            self._typing_paused()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setVisible(bool(text))
        self.message.setAccessibleDescription(text)

    def open_line(self) -> None:
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.selectAll()


def dock_under(window: QMainWindow, pane: QWidget, above: QDockWidget | None) -> QDockWidget:
    """The search pane's dock, under `above` (the document list), hidden until search opens.

    Not a tab over the list: the list and its keys (1, j/k) stay where they were.
    """
    dock = QDockWidget("Search  [/]", window)
    dock.setObjectName("dock-search")
    dock.setWidget(pane)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    if above is not None:
        window.splitDockWidget(above, dock, Qt.Orientation.Vertical)
    dock.hide()
    return dock


def status_label(bar: QStatusBar) -> QLabel:
    """The status bar's search part: index progress, "match 3/17"."""
    label = QLabel(bar)
    label.setObjectName("search-status")
    label.setTextFormat(Qt.TextFormat.PlainText)
    bar.insertPermanentWidget(0, label)
    return label


def find_action(window: QWidget, run: Callable[[], object]) -> QAction:
    """The platform's Find key (Ctrl+F), which keeps its meaning: it opens search."""
    action = QAction("search", window)
    action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Find))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: run())
    window.addAction(action)
    return action
