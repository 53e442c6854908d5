"""The themes (as the system, light, dark, high contrast) and the stylesheet that shows focus.

The stylesheet only adds what the platform style lacks: a clear border on
every focused control (focus must always be visible) and quiet dock titles.
Colours come from `palette(...)`, so one sheet serves every theme; a theme is
a palette set on the application. "system" sets none and follows the
platform (light or dark as the desktop is). High contrast is white on black
with a yellow highlight, every pair of text and background colours at least
7:1 (WCAG AAA), which a test computes.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefreader.paths import resources_dir

#: The themes, in the order `cycle-theme` steps through them.
THEMES: Final = ("system", "light", "dark", "high-contrast")
#: Set on the application: the theme in use, for panes that draw their own colours.
THEME_PROPERTY: Final = "briefreader-theme"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_LIGHT: dict[Role, str] = {
    Role.Window: "#efefef",
    Role.WindowText: "#1a1a1a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f5f5",
    Role.Text: "#1a1a1a",
    Role.Button: "#e6e6e6",
    Role.ButtonText: "#1a1a1a",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#1d5fbf",
    Role.HighlightedText: "#ffffff",
    Role.PlaceholderText: "#5f5f5f",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1a1a1a",
    Role.Link: "#0b57a8",
    Role.LinkVisited: "#6a3d9a",
    Role.Light: "#ffffff",
    Role.Midlight: "#d9d9d9",
    Role.Mid: "#a8a8a8",
    Role.Dark: "#8a8a8a",
    Role.Shadow: "#4d4d4d",
    Role.Accent: "#1d5fbf",
}
_DARK: dict[Role, str] = {
    Role.Window: "#2a2a2c",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#1d1d1f",
    Role.AlternateBase: "#262628",
    Role.Text: "#e8e8e8",
    Role.Button: "#38383a",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#2f6bcc",
    Role.HighlightedText: "#ffffff",
    Role.PlaceholderText: "#b4b4b4",
    Role.ToolTipBase: "#38383a",
    Role.ToolTipText: "#e8e8e8",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9",
    Role.Light: "#4a4a4c",
    Role.Midlight: "#3e3e40",
    Role.Mid: "#58585a",
    Role.Dark: "#151516",
    Role.Shadow: "#000000",
    Role.Accent: "#2f6bcc",
}
_HIGH_CONTRAST: dict[Role, str] = {
    Role.Window: "#000000",
    Role.WindowText: "#ffffff",
    Role.Base: "#000000",
    Role.AlternateBase: "#101010",
    Role.Text: "#ffffff",
    Role.Button: "#000000",
    Role.ButtonText: "#ffffff",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#ffff00",
    Role.HighlightedText: "#000000",
    Role.PlaceholderText: "#e0e0e0",
    Role.ToolTipBase: "#000000",
    Role.ToolTipText: "#ffffff",
    Role.Link: "#00ffff",
    Role.LinkVisited: "#ff80ff",
    Role.Light: "#ffffff",
    Role.Midlight: "#ffffff",
    Role.Mid: "#ffffff",
    Role.Dark: "#ffffff",
    Role.Shadow: "#ffffff",
    Role.Accent: "#ffff00",
}
_DISABLED_TEXT = {"light": "#6e6e6e", "dark": "#9a9a9a", "high-contrast": "#c0c0c0"}
_COLOURS = {"light": _LIGHT, "dark": _DARK, "high-contrast": _HIGH_CONTRAST}


def theme_palette(name: str) -> QPalette | None:
    """The palette of a theme; None for "system" (the platform's own)."""
    colours = _COLOURS.get(name)
    if colours is None:
        return None
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    disabled = QColor(_DISABLED_TEXT[name])
    for role in (Role.Text, Role.WindowText, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, disabled)
    # A selection in a pane without focus: still the highlight, so it stays readable.
    for role in (Role.Highlight, Role.HighlightedText):
        palette.setColor(Group.Inactive, role, QColor(colours[role]))
    return palette


def current_theme() -> str:
    app = QGuiApplication.instance()
    value = app.property(THEME_PROPERTY) if app is not None else None
    return str(value) if value in THEMES else "system"


def next_theme(name: str) -> str:
    return THEMES[(THEMES.index(name) + 1) % len(THEMES)] if name in THEMES else THEMES[0]


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette actually in use is dark (high contrast is: white on black).

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


def apply_theme(app: QApplication, name: str) -> str:
    """Put theme `name` on the application (unknown names mean "system"); the name used.

    The stylesheet is set again after the palette: its `palette(...)` colours
    are read when it is applied.
    """
    name = name if name in THEMES else "system"
    palette = theme_palette(name)
    app.setPalette(palette if palette is not None else QPalette())
    app.setProperty(THEME_PROPERTY, name)
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet("")
        app.setStyleSheet(sheet)
    return name


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")  # draws the palette faithfully, light or dark, on every platform
    app.setStyleSheet(load_stylesheet())
