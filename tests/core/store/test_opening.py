"""Opening the work database: pragmas, one writer, migrations with backups, recovery."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from briefreader.paths import DataPaths
from briefreader.sqlfile import backups
from briefreader.store import (
    NoteTarget,
    Store,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreReadOnlyError,
    StoreVersionError,
    db,
)
from briefreader.store.migrations import MIGRATIONS, Migration

# The SQLite file's own machinery: lock, pragmas, backups, recovery, disk faults.
pytestmark = pytest.mark.backends("sqlite")


def test_pragmas_and_schema(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        conn = store._db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
    assert data_paths.work_db.stat().st_mode & 0o077 == 0  # private to the analyst


def test_second_writer_is_refused_or_read_only(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as first:
        first.save_note(NoteTarget.memo(), "mine")
        with pytest.raises(StoreBusyError, match="already using"):
            Store.open(data_paths)
        with Store.open(data_paths, if_locked="read_only") as second:
            assert second.read_only and "already using" in second.read_only_reason
            assert str(data_paths.root) not in second.read_only_reason  # no local path
            assert second.notes.memo().text == "mine"  # it can read
            with pytest.raises(StoreReadOnlyError):
                second.excerpts.capture("d", "some text here", 0, 4)
            assert not second.save_note(NoteTarget.memo(), "theirs").saved
        assert first.notes.memo().text == "mine"
    with Store.open(data_paths) as again:  # the lock went with the first store
        assert not again.read_only


def test_read_only_open_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    paths = DataPaths.at(tmp_path / "nowhere")
    with Store.open(paths, read_only=True) as store:
        assert store.notes.all() == [] and store.excerpts.list() == []
    assert not paths.root.exists()


def test_newer_schema_is_refused_untouched(data_paths: DataPaths) -> None:
    Store.open(data_paths).close()
    conn = sqlite3.connect(data_paths.work_db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = data_paths.work_db.read_bytes()
    with pytest.raises(StoreVersionError, match="newer briefreader"):
        Store.open(data_paths)
    assert data_paths.work_db.read_bytes() == before


def test_migration_takes_a_verified_backup_first(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "precious")
    for info in backups.list_backups(data_paths.backups_dir):
        info.path.unlink()
    latest = MIGRATIONS[-1].version
    v2 = Migration(
        latest + 1, "test: a new column", "ALTER TABLE notes ADD COLUMN pinned INTEGER DEFAULT 0;"
    )
    with Store.open(data_paths, migrations=(*MIGRATIONS, v2)) as store:
        assert store._db.conn.execute("PRAGMA user_version").fetchone()[0] == latest + 1
        assert store.notes.memo().text == "precious"
    taken = [b for b in backups.list_backups(data_paths.backups_dir) if b.reason == "migration"]
    assert len(taken) == 1 and backups.is_intact(taken[0].path)
    old = sqlite3.connect(taken[0].path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == latest
    assert old.execute("SELECT text FROM notes").fetchall() == [("precious",)]
    old.close()


def test_failed_migration_changes_nothing(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "precious")
    latest = MIGRATIONS[-1].version
    bad = Migration(
        latest + 1, "test: broken", "CREATE TABLE extra (x); INSERT INTO nowhere VALUES (1);"
    )
    with pytest.raises(StoreError, match="left as it was"):
        Store.open(data_paths, migrations=(*MIGRATIONS, bad))
    with Store.open(data_paths) as store:
        conn = store._db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest
        assert (
            conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None
        )
        assert store.notes.memo().text == "precious"


def test_backups_are_verified_rotated_and_hourly(data_paths: DataPaths, monkeypatch) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "v1")
        first = backups.list_backups(data_paths.backups_dir)
        assert len(first) == 1 and first[0].reason == "hourly"  # nothing recent: one now
        store.save_note(NoteTarget.memo(), "v2")
        assert len(backups.list_backups(data_paths.backups_dir)) == 1  # not again within the hour
        store._db.last_backup = time.time() - db.BACKUP_INTERVAL - 1
        store.save_note(NoteTarget.memo(), "v3")
        assert len(backups.list_backups(data_paths.backups_dir)) == 2
        for _ in range(backups.KEEP["manual"] + 3):
            assert store.backup_now() is not None
    manual = [b for b in backups.list_backups(data_paths.backups_dir) if b.reason == "manual"]
    assert len(manual) == backups.KEEP["manual"]
    assert all(backups.is_intact(b.path) for b in backups.list_backups(data_paths.backups_dir))
    assert not list(data_paths.backups_dir.glob("*.tmp"))
    assert not list(data_paths.backups_dir.glob("*-wal"))  # plain files, no WAL beside them


def _corrupt(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "header":
        data[:100] = b"\x00" * 100
    else:  # scribble over every page after the first
        for offset in range(4096, len(data), 4096):
            data[offset + 20 : offset + 400] = b"\xff" * 380
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["header", "pages"])
def test_corrupt_database_is_set_aside_and_newest_good_backup_restored(
    data_paths: DataPaths, how: str
) -> None:
    with Store.open(data_paths) as store:
        for n in range(30):
            store.save_note(NoteTarget.document(f"doc-{n}"), f"note {n} " * 50)
        store.backup_now()
        store.save_note(NoteTarget.memo(), "written after the backup")
    newest = backups.list_backups(data_paths.backups_dir)[0]
    _corrupt(data_paths.work_db, how)
    with Store.open(data_paths) as store:
        assert store.recovery is not None
        assert "damaged" in store.recovery.message and "restored" in store.recovery.message
        assert store.recovery.restored_from == newest.path
        assert store.notes.get(NoteTarget.document("doc-29")).text.startswith("note 29")
        assert store.notes.memo() is None  # the message said later changes are missing
        assert store.save_note(NoteTarget.memo(), "life goes on").saved
    set_aside = list(data_paths.root.glob("work.sqlite3.corrupt-*"))
    # The damaged file itself; SQLite may have made an (empty) WAL beside it on opening.
    (damaged,) = [p for p in set_aside if not p.name.endswith(("-wal", "-shm"))]
    assert damaged.stat().st_size > 0
    with Store.open(data_paths) as store:
        assert store.recovery is None


def test_damaged_backups_are_skipped(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "old but good")
        good = store.backup_now()
        store.save_note(NoteTarget.memo(), "newer")
        bad = store.backup_now()
    _corrupt(bad.path, "header")
    _corrupt(data_paths.work_db, "header")
    with Store.open(data_paths) as store:
        assert store.recovery.restored_from == good.path
        assert store.notes.memo().text == "old but good"


def test_corrupt_without_backups_starts_empty_and_says_so(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "lost")
    for info in backups.list_backups(data_paths.backups_dir):
        info.path.unlink()
    _corrupt(data_paths.work_db, "header")
    with Store.open(data_paths) as store:
        assert "no intact backup" in store.recovery.message
        assert store.notes.all() == []


def test_read_only_open_of_a_corrupt_database_refuses(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "x")
    _corrupt(data_paths.work_db, "header")
    with pytest.raises(StoreCorruptError, match="damaged"):
        Store.open(data_paths, read_only=True)


def test_an_unopenable_file_is_not_mistaken_for_damage(data_paths: DataPaths) -> None:
    """Only real corruption sets the database aside; other errors leave it be."""
    data_paths.work_db.mkdir()  # not a file at all: SQLite cannot open it
    with pytest.raises(StoreError):
        Store.open(data_paths)
    assert data_paths.work_db.is_dir()
    assert not list(data_paths.root.glob("work.sqlite3.corrupt-*"))


def test_a_backup_cut_short_by_a_crash_is_cleaned_up(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "x")
    stray = data_paths.backups_dir / ".work-20240101T000000.000000Z-hourly.sqlite3.tmp"
    stray.write_bytes(b"half a database")
    with Store.open(data_paths):
        assert not stray.exists()
    assert all(backups.is_intact(b.path) for b in backups.list_backups(data_paths.backups_dir))
