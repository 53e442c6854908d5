"""Zoom and theme for the whole window: every pane grows with Ctrl+=, every pane follows the theme.

The reading pane has its own measure and base size (`ReaderView.set_zoom`);
the other panes take the window's font, scaled by the same step, so a
reader who zooms for comfort gets larger lists, tables, trees, the status
bar and the dialogs the window owns (they inherit its font through
`WA_WindowPropagation`). The theme is a palette on the application (see
`theme.py`), chosen by command and remembered in the window's state file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from briefreader.ui.common.host import Host
from briefreader.ui.common.theme import THEMES, apply_theme, current_theme, next_theme
from briefreader.ui.reader.view import ReaderView

#: Each zoom step scales text by this much (the reader uses the same).
STEP = 1.1
THEME_NAMES = {
    "system": "as the system",
    "light": "light",
    "dark": "dark",
    "high-contrast": "high contrast",
}


def propagate_font(*dialogs: QWidget) -> None:
    """Dialogs parented to the window take the window's (zoomed) font."""
    for dialog in dialogs:
        dialog.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation, True)


def start_theme(name: str) -> None:
    """The remembered theme, put on before the window builds its panes (no relayout)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and name != current_theme():
        apply_theme(app, name)


class Appearance:
    """Binds zoom-in/out/reset and the theme commands; `zoom` is the step count."""

    def __init__(self, host: Host, reader: ReaderView, restyle: Callable[[], None]) -> None:
        self.host = host
        self.restyle = restyle  # the window redraws what it paints itself
        self.reader = reader
        self.window: QMainWindow = host.main_window()
        self.zoom = 0
        self._base = QFont(self.window.font())
        host.registry.bind_many(
            {
                "zoom-in": lambda: self.step(1),
                "zoom-out": lambda: self.step(-1),
                "zoom-reset": lambda: self.step(None),
                "cycle-theme": lambda: self.set_theme(next_theme(current_theme())),
                **{f"theme-{name}": lambda n=name: self.set_theme(n) for name in THEMES},
            }
        )

    def step(self, step: int | None) -> None:
        self.set_zoom(0 if step is None else self.zoom + step)
        self.host.status(f"text size {round(100 * STEP**self.zoom)}%")

    def set_zoom(self, zoom: int) -> None:
        """Zoom the reader and every other pane (the reader clamps the range)."""
        self.reader.set_zoom(zoom)
        self.zoom = self.reader.zoom
        if self.zoom == 0:
            self.window.setFont(QFont())  # inherit the application's font again
            return
        font = QFont(self._base)
        size = self._base.pointSizeF()
        if size > 0:
            font.setPointSizeF(size * STEP**self.zoom)
        self.window.setFont(font)

    def set_theme(self, name: str, *, quiet: bool = False) -> str:
        """Apply a theme to the application; the window redraws what it paints itself."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return current_theme()
        used = apply_theme(app, name)
        self.restyle()
        if not quiet:
            self.host.status(f"theme: {THEME_NAMES[used]}")
        return used
