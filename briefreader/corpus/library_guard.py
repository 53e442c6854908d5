"""The library's lock, which also notices when a query meets a damaged file.

Every read and write of the library runs under one lock (`with
self._lock:`). Damage found by a query half-way through a session (a page
that no longer parses) surfaces there as SQLite's CORRUPT or NOTADB error; the
lock turns it into one `LibraryDamagedError` with a sentence for the analyst,
and calls `on_damage` so the file is marked for a full check, set aside and
restored from a backup the next time it is opened. Other errors pass as they are.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from types import TracebackType

from briefreader.corpus.errors import LibraryDamagedError
from briefreader.sqlfile.checks import is_corruption


class KeptOriginalError(OSError):
    """Keeping an import's original bytes failed (disk full...): the import must stop."""


class GuardedLock:
    """A re-entrant lock whose `with` block reports a damaged library file."""

    def __init__(self, on_damage: Callable[[str], None] | None = None) -> None:
        self._lock = threading.RLock()
        self.on_damage = on_damage

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return self._lock.acquire(blocking, timeout)

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> GuardedLock:
        self._lock.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._lock.release()
        if isinstance(exc, sqlite3.DatabaseError) and is_corruption(exc):
            if self.on_damage is not None:
                self.on_damage(str(exc))
            raise LibraryDamagedError(
                f"the library is damaged ({exc}); start briefreader again to set it aside and "
                "restore the newest intact backup (your notes and excerpts are not in it)"
            ) from exc
