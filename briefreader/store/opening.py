"""Opening the work database: lock, check, recover, migrate.

The order matters. The writer lock comes first, so two processes never run
recovery or a migration at once. Then `PRAGMA quick_check`: a damaged file is
renamed aside (never deleted: it may still hold something a specialist can
rescue), the newest backup that passes integrity_check is copied into place,
and the returned `Recovery` tells the analyst what happened and what may be
missing. Then pending migrations run, each preceded by a verified backup.
Finally an hourly backup is taken if the last one is older than an hour, so
there is always a recent copy to fall back on.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from briefreader.paths import DataPaths
from briefreader.sqlfile import backups
from briefreader.sqlfile.checks import is_corruption, set_aside
from briefreader.sqlfile.checks import quick_check as _quick_check
from briefreader.sqlfile.faults import describe_os_error
from briefreader.sqlfile.lock import WriterLock
from briefreader.store.db import Database, connect, describe_error
from briefreader.store.errors import StoreBusyError, StoreCorruptError, StoreError
from briefreader.store.migrations import MIGRATIONS, Migration, migrate, pending, schema_version

IfLocked = Literal["raise", "read_only"]


@dataclass(frozen=True, slots=True)
class Recovery:
    """What start-up did about a damaged database; `message` is for the analyst."""

    message: str
    set_aside: tuple[Path, ...]
    restored_from: Path | None
    backup_taken: datetime | None


@dataclass(slots=True)
class Opened:
    database: Database
    lock: WriterLock | None
    recovery: Recovery | None


def lock_path(paths: DataPaths) -> Path:
    return paths.work_db.with_name(paths.work_db.name + ".lock")


def _connect_checked(path: Path) -> tuple[sqlite3.Connection | None, str | None]:
    """A checked connection, or (None, what is damaged). Raises other errors."""
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as error:
        if is_corruption(error):
            return None, str(error)
        raise
    try:
        problem = _quick_check(conn)
    except sqlite3.Error:
        conn.close()
        raise
    if problem is not None:
        conn.close()
        return None, problem
    return conn, None


def _recover(paths: DataPaths, problem: str) -> Recovery:
    try:
        moved = set_aside(paths.work_db)
    except OSError as error:
        raise StoreCorruptError(
            f"the work database {paths.work_db.name} is damaged ({problem}) and could not be set "
            f"aside ({error.strerror or error}); nothing was changed"
        ) from error
    aside = moved[0].name if moved else "(nothing)"
    good = backups.newest_good_backup(paths.backups_dir)
    if good is None:
        message = (
            f"Your work database was damaged ({problem}). It was set aside as {aside} and no "
            "intact backup was found, so briefreader started with an empty one. Keep the "
            "damaged file: a specialist may be able to rescue it."
        )
        return Recovery(message, moved, None, None)
    try:
        backups.restore_file(good.path, paths.work_db)
    except OSError as error:
        raise StoreCorruptError(
            f"the work database was damaged ({problem}) and set aside as {aside}, but the "
            f"backup {good.path.name} could not be restored ({error.strerror or error})"
        ) from error
    when = good.taken.strftime("%Y-%m-%d %H:%M UTC")
    message = (
        f"Your work database was damaged ({problem}). It was set aside as {aside} and the "
        f"newest intact backup, from {when}, was restored: notes and excerpts changed after "
        "that time are missing."
    )
    return Recovery(message, moved, good.path, good.taken)


def _damaged(db_path: Path, problem: str) -> StoreCorruptError:
    return StoreCorruptError(
        f"the work database {db_path.name} is damaged ({problem}) and cannot be repaired "
        "read-only; start briefreader with write access to restore a backup"
    )


def _empty_read_only(db_path: Path, reason: str) -> Opened:
    """An empty in-memory store with the current schema: nothing to show, nothing created."""
    conn = connect(":memory:")
    migrate(conn)
    conn.execute("PRAGMA query_only = ON")
    return Opened(Database(conn, db_path, read_only_reason=reason), None, None)


def _connect_read_only(db_path: Path) -> sqlite3.Connection:
    try:
        conn = connect(db_path, read_only=True)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise _damaged(db_path, str(error)) from error
    # A WAL database in a read-only folder with no -shm file cannot be opened
    # normally; nobody can write there, so reading it as immutable is safe.
    try:
        return sqlite3.connect(
            f"{db_path.resolve().as_uri()}?mode=ro&immutable=1",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise StoreError(
            f"cannot read the work database {db_path.name}: {describe_os_error(error)}"
        ) from error


def _open_read_only(paths: DataPaths, reason: str) -> Opened:
    db_path = paths.work_db
    if not db_path.exists():
        return _empty_read_only(db_path, reason)
    conn = _connect_read_only(db_path)
    problem = _quick_check(conn)
    if problem is not None:
        conn.close()
        raise _damaged(db_path, problem)
    if pending(conn):
        version = schema_version(conn)
        conn.close()
        if version == 0:
            return _empty_read_only(db_path, reason)
        raise StoreError(
            f"the work database {db_path.name} needs upgrading (schema {version}); "
            "open briefreader once with write access"
        )
    return Opened(Database(conn, db_path, read_only_reason=reason), None, None)


def _migrate_with_backups(
    conn: sqlite3.Connection, paths: DataPaths, migrations: Sequence[Migration]
) -> None:
    holds_work = schema_version(conn) > 0

    def backup_first(migration: Migration) -> None:
        if not holds_work:
            return
        try:
            backups.take_backup(
                conn, paths.backups_dir, "migration", label=f"v{migration.version - 1}"
            )
        except backups.BackupError as error:
            raise StoreError(
                f"could not back up your work before upgrading it to schema "
                f"{migration.version} ({error}); nothing was changed"
            ) from error

    try:
        migrate(conn, migrations, before=backup_first)
    except sqlite3.Error as error:
        raise StoreError(
            f"upgrading the work database failed ({error}); it was left as it was"
        ) from error


def open_database(
    paths: DataPaths,
    *,
    read_only: bool = False,
    if_locked: IfLocked = "raise",
    migrations: Sequence[Migration] = MIGRATIONS,
) -> Opened:
    """Open (creating, recovering and migrating as needed) the work database."""
    if read_only:
        return _open_read_only(paths, "opened read-only on request; changes are not saved")
    try:
        paths.ensure()
        lock = WriterLock.try_acquire(lock_path(paths))
    except OSError as error:
        reason = (
            f"the data folder cannot be written to ({describe_os_error(error)}); your work is "
            "shown read-only and new edits are kept in memory only"
        )
        return _open_read_only(paths, reason)
    if lock is None:
        pid = WriterLock.holder(lock_path(paths))
        who = f"another briefreader (process {pid})" if pid else "another briefreader"
        message = f"{who} is already using this data folder"
        if if_locked == "raise":
            raise StoreBusyError(
                f"{message}; close it first, or open this one read-only to look without editing"
            )
        return _open_read_only(
            paths, f"{message}, so this one is read-only: close the other one to edit"
        )
    try:
        return _open_writable(paths, lock, migrations)
    except sqlite3.Error as error:
        lock.release()
        if is_corruption(error):
            raise StoreCorruptError(f"the work database is damaged ({error})") from error
        # Not damage: the file cannot be opened for writing (permissions, a
        # read-only disk, a failing disk). Show the work read-only and say why.
        return _open_read_only(paths, f"{describe_error(error, paths.work_db)}; opened read-only")
    except BaseException:
        lock.release()
        raise


def _open_writable(paths: DataPaths, lock: WriterLock, migrations: Sequence[Migration]) -> Opened:
    recovery = None
    conn, problem = _connect_checked(paths.work_db)
    if conn is None:
        recovery = _recover(paths, problem or "unreadable")
        conn, problem = _connect_checked(paths.work_db)
        if conn is None:
            raise StoreCorruptError(f"the restored work database is damaged too ({problem})")
    try:
        _migrate_with_backups(conn, paths, migrations)
    except BaseException:
        conn.close()
        raise
    backups.remove_stray_temps(paths.backups_dir)
    newest = backups.list_backups(paths.backups_dir)
    last = newest[0].taken.timestamp() if newest else 0.0
    database = Database(conn, paths.work_db, backups_dir=paths.backups_dir, last_backup=last)
    if schema_version(conn) > 0 and _holds_rows(conn):
        database.maybe_backup()
    with contextlib.suppress(OSError):
        paths.work_db.chmod(0o600)  # the analyst's work is private
    return Opened(database, lock, recovery)


def _holds_rows(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM notes) OR EXISTS (SELECT 1 FROM excerpts) "
        "OR EXISTS (SELECT 1 FROM briefings) OR EXISTS (SELECT 1 FROM reading)"
    ).fetchone()
    return bool(row[0])
