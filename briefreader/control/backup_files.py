"""The analyst's backups of both files: listing, taking one now, restoring one.

Both the work database (notes, excerpts, briefings) and the library keep
verified backups in `backups/` (sqlfile/backups.py). This is what the
`backup` command and the status bar show of them:

- `listing` numbers them newest first across both files, with the time,
  size, which file, why it was taken and whether it passes `quick_check`
  now (every backup was verified when taken; this says it still is).
- `take_now` copies both files as they are, through a read-only connection,
  so it works while the window has them open.
- `restore` needs the file to itself (the work store's writer lock, the
  library's exclusive lock): it sets the current file aside under a
  `.replaced-<time>` name (never deleted), then puts the backup in place.

With a team workspace the work and the shared library live on the team's
PostgreSQL server, whose backups are its administrator's business
(pg_dump, base backups); nothing here pretends otherwise.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefreader.corpus import library_file
from briefreader.paths import DataPaths
from briefreader.sqlfile import backups
from briefreader.sqlfile.backups import BackupError, BackupInfo
from briefreader.sqlfile.checks import quick_check, set_aside
from briefreader.sqlfile.faults import describe_os_error
from briefreader.sqlfile.lock import WriterLock
from briefreader.store.opening import lock_path as work_lock_path

#: Which file a backup's stem names, as the analyst knows it.
WHAT = {"work": "notes", "library": "library"}
SERVER_KEEPS_BACKUPS = (
    "this data folder works in a team workspace: the notes and the shared library live "
    "on the team's PostgreSQL server, and their backups are its administrator's business "
    "(pg_dump or base backups), not this machine's"
)


class BackupCommandError(Exception):
    """A backup could not be listed, taken or restored; `str()` is one line, no paths."""


@dataclass(frozen=True, slots=True)
class Listed:
    number: int
    info: BackupInfo
    verified: bool

    @property
    def what(self) -> str:
        return WHAT.get(self.info.stem, self.info.stem)


def _db_path(paths: DataPaths, stem: str) -> Path:
    return paths.work_db if stem == "work" else paths.library_db


def is_verified(path: Path) -> bool:
    """Whether the backup file passes quick_check now."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return quick_check(conn) is None
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def listing(paths: DataPaths, *, verify: bool = True) -> list[Listed]:
    """Every backup of both files, newest first, numbered from 1."""
    found = [info for info in backups.list_backups(paths.backups_dir, None) if info.stem in WHAT]
    return [
        Listed(n, info, is_verified(info.path) if verify else True)
        for n, info in enumerate(found, start=1)
    ]


def take_now(paths: DataPaths) -> list[BackupInfo]:
    """A verified manual backup of each file that exists; raises BackupCommandError."""
    if paths.workspace is not None:
        raise BackupCommandError(SERVER_KEEPS_BACKUPS)
    taken = []
    for stem in ("work", "library"):
        db = _db_path(paths, stem)
        if not db.exists():
            continue
        try:
            conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise BackupCommandError(
                f"cannot read {db.name} to back it up ({describe_os_error(error)})"
            ) from error
        try:
            taken.append(backups.take_backup(conn, paths.backups_dir, "manual", stem=stem))
        except BackupError as error:
            raise BackupCommandError(str(error)) from error
        finally:
            conn.close()
    if not taken:
        raise BackupCommandError("there is nothing to back up yet (no notes, no library)")
    return taken


@dataclass(frozen=True, slots=True)
class Restored:
    listed: Listed
    set_aside_as: str  # the file name the replaced file now has ("" if there was none)


def restore(paths: DataPaths, number: int) -> Restored:
    """Put backup `number` (as `listing` numbers them) in place of its file."""
    if paths.workspace is not None:
        raise BackupCommandError(SERVER_KEEPS_BACKUPS)
    listed = listing(paths, verify=False)
    if not 1 <= number <= len(listed):
        count = f"1 to {len(listed)}" if listed else "none: there are no backups yet"
        raise BackupCommandError(f"there is no backup {number} (the numbers are {count})")
    chosen = listed[number - 1]
    if not is_verified(chosen.info.path):
        raise BackupCommandError(
            f"backup {number} ({chosen.info.path.name}) is damaged; choose another"
        )
    stem = chosen.info.stem
    lock_file = work_lock_path(paths) if stem == "work" else library_file.lock_path(paths)
    try:
        lock = WriterLock.try_acquire(lock_file)
    except OSError as error:
        raise BackupCommandError(
            f"cannot restore into the data folder ({describe_os_error(error)})"
        ) from error
    if lock is None:
        raise BackupCommandError(
            f"another briefreader has the {WHAT[stem]} open; close it, then restore again"
        )
    db = _db_path(paths, stem)
    try:
        moved = set_aside(db, "replaced")
        backups.restore_file(chosen.info.path, db)
        if stem == "library":
            # The restored library is whole: a mark left by a damaged one no longer applies.
            library_file.damage_mark(paths).unlink(missing_ok=True)
    except OSError as error:
        raise BackupCommandError(
            f"could not restore backup {number} ({describe_os_error(error)}); "
            "the current file was left as it was or set aside, never deleted"
        ) from error
    finally:
        lock.release()
    return Restored(Listed(number, chosen.info, True), moved[0].name if moved else "")


def status_text(paths: DataPaths, *errors: str | None) -> tuple[str, bool]:
    """The status bar's backup indicator: (text, whether it reports a problem)."""
    problems = [e for e in errors if e]
    if problems:
        return f"backup failed: {problems[0]}", True
    if paths.workspace is not None:
        return "backups: the team's server", False
    newest = backups.list_backups(paths.backups_dir, None)
    newest = [b for b in newest if b.stem in WHAT]
    if not newest:
        return "no backup yet", False
    return f"backup {when(newest[0].taken)}", False


def when(taken: datetime) -> str:
    """A backup's time as the analyst reads it: local time, the date only if not today."""
    local = taken.astimezone()
    today = datetime.fromtimestamp(time.time(), UTC).astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")
