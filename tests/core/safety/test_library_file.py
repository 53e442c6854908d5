"""The library file held to the work store's standard: backups, damage, recovery, rebuild.

Real files throughout: libraries cut short on disk, pages overwritten with
garbage, locks held through a second open file. The read-only folder and the
full disk, which need a mount, are in test_library_faults.py.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from briefreader.control.startup import open_work_then_library
from briefreader.corpus import library_file, originals
from briefreader.corpus.errors import LibraryDamagedError, LibraryReadOnlyError
from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.sqlfile import backups
from briefreader.sqlfile.checks import header_problem
from briefreader.sqlfile.lock import WriterLock
from briefreader.store import NoteTarget, Store
from tests.core.safety.reports import write_reports


def library_backups(paths: DataPaths) -> list[backups.BackupInfo]:
    return backups.list_backups(paths.backups_dir, "library")


def ids(paths: DataPaths) -> list[str]:
    with open_library(paths, seed=False) as library:
        return [d.id for d in library.documents()]


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def two_imports(data_paths: DataPaths, tmp_path: Path) -> tuple[list[str], list[str]]:
    """Import 6 reports, reopen (the hourly backup), import 4 more; the ids before and after."""
    with open_library(data_paths, seed=False) as library:
        library.import_paths([tmp_path / "first"])
        first = [d.id for d in library.documents()]
    ids(data_paths)  # an open after an import: the library changed, so a backup is taken
    with open_library(data_paths, seed=False) as library:
        library.import_paths([tmp_path / "second"])
        both = [d.id for d in library.documents()]
    return first, both


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    write_reports(tmp_path / "first", 6, seed=1)
    write_reports(tmp_path / "second", 4, seed=2, start=6)
    return tmp_path


def test_a_cut_in_half_library_is_set_aside_restored_and_rebuilt(
    data_paths: DataPaths, sources: Path
) -> None:
    first, both = two_imports(data_paths, sources)
    assert len(first) == 6 and len(both) == 10
    newest = library_backups(data_paths)[0]
    with sqlite3.connect(newest.path) as conn:  # the backup predates the second import
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 6
    cut_in_half(data_paths.library_db)
    before = data_paths.library_db.stat().st_size

    with open_library(data_paths, seed=False) as library:
        assert library.recovery is not None
        assert "set aside as library.sqlite3.corrupt-" in library.recovery
        assert "4 file(s) imported after it were imported again" in library.recovery
        assert str(data_paths.root) not in library.recovery
        assert [d.id for d in library.documents()] == both  # same ids, same order
        assert library.read_only_reason is None
    aside = list(data_paths.root.glob("library.sqlite3.corrupt-*"))
    assert len(aside) == 1 and aside[0].stat().st_size == before  # kept whole, never deleted
    assert backups.is_intact(data_paths.library_db)
    with open_library(data_paths, seed=False) as library:
        assert library.recovery is None  # once restored, it opens cleanly


def test_without_any_backup_the_library_is_rebuilt_from_its_originals(
    data_paths: DataPaths, sources: Path
) -> None:
    _first, both = two_imports(data_paths, sources)
    # The first import's originals went when a backup came to hold them; with every
    # backup gone too, what the kept originals hold is what can come back, in order.
    for info in library_backups(data_paths):
        info.path.unlink()
    kept = {o.path for o in originals.kept(library_file.originals_dir(data_paths))}
    cut_in_half(data_paths.library_db)
    with open_library(data_paths, seed=False) as library:
        assert library.recovery is not None and "no intact backup" in library.recovery
        back = [d.id for d in library.documents()]
    assert len(kept) == 4
    assert back == both[6:]


def test_damage_met_by_a_query_marks_the_file_and_the_next_open_restores_it(
    data_paths: DataPaths, sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _first, both = two_imports(data_paths, sources)
    # A large library is not quick-checked at every open: only the header is read.
    monkeypatch.setattr(library_file, "QUICK_CHECK_MAX", 0)
    with sqlite3.connect(data_paths.library_db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'documents'"
        ).fetchone()
    with data_paths.library_db.open("r+b") as handle:  # garbage over the documents' root
        handle.seek((root - 1) * page_size)
        handle.write(os.urandom(page_size))
    assert header_problem(data_paths.library_db) is None  # the cheap check cannot see it
    library = open_library(data_paths, seed=False)
    try:
        assert library.recovery is None
        with pytest.raises(LibraryDamagedError, match="the library is damaged"):
            library.documents()
    finally:
        library.close()
    assert library_file.damage_mark(data_paths).exists()
    with open_library(data_paths, seed=False) as library:
        assert library.recovery is not None
        assert [d.id for d in library.documents()] == both
    assert not library_file.damage_mark(data_paths).exists()


def test_a_backup_is_taken_before_an_import_and_only_when_something_changed(
    data_paths: DataPaths, sources: Path
) -> None:
    with open_library(data_paths, seed=False) as library:
        library.import_paths([sources / "first"])
        assert library_backups(data_paths) == []  # an empty library needs no backup
        library.import_paths([sources / "second"])
        taken = library_backups(data_paths)
        assert [b.reason for b in taken] == ["import"]
        assert backups.is_intact(taken[0].path)
        library.import_paths([sources / "second"])  # changed since: a second copy
        assert len(library_backups(data_paths)) == 2
        library.import_paths([sources / "second"])  # nothing changed since: no new copy
        assert len(library_backups(data_paths)) == 2
    with sqlite3.connect(taken[0].path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 6
    # The backup holds the first import, so its originals are no longer needed.
    kept = list(originals.kept(library_file.originals_dir(data_paths)))
    assert len(kept) == 4


def test_a_failing_backup_does_not_stop_the_import_and_is_reported(
    data_paths: DataPaths, sources: Path
) -> None:
    with open_library(data_paths, seed=False) as library:
        library.import_paths([sources / "first"])
    data_paths.backups_dir.rmdir() if data_paths.backups_dir.exists() else None
    data_paths.backups_dir.write_text("not a folder")  # mkdir fails, as on a broken disk
    with open_library(data_paths, seed=False) as library:
        assert library.backup_error and "could not write a backup" in library.backup_error
        report = library.import_paths([sources / "second"])
        assert len(report.added) == 4
        assert str(data_paths.root) not in library.backup_error


def test_a_damaged_library_another_process_holds_is_shown_from_its_backup(
    data_paths: DataPaths, sources: Path
) -> None:
    first, _both = two_imports(data_paths, sources)
    cut_in_half(data_paths.library_db)
    other = WriterLock.try_acquire(library_file.lock_path(data_paths), shared=True)
    assert other is not None  # another window's shared lock: no restore under it
    try:
        with open_library(data_paths, seed=False) as library:
            assert library.read_only_reason is not None
            assert "another briefreader has it open" in library.read_only_reason
            assert [d.id for d in library.documents()] == first  # the backup's documents
            with pytest.raises(LibraryReadOnlyError, match="nothing was imported"):
                library.import_paths([sources / "first"])
    finally:
        other.release()
    assert not list(data_paths.root.glob("library.sqlite3.corrupt-*"))  # left for later


def test_the_length_check_trusts_a_write_ahead_log(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.executemany("INSERT INTO t VALUES (?)", [(os.urandom(3000),) for _ in range(50)])
    conn.commit()
    conn.close()
    assert header_problem(db) is None
    cut_in_half(db)
    assert header_problem(db) is not None and "cut short" in header_problem(db)
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"\0" * 32)  # pages the file lacks may be in the log (a full disk
    assert header_problem(db) is None  # cut a checkpoint off): quick_check decides then


def test_start_up_opens_the_work_store_even_when_the_library_cannot_open(
    data_paths: DataPaths, sources: Path
) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "the day's work")
    with open_library(data_paths, seed=False) as library:
        library.import_paths([sources / "first"])
    cut_in_half(data_paths.library_db)  # damaged, no backup yet, and held elsewhere:
    other = WriterLock.try_acquire(library_file.lock_path(data_paths), shared=True)
    try:
        started = open_work_then_library(data_paths)
    finally:
        other.release()
    try:
        assert started.store is not None and started.store_error is None
        assert started.store.notes.memo().text == "the day's work"
        assert started.library_error is not None
        assert "no intact backup" in started.library_error
        assert started.snapshot.documents == ()
    finally:
        started.store.close()
