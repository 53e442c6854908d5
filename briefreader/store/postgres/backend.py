"""The PostgreSQL backend: the team's workspace, many analysts writing at once.

Each write runs as one transaction holding the workspace's writer lock (a
transaction-scoped advisory lock): analysts' writes take turns, as they do
on one machine, so no write can be built on a state another is changing
(the repositories read what they change inside the transaction). Reads
never wait for it. SERIALIZABLE with retries was tried first: ten analysts
tagging one excerpt made it retry past any sensible bound, while taking turns
costs a few milliseconds of queueing (see the load benchmark). The same
transaction appends a journal row naming the changes, which the other
analysts' windows are nudged about.

The author of every change is the analyst's database role (`current_user`):
one role per analyst, so the server itself says who did what. Failures
become the store's errors with a sentence to show: the server out of reach
(`StoreOfflineError`; the outbox keeps the write), a reader's role writing
(`StoreReadOnlyError`), anything else (`StoreWriteError`). Backups of the
team's server are its administrators' (pg_dump, point-in-time recovery).
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from briefreader.store.changes import Changes
from briefreader.store.errors import (
    StoreError,
    StoreOfflineError,
    StoreReadOnlyError,
    StoreWriteError,
)
from briefreader.workspace import journal
from briefreader.workspace.connection import WORK_WRITER, Connection
from briefreader.workspace.errors import (
    Contention,
    PermissionDenied,
    ServerError,
    ServerUnavailable,
)
from briefreader.workspace.schema import SCHEMA

T = TypeVar("T")

#: Times a colliding transaction is tried before giving up.
ATTEMPTS = 12


def read_only_role_reason(role: str) -> str:
    return (
        f"your role ({role}) may read the team's work but not change it; "
        "ask your administrator for write access"
    )


class PgDatabase:
    """One connection to the team's workspace, guarded by a lock (see backend.py)."""

    def __init__(
        self,
        conn: Connection,
        *,
        role: str,
        client: str,
        read_only_reason: str | None = None,
        journal_seq: int = 0,
    ) -> None:
        self.conn = conn
        #: The last journal row when this store opened: others' changes start after it.
        self.journal_seq = journal_seq
        self.read_only_reason = read_only_reason
        self.backup_error: str | None = None
        self.client = client
        self._role = role
        self._lock = threading.RLock()
        self._in_write = False

    # -- who and where ----------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def author(self) -> str:
        return self._role

    @property
    def reader(self) -> str:
        return self._role

    @property
    def location(self) -> str:
        return self.conn.workspace.display

    # -- reading and writing ------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._lock:
            try:
                yield self.conn
            except ServerUnavailable as error:
                raise StoreOfflineError(str(error)) from error
            except ServerError as error:
                raise StoreError(f"reading the team's work failed ({error})") from error

    def write(self, fn: Callable[[Connection], T]) -> T:
        """Run `fn` in one transaction holding the writer lock; all or nothing."""
        if self.read_only_reason is not None:
            raise StoreReadOnlyError(self.read_only_reason)
        with self._lock:
            if self._in_write:
                return fn(self.conn)
            for attempt in range(ATTEMPTS):
                self._in_write = True
                try:
                    self.conn.begin(lock=WORK_WRITER)
                    result = fn(self.conn)
                    if isinstance(result, Changes) and result:
                        journal.record(self.conn, self.client, "work", result.as_dict())
                    self.conn.commit()
                    return result
                except Contention:  # a deadlock with a non-briefreader client: run it again
                    self._rollback()
                    time.sleep(random.uniform(0, 0.005 * 2 ** min(attempt, 6)))
                except PermissionDenied as error:
                    self._rollback()
                    self.read_only_reason = read_only_role_reason(self._role)
                    raise StoreReadOnlyError(self.read_only_reason) from error
                except ServerUnavailable as error:
                    self._rollback()
                    raise StoreOfflineError(f"{error}; nothing was saved there") from error
                except ServerError as error:
                    self._rollback()
                    raise StoreWriteError(
                        f"saving to the team workspace failed ({error}); nothing was saved"
                    ) from error
                except BaseException:
                    self._rollback()
                    raise
                finally:
                    self._in_write = False
        raise StoreWriteError(
            "the team workspace is too busy to save this right now (it collided with other "
            f"analysts' changes {ATTEMPTS} times); nothing was saved, try again"
        )

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with contextlib.suppress(ServerError):
                self.conn.rollback()

    def next_id(self, conn: Connection, table: str) -> int:
        row = conn.execute("SELECT nextval(pg_get_serial_sequence(?, 'id'))", (table,)).fetchone()
        return int(row[0])

    def backup(self, reason: str = "manual") -> None:
        """The server's administrators keep its backups; nothing to do on this machine."""
        return None

    def watch(
        self,
        on_entries: Callable[[list[journal.Entry]], None],
        on_state: Callable[[bool], None],
    ) -> journal.Listener:
        """Others' journal rows as they commit, on a thread and connection of their own."""
        return journal.Listener(
            self.conn.workspace, SCHEMA, self.client, self.journal_seq, on_entries, on_state
        ).start()

    def close(self) -> None:
        with self._lock:
            self.conn.close()
