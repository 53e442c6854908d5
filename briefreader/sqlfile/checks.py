"""Telling a damaged SQLite file from a busy or unwritable one, and setting it aside.

Damage is a reason to put the file aside and restore a backup; a lock, a
full disk or a read-only folder are not (the file is fine, the machine is
not), so `is_corruption` looks at SQLite's extended error name only.

`header_problem` is the cheap check, read from the first 100 bytes: a file
cut short (a copy stopped halfway, a disk that filled during a copy) is
shorter than the page count its header promises (judged only when no
write-ahead log holds pages the file does not have yet). `quick_check` reads every
page, so it costs about a second per gigabyte; callers decide when to pay it.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

_MAGIC = b"SQLite format 3\x00"


def is_corruption(error: BaseException) -> bool:
    """Whether an error means the file is damaged (not busy, locked or unwritable)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's header or length, or None if it looks whole.

    A missing or empty file is not damaged (SQLite starts an empty one).
    Raises OSError when the file cannot be read at all.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None
    with path.open("rb") as handle:
        head = handle.read(100)
    if len(head) < 100 or not head.startswith(_MAGIC):
        return "not a database file"
    (page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (change_counter,) = struct.unpack(">I", head[24:28])
    (pages,) = struct.unpack(">I", head[28:32])
    (valid_for,) = struct.unpack(">I", head[92:96])
    # The page count is only trusted when written by a version that keeps it
    # (valid_for equals the change counter), as SQLite itself does.
    # Pages still in the write-ahead log are read from there: the main file may be
    # shorter than its header says until a checkpoint completes (one cut off by a
    # full disk is no damage), so the length is only judged without a log.
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None
    if pages and valid_for == change_counter and size < pages * page_size:
        return f"the file is cut short ({size:,} of {pages * page_size:,} bytes)"
    return None


def quick_check(conn: sqlite3.Connection) -> str | None:
    """None if the database looks sound, else what is wrong.

    Errors that are not corruption (a disk I/O error, a lock) are raised:
    they are no reason to set the file aside.
    """
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if is_corruption(error):
            return str(error)
        raise
    return None if rows == [("ok",)] else summarise_check(str(r[0]) for r in rows)


def summarise_check(rows: Iterable[str]) -> str:
    """One short line for what an integrity or quick check found.

    SQLite reports every damaged page and cell, up to a hundred lines (and a
    row may hold several); the analyst's message keeps the first finding and
    counts the rest.
    """
    findings = [
        line.strip()
        for row in rows
        for line in row.splitlines()
        if line.strip() and not line.strip().startswith("***")
    ]
    if not findings:
        return "damaged"
    first = findings[0] if len(findings[0]) <= 120 else findings[0][:119] + "…"
    more = len(findings) - 1
    return first if not more else f"{first}, and {more} more problem{'s' if more > 1 else ''}"


def set_aside(db_path: Path, label: str = "corrupt") -> tuple[Path, ...]:
    """Rename the file (and its -wal, -shm) to `<name>.<label>-<time>`; never delete.

    A damaged file may still hold something a specialist can rescue; a file
    replaced by a restored backup may hold work the analyst wants back.
    Raises OSError if it cannot be renamed (a read-only folder).
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    moved = []
    for suffix in ("", "-wal", "-shm"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            target = db_path.with_name(f"{db_path.name}.{label}-{stamp}{suffix}")
            source.replace(target)
            moved.append(target)
    return tuple(moved)
