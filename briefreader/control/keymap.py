"""The one key table: mode -> key -> command name, plus the analyst's overrides.

Keys are written the way a reader of the help expects (`j`, `J`, `?`,
`Ctrl+Shift+P`, `t g` for "t then g"), and turned into Qt's notation only in
`briefreader/ui/common/actions.py`. Modes follow qutebrowser:

- `normal`: reading; single keys move and toggle.
- `insert`: typing in a text field; only keys with a modifier or Escape act,
  so typing never triggers a command.
- `palette`: the command palette is open.
- `help`: the key help overlay is open.

Qt's standard shortcuts keep their meaning (Ctrl+C copies, Ctrl+F finds,
Ctrl+Q quits, Ctrl+Z undoes ...): `STANDARD_KEYS` says which command each may
run, and validation refuses a table that rebinds one to anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.control.analysis_keys import ANALYSIS_KEYS, ANALYSIS_NORMAL_KEYS
from briefreader.control.commands import CommandRegistry
from briefreader.control.excerpt_keys import (
    EXCERPT_NORMAL_KEYS,
    EXCERPTS_KEYS,
    PANE_KEYS,
    VISUAL_KEYS,
    WINDOW_KEYS,
)
from briefreader.control.grading_keys import GRADING_LIST_KEYS, GRADING_NORMAL_KEYS
from briefreader.tomlfile import read_toml

MODES: tuple[str, ...] = (
    "normal",
    "insert",
    "palette",
    "help",
    "visual",
    "excerpts",
    "search",
    "composer",
    "analysis",
)
#: Modes whose keys act in the main window, where Qt's standard shortcuts live.
WINDOW_MODES: frozenset[str] = frozenset(
    {"normal", "insert", "visual", "excerpts", "composer", "search", "analysis"}
)

KeyTable = dict[str, dict[str, str]]

DEFAULT_KEYS: KeyTable = {
    "normal": {
        "J": "next-document",
        "K": "previous-document",
        "Ctrl+PgDown": "next-document",
        "Ctrl+PgUp": "previous-document",
        "Ctrl+Shift+Home": "first-document",
        "Ctrl+Shift+End": "last-document",
        "r": "toggle-read",
        "Ctrl+O": "import-files",
        "Ctrl+Shift+O": "import-folder",
        "j": "next-paragraph",
        "Down": "next-paragraph",
        "k": "previous-paragraph",
        "Up": "previous-paragraph",
        "Space": "page-down",
        "PgDown": "page-down",
        "Shift+Space": "page-up",
        "PgUp": "page-up",
        "b": "page-up",
        "g g": "top",
        "Home": "top",
        "G": "bottom",
        "End": "bottom",
        "y": "yank-paragraph",
        "+": "zoom-in",
        "=": "zoom-in",
        "Ctrl++": "zoom-in",
        "Ctrl+=": "zoom-in",
        "-": "zoom-out",
        "Ctrl+-": "zoom-out",
        "Ctrl+0": "zoom-reset",
        "Ctrl+Shift+T": "cycle-theme",
        "z s": "theme-system",
        "z l": "theme-light",
        "z d": "theme-dark",
        "z h": "theme-high-contrast",
        "]": "next-mention",
        "[": "previous-mention",
        "e": "select-entity",
        "n": "next-entity-mention",
        "N": "previous-entity-mention",
        "f": "toggle-focus-mode",
        "t g": "toggle-groups",
        "t c": "toggle-countries",
        "t e": "toggle-entity",
        "F": "filter-selected-entity",
        "u": "cycle-read-filter",
        "o": "cycle-document-order",
        "s": "toggle-story-versions",
        "c": "clear-filters",
        "/": "search",
        ".": "next-hit",
        ",": "previous-hit",
        "F3": "next-hit",
        "Shift+F3": "previous-hit",
        ">": "next-hit-document",
        "<": "previous-hit-document",
        "\\": "clear-search",
        "1": "focus-documents",
        "2": "focus-reader",
        "3": "focus-legend",
        "4": "focus-facets",
        "5": "focus-notes",
        "Escape": "leave-mode",
        ":": "command-palette",
        "Ctrl+Shift+P": "command-palette",
        "?": "help",
        "F1": "help",
        "Ctrl+Q": "quit",
        **EXCERPT_NORMAL_KEYS,
        **ANALYSIS_NORMAL_KEYS,
        **GRADING_NORMAL_KEYS,
        "7": "focus-composer",
        "Ctrl+E": "export-briefing",
        "Ctrl+Z": "undo",
        "Ctrl+Shift+Z": "redo",
        "Ctrl+Y": "redo",
        "Ctrl+Shift+R": "resolve-note-conflict",
    },
    "insert": {
        "Escape": "leave-mode",
        "Ctrl+Shift+R": "resolve-note-conflict",
        "Ctrl+E": "export-briefing",
        "Ctrl+O": "import-files",
        "Ctrl+Shift+P": "command-palette",
        "F1": "help",
        "Ctrl+Q": "quit",
        "F3": "next-hit",
        "Shift+F3": "previous-hit",
    },
    # The search line has focus: it claims these keys itself (typing goes to the query).
    "search": {
        "Return": "search-commit",
        "Enter": "search-commit",
        "Down": "search-next-result",
        "Up": "search-previous-result",
        "F3": "next-hit",
        "Shift+F3": "previous-hit",
        "Escape": "leave-mode",
        "Ctrl+Shift+S": "save-search-as-watch",
        "Ctrl+Shift+P": "command-palette",
        "F1": "help",
        "Ctrl+Q": "quit",
    },
    "palette": {
        "Return": "palette-run",
        "Enter": "palette-run",
        "Down": "palette-next",
        "Ctrl+N": "palette-next",
        "Tab": "palette-next",
        "Up": "palette-previous",
        "Ctrl+P": "palette-previous",
        "Shift+Tab": "palette-previous",
        "Escape": "palette-close",
    },
    "help": {"Escape": "leave-mode", "q": "leave-mode", "?": "leave-mode", "F1": "leave-mode"},
    "visual": dict(VISUAL_KEYS),
    "excerpts": {**EXCERPTS_KEYS, **GRADING_LIST_KEYS},
    # The briefing composer's excerpt tree has focus (arrows and j/k move in it).
    "composer": {
        "a": "add-excerpts-to-briefing",
        "c": "comment-briefing-excerpt",
        "n": "note-on-briefing",
        "d": "remove-from-briefing",
        "Delete": "remove-from-briefing",
        "Alt+Up": "move-briefing-item-up",
        "Ctrl+Up": "move-briefing-item-up",
        "Alt+Down": "move-briefing-item-down",
        "Ctrl+Down": "move-briefing-item-down",
        "Alt+Shift+Up": "move-to-previous-section",
        "Alt+Shift+Down": "move-to-next-section",
        "S": "add-briefing-section",
        "o": "cycle-briefing-grouping",
        "C": "check-briefing",
        "Return": "go-to-briefing-excerpt",
        "Enter": "go-to-briefing-excerpt",
        "e": "edit-briefing-details",
        "b": "switch-briefing",
        "B": "new-briefing",
        "F2": "rename-briefing-or-section",
        "Ctrl+Delete": "delete-briefing",
        "x": "export-briefing",
        "Ctrl+E": "export-briefing",
        **GRADING_LIST_KEYS,
        **PANE_KEYS,
        "Escape": "leave-mode",
        **WINDOW_KEYS,
    },
    "analysis": dict(ANALYSIS_KEYS),
}

#: Keys every Qt application gives one meaning. The value is the only command
#: that key may run here (None: it must stay free for the focused widget).
STANDARD_KEYS: dict[str, str | None] = {
    "Ctrl+C": None,  # copy
    "Ctrl+X": None,  # cut
    "Ctrl+V": None,  # paste
    "Ctrl+A": None,  # select all
    "Ctrl+Z": "undo",  # the store's undo; a focused text field keeps its own
    "Ctrl+Shift+Z": "redo",
    "Ctrl+Y": "redo",
    "Ctrl+F": None,  # find (the search bar)
    "Ctrl+S": None,  # save
    "Ctrl+O": "import-files",  # open
    "Ctrl+P": None,  # print (outside the palette)
    "Ctrl+Q": "quit",
    "Ctrl++": "zoom-in",
    "Ctrl+=": "zoom-in",
    "Ctrl+-": "zoom-out",
    "Ctrl+0": "zoom-reset",
    "F1": "help",
    "Tab": None,  # focus chain
    "Shift+Tab": None,
}

_MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")
_NAMED_KEYS = (
    "Space Escape Return Enter Tab Backspace Delete Insert Home End PgUp PgDown "
    "Up Down Left Right F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12"
)
_NAMED = {name.lower(): name for name in _NAMED_KEYS.split()}
_NAMED.update({"esc": "Escape", "pageup": "PgUp", "pagedown": "PgDown", "enter": "Enter"})


def normalise_key(key: str) -> str:
    """One spelling per key, so duplicates are found: `ctrl+f` -> `Ctrl+F`, `Shift+j` -> `J`."""
    chords = [chord for chord in key.strip().split(" ") if chord]
    if not chords:
        raise ValueError("empty key")
    return " ".join(_normalise_chord(chord) for chord in chords)


def _normalise_chord(chord: str) -> str:
    parts = chord.split("+")
    if chord == "+":
        parts = ["+"]
    elif chord.endswith("+"):  # "Ctrl++": the key is "+"
        parts = [*chord[:-2].split("+"), "+"]
    *mods, key = parts
    if not key:
        raise ValueError(f"no key in {chord!r}")
    modifiers = set()
    for mod in mods:
        name = {"control": "Ctrl", "cmd": "Meta", "super": "Meta"}.get(mod.lower(), mod.title())
        if name not in _MODIFIERS:
            raise ValueError(f"unknown modifier {mod!r} in {chord!r}")
        modifiers.add(name)
    if len(key) == 1:
        if key.isalpha() and "Shift" in modifiers and not modifiers - {"Shift"}:
            modifiers.discard("Shift")
            key = key.upper()
        elif key.isalpha() and modifiers:
            key = key.upper()  # Ctrl+f and Ctrl+F are the same key to Qt
    else:
        named = _NAMED.get(key.lower())
        if named is None:
            raise ValueError(f"unknown key {key!r} in {chord!r}")
        key = named
    ordered = [mod for mod in _MODIFIERS if mod in modifiers]
    return "+".join([*ordered, key])


@dataclass
class Keymap:
    """The effective table for one window, with the problems found loading it."""

    table: KeyTable
    problems: list[str] = field(default_factory=list)

    def bindings(self, mode: str) -> dict[str, str]:
        return dict(self.table.get(mode, {}))

    def problems_line(self) -> str:
        """The problems for the status bar: the first (it names keys.toml) and a count."""
        if not self.problems:
            return ""
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return self.problems[0] + more

    def keys_for(self, command: str, mode: str = "normal") -> list[str]:
        return [key for key, name in self.table.get(mode, {}).items() if name == command]

    def first_key(self, command: str) -> str:
        """The key shown beside a command in the palette and the menus ('' if none)."""
        for mode in MODES:
            keys = self.keys_for(command, mode)
            if keys:
                return keys[0]
        return ""


def validate(table: Mapping[str, Mapping[str, str]], registry: CommandRegistry) -> list[str]:
    """Every problem in a key table, as sentences; an empty list means it is sound."""
    problems: list[str] = []
    for mode, keys in table.items():
        if mode not in MODES:
            problems.append(f"unknown mode {mode!r} (modes: {', '.join(MODES)})")
            continue
        seen: dict[str, str] = {}
        for key, command in keys.items():
            try:
                norm = normalise_key(key)
            except ValueError as error:
                problems.append(f"{mode}: {error}")
                continue
            if command not in registry:
                problems.append(f"{mode}: {key!r} names no command {command!r}")
            if norm in seen:
                problems.append(f"{mode}: {key!r} is bound twice (also as {seen[norm]!r})")
            seen[norm] = key
            if mode in WINDOW_MODES and STANDARD_KEYS.get(norm, command) != command:
                problems.append(
                    f"{mode}: {key!r} is a standard Qt shortcut and may not run {command}"
                )
        for norm in seen:
            first = norm.split(" ")[0]
            if " " in norm and first in seen:
                problems.append(f"{mode}: {seen[first]!r} hides the sequence {seen[norm]!r}")
    return problems


def load_keymap(keys_file: Path, registry: CommandRegistry) -> Keymap:
    """The default table with the analyst's overrides from `keys_file` (TOML) applied.

    The file has one table per mode mapping a key to a command name; an empty
    name unbinds the key. A broken file or a bad entry never stops the app:
    it is skipped and reported in `Keymap.problems` for the status bar.
    """
    table: KeyTable = {mode: dict(keys) for mode, keys in DEFAULT_KEYS.items()}
    problems: list[str] = []
    toml = read_toml(keys_file)  # never raises; a bad [mode] table is skipped alone
    problems.extend(toml.problems)
    for mode, keys in toml.data.items():
        if mode not in MODES or not isinstance(keys, dict):
            problems.append(f"{keys_file.name}: [{mode}] is not a mode ({', '.join(MODES)})")
            continue
        for key, command in keys.items():
            if isinstance(command, dict | list):
                problems.append(f"{keys_file.name} [{mode}]: {key!r} must name a command")
                continue
            _apply_override(
                table[mode], key, command, registry, problems, f"{keys_file.name} [{mode}]", mode
            )
    return Keymap(table, problems)


def _apply_override(
    bindings: dict[str, str],
    key: str,
    command: object,
    registry: CommandRegistry,
    problems: list[str],
    where: str,
    where_mode: str,
) -> None:
    try:
        norm = normalise_key(key)
    except ValueError as error:
        problems.append(f"{where}: {error}")
        return
    if not isinstance(command, str) or (command and command not in registry):
        problems.append(f"{where}: {key!r} names no command {command!r}")
        return
    standard = where_mode in WINDOW_MODES and norm in STANDARD_KEYS
    if standard and command and STANDARD_KEYS[norm] != command:
        problems.append(f"{where}: {key!r} is a standard Qt shortcut; left as it is")
        return
    for existing in [k for k in bindings if _same_or_prefix(normalise_key(k), norm)]:
        del bindings[existing]
    if command:
        bindings[key] = command


def _same_or_prefix(a: str, b: str) -> bool:
    """Whether two keys clash: equal, or one is the first chord of the other."""
    return a == b or a.split(" ")[0] == b or b.split(" ")[0] == a
