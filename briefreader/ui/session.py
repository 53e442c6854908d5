"""What the window remembers: layout in ui-state.json, read state and positions in the store.

Window geometry, dock layout, zoom, filters and hidden kinds are the
window's own business and go to `DataPaths.ui_state`. Read state and the
position in each document are the analyst's work: they go to the store when
it could be opened, and to the state file only as a fallback (another
instance holds the store, or it failed to open), so nothing is lost either way.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from briefreader.control.first_view import save_first_view
from briefreader.control.mentions import Matcher
from briefreader.control.reading import ReadingSync
from briefreader.control.state import ReaderState
from briefreader.control.uistate import UiState, load_ui_state, save_ui_state
from briefreader.domain import Document
from briefreader.paths import DataPaths
from briefreader.store import Store
from briefreader.ui.common.theme import current_theme


class Session:
    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths
        self.ui: UiState = load_ui_state(paths.ui_state)
        self.store: Store | None = None
        self.reading: ReadingSync | None = None

    def seed(self, state: ReaderState) -> None:
        """Put what the state file remembers into a fresh reader state."""
        state.read = set(self.ui.read)
        state.positions = dict(self.ui.positions)
        state.filter = self.ui.facet_filter()
        state.hidden_kinds = {k for k in self.ui.hidden_kinds if k in ("group", "country")}  # type: ignore[misc]

    def attach_store(
        self, store: Store, documents: Sequence[Document], state: ReaderState
    ) -> str | None:
        """Take read state and positions from the store from now on; a note for the status bar."""
        self.store = store
        self.reading = ReadingSync(store)
        read, positions = self.reading.load(documents)
        if not read and not positions and (state.read or state.positions):
            # First run with a store: carry over what the state file had kept.
            self.reading.push(state)
        else:
            state.read = read
            state.positions = positions
        if store.recovery is not None:
            return str(getattr(store.recovery, "message", store.recovery))
        return store.read_only_reason

    def keep_first_view(self, state: ReaderState, header: list[str], matcher: Matcher) -> None:
        """Keep the open document's mentions for the next start's first paint."""
        if state.current is not None and state.mentions is not None:
            found = [item.mention for item in state.mentions.items]
            save_first_view(self.paths, state.current, found, header, matcher)

    def sync(self, state: ReaderState) -> str | None:
        return self.reading.push(state) if self.reading is not None else None

    def restore_layout(self, window: QMainWindow) -> None:
        if self.ui.geometry:
            window.restoreGeometry(QByteArray.fromBase64(self.ui.geometry.encode("ascii")))
        else:
            window.resize(1280, 800)
        if self.ui.window_state:
            window.restoreState(QByteArray.fromBase64(self.ui.window_state.encode("ascii")))

    def save(self, window: QMainWindow, state: ReaderState, zoom: int) -> str | None:
        """Write everything; returns a store error to show, if any (the state file is kept)."""
        error = self.sync(state)
        ui = self.ui
        if state.current is not None:
            state.positions[state.current.id] = state.paragraph
            ui.last_document = state.current.id
        ui.geometry = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
        ui.window_state = bytes(window.saveState().toBase64().data()).decode("ascii")
        ui.positions = dict(state.positions)
        ui.read = sorted(state.read)
        ui.zoom = zoom
        ui.theme = current_theme()
        ui.hidden_kinds = sorted(state.hidden_kinds)
        ui.keep_filter(state.filter)
        ui.last_session = {
            "title": window.windowTitle(),
            "document": state.current.id if state.current else "",
            "paragraph": state.paragraph,
            "shown_documents": len(state.visible),
            "filter_entities": [list(k) for k in sorted(state.filter.entities)],
            "hidden_kinds": sorted(state.hidden_kinds),
            "selected": list(state.selected) if state.selected else [],
            "focus_mode": state.focus_mode,
            "store": "work.sqlite3" if self.store is not None else "ui-state.json only",
        }
        save_ui_state(self.paths.ui_state, ui)
        return error

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
            self.reading = None
