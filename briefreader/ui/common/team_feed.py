"""Other analysts' changes, live in the open window (a team workspace only).

`Store.watch` calls back from its listener thread (LISTEN/NOTIFY, see
store/team.py); `TeamFeed.arrived` is a signal emitted there and delivered
on the window's thread (a queued connection), so no widget is touched off
the UI thread and the listener never waits for the window. Each event is
routed to what it names, nothing else: notes, excerpts and tags to the notes
panel and the excerpt bin, briefings to the composer, documents others
imported to a re-read of the library in a worker, after which the local
search index takes in just the new documents (incremental, as after an
import here). The status bar says who did it, and when the server goes
away and comes back. With the analyst's own SQLite file `watch` reports
nothing and this stays idle.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal

from briefreader.store import Changes, Store
from briefreader.store.team import TeamEvent, Watching
from briefreader.ui.common.host import Host


class TeamFeed(QObject):
    #: A TeamEvent from the listener's thread; connected queued to `_apply`.
    arrived = Signal(object)
    #: Others' `Changes`, after the notes work redrew them (for the composer).
    changed = Signal(object)

    def __init__(
        self,
        host: Host,
        store_changes: Callable[[Changes, str], None],
        library_changed: Callable[[], None],
    ) -> None:
        super().__init__(host.main_window())
        self._host = host
        self._store_changes = store_changes
        self._library_changed = library_changed
        self._watching: Watching | None = None
        #: Every event applied, oldest first (the status bar shows the last; tests read it).
        self.applied: list[TeamEvent] = []
        self.arrived.connect(self._apply, Qt.ConnectionType.QueuedConnection)
        host.main_window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window is closing: stop listening before its store closes."""
        if event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def start(self, store: Store) -> None:
        """Follow `store`'s workspace from now on (replacing any earlier store's)."""
        self.stop()
        self._watching = store.watch(self.arrived.emit)

    @property
    def listening(self) -> bool:
        """Connected to the server and waiting for its news (False with no workspace)."""
        connected = getattr(self._watching, "connected", None)
        return bool(connected is not None and connected.is_set())

    def stop(self) -> None:
        if self._watching is not None:
            self._watching.stop()
            self._watching = None

    def _apply(self, event: object) -> None:
        if not isinstance(event, TeamEvent) or self._watching is None:
            return
        self.applied.append(event)
        if event.changes:
            self._store_changes(event.changes, ", ".join(event.authors) or "another analyst")
            self.changed.emit(event.changes)
        if event.library:
            self._library_changed()
        text = event.describe()
        if text:
            news = event.at and (event.changes or event.library)
            at = f" at {event.at[11:16]} UTC" if news else ""
            self._host.status(f"team: {text}{at}", 10000)


def reload_library(host: Host) -> Callable[[], None]:
    """Re-read the shared library in a worker and show it (one re-read at a time;
    announcements arriving meanwhile are folded into one more)."""
    busy = [False, False]  # running, another wanted

    def start() -> None:
        if busy[0]:
            busy[1] = True
            return
        busy[0] = True
        from briefreader.control.library import load_library

        def done(snapshot: object) -> None:
            host.apply_snapshot(snapshot)  # type: ignore[arg-type]
            finished()

        def failed(error: object) -> None:
            host.status(f"could not read the documents others added: {error}", 15000)
            finished()

        def finished() -> None:
            busy[0] = False
            if busy[1]:
                busy[1] = False
                start()

        paths = host.paths
        host.jobs.start(
            lambda _progress: load_library(paths, seed=False), done, failed, lambda _text: None
        )

    return start
