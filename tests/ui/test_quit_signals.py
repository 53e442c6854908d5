"""SIGTERM and SIGHUP close the window as quitting does: the last second of typing is saved."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from briefreader.store import NoteTarget, Store
from briefreader.ui.common.quit_signals import QUIT_SIGNALS, QuitOnSignal
from tests.ui.conftest import SAMPLE_DOCS, press


@pytest.mark.parametrize("number", QUIT_SIGNALS, ids=lambda n: n.name)
def test_the_signal_runs_quit_on_the_gui_thread(qtbot, number: signal.Signals) -> None:
    called: list[threading.Thread] = []
    guard = QuitOnSignal(lambda: called.append(threading.current_thread()))
    try:
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: bool(called), timeout=5000)
        os.kill(os.getpid(), number)  # a second one while quitting changes nothing
        qtbot.wait(50)
    finally:
        guard.uninstall()
    assert called == [threading.main_thread()]
    assert signal.getsignal(number) is not None


@pytest.mark.parametrize("number", QUIT_SIGNALS, ids=lambda n: n.name)
def test_a_signal_while_typing_saves_the_note(qtbot, window, data_paths, number) -> None:
    store = Store.open(data_paths)
    window.attach_store(store)
    press(qtbot, "5")
    qtbot.keyClicks(window.notes.editor, "the last second of typing")
    guard = QuitOnSignal(window.close)
    try:
        os.kill(os.getpid(), number)  # well before the autosave's 0.75 s
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    finally:
        guard.uninstall()
        store.close()
    with Store.open(data_paths, read_only=True) as reopened:
        note = reopened.notes.get(NoteTarget.document(SAMPLE_DOCS[0].id))
    assert note is not None and note.text == "the last second of typing"
