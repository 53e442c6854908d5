"""The keys of the excerpt work: capture in normal mode, the "visual" and "excerpts" modes.

Part of the one key table (`keymap.DEFAULT_KEYS` takes these in), kept here
so the table's module stays small. No single key here may be the first key of
a sequence in another window mode (`t` starts `t g`, `g` starts `g g`): Qt
makes one shortcut per key for all window modes, and a single `t` would
swallow the sequence.
"""

from __future__ import annotations

#: What every list-like mode keeps from the window: undo, the palette, help, quit.
WINDOW_KEYS: dict[str, str] = {
    "Ctrl+Z": "undo",
    "Ctrl+Shift+Z": "redo",
    "Ctrl+Y": "redo",
    ":": "command-palette",
    "Ctrl+Shift+P": "command-palette",
    "?": "help",
    "F1": "help",
    "Ctrl+Q": "quit",
}

#: The number keys that focus each pane, from any pane.
PANE_KEYS: dict[str, str] = {
    "1": "focus-documents",
    "2": "focus-reader",
    "3": "focus-legend",
    "4": "focus-facets",
    "5": "focus-notes",
    "6": "focus-excerpt-bin",
    "7": "focus-composer",
    "8": "focus-analysis",
}

#: Added to normal mode: capture and reach the notes panel and the bin.
EXCERPT_NORMAL_KEYS: dict[str, str] = {
    "x": "capture-paragraph",
    "X": "capture-sentence",
    "v": "visual-select",
    "V": "visual-select-paragraphs",
    "T": "tag-excerpt",
    "C": "comment-excerpt",
    "P": "toggle-excerpt-priority",
    "E": "focus-document-excerpts",
    "M": "focus-memo",
    "6": "focus-excerpt-bin",
}

#: A keyboard selection in the reader (v or V): the ends move by sentence or paragraph.
VISUAL_KEYS: dict[str, str] = {
    "j": "selection-forward-paragraph",
    "Down": "selection-forward-paragraph",
    "k": "selection-back-paragraph",
    "Up": "selection-back-paragraph",
    ")": "selection-forward-sentence",
    "l": "selection-forward-sentence",
    "Right": "selection-forward-sentence",
    "(": "selection-back-sentence",
    "h": "selection-back-sentence",
    "Left": "selection-back-sentence",
    "w": "selection-next-sentence",
    "b": "selection-previous-sentence",
    "}": "selection-next-paragraph",
    "{": "selection-previous-paragraph",
    "o": "selection-swap-ends",
    "y": "capture-selection",
    "x": "capture-selection",
    "Return": "capture-selection",
    "Enter": "capture-selection",
    "Y": "capture-selection-with-details",
    "Escape": "cancel-selection",
    **WINDOW_KEYS,
}

#: The excerpt bin or the notes panel's excerpt list has focus (j/k move in the list).
EXCERPTS_KEYS: dict[str, str] = {
    "Return": "go-to-excerpt",
    "Enter": "go-to-excerpt",
    "o": "go-to-excerpt",
    "a": "tag-excerpt",
    "+": "tag-excerpt",
    "-": "untag-excerpt",
    "A": "untag-excerpt",
    "c": "comment-excerpt",
    "p": "toggle-excerpt-priority",
    "d": "delete-excerpt",
    "Delete": "delete-excerpt",
    "f": "filter-excerpts",
    "/": "filter-excerpts",
    "F": "clear-excerpt-filters",
    **PANE_KEYS,
    "b": "add-excerpt-to-briefing",
    "n": "note-on-excerpt",
    "M": "focus-memo",
    "Escape": "leave-mode",
    **WINDOW_KEYS,
}
