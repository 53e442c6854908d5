"""Finding files to import and reading them without ever hanging.

Folders are walked recursively; symbolic links are followed, but a folder
already visited (a link loop) is not entered twice. Nothing but a regular
file is ever opened: a FIFO would block `open()` forever and a device could
stream without end, so both are recognised from `stat()` first and opened,
if at all, with O_NONBLOCK, then checked again on the open descriptor in case
the path changed in between. Reads stop one byte past the size cap.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats import SUFFIXES

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Found:
    """A path met while walking: a file to read (`reason` empty) or a skip."""

    path: Path
    format: str = "text"
    reason: str = ""
    #: Given by name with an unknown suffix: read as plain text, with a warning.
    guessed_format: bool = False


def discover(paths: Sequence[Path]) -> Iterator[Found]:
    """Every importable file under `paths`, and every path skipped with its reason."""
    visited: set[tuple[int, int]] = set()
    for given in paths:
        yield from _visit(Path(given), visited, explicit=True)


def _visit(path: Path, visited: set[tuple[int, int]], *, explicit: bool) -> Iterator[Found]:
    try:
        info = path.stat()  # follows symbolic links
    except OSError as error:
        yield Found(path, reason=_stat_reason(path, error))
        return
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in visited:
            if path.is_symlink():
                yield Found(path, reason="symbolic link to a folder already visited (a loop)")
            return
        visited.add(key)
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as error:
            yield Found(path, reason=f"folder cannot be read: {error.strerror or error}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store) are not documents
            yield from _visit(Path(entry.path), visited, explicit=False)
        return
    if not stat.S_ISREG(info.st_mode):
        yield Found(path, reason=f"not a regular file ({_file_type(info.st_mode)})")
        return
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is not None:
        yield Found(path, fmt)
    elif explicit:
        yield Found(path, "text", guessed_format=True)
    else:
        yield Found(path, reason=f"unsupported file type ({path.suffix or 'no suffix'})")


def _stat_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    if error.errno == errno.EACCES:
        return "permission denied"
    return f"cannot be read: {error.strerror or error}"


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_capped(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or `Rejected` (not regular, too big, unreadable)."""
    try:
        info = path.stat()
    except OSError as error:
        raise Rejected(_stat_reason(path, error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise Rejected(f"not a regular file ({_file_type(info.st_mode)})")
    if info.st_size > max_bytes:
        raise Rejected(f"over the size cap ({info.st_size:,} bytes > {max_bytes:,})")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise Rejected(_stat_reason(path, error)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Rejected("not a regular file (it changed while being opened)")
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise Rejected(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise Rejected(f"over the size cap (more than {max_bytes:,} bytes)")
    return b"".join(chunks)


_MACHINE_RUN = re.compile(r"[0-9a-f]{8,}|[0-9a-f]{8}-[0-9a-f]{4}-|^[\d_\-.]+$", re.IGNORECASE)
_WORDLIKE = re.compile(r"[g-z]{3,}", re.IGNORECASE)  # three letters no hex digit uses


def readable_file_name(name: str) -> str:
    """The file's name when it tells the analyst something ("unodc-report-2023.pdf"),
    "" when it is a machine's name: a hash, a UUID or only numbers
    ("002_9560ccf9f8c25f6d.txt", "3f2a…-….eml", "20231104_0012.html"). Lists and
    citations fall back to it only when a document names no publisher or author, and
    a hash there reads like an internal id."""
    stem = PurePath(name).stem
    if not stem or (_MACHINE_RUN.search(stem) and not _WORDLIKE.search(stem)):
        return ""
    return name
