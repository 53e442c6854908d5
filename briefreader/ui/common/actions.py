"""The one place QActions are made, from the command registry and the key table.

Window keys (normal and insert modes) become window-wide shortcuts that look
up the current mode when they fire, so one key can mean different things in
different modes and a key the mode does not bind does nothing. Dialog modes
(palette, help) get shortcuts on their own window. The menu bar is generated
from the same registry, showing each command's key but holding no shortcut,
so no key is ever registered twice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from briefreader.control.commands import CommandRegistry
from briefreader.control.keymap import WINDOW_MODES, Keymap, normalise_key


def _split_chord(chord: str) -> tuple[list[str], str]:
    if chord == "+":
        return [], "+"
    if chord.endswith("++"):
        return chord[:-2].split("+"), "+"
    *mods, name = chord.split("+")
    return mods, name


def qt_key(key: str) -> str:
    """Our notation (`j`, `J`, `t g`, `Ctrl+Shift+P`) in Qt's portable text (`J`, `Shift+J` ...)."""
    chords = []
    for chord in normalise_key(key).split(" "):
        mods, name = _split_chord(chord)
        if len(name) == 1 and name.isalpha():
            if name.isupper() and "Shift" not in mods and not mods:
                mods = ["Shift"]
            name = name.upper()
        ordered = [m for m in ("Ctrl", "Alt", "Shift", "Meta") if m in mods]
        chords.append("+".join([*ordered, name]))
    return ", ".join(chords)


def shortcut_label(key: str) -> str:
    """How a key is shown in menus, the palette and the help: as written in the table."""
    return key


class WindowActions:
    """Shortcuts for the main window's modes, dispatched by the mode current when a key fires."""

    def __init__(
        self,
        host: QWidget,
        registry: CommandRegistry,
        keymap: Keymap,
        mode: Callable[[], str],
    ) -> None:
        self._registry = registry
        self._mode = mode
        self._by_mode: dict[str, dict[str, str]] = {
            m: {normalise_key(k): c for k, c in keymap.bindings(m).items()} for m in WINDOW_MODES
        }
        self.actions: dict[str, QAction] = {}
        keys = sorted({k for table in self._by_mode.values() for k in table})
        for key in keys:
            action = QAction(key, host)
            action.setShortcut(QKeySequence(qt_key(key)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setAutoRepeat(True)
            action.triggered.connect(lambda _checked=False, key=key: self.dispatch(key))
            host.addAction(action)
            self.actions[key] = action

    def command_for(self, key: str, mode: str | None = None) -> str | None:
        return self._by_mode.get(mode or self._mode(), {}).get(normalise_key(key))

    def dispatch(self, key: str) -> None:
        command = self.command_for(key)
        if command is not None and self._registry.is_bound(command):
            self._registry.run(command)


def mode_actions(
    host: QWidget, registry: CommandRegistry, keymap: Keymap, mode: str
) -> list[QAction]:
    """Shortcuts for a dialog's mode, living on that dialog (and its children) only."""
    made = []
    for key, command in keymap.bindings(mode).items():
        action = QAction(command, host)
        action.setShortcut(QKeySequence(qt_key(key)))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False, name=command: registry.run(name))
        host.addAction(action)
        made.append(action)
    return made


def build_menus(menu_bar: QMenuBar, registry: CommandRegistry, keymap: Keymap) -> None:
    """One menu per command category, each entry showing its key; no shortcuts held here."""
    menus = {}
    for command in registry:
        if command.category == "Palette":
            continue
        menu = menus.get(command.category)
        if menu is None:
            menu = menus[command.category] = menu_bar.addMenu(f"&{command.category}")
        key = keymap.first_key(command.name)
        label = command.help.replace("&", "&&") + (f"\t{key}" if key else "")
        action = menu.addAction(label)
        action.setStatusTip(command.name)
        action.triggered.connect(lambda _checked=False, name=command.name: registry.run(name))
