"""Light or dark, following the system, and the stylesheet that shows focus.

The stylesheet only adds what the platform style lacks: a clear border on the
focused pane (focus must always be visible) and quiet dock titles. Colours
come from `palette(...)`, so the same sheet works for light and dark.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefreader.paths import resources_dir


def is_dark(palette: QPalette | None = None) -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
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
