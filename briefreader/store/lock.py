"""One writer per work database: an OS lock on a file beside it.

SQLite's own locking keeps concurrent transactions safe, but two briefreader
windows editing the same notes would still overwrite each other's work and
undo stacks. So the first instance takes an exclusive, non-blocking `flock` on
`work.sqlite3.lock`; a second one finds it taken and opens read-only or
refuses. The OS drops the lock when the holder exits, even by kill -9, so a
crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class WriterLock:
    """An exclusive lock held for the life of a writable Store."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd: int | None = fd
        self.path = path

    @classmethod
    def try_acquire(cls, path: Path) -> WriterLock | None:
        """The lock, or None if another process holds it.

        Raises OSError when the lock file cannot be created at all (for
        example a read-only data directory); the caller decides what that means.
        """
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:  # pragma: no cover - Windows
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            return None
        # Record who holds it, for the second instance's message.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        return cls(fd, path)

    @staticmethod
    def holder(path: Path) -> int | None:
        """The pid written by the current holder, if it can be read."""
        try:
            return int(path.read_text(encoding="ascii").strip() or "0") or None
        except (OSError, ValueError):
            return None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
