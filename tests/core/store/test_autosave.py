"""Autosave: due after the delay, flushed on navigation, never dropped."""

from __future__ import annotations

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store
from briefreader.store.autosave import RETRY_DELAY, Autosaver


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_saved_once_the_edit_rests(store: Store) -> None:
    clock = Clock()
    saver = Autosaver(store.notes, delay=0.75, clock=clock)
    target = NoteTarget.document("doc-a")
    saver.edited(target, "I")
    clock.now += 0.5
    saver.edited(target, "In")
    assert saver.seconds_until_due() == 0.75
    clock.now += 0.5
    assert saver.tick() == []  # still typing: not due yet
    clock.now += 0.3
    [result] = saver.tick()
    assert result.saved and store.notes.get(target).text == "In"
    assert saver.pending() == {} and saver.seconds_until_due() is None


def test_switching_documents_never_drops_the_edit(store: Store) -> None:
    """The Zotero bug: navigate away before the timer fires. Here flush saves it."""
    clock = Clock()
    saver = Autosaver(store.notes, clock=clock)
    first, second = NoteTarget.document("doc-a"), NoteTarget.document("doc-b")
    saver.edited(first, "typed just before switching")
    saver.flush()  # the panel's document switch
    saver.edited(second, "and on the next one")
    clock.now += 10
    saver.tick()
    assert store.notes.get(first).text == "typed just before switching"
    assert store.notes.get(second).text == "and on the next one"


@pytest.mark.backends("sqlite")  # a second instance of the SQLite file
def test_a_failed_save_is_kept_and_retried(data_paths: DataPaths) -> None:
    clock = Clock()
    writer = Store.open(data_paths)
    reader = Store.open(data_paths, if_locked="read_only")
    try:
        saver = Autosaver(reader.notes, clock=clock)
        target = NoteTarget.memo()
        saver.edited(target, "important")
        [result] = saver.flush()
        assert not result.saved and "read-only" in saver.failures[target]
        assert saver.pending() == {target: "important"}
        assert saver.seconds_until_due() == RETRY_DELAY
        clock.now += RETRY_DELAY
        assert not saver.tick()[0].saved
        assert saver.pending() == {target: "important"}  # still kept
    finally:
        reader.close()
        writer.close()
    with Store.open(data_paths) as store:  # the writer is gone: now it saves
        saver = Autosaver(store.notes, clock=clock)
        saver.edited(NoteTarget.memo(), "important")
        assert saver.flush()[0].saved and not saver.failures
        assert store.notes.memo().text == "important"
