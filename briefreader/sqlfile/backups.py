"""Verified, rotating backups of an SQLite file, and restoring one.

A backup is only worth having if it can be restored, so every one is checked
before it counts (QualCoder once lost a project *and* its backups): the SQLite
online-backup API copies the live database to a temporary file, `PRAGMA
integrity_check` must say "ok" on that copy, the file is fsynced and only
then renamed into place. A crash at any point leaves at worst a stray
`.tmp` file, never a half-written backup under a real name. Older backups are
rotated out per file and reason (hourly ones and pre-migration or pre-import
ones are kept apart, so a burst of hourly copies never pushes out the copy
taken before a migration or an import).

Backups are named `<stem>-<UTC time>-<reason>[-label].sqlite3`; the stem says
whose they are ("work" for the analyst's notes, "library" for the documents),
so both files' backups share one folder without mixing.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefreader.sqlfile.checks import summarise_check
from briefreader.sqlfile.faults import describe_os_error

#: How many backups of each reason are kept, per file. The library is the
#: larger file and changes only on import, so fewer of its copies are kept.
KEEPS: dict[str, dict[str, int]] = {
    "work": {"hourly": 10, "migration": 5, "manual": 10},
    "library": {"hourly": 3, "import": 3, "manual": 5, "restore": 2},
}
#: The work database's limits (kept under this name for its callers and tests).
KEEP = KEEPS["work"]
_NAME = re.compile(r"^([a-z]+)-(\d{8}T\d{6}\.\d{6}Z)-([a-z]+)(?:-[\w.-]+)?\.sqlite3$")


class BackupError(Exception):
    """A backup could not be written or did not verify; no new backup file exists."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken: datetime  # UTC
    reason: str  # "hourly", "migration", "import", "manual", "restore"
    stem: str = "work"  # whose backup: "work" or "library"

    @property
    def size(self) -> int:
        """Bytes on disk (0 if the file went meanwhile)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def list_backups(backups_dir: Path, stem: str | None = "work") -> list[BackupInfo]:
    """Every backup of `stem` (None: of every file) in the folder, newest first.

    Stray temp files and anything not named like a backup are ignored.
    """
    found: list[BackupInfo] = []
    try:
        entries = list(backups_dir.iterdir())
    except OSError:
        return found
    for path in entries:
        match = _NAME.match(path.name)
        if match and (stem is None or match.group(1) == stem):
            taken = datetime.strptime(match.group(2), "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
            found.append(BackupInfo(path, taken, match.group(3), match.group(1)))
    found.sort(key=lambda info: info.taken, reverse=True)
    return found


def is_intact(path: Path) -> bool:
    """Whether `path` is a SQLite database that passes integrity_check."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        return rows == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def take_backup(
    conn: sqlite3.Connection,
    backups_dir: Path,
    reason: str,
    *,
    label: str = "",
    stem: str = "work",
) -> BackupInfo:
    """Copy the live database to a verified backup file and rotate old ones.

    Raises BackupError (and leaves no new file) if the copy cannot be written
    or fails its integrity check. Its message names no local path.
    """
    if reason not in KEEPS[stem]:
        raise ValueError(f"unknown backup reason {reason!r} for {stem}")
    taken = datetime.now(UTC)
    stamp = taken.strftime("%Y%m%dT%H%M%S.%fZ")
    suffix = f"-{label}" if label else ""
    final = backups_dir / f"{stem}-{stamp}-{reason}{suffix}.sqlite3"
    temp = backups_dir / f".{final.name}.tmp"
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(temp)
        try:
            conn.backup(target)
            # The copy is a plain file: no -wal/-shm beside it in backups/.
            target.execute("PRAGMA journal_mode=DELETE")
            verdict = target.execute("PRAGMA integrity_check").fetchall()
        finally:
            target.close()
        if verdict != [("ok",)]:
            found = summarise_check(str(row[0]) for row in verdict)
            raise BackupError(f"the backup copy failed its integrity check ({found})")
        _fsync_file(temp)
        temp.replace(final)
        _fsync_dir(backups_dir)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(
            f"could not write a backup of {stem}.sqlite3 ({describe_os_error(error)})"
        ) from error
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    rotate(backups_dir, reason, stem=stem)
    return BackupInfo(final, taken, reason, stem)


def rotate(
    backups_dir: Path, reason: str, keep: int | None = None, *, stem: str = "work"
) -> list[Path]:
    """Delete all but the newest `keep` backups of `stem` and `reason`; returns what went."""
    limit = KEEPS[stem][reason] if keep is None else keep
    same = [info for info in list_backups(backups_dir, stem) if info.reason == reason]
    removed = []
    for info in same[limit:]:
        with contextlib.suppress(OSError):
            info.path.unlink()
            removed.append(info.path)
    return removed


def remove_stray_temps(backups_dir: Path, stem: str = "work") -> list[Path]:
    """Delete half-written copies left by a crash mid-backup.

    Only called by the holder of the file's exclusive lock, so no backup of
    it can be in progress.
    """
    removed = []
    if backups_dir.is_dir():
        for path in backups_dir.glob(f".{stem}-*.tmp"):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def newest_good_backup(backups_dir: Path, stem: str = "work") -> BackupInfo | None:
    """The newest backup of `stem` that passes integrity_check, whatever its reason."""
    for info in list_backups(backups_dir, stem):
        if is_intact(info.path):
            return info
    return None


def restore_file(backup: Path, target: Path) -> None:
    """Put a copy of `backup` at `target` atomically (temp file, fsync, rename)."""
    temp = target.with_name(f".{target.name}.restore.tmp")
    try:
        shutil.copyfile(backup, temp)
        _fsync_file(temp)
        temp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
