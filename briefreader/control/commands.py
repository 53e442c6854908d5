"""The one registry of user actions: every key, menu entry and palette row runs one of these.

A command is a name, a one-line help and a category; what it does is bound
by whoever owns the thing it acts on (the reader state, or a window for
focus and zoom). Keeping the names here, as data, lets the keymap, the
command palette and the `?` help be generated and checked against one list,
and lets a test prove that every command is reachable and bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from briefreader.control.analysis_keys import ANALYSIS_COMMANDS
from briefreader.control.grading_keys import GRADING_COMMANDS

#: What a bound command runs. Commands take no arguments: anything they need
#: (the current document, the selected entity) is state, so a key can run them.
Handler = Callable[[], object]


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    category: str


def _c(category: str, *rows: tuple[str, str]) -> tuple[Command, ...]:
    return tuple(Command(name, help_, category) for name, help_ in rows)


COMMANDS: tuple[Command, ...] = (
    *_c(
        "Documents",
        ("next-document", "Open the next document in the list"),
        ("previous-document", "Open the previous document in the list"),
        ("first-document", "Open the first document in the list"),
        ("last-document", "Open the last document in the list"),
        ("toggle-read", "Mark the current document read or unread"),
        ("import-files", "Import documents: text, HTML or Markdown files"),
        ("import-folder", "Import every document in a folder"),
    ),
    *_c(
        "Reading",
        ("next-paragraph", "Move the paragraph cursor down one paragraph"),
        ("previous-paragraph", "Move the paragraph cursor up one paragraph"),
        ("page-down", "Scroll down one screen and move the cursor with it"),
        ("page-up", "Scroll up one screen and move the cursor with it"),
        ("top", "Go to the start of the document"),
        ("bottom", "Go to the end of the document"),
        ("yank-paragraph", "Copy the paragraph under the cursor to the clipboard"),
        ("zoom-in", "Make the reading text larger"),
        ("zoom-out", "Make the reading text smaller"),
        ("zoom-reset", "Reset the reading text size"),
        ("cycle-theme", "Switch the theme: as the system, light, dark, high contrast"),
        ("theme-system", "Use the system's colours (light or dark as the desktop is)"),
        ("theme-light", "Use the light theme"),
        ("theme-dark", "Use the dark theme"),
        ("theme-high-contrast", "Use the high-contrast theme: white on black, yellow highlight"),
    ),
    *_c(
        "Entities",
        ("next-mention", "Move to the next group or country mentioned"),
        ("previous-mention", "Move to the previous group or country mentioned"),
        ("select-entity", "Select the entity under the cursor (or the next one after it)"),
        ("next-entity-mention", "Move to the next mention of the selected entity"),
        ("previous-entity-mention", "Move to the previous mention of the selected entity"),
        ("toggle-focus-mode", "Show only paragraphs that mention the selected entity"),
        ("toggle-groups", "Show or hide the highlighting of groups"),
        ("toggle-countries", "Show or hide the highlighting of countries"),
        ("toggle-entity", "Show or hide the highlighting of the selected entity"),
    ),
    *_c(
        "Search",
        ("search", "Search the library and notes (also Ctrl+F): hits ranked as you type"),
        ("search-commit", "Go to the chosen search result's first match and read there"),
        ("search-next-result", "Pick the next search result (the reader follows)"),
        ("search-previous-result", "Pick the previous search result (the reader follows)"),
        ("next-hit", "Move to the next search match in the document"),
        ("previous-hit", "Move to the previous search match in the document"),
        ("next-hit-document", "Open the next document with search matches"),
        ("previous-hit-document", "Open the previous document with search matches"),
        ("clear-search", "Clear the search: no marks, the document list back in front"),
    ),
    *_c(
        "Filters",
        ("filter-selected-entity", "Filter the list to documents naming the selected entity"),
        ("cycle-read-filter", "Show all, only unread or only read documents"),
        ("cycle-document-order", "Order the list as imported, newest first or oldest first"),
        ("toggle-story-versions", "Show one version per story, or every version"),
        ("clear-filters", "Remove every filter from the document list"),
    ),
    *_c(
        "Panes",
        ("focus-documents", "Focus the document list"),
        ("focus-reader", "Focus the reading pane"),
        ("focus-legend", "Focus the legend of groups and countries"),
        ("focus-facets", "Focus the filters"),
        ("focus-notes", "Focus the notes panel"),
        ("leave-mode", "Back to normal mode in the reading pane"),
    ),
    *_c(
        "Excerpts",
        ("capture-paragraph", "Capture the paragraph under the cursor as an excerpt"),
        ("capture-sentence", "Capture the current sentence (the current mention's) as an excerpt"),
        ("visual-select", "Select sentences from the cursor with keys, to capture them"),
        ("visual-select-paragraphs", "Select whole paragraphs from the cursor with keys"),
        ("selection-forward-sentence", "Move the selection's end one sentence on"),
        ("selection-back-sentence", "Move the selection's end one sentence back"),
        ("selection-forward-paragraph", "Move the selection's end one paragraph on"),
        ("selection-back-paragraph", "Move the selection's end one paragraph back"),
        ("selection-next-sentence", "Select only the sentence after the selection"),
        ("selection-previous-sentence", "Select only the sentence before the selection"),
        ("selection-next-paragraph", "Select only the paragraph after the selection"),
        ("selection-previous-paragraph", "Select only the paragraph before the selection"),
        ("selection-swap-ends", "Swap the selection's fixed and moving ends"),
        ("capture-selection", "Capture the selected passage as an excerpt"),
        ("capture-selection-with-details", "Capture the selection with tags, comment, priority"),
        ("cancel-selection", "Stop selecting without capturing"),
        ("tag-excerpt", "Add tags to the current excerpt"),
        ("untag-excerpt", "Remove tags from the current excerpt"),
        ("comment-excerpt", "Write or edit the comment on the current excerpt"),
        ("toggle-excerpt-priority", "Flag the current excerpt as priority, or unflag it"),
        ("delete-excerpt", "Delete the current excerpt (Ctrl+Z brings it back)"),
        ("go-to-excerpt", "Open the excerpt's document with the cursor on the quote"),
        ("focus-excerpt-bin", "Focus the excerpt bin: every excerpt, filterable"),
        ("focus-document-excerpts", "Focus the open document's excerpts in the notes panel"),
        ("focus-memo", "Focus the free memo in the notes panel"),
        ("note-on-excerpt", "Write a note on the current excerpt (in the notes panel)"),
        ("note-on-briefing", "Write a note on the open briefing (in the notes panel)"),
        (
            "resolve-note-conflict",
            "Choose what to keep of a note another analyst changed while you typed",
        ),
        ("filter-excerpts", "Filter the excerpt bin by words, group or country, tag, document"),
        ("clear-excerpt-filters", "Show every excerpt in the bin again"),
    ),
    *_c("Grades", *GRADING_COMMANDS),
    *_c(
        "Edit",
        ("undo", "Undo the last note, excerpt or tag action"),
        ("redo", "Redo the action last undone"),
    ),
    *_c(
        "Briefing",
        ("focus-composer", "Show the briefing composer and focus its excerpts"),
        ("new-briefing", "Create a new briefing"),
        ("switch-briefing", "Open another briefing"),
        ("rename-briefing-or-section", "Rename your section under the cursor, or the briefing"),
        ("delete-briefing", "Delete the open briefing (its excerpts stay; Ctrl+Z undoes)"),
        ("edit-briefing-details", "Edit the title, author, date, marking and key judgements"),
        ("add-excerpts-to-briefing", "Add captured excerpts to the briefing (pick, tick, Return)"),
        ("add-excerpt-to-briefing", "Add the current excerpt to the open briefing"),
        ("comment-briefing-excerpt", "Comment on the excerpt under the cursor, in this briefing"),
        ("remove-from-briefing", "Remove the excerpt (or your empty section) from the briefing"),
        ("move-briefing-item-up", "Move the excerpt (or your section) up"),
        ("move-briefing-item-down", "Move the excerpt (or your section) down"),
        ("move-to-previous-section", "Move the excerpt into the section above"),
        ("move-to-next-section", "Move the excerpt into the section below"),
        ("add-briefing-section", "Add a section of your own"),
        ("cycle-briefing-grouping", "Group sections by hand, by group, by country or by source"),
        ("check-briefing", "Check every excerpt against its source and the PDF fonts"),
        ("go-to-briefing-excerpt", "Open the excerpt's document at its paragraph"),
        (
            "export-briefing",
            "Export the briefing as PDF, Word or Markdown in the background (again: cancel)",
        ),
    ),
    *_c("Analysis", *ANALYSIS_COMMANDS),
    *_c(
        "Application",
        ("command-palette", "Find and run any command by name"),
        ("help", "Show every key binding"),
        ("quit", "Quit briefreader"),
    ),
    *_c(
        "Palette",
        ("palette-run", "Run the command picked in the palette"),
        ("palette-next", "Pick the next command in the palette"),
        ("palette-previous", "Pick the previous command in the palette"),
        ("palette-close", "Close the palette without running anything"),
    ),
)


class UnknownCommandError(KeyError):
    """A key table or a caller named a command that is not in the registry."""


class CommandRegistry:
    """The named commands and, once bound, what each one runs.

    One registry is made per window; nothing is global, so tests can build
    their own and two windows would not share handlers.
    """

    def __init__(self, commands: Iterable[Command] = COMMANDS) -> None:
        self._commands: dict[str, Command] = {}
        for command in commands:
            if command.name in self._commands:
                raise ValueError(f"command {command.name!r} is defined twice")
            self._commands[command.name] = command
        self._handlers: dict[str, Handler] = {}

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def __len__(self) -> int:
        return len(self._commands)

    def __contains__(self, name: object) -> bool:
        return name in self._commands

    def get(self, name: str) -> Command:
        try:
            return self._commands[name]
        except KeyError:
            raise UnknownCommandError(name) from None

    def bind(self, name: str, handler: Handler) -> None:
        self.get(name)  # refuse names the registry does not know
        self._handlers[name] = handler

    def bind_many(self, handlers: dict[str, Handler]) -> None:
        for name, handler in handlers.items():
            self.bind(name, handler)

    def follow(self, name: str, after: Handler) -> None:
        """Run `after` each time `name` has run (a view that must redraw after an undo)."""
        first = self._handlers.get(name)
        if first is None:
            raise UnknownCommandError(f"{name} has no handler bound")

        def both() -> object:
            result = first()
            after()
            return result

        self._handlers[name] = both

    def is_bound(self, name: str) -> bool:
        return name in self._handlers

    def unbound(self) -> list[str]:
        return [name for name in self._commands if name not in self._handlers]

    def run(self, name: str) -> object:
        self.get(name)
        handler = self._handlers.get(name)
        if handler is None:
            raise UnknownCommandError(f"{name} has no handler bound")
        return handler()
