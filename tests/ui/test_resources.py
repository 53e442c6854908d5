"""The icon, the desktop entry and the stylesheet ship in resources/ and load."""

from __future__ import annotations

import configparser

from PySide6.QtGui import QIcon

from briefreader.paths import resources_dir
from briefreader.ui.common.theme import load_stylesheet


def test_icon_loads(qapp) -> None:
    icon = QIcon(str(resources_dir() / "icons" / "briefreader.svg"))
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).isNull()


def test_desktop_entry_is_complete() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(resources_dir() / "briefreader.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "briefreader"
    assert section["Icon"] == "briefreader"
    assert section["Terminal"] == "false"


def test_stylesheet_makes_focus_visible() -> None:
    sheet = load_stylesheet()
    assert ":focus" in sheet and "palette(highlight)" in sheet
