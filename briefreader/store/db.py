"""The connection to the work database, and the one way to write to it.

Every write goes through `Database.write(fn)`: one `BEGIN IMMEDIATE`
transaction, committed with `synchronous=FULL` (so a commit that returned is
on disk and survives kill -9 or power loss), rolled back whole on any error.
SQLite errors become `StoreWriteError`s with a sentence the analyst can act
on ("the disk is full"...), and a store opened read-only refuses writes with
`StoreReadOnlyError` before touching anything.

After a commit, at most once an hour, a verified backup is taken
(backups.py). A failing backup never fails the write that triggered it; its
message is kept in `backup_error` for the UI to show.
"""

from __future__ import annotations

import contextlib
import getpass
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from briefreader.sqlfile import backups
from briefreader.store.errors import StoreReadOnlyError, StoreWriteError

T = TypeVar("T")

#: Seconds between automatic backups.
BACKUP_INTERVAL = 3600.0


def connect(path: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the store's pragmas; `path` may be ":memory:"."""
    if read_only and str(path) != ":memory:":
        conn = sqlite3.connect(
            f"{Path(path).resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute("PRAGMA query_only = ON")
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def describe_error(error: sqlite3.Error, db_path: Path) -> str:
    """One sentence saying what went wrong and what the analyst can do."""
    name = getattr(error, "sqlite_errorname", "") or ""
    file = db_path.name  # its name only: a local path is never shown
    if name == "SQLITE_FULL":
        return "the disk holding the data folder is full; free some space and save again"
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_CANTOPEN":
        return (
            "the data folder cannot be written to (read-only disk or folder); "
            "nothing was saved there"
        )
    if name.startswith("SQLITE_IOERR"):
        return (
            f"writing to {file} failed (disk full, file too large, or a failing disk); "
            "nothing was saved"
        )
    if name in {"SQLITE_CORRUPT", "SQLITE_NOTADB"}:
        return (
            f"{file} is damaged; restart briefreader to restore the newest good backup "
            "(your unsaved edits are kept in memory until then)"
        )
    if name == "SQLITE_BUSY":
        return f"{file} is busy (another program holds it); try again"
    return f"saving to {file} failed: {error}"


def local_author() -> str:
    """The analyst's login name, recorded as the author of their own work."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in this environment
        return ""


class Database:
    """The SQLite backend (see backend.py): a connection guarded by a lock,
    usable from the UI and worker threads."""

    #: One analyst per file: their read state needs no key.
    reader = ""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only_reason: str | None = None,
        backups_dir: Path | None = None,
        last_backup: float = 0.0,
    ) -> None:
        self.conn = conn
        self.path = path
        self.read_only_reason = read_only_reason
        self.backups_dir = backups_dir
        self.last_backup = last_backup
        self.backup_error: str | None = None
        self.author = local_author()
        self._lock = threading.RLock()
        self._in_write = False

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def location(self) -> str:
        return str(self.path)

    def next_id(self, conn: sqlite3.Connection, table: str) -> int:
        return next_id(conn, table)

    def watch(self, on_entries: Callable[..., None], on_state: Callable[[bool], None]) -> Any:
        """Nobody else writes to this file (one writer at a time): nothing to watch."""
        from briefreader.store.team import NotWatching

        return NotWatching()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for queries; serialised with writes."""
        with self._lock:
            yield self.conn

    def write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn` in one transaction and commit; all or nothing.

        Nested calls join the outer transaction. Raises StoreReadOnlyError or
        StoreWriteError; in both cases the database is unchanged.
        """
        if self.read_only_reason is not None:
            raise StoreReadOnlyError(self.read_only_reason)
        with self._lock:
            if self._in_write:
                return fn(self.conn)
            self._in_write = True
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                result = fn(self.conn)
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback()
                raise StoreWriteError(describe_error(error, self.path)) from error
            except BaseException:
                self._rollback()
                raise
            finally:
                self._in_write = False
        self.maybe_backup()
        return result

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the transaction is gone either way; SQLite rolls back on close

    def maybe_backup(self) -> None:
        if self.backups_dir is None or time.time() - self.last_backup < BACKUP_INTERVAL:
            return
        self.backup("hourly")

    def backup(self, reason: str = "manual") -> backups.BackupInfo | None:
        """Take a verified backup now; None (and `backup_error` set) on failure."""
        if self.backups_dir is None:
            return None
        with self._lock:
            try:
                info = backups.take_backup(self.conn, self.backups_dir, reason)
            except backups.BackupError as error:
                self.backup_error = str(error)
                self.last_backup = time.time()  # don't retry on every keystroke
                return None
        self.backup_error = None
        self.last_backup = time.time()
        return info

    def close(self) -> None:
        with self._lock:
            if not self.read_only:
                # On failure the WAL stays and is replayed on next open.
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()


def timestamp() -> str:
    """Now, as ISO 8601 UTC with milliseconds: sortable as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def next_id(conn: sqlite3.Connection, table: str) -> int:
    """The id AUTOINCREMENT would give the next row of `table`.

    Taken inside the write transaction, so nobody else can take it first. The
    store picks ids itself so that an operation's snapshot knows the id it
    created, and redo recreates the row under the same id.
    """
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    seq = int(row[0]) if row else 0
    top = conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
    return max(seq, int(top)) + 1
