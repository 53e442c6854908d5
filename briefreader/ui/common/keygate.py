"""Keys go where the user meant them, however fast they are typed.

Three races lose or misdirect a fast typist's keys:

- A command opens a prompt (a new briefing's name, a tag, a grade, the palette).
  Until the window system has given the prompt the keyboard, keys still arrive at
  the main window. Had the prompt been modal in Qt's sense, Qt would drop them
  (a window blocked by a modal one gets no keys), so prompts open without Qt's
  modality (`focus.open_modal`) and this gate makes them modal for keys and the
  mouse instead: a key that reaches the main window while a prompt is up is typed
  into the prompt, in the order typed; a click on the main window is ignored.
- A prompt closes and keys arrive at its hidden window before the main window has
  the keyboard back: they are typed into the main window. Keys the X server had
  addressed to a prompt's window that Qt has since destroyed (a dialog that finishes
  is closed, and its native window with it) would be dropped by Qt unseen: they are
  readdressed to the main window before Qt reads them (`_Readdress`). A key that
  reaches the main window before the window system has made it active again is
  typed as well, the window made active first, so it runs in the pane with focus.
- Keys typed as the window appears, before the library, the store and the matcher
  have loaded, would run against an empty reader or be lost: they are held and run,
  in order, once the window is ready (`open`), as if typed then.

Keys are re-typed through `QTest`'s key functions, Qt's public way to deliver a key
as the window system does, shortcut map included (a plain `sendEvent` would reach
the widget but never run a command bound to the key).
"""

from __future__ import annotations

import ctypes
import warnings
from dataclasses import dataclass

from PySide6.QtCore import QAbstractNativeEventFilter, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QShowEvent,
    QWheelEvent,
    QWindow,
)
from PySide6.QtWidgets import QApplication, QDialog, QWidget

#: Keys typed before the window is ready, at most (a key held down autorepeats).
MAX_HELD = 500

#: xcb_key_press_event_t and xcb_key_release_event_t (X11 protocol): the event's
#: type in byte 0, the window it is addressed to at byte 12, 32 bytes in all.
_XCB_KEY_PRESS = 2
_XCB_KEY_RELEASE = 3
_XCB_EVENT_WINDOW = 12
_XCB_KEY_EVENT_SIZE = 32

_KEYS = {QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease}
_MOUSE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}
#: The events the gate looks at come as these classes (PySide gives each event its own
#: class). Testing the class first spares the other events (paint, layout, timers: a
#: few thousand at start-up) `event.type()`, whose enum conversion cost ~20 ms there.
_WATCHED = (QKeyEvent, QMouseEvent, QWheelEvent, QShowEvent, QHideEvent)
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
}


@dataclass(frozen=True)
class HeldKey:
    """One key press as typed: enough to type it again."""

    key: int
    modifiers: Qt.KeyboardModifier
    text: str

    @classmethod
    def of(cls, event: QKeyEvent) -> HeldKey:
        return cls(event.key(), event.modifiers(), event.text())


def _window_of(watched: QObject) -> QWidget | None:
    if isinstance(watched, QWidget):
        return watched.window()
    if isinstance(watched, QWindow):
        for widget in QApplication.topLevelWidgets():
            if widget.windowHandle() is watched:
                return widget
    return None


class _Readdress(QAbstractNativeEventFilter):
    """Keys the X server addressed to a window that has closed go to the main window.

    Since Qt 6.3 a dialog that finishes is closed, and closing a window destroys its
    native window; Qt's xcb plugin drops every key event addressed to a native window
    it no longer has. Keys a fast typist typed while a prompt had the keyboard, but
    that Qt reads only after the prompt has closed (a busy or loaded machine reads
    them late), would be lost: 'Weekly ISKP' Return 'a' lost the Return. Such an
    event is readdressed, in place and before Qt reads it, to the main window, where
    the gate types it into the prompt now shown or lets the window have it.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self._window = window

    def nativeEventFilter(self, event_type: object, message: object) -> tuple[bool, int]:
        if bytes(event_type) != b"xcb_generic_event_t":  # type: ignore[call-overload]
            return False, 0
        address = int(message)  # type: ignore[call-overload]
        event = (ctypes.c_uint8 * _XCB_KEY_EVENT_SIZE).from_address(address)
        if event[0] & 0x7F not in (_XCB_KEY_PRESS, _XCB_KEY_RELEASE) or not _alive(self._window):
            return False, 0
        addressed = int.from_bytes(
            bytes(event[_XCB_EVENT_WINDOW : _XCB_EVENT_WINDOW + 4]), "little"
        )
        shown = {int(w.winId()) for w in QApplication.topLevelWidgets() if w.isVisible()}
        if addressed not in shown and self._window.isVisible():
            main = int(self._window.winId()).to_bytes(4, "little")
            event[_XCB_EVENT_WINDOW : _XCB_EVENT_WINDOW + 4] = list(main)
        return False, 0


class KeyGate(QObject):
    """An application-wide event filter for one main window (see the module's docstring).

    `ready=False` holds the keys typed at the window until `open()`.
    """

    def __init__(self, window: QWidget, *, ready: bool = True) -> None:
        super().__init__(window)
        self._window = window
        self._ready = ready
        self._held: list[HeldKey] = []
        self._prompts: list[QDialog] = []
        self._swallow: HeldKey | None = None  # a KeyPress whose ShortcutOverride was taken
        self._typing = False
        self._draining = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.installEventFilter(self)
        self._readdress: _Readdress | None = None
        if QGuiApplication.platformName() == "xcb":
            self._readdress = _Readdress(window)
            app.installNativeEventFilter(self._readdress)
        window.destroyed.connect(lambda _obj=None: self._uninstall(app))

    def _uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)
        if self._readdress is not None:
            app.removeNativeEventFilter(self._readdress)

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def held(self) -> list[HeldKey]:
        return list(self._held)

    def hold(self) -> None:
        """Hold keys typed at the window until `open()` (the window is not ready)."""
        self._ready = False

    def open(self) -> None:
        """The window is ready: type the held keys, in order, then let keys through.

        One key per turn of the event loop, as a typist's keys come: what a key's
        command leaves for later (a focus change, a prompt's activation) happens
        before the next key. Keys typed meanwhile queue behind the held ones.
        """
        if self._ready or self._draining:
            return
        self._draining = True
        QTimer.singleShot(0, self._type_next)

    def _type_next(self) -> None:
        if not _alive(self._window):
            return
        if not self._held:
            self._draining = False
            self._ready = True
            return
        self._type(self._held.pop(0))
        QTimer.singleShot(0, self._type_next)

    def prompt(self) -> QDialog | None:
        """The prompt keys go to: the last one opened on the window that is still shown."""
        self._prompts = [p for p in self._prompts if _alive(p) and p.isVisible()]
        return self._prompts[-1] if self._prompts else None

    # -- typing ---------------------------------------------------------------------

    def _target(self) -> QWidget:
        window = QApplication.activePopupWidget() or self.prompt() or self._window
        return window.focusWidget() or window

    def _type(self, key: HeldKey) -> None:
        from PySide6.QtTest import QTest  # loaded only when a key is re-typed

        target = self._target()
        window = target.window()
        if QApplication.activeWindow() is not window:
            # The window system has not yet given it the keyboard (it was asked to):
            # Qt runs a window's shortcuts only for the active window.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(window)
        modifiers = key.modifiers
        if len(key.text) == 1 and key.text.isprintable() and not key.text.isalpha():
            # ':' and '?' are typed with Shift, but bound without it; the window
            # system offers Qt both forms, a re-typed key only the one it carries.
            modifiers &= ~Qt.KeyboardModifier.ShiftModifier
        self._typing = True
        try:
            code = Qt.Key(key.key)
            QTest.sendKeyEvent(QTest.KeyAction.Press, target, code, key.text, modifiers)
            if _alive(target):
                QTest.sendKeyEvent(QTest.KeyAction.Release, target, code, key.text, modifiers)
        finally:
            self._typing = False

    # -- filtering ------------------------------------------------------------------

    def _follow_prompts(self, watched: QObject, kind: QEvent.Type) -> None:
        if not isinstance(watched, QDialog) or not watched.isWindow():
            return
        owner = watched.parentWidget()
        if owner is None or owner.window() is not self._window:
            return
        if kind == QEvent.Type.Show and watched not in self._prompts:
            self._prompts.append(watched)
        elif kind == QEvent.Type.Hide and watched in self._prompts:
            self._prompts.remove(watched)

    def _misdirected(self, window: QWidget, *, from_window_system: bool) -> bool:
        """Whether a key that reached `window` is not where the user is typing.

        `from_window_system`: the key reached the window's QWindow, as every key the
        window system sends does (a key sent to a widget, as tests do, did not).
        """
        if not self._ready:
            return True  # held, then typed in order, wherever it reached
        if QApplication.activePopupWidget() is not None:
            return False  # a completer, a menu or a combo box's list has the keys
        if window is not self._window and window.isVisible():
            return False  # another window of its own (a file dialog, a prompt)
        if self.prompt() is not None or window is not self._window:
            return True
        # A prompt has just closed and the window system is still to give the window
        # the keyboard back (it was asked to): Qt has no active window and would run
        # the key's command for no pane (the composer's i, then 2, ran in the reader's
        # mode). Typed, the key makes the window active first.
        return from_window_system and QApplication.activeWindow() is not self._window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, _WATCHED):
            return False
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self._follow_prompts(watched, kind)
            return False
        if kind in _MOUSE:
            return self.prompt() is not None and _window_of(watched) is self._window
        if kind not in _KEYS or self._typing or not isinstance(event, QKeyEvent):
            return False
        key = HeldKey.of(event)
        if kind == QEvent.Type.KeyPress and self._swallow == key:
            # Taken already, with its ShortcutOverride: even if what that key did (it
            # closed the prompt) makes this press look well addressed now.
            self._swallow = None
            return True
        window = _window_of(watched)
        if window is None or not self._misdirected(
            window, from_window_system=not isinstance(watched, QWidget)
        ):
            if kind == QEvent.Type.ShortcutOverride:
                self._swallow = None
            return False
        if kind == QEvent.Type.KeyRelease or event.key() in _MODIFIER_KEYS:
            return True  # re-typing a key makes its own release and modifiers
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # "the focused widget takes this key": no shortcut runs
            self._swallow = key
        if not self._ready:
            if len(self._held) < MAX_HELD:
                self._held.append(key)
        else:
            self._type(key)
        return True


def _alive(widget: QObject) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))
