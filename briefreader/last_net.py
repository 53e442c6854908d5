"""The last net under every command and the window's start-up: one line, never a traceback.

A command that knows what failed says so itself and returns its exit status.
What reaches here is either a failure with a sentence of its own (a library
or store error, a full disk, an unwritable folder: exit 1, the work before it
kept) or a bug (exit 2, with the exception's type so it can be reported).
`BRIEFREADER_DEBUG=1` prints the traceback as well, for whoever fixes it.
Local paths are taken out of the line: the file's name is kept, never where
it lives.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import sys
import traceback
from pathlib import PurePath

DEBUG_ENV = "BRIEFREADER_DEBUG"
#: An absolute path as messages print it: '/a/b/c.sqlite3' or "'/a/b c/d'" (quoted).
_QUOTED_PATH = re.compile(r"""(['"])(/[^'"]*?)\1""")
_PATH = re.compile(r"(?<![\w.:/])/(?:[^\s/:;,'\"()]+/?)+")


def without_paths(text: str) -> str:
    """`text` with every absolute path cut to its last part (a file's name)."""
    text = _QUOTED_PATH.sub(lambda m: m.group(1) + PurePath(m.group(2)).name + m.group(1), text)
    return _PATH.sub(lambda m: PurePath(m.group(0)).name, text)


def one_line(error: BaseException) -> tuple[str, int]:
    """The line to print and the exit status for an exception nobody else handled."""
    from briefreader.corpus.errors import LibraryError
    from briefreader.sqlfile.faults import describe_os_error
    from briefreader.store.errors import StoreError

    if isinstance(error, LibraryError | StoreError):
        return str(error), 1
    if isinstance(error, OSError | sqlite3.Error):
        return f"stopped: {describe_os_error(error)}; what was saved before is kept", 1
    detail = str(error).splitlines()[0] if str(error) else ""
    name = type(error).__name__
    return (
        f"internal error ({name}{': ' + detail if detail else ''}); nothing saved was lost. "
        f"Set {DEBUG_ENV}=1 to see where it happened",
        2,
    )


def report(error: BaseException) -> int:
    """Print the one line (and the traceback with BRIEFREADER_DEBUG=1); return the status."""
    if os.environ.get(DEBUG_ENV):
        traceback.print_exception(error, file=sys.stderr)
    line, status = one_line(error)
    # If stderr itself is gone, the exit status still says it failed.
    with contextlib.suppress(OSError, ValueError):
        print(f"briefreader: {without_paths(' '.join(line.split()))}", file=sys.stderr)
    return status


class _Stderr(logging.Handler):
    """Writes to whatever `sys.stderr` is when a record comes (tests redirect it)."""

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError, ValueError):
            print(f"briefreader: {without_paths(record.getMessage())}", file=sys.stderr)


def tell_notices_on_stderr() -> None:
    """What the core tells on the `briefreader` logger (a library restored from a
    backup, opened read-only) becomes one line on stderr, like a command's own notes."""
    logger = logging.getLogger("briefreader")
    if not any(isinstance(handler, _Stderr) for handler in logger.handlers):
        logger.addHandler(_Stderr(logging.WARNING))
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
