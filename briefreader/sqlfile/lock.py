"""Locks on a file beside a database: one writer, or many users and one repairer.

SQLite's own locking keeps concurrent transactions safe, but two briefreader
windows editing the same notes would still overwrite each other's work and
undo stacks. So the first instance takes an exclusive, non-blocking `flock` on
`work.sqlite3.lock`; a second one finds it taken and opens read-only or
refuses. The OS drops the lock when the holder exits, even by kill -9, so a
crash never leaves a stale lock behind.

The library is shared differently: the window and CLI commands may all use
it at once, each holding a *shared* lock, and only setting a damaged file
aside or restoring a backup needs the *exclusive* one, so nobody's open
connection is left pointing at a file that was renamed under it.
"""

from __future__ import annotations

import errno
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
    def try_acquire(cls, path: Path, *, shared: bool = False) -> WriterLock | None:
        """The lock, or None if another process holds it (exclusively, for `shared`).

        Raises OSError when the lock file cannot be created or locked at all (a
        read-only data directory, a network file system without locks); the caller
        decides what that means (both the work store and the library open read-only).
        """
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if fcntl is not None:
                fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            else:  # pragma: no cover - Windows
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            os.close(fd)
            if error.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                return None  # held by another process
            raise  # the file system cannot lock at all (ENOLCK, EOPNOTSUPP...)
        if not shared:
            # Record who holds it, for the second instance's message.
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        return cls(fd, path)

    def upgrade(self) -> bool:
        """Turn a shared lock exclusive if nobody else holds it; False (still shared) if not."""
        if self._fd is None or fcntl is None:
            return False
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            # flock may drop the shared lock before failing to convert it: take it again.
            fcntl.flock(self._fd, fcntl.LOCK_SH)
            return False
        return True

    def downgrade(self) -> None:
        """Back to a shared lock after the exclusive work is done."""
        if self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_SH)

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
