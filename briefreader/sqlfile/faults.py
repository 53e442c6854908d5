"""What went wrong with a file, in a few words an analyst understands, without its path.

`str(OSError)` names the file it failed on (a local path, which is never
shown); SQLite's messages are terse ("disk I/O error"). Both become a short
reason ("the disk is full") that a caller puts into its own sentence.
"""

from __future__ import annotations

import errno


def describe_os_error(error: BaseException) -> str:
    """A short reason without any path: 'the disk is full', 'read-only folder'..."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return "the disk is full"
        if error.errno == errno.EROFS:
            return "the disk is read-only"
        if error.errno in (errno.EACCES, errno.EPERM):
            return "permission denied"
        if error.errno == errno.EFBIG:
            return "the file grew too large"
        return error.strerror or type(error).__name__
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return "the disk is full"
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_CANTOPEN":
        return "the folder cannot be written to"
    if name.startswith("SQLITE_IOERR"):
        return "a write failed: the disk is full, the file too large or the disk failing"
    return str(error)
