"""The notes panel by keys: autosave within a second, flushes, failures, undo, start-up news."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefreader.store import NoteTarget, Store
from tests.ui.conftest import SAMPLE_DOCS, press


@pytest.fixture
def store(data_paths):
    opened = Store.open(data_paths)
    yield opened
    opened.close()


@pytest.fixture
def win(window, store):
    window.attach_store(store)
    return window


def doc_note(store, doc) -> str | None:
    note = store.notes.get(NoteTarget.document(doc.id))
    return note.text if note else None


def in_box(box) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is box or box.isAncestorOf(focused))


def test_typing_a_note_saves_within_a_second(qtbot, win, store) -> None:
    press(qtbot, "5")
    editor = win.notes.editor
    assert QApplication.focusWidget() is editor
    assert win.mode() == "insert"
    started = time.monotonic()
    qtbot.keyClicks(editor, "Check the ISKP claim")
    qtbot.waitUntil(lambda: doc_note(store, SAMPLE_DOCS[0]) == "Check the ISKP claim", timeout=2000)
    assert time.monotonic() - started < 1.5
    assert win.notes.state.text().startswith("saved ")


def test_continuous_typing_is_saved_while_it_goes_on(qtbot, win, store) -> None:
    """A debounce alone would wait for a pause: an edit older than 1 s is saved anyway."""
    press(qtbot, "5")
    editor = win.notes.editor
    started = time.monotonic()
    saved_while_typing = False
    while time.monotonic() - started < 2.0:
        qtbot.keyClicks(editor, "a")
        qtbot.wait(100)
        saved_while_typing = saved_while_typing or bool(doc_note(store, SAMPLE_DOCS[0]))
    assert saved_while_typing


def test_leaving_the_editor_and_switching_documents_flush_at_once(qtbot, win, store) -> None:
    press(qtbot, "5")
    qtbot.keyClicks(win.notes.editor, "first thoughts")
    press(qtbot, "Escape")  # focus goes back to the reader: flushed, no wait
    assert QApplication.focusWidget() is win.reader
    assert doc_note(store, SAMPLE_DOCS[0]) == "first thoughts"
    press(qtbot, "5")
    qtbot.keyClicks(win.notes.editor, ", more")
    win.open_document(SAMPLE_DOCS[1].id)  # a switch while the editor still has focus
    assert doc_note(store, SAMPLE_DOCS[0]) == "first thoughts, more"
    assert win.notes.editor.toPlainText() == ""
    assert SAMPLE_DOCS[1].title in win.notes.title.text()
    press(qtbot, "Escape")
    press(qtbot, "K")
    assert win.notes.editor.toPlainText() == "first thoughts, more"


def test_the_memo_and_quitting(qtbot, win, store) -> None:
    press(qtbot, "M")
    assert QApplication.focusWidget() is win.notes.memo
    qtbot.keyClicks(win.notes.memo, "call the desk on Monday")
    win.notes_work.close()  # what the window does on quit, before the store closes
    assert store.notes.memo().text == "call the desk on Monday"


def test_undo_and_redo_a_note_from_outside_the_editor(qtbot, win, store) -> None:
    press(qtbot, "5")
    qtbot.keyClicks(win.notes.editor, "draft")
    press(qtbot, "Escape")
    assert doc_note(store, SAMPLE_DOCS[0]) == "draft"
    press(qtbot, "Ctrl+Z")
    assert doc_note(store, SAMPLE_DOCS[0]) is None
    assert win.notes.editor.toPlainText() == ""
    assert "undone: edit note" in win.statusBar().currentMessage()
    press(qtbot, "Ctrl+Shift+Z")
    assert doc_note(store, SAMPLE_DOCS[0]) == "draft"
    assert win.notes.editor.toPlainText() == "draft"


def test_ctrl_z_in_the_editor_is_the_editors_own_undo(qtbot, win, store) -> None:
    press(qtbot, "x")  # an excerpt: the store's last action
    assert len(store.excerpts.list()) == 1
    press(qtbot, "5")
    qtbot.keyClicks(win.notes.editor, "abc")
    press(qtbot, "Ctrl+Z")
    assert win.notes.editor.toPlainText() != "abc"  # characters undone in the editor
    assert len(store.excerpts.list()) == 1  # the excerpt is still there


def test_a_read_only_store_says_so_and_keeps_the_text(qtbot, window, store, data_paths) -> None:
    second = Store.open(data_paths, if_locked="read_only")
    try:
        window.attach_store(second)
        box = window.notes_work.dialog
        assert isinstance(box, QMessageBox)
        qtbot.waitUntil(box.isVisible)
        assert "read" in box.text()
        qtbot.waitUntil(lambda: in_box(box))
        press(qtbot, "Escape")  # dismissed from the keyboard
        qtbot.waitUntil(lambda: not box.isVisible())
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        press(qtbot, "5")
        qtbot.keyClicks(window.notes.editor, "cannot be saved here")
        press(qtbot, "Escape")
        assert "note not saved" in window.statusBar().currentMessage()
        assert window.notes.state.text().startswith("NOT SAVED")
        press(qtbot, "5")
        assert window.notes.editor.toPlainText() == "cannot be saved here"
        assert window.notes.unsaved() == {
            NoteTarget.document(SAMPLE_DOCS[0].id): "cannot be saved here"
        }
        press(qtbot, "Escape")
        press(qtbot, "x")
        assert "could not capture" in window.statusBar().currentMessage()
        seen = []

        def answer() -> None:  # the quit warning is modal: answer it from the keyboard
            box = window.notes_work.dialog
            seen.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Return)

        QTimer.singleShot(200, answer)
        window.close()
        assert seen and "written to" in seen[0]
        (rescued,) = data_paths.root.glob("briefreader-unsaved-notes-*.md")
        assert "cannot be saved here" in rescued.read_text(encoding="utf-8")
        assert SAMPLE_DOCS[0].title in rescued.read_text(encoding="utf-8")
    finally:
        second.close()
    assert store.notes.get(NoteTarget.document(SAMPLE_DOCS[0].id)) is None


def test_a_restored_database_is_announced(qtbot, window, data_paths) -> None:
    with Store.open(data_paths) as first:
        first.save_note(NoteTarget.memo(), "kept in the backup")
        first.backup_now()
    data = bytearray(data_paths.work_db.read_bytes())
    data[:100] = b"\x00" * 100
    data_paths.work_db.write_bytes(bytes(data))
    restored = Store.open(data_paths)
    try:
        assert restored.recovery is not None
        window.attach_store(restored)
        box = window.notes_work.dialog
        assert isinstance(box, QMessageBox) and "damaged" in box.text()
        qtbot.waitUntil(box.isVisible)
        assert window.notes.memo.toPlainText() == "kept in the backup"
        qtbot.waitUntil(lambda: in_box(box))
        press(qtbot, "Return")
        qtbot.waitUntil(lambda: not box.isVisible())
    finally:
        window.session.close()
