"""Start-up opens the notes before the library; the status bar shows the last backup."""

from __future__ import annotations

from dataclasses import replace

from briefreader.corpus import library_file
from briefreader.corpus.library import open_library
from briefreader.sqlfile.lock import WriterLock
from briefreader.store import NoteTarget, Store
from briefreader.ui.launch import start_loading
from briefreader.ui.window import MainWindow
from tests.core.safety.reports import write_reports
from tests.ui.conftest import sample_snapshot


def test_notes_show_when_the_library_cannot_open(qtbot, data_paths, tmp_path) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "intact notes")
    write_reports(tmp_path / "reports", 3, seed=21)
    with open_library(data_paths, seed=False) as library:
        library.import_paths([tmp_path / "reports"])
    data = data_paths.library_db.read_bytes()
    data_paths.library_db.write_bytes(data[: len(data) // 2])  # damaged, no backup,
    held = WriterLock.try_acquire(library_file.lock_path(data_paths), shared=True)  # held
    win = MainWindow(data_paths)
    qtbot.addWidget(win)
    try:
        start_loading(win, data_paths)
        qtbot.waitUntil(lambda: win.session.store is not None, timeout=30000)
        qtbot.waitUntil(
            lambda: "the library could not be opened" in win.statusBar().currentMessage(),
            timeout=30000,
        )
    finally:
        held.release()
    assert win.session.store.notes.memo().text == "intact notes"
    assert win.notes_work.actions.store is win.session.store  # the notes panel has it
    assert win.status_line.backup_label.text().startswith("backup ")  # the store's hourly copy
    win.close()


def test_the_backup_indicator_shows_a_failure(qtbot, data_paths) -> None:
    win = MainWindow(data_paths)
    qtbot.addWidget(win)
    assert win.status_line.backup_label.text() == "no backup yet"
    failed = "could not write a backup of library.sqlite3 (the disk is full)"
    win.apply_snapshot(replace(sample_snapshot(), backup_error=failed))
    assert win.status_line.backup_label.text() == f"⚠ backup failed: {failed}"
    win.apply_snapshot(sample_snapshot())
    assert win.status_line.backup_label.text() == "no backup yet"
