"""What the window-level commands do: importing, moving between panes, the overlays, quitting.

The features bind their own commands (`reader/commands.py`, the search, notes
and composer wiring); this table holds the ones that belong to no single
pane. Commands reach the window only through the `Host` interface.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from briefreader.corpus.formats import PATTERNS
from briefreader.ui.common.help import HelpOverlay
from briefreader.ui.common.host import Host
from briefreader.ui.common.palette import CommandPalette
from briefreader.ui.reader.view import ReaderView


def bind_commands(
    host: Host, reader: ReaderView, palette: CommandPalette, help_box: HelpOverlay
) -> None:
    window = host.main_window()

    def leave_mode() -> None:
        if help_box.isVisible():
            help_box.accept()
        if host.state.focus_mode and reader.hasFocus():
            host.apply(host.state.toggle_focus_mode())
            return
        host.focus_pane("reader")

    def import_files() -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            window,
            "Import documents",
            str(Path.home()),
            f"Documents ({PATTERNS});;All files (*)",
        )
        if files:
            host.import_paths([Path(f) for f in files])

    def import_folder() -> None:
        folder = QFileDialog.getExistingDirectory(window, "Import a folder", str(Path.home()))
        if folder:
            host.import_paths([Path(folder)])

    def focus(name: str) -> Callable[[], None]:
        return lambda: host.focus_pane(name)

    host.registry.bind_many(
        {
            "import-files": import_files,
            "import-folder": import_folder,
            "focus-documents": focus("documents"),
            "focus-reader": focus("reader"),
            "focus-legend": focus("legend"),
            "focus-facets": focus("facets"),
            "focus-notes": focus("notes"),
            "leave-mode": leave_mode,
            "command-palette": palette.open_palette,
            "help": lambda: help_box.show_help(host.mode()),
            "quit": window.close,
        }
    )
