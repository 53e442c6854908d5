"""What each named command does in the window: the registry's handlers, in one table.

Most commands are reader-state methods whose `Changes` the window applies;
the rest act on widgets (focus, zoom, paging, the clipboard, the overlays).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from briefreader.control.changes import Changes
from briefreader.control.library import ImportOutcome, import_files

if TYPE_CHECKING:
    from briefreader.ui.window import MainWindow


def bind_commands(window: MainWindow) -> None:
    state = window.state

    def do(method: Callable[[], Changes]) -> Callable[[], None]:
        return lambda: window.apply(method())

    def page(direction: int) -> None:
        paragraph = window.reader.page(direction)
        if paragraph is not None:
            changes = state.set_paragraph(paragraph)
            if changes.any:
                window.apply(changes)
            window.reader.set_cursor(state.paragraph, state.mention, scroll=False)

    def yank() -> None:
        text = state.current_paragraph_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            window.status(f"copied paragraph {state.paragraph + 1} ({len(text)} characters)")

    def zoom(step: int | None) -> None:
        window.reader.set_zoom(0 if step is None else window.reader.zoom + step)
        window.status(f"text size {round(100 * 1.1**window.reader.zoom)}%")

    def leave_mode() -> None:
        if window.help_box.isVisible():
            window.help_box.accept()
        if window.state.focus_mode and window.reader.hasFocus():
            window.apply(state.toggle_focus_mode())
            return
        window.focus_pane("reader")

    def import_files() -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            window,
            "Import documents",
            str(Path.home()),
            "Documents (*.txt *.text *.html *.htm *.md *.markdown);;All files (*)",
        )
        if files:
            window.import_paths([Path(f) for f in files])

    def import_folder() -> None:
        folder = QFileDialog.getExistingDirectory(window, "Import a folder", str(Path.home()))
        if folder:
            window.import_paths([Path(folder)])

    def focus(name: str) -> Callable[[], None]:
        return lambda: window.focus_pane(name)

    window.registry.bind_many(
        {
            "next-document": do(state.next_document),
            "previous-document": do(state.previous_document),
            "first-document": do(state.first_document),
            "last-document": do(state.last_document),
            "toggle-read": do(state.toggle_read),
            "import-files": import_files,
            "import-folder": import_folder,
            "next-paragraph": do(state.next_paragraph),
            "previous-paragraph": do(state.previous_paragraph),
            "page-down": lambda: page(1),
            "page-up": lambda: page(-1),
            "top": do(state.top),
            "bottom": do(state.bottom),
            "yank-paragraph": yank,
            "zoom-in": lambda: zoom(1),
            "zoom-out": lambda: zoom(-1),
            "zoom-reset": lambda: zoom(None),
            "next-mention": do(state.next_mention),
            "previous-mention": do(state.previous_mention),
            "select-entity": do(state.select_entity),
            "next-entity-mention": do(state.next_entity_mention),
            "previous-entity-mention": do(state.previous_entity_mention),
            "toggle-focus-mode": do(state.toggle_focus_mode),
            "toggle-groups": lambda: window.apply(state.toggle_kind("group")),
            "toggle-countries": lambda: window.apply(state.toggle_kind("country")),
            "toggle-entity": do(state.toggle_entity),
            "filter-selected-entity": do(state.toggle_filter_entity),
            "cycle-read-filter": do(state.cycle_read_filter),
            "toggle-story-versions": do(state.toggle_story_versions),
            "clear-filters": do(state.clear_filters),
            "focus-documents": focus("documents"),
            "focus-reader": focus("reader"),
            "focus-legend": focus("legend"),
            "focus-facets": focus("facets"),
            "focus-notes": focus("notes"),
            "leave-mode": leave_mode,
            "command-palette": window.palette_box.open_palette,
            "help": window.help_box.show_help,
            "quit": window.close,
        }
    )


def start_import(window: MainWindow, files: list[Path]) -> None:
    """Import in a worker, with progress in the status bar; open the first new document."""
    matcher = window.matcher

    def done(outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        window.apply_snapshot(outcome.snapshot)
        window.notes_work.after_import(outcome.superseded)  # excerpts follow new versions
        if outcome.added and window.state.document(outcome.added[0]):
            window.open_document(outcome.added[0])
        skipped = "; ".join(f"{path}: {why}" for path, why in outcome.skipped[:3])
        window.status(f"import: {outcome.summary}" + (f" ({skipped})" if skipped else ""), 0)

    window.status("importing…", 0)
    window.jobs.start(
        lambda progress: import_files(window.paths, files, matcher, progress),
        done,
        lambda error: window.status(f"import failed: {error}", 0),
        lambda text: window.status(text, 0),
    )
