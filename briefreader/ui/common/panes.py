"""Keyboard behaviour shared by the list panes (documents, legend, filters, excerpts, composer).

The window's single-key commands are window-wide shortcuts, which Qt would
otherwise let steal the keys a list needs for itself. A pane claims its
navigation keys (arrows, pages, Home/End, Space to tick, Return to choose)
through ShortcutOverride, and reads j/k as down/up like every
keyboard-driven reader; every other key still reaches the commands.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

#: Keys a focused list moves with: they must not run the window's commands.
NAVIGATION_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)
_OWN_KEYS = NAVIGATION_KEYS | {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}
_VIM = {Qt.Key.Key_J: Qt.Key.Key_Down, Qt.Key.Key_K: Qt.Key.Key_Up}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def claims_keys(event: QEvent, keys: Collection[Qt.Key] = NAVIGATION_KEYS) -> bool:
    """Claim a plain key in `keys` (or j/k) for the focused pane before a shortcut takes it.

    Call from `event()`: for a ShortcutOverride of such a key this accepts the
    event and is True, and the caller returns True.
    """
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    if event.modifiers() in _PLAIN and (event.key() in keys or event.key() in _VIM):
        event.accept()
        return True
    return False


def vim_translated(event: QKeyEvent) -> QKeyEvent | None:
    """j and k as Down and Up (None for any other key)."""
    if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in _VIM:
        return QKeyEvent(
            QEvent.Type.KeyPress, _VIM[Qt.Key(event.key())], Qt.KeyboardModifier.NoModifier
        )
    return None


class PaneList(QListView):
    """A list pane: single selection, a visible current row, j/k and Space work."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        self.setIconSize(QSize(12, 12))

    def event(self, event: QEvent) -> bool:
        return claims_keys(event, _OWN_KEYS) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (moved := vim_translated(event)) is not None:
            super().keyPressEvent(moved)
            return
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            index = self.currentIndex()
            if index.isValid():
                self.activated.emit(index)
                event.accept()
                return
        super().keyPressEvent(event)
