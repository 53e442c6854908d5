"""`Store`: the analyst's work database, opened once per process.

It ties the pieces together: opening (lock, quick check, recovery,
migrations; see opening.py), the repositories (`notes`, `excerpts`,
`briefings`, `reading`) and the undo history they share. Repositories hand
`_run` a function that reads the current state and returns the operation to
apply; `_run` applies it inside one transaction and records it for undo only
after the commit succeeded.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from briefreader.domain import Mention
from briefreader.paths import DataPaths
from briefreader.sqlfile.backups import BackupInfo
from briefreader.store.briefing_rows import Briefing
from briefreader.store.briefings import BriefingRef, Briefings
from briefreader.store.changes import NO_CHANGES, Changes
from briefreader.store.errors import StoreConflictError
from briefreader.store.excerpts import Excerpts
from briefreader.store.grades import Grades
from briefreader.store.migrations import MIGRATIONS, Migration
from briefreader.store.notes import Note, NoteFormat, Notes, NoteSave, NoteTarget
from briefreader.store.opening import IfLocked, Opened, Recovery, open_database
from briefreader.store.outbox import MUTATIONS, Outbox, Sent
from briefreader.store.readstate import Reading
from briefreader.store.team import TeamEvent, Watching, event_from
from briefreader.store.undo import History, Operation, changed_since
from briefreader.store.watches import Watches

if TYPE_CHECKING:
    from briefreader.workspace.journal import Entry


class Store:
    """Notes, excerpts, briefings, grades and read state, with undo and backups."""

    def __init__(
        self,
        opened: Opened,
        *,
        find_mentions: Callable[[str], Sequence[Mention]] | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        """Use `Store.open`; this wires an already opened database."""
        self._db = opened.database
        self._lock_file = opened.lock
        #: Set when start-up found the database damaged; show `recovery.message`.
        self.recovery: Recovery | None = opened.recovery
        self.history = History()
        self._history_lock = threading.RLock()
        self.notes = Notes(self._db, self._run)
        self.excerpts = Excerpts(self._db, self._run, find_mentions)
        self.briefings = Briefings(self._db, self._run)
        self.grades = Grades(self._db, self._run)
        self.watches = Watches(self._db, self._run)
        self.reading = Reading(self._db)
        #: Changes waiting for the team's server (None for the analyst's own file).
        self._outbox = outbox
        if outbox is not None:  # every mutating call queues itself when the server is away
            for repo_name, names in MUTATIONS.items():
                repo = getattr(self, repo_name)
                for name in names:
                    setattr(repo, name, outbox.wrap(f"{repo_name}.{name}", getattr(repo, name)))

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        *,
        read_only: bool = False,
        if_locked: IfLocked = "raise",
        find_mentions: Callable[[str], Sequence[Mention]] | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        """Open the work database in `paths` (creating it if needed).

        With a team workspace in `paths` (PostgreSQL) it opens that instead;
        many analysts write there at once, so `if_locked` does not apply.
        With another briefreader holding it, `if_locked="raise"` raises
        StoreBusyError and `"read_only"` opens it read-only (see
        `read_only_reason`). A damaged database is set aside and the newest
        good backup restored: check `recovery`. Raises StoreError subclasses
        with a one-line message for anything it cannot handle.
        """
        if paths.workspace is not None:
            # The team's workspace: the driver is imported only on this path.
            from briefreader.store.postgres.opening import open_workspace

            opened = open_workspace(paths, read_only=read_only)
            if opened.database.read_only:
                return cls(opened, find_mentions=find_mentions)
            where = f"{opened.database.author}@{opened.database.location}"
            store = cls(opened, find_mentions=find_mentions, outbox=Outbox(paths.outbox_db, where))
            store.send_waiting()  # what an earlier session could not send
            return store
        else:
            opened = open_database(
                paths, read_only=read_only, if_locked=if_locked, migrations=migrations
            )
        return cls(opened, find_mentions=find_mentions)

    # -- state -------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._db.read_only

    @property
    def read_only_reason(self) -> str | None:
        """Why this store cannot save, as a sentence for the status bar; None if it can."""
        return self._db.read_only_reason

    @property
    def path(self) -> str:
        """Where the work lives, for messages: a file, or the server (never its password)."""
        return self._db.location

    @property
    def author(self) -> str:
        """Who this store writes as (shown beside others' changes)."""
        return self._db.author

    @property
    def backup_error(self) -> str | None:
        """The last automatic backup's failure, if it failed."""
        return self._db.backup_error

    # -- the team ------------------------------------------------------------
    @property
    def waiting(self) -> int:
        """Changes kept on this machine until the team's server can be reached again."""
        return self._outbox.waiting if self._outbox is not None else 0

    def send_waiting(self) -> Sent | None:
        """Send the changes kept on this machine now (None: nothing was waiting)."""
        if self._outbox is None or not self._outbox.waiting:
            return None
        return self._outbox.drain()

    def watch(self, on_event: Callable[[TeamEvent], None]) -> Watching:
        """Call `on_event` (from a background thread) with what other analysts change,
        as they change it; see team.py. `stop()` the returned handle when done."""
        down = [False]

        def entries(batch: list[Entry]) -> None:
            on_event(event_from(batch))

        def state(up: bool) -> None:
            if not up:
                down[0] = True
                on_event(TeamEvent(connected=False, waiting=self.waiting))
                return
            was_down, down[0] = down[0], False
            sent = self.send_waiting()
            if sent is not None:
                on_event(
                    TeamEvent(
                        sent.changes, connected=True, sent=sent.sent,
                        refused=sent.refused, waiting=sent.waiting,
                    )
                )  # fmt: skip
            elif was_down:
                on_event(TeamEvent(connected=True))

        return self._db.watch(entries, state)

    # -- the names other parts were promised --------------------------------
    def save_note(
        self, target: NoteTarget, text: str, *, format: NoteFormat | None = None
    ) -> NoteSave:
        return self.notes.save(target, text, format=format)

    def iter_notes(self) -> Iterator[Note]:
        return self.notes.iter_notes()

    def load_briefing(
        self, name_or_id: BriefingRef, *, document_title: Callable[[str], str] | None = None
    ) -> Briefing:
        return self.briefings.load(name_or_id, document_title=document_title)

    # -- running and undoing operations -------------------------------------
    def _run(self, build: Callable[[sqlite3.Connection], Operation | None]) -> Changes:
        with self._history_lock:
            applied: list[Operation] = []

            def transaction(conn: sqlite3.Connection) -> Changes:
                applied.clear()  # a retried transaction builds the operation again
                op = build(conn)
                if op is None:
                    return NO_CHANGES
                applied.append(op)
                return op.apply(conn)

            changes = self._db.write(transaction)
            if applied:
                self.history.record(applied[0])
            return changes

    def undo(self) -> Changes:
        """Revert the last note, excerpt, tag or briefing action (Ctrl+Z).

        Returns NO_CHANGES when there is nothing to undo. On a failed write the
        step stays on the stack and StoreWriteError is raised.
        """
        with self._history_lock:
            op = self.history.next_undo()
            if op is None:
                return NO_CHANGES
            changes = self._db.write(lambda conn: _checked(conn, op, undoing=True))
            if isinstance(changes, _Clash):
                self.history.drop_undo()
                raise StoreConflictError(changes.message(op, undoing=True))
            self.history.undone()
            return changes

    def redo(self) -> Changes:
        """Re-apply the last undone action (Ctrl+Shift+Z)."""
        with self._history_lock:
            op = self.history.next_redo()
            if op is None:
                return NO_CHANGES
            changes = self._db.write(lambda conn: _checked(conn, op, undoing=False))
            if isinstance(changes, _Clash):
                self.history.drop_redo()
                raise StoreConflictError(changes.message(op, undoing=False))
            self.history.redone()
            return changes

    # -- backups and shutdown -------------------------------------------------
    def backup_now(self) -> BackupInfo | None:
        """A verified backup now (e.g. before a risky bulk action)."""
        return self._db.backup("manual")

    def close(self) -> list[NoteSave]:
        """Retry unsaved notes, checkpoint, release the lock. Returns the
        retries so the UI can warn about any edit that still could not be saved."""
        retries = self.notes.flush() if self.notes.pending() else []
        if self._outbox is not None:
            self.send_waiting()
            self._outbox.close()
        self._db.close()
        if self._lock_file is not None:
            self._lock_file.release()
        return retries

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class _Clash:
    """Undo found its thing changed by someone else (`who`, when known)."""

    who: str

    def message(self, op: Operation, *, undoing: bool) -> str:
        verb, doing = ("undone", "undoing") if undoing else ("redone", "redoing")
        who = self.who or "another analyst"
        return (
            f"“{op.label}” cannot be {verb}: {who} has changed it since, and {doing} it "
            "would overwrite their work; the step was dropped"
        )


def _checked(conn: sqlite3.Connection, op: Operation, *, undoing: bool) -> Changes | _Clash:
    """Apply the undo (or redo) of `op` unless someone changed its things since.

    Undo is per analyst: each one's history holds only their own steps, and a
    step is taken back only while its things are as that step left them.
    """
    clash = changed_since(op, conn, undoing=undoing)
    if clash is not None:
        current = clash.read(conn, clash.key) if clash.read else None
        return _Clash(clash.who(current) if clash.who else "")
    return (op.inverse() if undoing else op).apply(conn)
