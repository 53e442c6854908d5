"""The original bytes of each imported file, kept outside the library until a backup holds them.

A library restored from a backup lacks whatever was imported after the
backup was taken. The library keeps every file's bytes in its own `files`
table, but that is the damaged file; so each import also writes the bytes,
before its transaction commits, to `originals/` beside it: one file per
(path, content), a JSON header line then the raw bytes, written to a temp
file, fsynced and renamed, so a crash leaves a whole file or none. After a
restore, every original the restored library lacks is imported again in the
order it first came, with its first import time, and gets the same content-
derived document ids (notes and excerpts point at those ids).

Once the oldest library backup kept holds a file, its original is deleted:
every backup that could be restored has it, so the folder only grows with
what no backup has yet.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".orig"


@dataclass(frozen=True, slots=True)
class Original:
    """One kept original: where it was imported from (as stored), its hash and time."""

    file: Path
    path: str
    sha256: str
    imported_at: str
    order: int = 0  # when it was kept, in ns: the import order

    def read(self) -> bytes:
        """The bytes as imported; raises OSError or ValueError if the file is damaged."""
        with self.file.open("rb") as handle:
            handle.readline()
            data = handle.read()
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise ValueError("the kept original does not match its hash")
        return data


def _name(path: str, sha256: str) -> str:
    where = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"{sha256}-{where}{SUFFIX}"


def keep(folder: Path, path: str, sha256: str, data: bytes, imported_at: str) -> None:
    """Write the original durably; raises OSError (disk full...) and then leaves no file."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / _name(path, sha256)
    if final.exists():
        return
    # `order` keeps the import order within a second (imported_at has seconds only).
    order = time.time_ns()
    header = json.dumps(
        {"path": path, "sha256": sha256, "imported_at": imported_at, "order": order}
    )
    temp = folder / f".{final.name}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb", closefd=False) as handle:
                handle.write(header.encode("utf-8") + b"\n")
                handle.write(data)
                handle.flush()
            os.fsync(fd)
        finally:
            os.close(fd)
        temp.replace(final)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise


def kept(folder: Path) -> Iterator[Original]:
    """Every readable original, in no particular order (damaged headers are skipped)."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for file in entries:
        if not file.name.endswith(SUFFIX) or file.name.startswith("."):
            continue
        try:
            with file.open("rb") as handle:
                head = json.loads(handle.readline(65536))
            yield Original(
                file,
                str(head["path"]),
                str(head["sha256"]),
                str(head["imported_at"]),
                int(head.get("order", 0)),
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue


def missing_from(conn: sqlite3.Connection, folder: Path) -> list[Original]:
    """The originals whose (path, bytes) the library on `conn` does not hold, oldest first."""
    held = {(row[0], row[1]) for row in conn.execute("SELECT path, sha256 FROM files")}
    found = [o for o in kept(folder) if (o.path, o.sha256) not in held]
    found.sort(key=lambda o: (o.imported_at, o.order, o.file.name))
    return found


def prune(folder: Path, oldest_backup: Path) -> int:
    """Delete the originals the oldest kept backup holds; returns how many went."""
    try:
        conn = sqlite3.connect(f"{oldest_backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            held = {(row[0], row[1]) for row in conn.execute("SELECT path, sha256 FROM files")}
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
    removed = 0
    for original in kept(folder):
        if (original.path, original.sha256) in held:
            with contextlib.suppress(OSError):
                original.file.unlink()
                removed += 1
    return removed


def remove_stray_temps(folder: Path) -> None:
    """Half-written originals from a crash (called under the library's exclusive lock)."""
    with contextlib.suppress(OSError):
        for temp in folder.glob(f".*{SUFFIX}.tmp"):
            with contextlib.suppress(OSError):
                temp.unlink()
