"""Light or dark, following the system, and the stylesheet that shows focus.

The stylesheet only adds what the platform style lacks: a clear border on the
focused pane (focus must always be visible) and quiet dock titles. Colours
come from `palette(...)`, so the same sheet works for light and dark.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefreader.paths import resources_dir


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette actually in use is dark.

    Judged from the palette, not from the colour-scheme hint: the palette is
    what gets drawn, and it follows the system (the platform theme sets it,
    and Qt updates it when the system switches).
    """
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def load_stylesheet() -> str:
    path = resources_dir() / "style" / "briefreader.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")  # draws the palette faithfully, light or dark, on every platform
    app.setStyleSheet(load_stylesheet())
