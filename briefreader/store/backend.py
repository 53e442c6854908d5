"""The one interface the store's repositories use, with two backends.

- `db.Database` (with opening.py, migrations.py, backups.py, lock.py): the
  analyst's own SQLite file, one writer at a time, verified backups.
- `postgres.backend.PgDatabase`: the team's workspace on PostgreSQL, many
  analysts, their writes taking turns under one advisory lock.

Repositories (notes, excerpts, briefings, grades, reading) write portable
SQL with `?` placeholders against the connection they are handed, read
inside `reading()` and change things inside `write(fn)`, where `fn` reads
the current state and writes the new one; it may run again (a transaction
retried after a dropped connection or a deadlock), so it must only depend
on what it reads.
Nothing above `briefreader.store` knows which backend is in use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Any: ...


class Conn(Protocol):
    """What repositories call on a connection: `sqlite3.Connection` is one."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


class Backend(Protocol):
    #: Why edits cannot be saved, as a sentence for the status bar; None if they can.
    read_only_reason: str | None
    #: The last automatic backup's failure, if any (always None where the server keeps backups).
    backup_error: str | None

    @property
    def read_only(self) -> bool: ...

    @property
    def author(self) -> str:
        """Who this store writes as: recorded on every note, excerpt, briefing and grade."""
        ...

    @property
    def reader(self) -> str:
        """Whose reading state this is (read state and positions are per analyst)."""
        ...

    @property
    def location(self) -> str:
        """Where the work lives, for messages (a file, or the server without its password)."""
        ...

    def reading(self) -> AbstractContextManager[Any]: ...

    def write(self, fn: Callable[[Any], T]) -> T: ...

    def next_id(self, conn: Any, table: str) -> int: ...

    def backup(self, reason: str = "manual") -> Any: ...

    def close(self) -> None: ...
