"""Opening library.sqlite3 with the work store's guarantees: check, recover, read-only.

The library is rebuildable in principle (the analyst has the source files
somewhere), but a morning's imports are a morning's work, so it is held to
the same standard as the notes:

- Opening takes a *shared* lock beside the file (the window and CLI commands
  may use the library at once); setting a damaged file aside or restoring a
  backup needs the *exclusive* one, so no open connection is left on a file
  renamed under it.
- The file is checked: its header against its length always (a file cut in
  half is caught at no cost), and `PRAGMA quick_check` when it is under
  `QUICK_CHECK_MAX` or a query met damage earlier (the `.damaged` mark).
- A damaged file is renamed `library.sqlite3.corrupt-<time>` (never deleted),
  the newest backup that passes integrity_check is copied into place, and the
  files imported after it are imported again from the originals kept in
  `originals/` (originals.py), under their first path and import time, so the
  documents keep their ids and the notes on them still find them.
- Verified backups (sqlfile/backups.py, stem "library") are taken before an
  import and at most hourly at open, each only when the library changed since
  the newest one; a failure never stops the work and is kept in
  `backup_error` for the status bar.
- A data folder or file that cannot be written or locked opens read-only:
  everything is shown, imports are refused with the reason. A damaged file in
  a read-only folder is shown from its newest intact backup.

The team's shared library on PostgreSQL is not opened here: its backups are
the server's business (the administrator's pg_dump or base backups).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from pathlib import Path

from briefreader.corpus import originals
from briefreader.corpus.errors import LibraryDamagedError
from briefreader.corpus.library import Library
from briefreader.corpus.library_safety import STEM, Safety, damage_mark, originals_dir
from briefreader.corpus.rows import SCHEMA, SCHEMA_VERSION
from briefreader.paths import DataPaths
from briefreader.sqlfile import backups
from briefreader.sqlfile.backups import BackupError
from briefreader.sqlfile.checks import header_problem, is_corruption, quick_check, set_aside
from briefreader.sqlfile.faults import describe_os_error
from briefreader.sqlfile.lock import WriterLock

#: Recoveries and read-only openings are told here too: the CLI prints them on stderr
#: (app.py), so a command that happened to open the library first still says so.
log = logging.getLogger("briefreader.library")
#: Files up to this size get a full `quick_check` at every open (measured here,
#: on the shared 2-core machine under load: 0.35 s for 115 MB, so at most about
#: 0.2 s); larger ones get the header check, and a full check after a query met damage.
QUICK_CHECK_MAX = 64 * 1024 * 1024
#: How long opening waits for another process restoring the library.
LOCK_WAIT = 10.0


def lock_path(paths: DataPaths) -> Path:
    return paths.library_db.with_name(paths.library_db.name + ".lock")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.executescript(SCHEMA)
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
        )
    except BaseException:
        conn.close()
        raise
    return conn


def _problem(paths: DataPaths, conn: sqlite3.Connection) -> str | None:
    """What is damaged in the open library, or None."""
    mark = damage_mark(paths)
    if mark.exists():
        with contextlib.suppress(OSError):
            return mark.read_text(encoding="utf-8").strip() or "a query found it damaged"
        return "a query found it damaged"
    if paths.library_db.stat().st_size <= QUICK_CHECK_MAX:
        return quick_check(conn)
    return None


def _read_only_connection(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as error:
        conn.close()
        if is_corruption(error):
            raise
    # A WAL database in a read-only folder with no -shm file cannot be opened
    # normally; nobody can write there, so reading it as immutable is safe.
    conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return conn


def _empty_in_memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    conn.executescript(SCHEMA)
    return conn


def _from_backup_read_only(paths: DataPaths, problem: str, why: str) -> Library:
    """The newest intact backup, read-only, when the damaged file cannot be replaced."""
    good = backups.newest_good_backup(paths.backups_dir, STEM)
    if good is None:
        raise LibraryDamagedError(
            f"the library is damaged ({problem}), {why}, and there is no intact backup "
            "to show instead; your notes and excerpts are not in it"
        )
    library = Library(_read_only_connection(good.path))
    when = good.taken.strftime("%Y-%m-%d %H:%M UTC")
    library.read_only_reason = (
        f"it is damaged ({problem}) and {why}, so its backup from {when} is shown"
    )
    log.warning("%s", library.read_only_notice)
    return library


def open_read_only(paths: DataPaths, reason: str) -> Library:
    """The library as it is, read-only; imports are refused with `reason`."""
    db = paths.library_db
    try:
        problem = header_problem(db)
    except OSError as error:
        problem = f"it cannot be read: {describe_os_error(error)}"
    if problem is not None:
        return _from_backup_read_only(paths, problem, "cannot be replaced here")
    if not db.exists() or db.stat().st_size == 0:
        library = Library(_empty_in_memory())
    else:
        try:
            conn = _read_only_connection(db)
        except sqlite3.DatabaseError as error:
            if is_corruption(error):
                return _from_backup_read_only(paths, str(error), "cannot be replaced here")
            raise LibraryDamagedError(
                f"the library cannot be read ({describe_os_error(error)})"
            ) from error
        library = Library(conn)
    library.read_only_reason = reason
    log.warning("%s", library.read_only_notice)
    return library


def _shared_lock(paths: DataPaths) -> WriterLock | None:
    """A shared lock, waiting a while for another process's restore; None if it lasts."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        lock = WriterLock.try_acquire(lock_path(paths), shared=True)
        if lock is not None or time.monotonic() > deadline:
            return lock
        time.sleep(0.05)


def open_library_file(paths: DataPaths) -> Library:
    """The analyst's library file, checked, recovered if damaged, or read-only if it must be.

    Raises LibraryDamagedError only when the file is damaged and neither a
    restore nor a backup to show is possible; its message names no path.
    """
    try:
        paths.ensure()
        lock = _shared_lock(paths)
    except OSError as error:
        exists = lock_path(paths).exists() and os.access(paths.root, os.W_OK)
        what = "its lock cannot be taken" if exists else "the data folder cannot be written to"
        return open_read_only(paths, f"{what} ({describe_os_error(error)})")
    if lock is None:
        return open_read_only(
            paths, "another briefreader is restoring it from a backup; try again shortly"
        )
    try:
        return _open_writable(paths, lock)
    except BaseException:
        lock.release()
        raise


def _open_writable(paths: DataPaths, lock: WriterLock) -> Library:
    db = paths.library_db
    try:
        problem = header_problem(db)
    except OSError as error:
        lock.release()
        return open_read_only(paths, f"its file cannot be opened ({describe_os_error(error)})")
    conn = None
    if problem is None:
        try:
            conn = _connect(db)
            problem = _problem(paths, conn)
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
                conn = None
            if not is_corruption(error):
                lock.release()
                return open_read_only(
                    paths,
                    f"its file cannot be written to ({describe_os_error(error)})",
                )
            problem = str(error)
    safety = Safety(paths, lock)
    if problem is not None:
        if conn is not None:
            conn.close()
        return _recover(paths, safety, problem)
    library = Library(conn)
    _attach(library, safety)
    safety.maybe_hourly(conn)
    return library


def _attach(library: Library, safety: Safety) -> None:
    library.safety = safety
    library._lock.on_damage = safety.mark_damaged
    backups.remove_stray_temps(safety.backups_dir, STEM)
    originals.remove_stray_temps(originals_dir(safety.paths))


def _recover(paths: DataPaths, safety: Safety, problem: str) -> Library:
    """Set the damaged file aside, restore the newest intact backup, replay the originals."""
    if not safety.lock.upgrade():
        safety.release()
        return _from_backup_read_only(
            paths, problem, "another briefreader has it open (close it to restore the backup)"
        )
    try:
        moved = set_aside(paths.library_db)
    except OSError as error:
        safety.release()
        return _from_backup_read_only(
            paths, problem, f"could not be set aside ({describe_os_error(error)})"
        )
    with contextlib.suppress(OSError):
        damage_mark(paths).unlink(missing_ok=True)
    aside = moved[0].name if moved else "nothing"
    good = backups.newest_good_backup(paths.backups_dir, STEM)
    try:
        if good is not None:
            backups.restore_file(good.path, paths.library_db)
        library = Library(_connect(paths.library_db))
    except (OSError, sqlite3.Error) as error:
        _put_back(paths.library_db, moved)  # as it was: the next start tries again
        safety.release()
        raise LibraryDamagedError(
            f"the library is damaged ({problem}) and no backup could be put in its place "
            f"({describe_os_error(error)}); it was left as it was"
        ) from error
    _attach(library, safety)
    missing = originals.missing_from(library._db, originals_dir(paths))
    report = library.replay(missing)
    safety.lock.downgrade()
    rebuilt = len(missing) - len(report.skipped)
    since = (
        f"its newest intact backup, from {good.taken.strftime('%Y-%m-%d %H:%M UTC')}, was restored"
        if good is not None
        else "no intact backup was found, so it was started afresh"
    )
    lost = f" ({len(report.skipped)} could not be read back)" if report.skipped else ""
    after = " after it" if good is not None else ""
    replayed = (
        f"{rebuilt} file(s) imported{after} were imported again from their kept originals"
        if missing
        else f"nothing had been imported{after}"
    )
    library.recovery = (
        f"The library was damaged ({problem}). It was set aside as {aside}; {since}, and "
        f"{replayed}{lost}. Your notes and excerpts were not affected."
    )
    log.warning("%s", library.recovery)
    with contextlib.suppress(BackupError):
        safety.backup(library._db, "restore")
    return library


def _put_back(db: Path, moved: tuple[Path, ...]) -> None:
    """Undo a set-aside whose replacement failed (renames need no free space)."""
    for suffix in ("-wal", "-shm", ""):
        with contextlib.suppress(OSError):
            db.with_name(db.name + suffix).unlink(missing_ok=True)
    for aside in moved:
        suffix = next((s for s in ("-wal", "-shm") if aside.name.endswith(s)), "")
        with contextlib.suppress(OSError):
            aside.replace(db.with_name(db.name + suffix))
