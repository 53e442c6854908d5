"""The library file's backups and kept originals: what an open Library writes to stay safe.

`Safety` rides along with a Library opened from the analyst's own file
(library_file.py): it keeps each import's original bytes before its rows
commit (originals.py), takes a verified backup (sqlfile/backups.py, stem
"library") before an import and at most hourly at open, each only when the
library changed since the newest backup (`state_mark`: imports are the only
writes, and every one adds or re-dates a file), and prunes the originals the
oldest kept backup holds. A failing backup never stops the work: its message
is kept in `backup_error` for the status bar.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from briefreader.corpus import originals
from briefreader.corpus.library_guard import KeptOriginalError
from briefreader.paths import DataPaths
from briefreader.sqlfile import backups
from briefreader.sqlfile.backups import BackupError, BackupInfo
from briefreader.sqlfile.faults import describe_os_error
from briefreader.sqlfile.lock import WriterLock

STEM = "library"
#: Seconds between automatic backups taken at open.
BACKUP_INTERVAL = 3600.0


def damage_mark(paths: DataPaths) -> Path:
    """Left by a query that met damage: the next open checks fully and restores."""
    return paths.library_db.with_name(paths.library_db.name + ".damaged")


def originals_dir(paths: DataPaths) -> Path:
    return paths.root / "originals"


def state_mark(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """What changes whenever an import changes the library (files added or reverted)."""
    row = conn.execute(
        "SELECT COALESCE(MAX(id), 0), COALESCE(SUM(version), 0), COUNT(*) FROM files"
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def _backup_mark(info: BackupInfo) -> tuple[int, int, int] | None:
    try:
        conn = sqlite3.connect(f"{info.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return state_mark(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None


@dataclass(slots=True)
class Safety:
    """The library file's backups and kept originals, for one open Library."""

    paths: DataPaths
    lock: WriterLock
    backup_error: str | None = None
    last_backup: datetime | None = field(default=None)

    @property
    def backups_dir(self) -> Path:
        return self.paths.backups_dir

    def keep(self, path: str, sha256: str, data: bytes, imported_at: str) -> None:
        """The import hook: keep a new file's bytes before its rows commit."""
        try:
            originals.keep(originals_dir(self.paths), path, sha256, data, imported_at)
        except OSError as error:
            raise KeptOriginalError(
                error.errno, f"could not keep the original ({describe_os_error(error)})"
            ) from error

    def backup(self, conn: sqlite3.Connection, reason: str = "manual") -> BackupInfo:
        """A verified backup now; raises BackupError. Prunes originals it makes needless."""
        try:
            info = backups.take_backup(conn, self.backups_dir, reason, stem=STEM)
        except BackupError as error:
            self.backup_error = str(error)
            raise
        self.backup_error = None
        self.last_backup = info.taken
        kept = backups.list_backups(self.backups_dir, STEM)
        if kept:
            originals.prune(originals_dir(self.paths), kept[-1].path)
        return info

    def changed_since_backup(self, conn: sqlite3.Connection) -> bool:
        newest = backups.list_backups(self.backups_dir, STEM)
        return not newest or _backup_mark(newest[0]) != state_mark(conn)

    def before_import(self, conn: sqlite3.Connection) -> None:
        """A backup of the library as it is, unless the newest one already is that."""
        if not self.changed_since_backup(conn) or state_mark(conn)[2] == 0:
            return
        with contextlib.suppress(BackupError):  # kept in backup_error; the import goes on
            self.backup(conn, "import")

    def maybe_hourly(self, conn: sqlite3.Connection) -> None:
        newest = backups.list_backups(self.backups_dir, STEM)
        if newest:
            self.last_backup = newest[0].taken
            if time.time() - newest[0].taken.timestamp() < BACKUP_INTERVAL:
                return
        if state_mark(conn)[2] == 0 or not self.changed_since_backup(conn):
            return
        with contextlib.suppress(BackupError):
            self.backup(conn, "hourly")

    def mark_damaged(self, problem: str) -> None:
        with contextlib.suppress(OSError):
            damage_mark(self.paths).write_text(problem + "\n", encoding="utf-8")

    def release(self) -> None:
        self.lock.release()
