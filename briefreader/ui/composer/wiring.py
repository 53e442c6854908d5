"""Putting the composer into the window: its dock, its commands, and store actions it follows.

The composer is a dock tabbed with the notes and the excerpt bin in the
right-hand area, so it never fights them for space. Undo, redo and deleting
an excerpt are the notes work's commands, but they can change a briefing
(the store's undo is one history for everything), so the composer re-reads
its briefing after each of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget

from briefreader.ui.common.host import Host
from briefreader.ui.composer.controller import ComposerController

if TYPE_CHECKING:
    from briefreader.ui.notes.work import NotesWork

#: Commands of other parts after which the open briefing may have changed.
FOLLOWED = ("undo", "redo", "delete-excerpt")


class _CancelExportOnClose(QObject):
    """Closing the window cancels a running export (the old PDF stays as it was)."""

    def __init__(self, controller: ComposerController) -> None:
        super().__init__(controller)
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and self.controller.runner.running:
            self.controller.runner.cancel()
        return False


class _LibraryFollower(QObject):
    """After an import the sources may have changed: re-read the briefing and re-check it.

    Only a change in the set of documents counts (filters also redraw the list).
    """

    def __init__(self, host: Host, controller: ComposerController) -> None:
        super().__init__(controller)
        self.host = host
        self.controller = controller
        self.known: frozenset[str] = frozenset()

    def changed(self, changes: object) -> None:
        self.controller.sync_store()
        if not getattr(changes, "documents", False):
            return
        now = frozenset(doc.id for doc in self.host.state.documents)
        if now != self.known:
            first = not self.known
            self.known = now
            if not first and self.controller.composer.briefing is not None:
                self.controller.refresh()
                self.controller.check()


def _room_under_legend(host: Host, dock: QDockWidget) -> None:
    """The briefing's form and tree need the column's height: the legend above gives some up."""
    window = host.main_window()
    legend = host.docks.get("legend")
    if legend is None or not legend.isVisible() or legend.isFloating() or dock.isFloating():
        return
    if window.dockWidgetArea(legend) != window.dockWidgetArea(dock):
        return
    total = legend.height() + dock.height()
    window.resizeDocks([legend, dock], [total // 4, total - total // 4], Qt.Orientation.Vertical)


def attach_composer(host: Host, notes: NotesWork) -> ComposerController:
    """Make the composer in its dock (`host.docks["composer"]`, placed by the window with
    `dock.place_composer_dock`), bind its commands, follow the notes work's store actions."""
    dock = host.docks["composer"]
    controller = ComposerController(host, notes.go_to, dock)
    dock.setWidget(controller.pane)
    window = host.main_window()
    registry = host.registry
    registry.bind_many(controller.handlers())
    registry.bind(
        "add-excerpt-to-briefing", lambda: controller.add_excerpt(notes.current_excerpt_id())
    )
    # Grading acts on the composer's item while it has focus; a grade shows in the composer.
    notes.grading.composer_excerpt = lambda: controller.composer.current_item
    notes.followers.append(
        lambda changes: (
            controller.refresh() if changes.grades else controller.store_changes(changes)
        )
    )
    theirs = notes.handlers()
    for name in FOLLOWED:
        if name in theirs:
            registry.bind(name, lambda run=theirs[name]: (run(), controller.refresh()))
    window.installEventFilter(_CancelExportOnClose(controller))
    # The store arrives after the first paint, just before the library snapshot is applied.
    host.changes_applied.connect(_LibraryFollower(host, controller).changed)
    notes.team_feed.changed.connect(controller.store_changes)  # other analysts' changes
    dock.visibilityChanged.connect(lambda visible: visible and controller.shown())
    dock.visibilityChanged.connect(lambda visible: visible and _room_under_legend(host, dock))
    return controller
