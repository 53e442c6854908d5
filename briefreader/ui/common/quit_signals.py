"""SIGTERM and SIGHUP close the window the way quitting does, so no typing is lost.

Without a handler, the system's "please stop" (a logout, `kill`, a closed
terminal) ends the process at once, and a note edit still waiting for its
autosave (up to a second of typing) went with it. Here such a signal closes
the window instead: `closeEvent` flushes every pending note edit and the
window state, then the application quits.

Python runs signal handlers only between bytecodes, and the Qt event loop
runs in C++; the handler's only job is to exist (so the default action does
not kill the process). `signal.set_wakeup_fd` writes each signal's number to
a socket the event loop watches, and the quit runs from there, on the GUI
thread, at once.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

#: The signals that ask the program to stop and that are safe to answer by closing.
QUIT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _noted(_signum: int, _frame: object) -> None:
    """The Python-level handler: nothing to do here (see the module doc)."""


class QuitOnSignal(QObject):
    """Calls `quit` on the GUI thread when the process gets SIGTERM or SIGHUP."""

    def __init__(self, quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit
        self._quitting = False
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, _noted) for number in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        received = b""
        with contextlib.suppress(OSError):
            received = self._reader.recv(256)
        if self._quitting or not any(number in received for number in QUIT_SIGNALS):
            return
        self._quitting = True
        self._quit()

    def uninstall(self) -> None:
        """Put back the handlers found (tests; the application keeps it for its life)."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
