"""What a feature may ask of the window it lives in.

The features (reader, search, notes and excerpts, composer) are built by
the window and handed a `Host`: the reader state, the command registry and
key table, the jobs, the docks, and a handful of window-level actions. They
never import the window, so the dependency runs one way (window → features
→ common), and a feature can be read, and tested, knowing only this page.
`MainWindow` is the one implementation.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from briefreader.control.changes import Changes
    from briefreader.control.commands import CommandRegistry
    from briefreader.control.grading import GradeLabels
    from briefreader.control.keymap import Keymap
    from briefreader.control.library import LibrarySnapshot
    from briefreader.control.mentions import Matcher
    from briefreader.control.state import ReaderState
    from briefreader.paths import DataPaths
    from briefreader.store import Briefing, Store
    from briefreader.ui.common.workers import Jobs


class Host(Protocol):
    """The window, as the features see it."""

    paths: DataPaths
    state: ReaderState
    #: Finds the mentions in a text; the entity matcher (with its `gazetteer`) once loaded.
    matcher: Matcher
    registry: CommandRegistry
    keymap: Keymap
    jobs: Jobs
    #: The reliability and credibility codes every list shows ("B2"), read from the store.
    grades: GradeLabels
    #: The window's docks by pane name; a feature adds its own ("search", "excerpts", …).
    docks: dict[str, QDockWidget]
    #: Every `Changes` after the window redrew it, for features that follow the reader.
    changes_applied: SignalInstance

    def main_window(self) -> QMainWindow:
        """The top-level widget: the parent of a feature's docks, dialogs and timers."""
        ...

    def apply(self, changes: Changes) -> None:
        """Redraw what `changes` says moved in the reader, the lists and the side panes."""
        ...

    def status(self, message: str, timeout: int = 5000) -> None: ...

    def grades_changed(self) -> None:
        """Re-read `grades` from the store and redraw the document list's grades."""
        ...

    def mode(self) -> str:
        """The key-table mode the focused widget is in ("normal", "search", "visual", …)."""
        ...

    def show_mode(self) -> None:
        """Re-read `mode()` into the status bar (after a feature changed it)."""
        ...

    def focus_pane(self, name: str) -> None: ...

    def open_document(self, doc_id: str) -> None: ...

    def run_command(self, name: str) -> None: ...

    def apply_snapshot(self, snapshot: LibrarySnapshot) -> None: ...

    def import_paths(self, files: list[Path]) -> None: ...

    def store(self) -> Store | None:
        """The analyst's work store, once it is open (None before, or if it failed)."""
        ...

    def current_briefing(self) -> Briefing | None:
        """The briefing open in the composer, for notes written on it."""
        ...
