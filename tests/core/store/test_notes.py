"""Notes: attach, save idempotently, delete by clearing, list for search."""

from __future__ import annotations

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, NotFoundError, Store


def test_note_on_each_kind_of_target(store: Store) -> None:
    excerpt = store.excerpts.capture("doc-a", "some quoted text", 0, 4).excerpt
    briefing = store.briefings.create("weekly").briefing
    targets = [
        NoteTarget.document("doc-a"),
        NoteTarget.excerpt(excerpt.id),
        NoteTarget.briefing(briefing.id),
        NoteTarget.memo(),
    ]
    for n, target in enumerate(targets):
        result = store.save_note(target, f"note {n}")
        assert result.saved and result.note is not None
        assert result.note.target == target
        assert result.changes.notes == {result.note.id}
    assert [store.notes.get(t).text for t in targets] == ["note 0", "note 1", "note 2", "note 3"]
    assert store.notes.memo().text == "note 3"
    assert {n.target.kind for n in store.iter_notes()} == {
        "document",
        "excerpt",
        "briefing",
        "memo",
    }
    assert [n.text for n in store.notes.all("document")] == ["note 0"]


def test_note_on_a_missing_excerpt_or_briefing_is_refused(store: Store) -> None:
    for target in (NoteTarget.excerpt(99), NoteTarget.briefing(99), NoteTarget("excerpt", "x")):
        with pytest.raises(NotFoundError):
            store.save_note(target, "text")
    assert store.notes.pending() == {} and store.notes.all() == []


def test_save_is_idempotent_and_keeps_created(store: Store) -> None:
    target = NoteTarget.document("doc-a")
    first = store.save_note(target, "# Heading\n\nSome *markdown*.")
    again = store.save_note(target, "# Heading\n\nSome *markdown*.")
    assert again.saved and not again.changes
    assert again.note == first.note
    edited = store.save_note(target, "# Heading\n\nMore.")
    assert edited.note.id == first.note.id
    assert edited.note.created == first.note.created
    assert edited.note.updated >= first.note.updated
    assert edited.note.format == "markdown"


def test_plain_format_is_kept_until_changed(store: Store) -> None:
    target = NoteTarget.memo()
    store.save_note(target, "plain words", format="plain")
    assert store.save_note(target, "more plain words").note.format == "plain"
    assert store.save_note(target, "now *md*", format="markdown").note.format == "markdown"


def test_clearing_a_note_deletes_it(store: Store) -> None:
    target = NoteTarget.document("doc-a")
    saved = store.save_note(target, "text")
    cleared = store.save_note(target, "  \n ")
    assert cleared.saved and cleared.note is None
    assert cleared.changes.notes == {saved.note.id}
    assert store.notes.get(target) is None
    assert not store.save_note(target, "").changes  # nothing to delete: no change


def test_notes_persist_across_reopen(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as first:
        first.save_note(NoteTarget.document("doc-a"), "Кириллица, “curly” — dashes, é")
    with Store.open(data_paths) as second:
        note = second.notes.get(NoteTarget.document("doc-a"))
        assert note.text == "Кириллица, “curly” — dashes, é"
        assert second.notes.by_id(note.id) == note


@pytest.mark.backends("sqlite")  # a second instance of the SQLite file
def test_failed_save_keeps_text_pending_and_flush_retries(data_paths: DataPaths) -> None:
    writer = Store.open(data_paths)
    reader = Store.open(data_paths, if_locked="read_only")
    try:
        target = NoteTarget.document("doc-a")
        result = reader.save_note(target, "typed while read-only")
        assert not result.saved and "kept in memory" in result.error
        assert reader.notes.pending() == {target: "typed while read-only"}
        assert writer.notes.get(target) is None
        assert not reader.notes.flush()[0].saved  # still read-only
        assert reader.notes.pending() == {target: "typed while read-only"}
    finally:
        reader.close()
        writer.close()


def test_saves_from_several_threads_all_land(store: Store) -> None:
    """The GUI saves on the UI thread while workers capture; one connection, serialised."""
    from concurrent.futures import ThreadPoolExecutor

    def work(worker: int) -> None:
        for n in range(40):
            assert store.save_note(NoteTarget.document(f"w{worker}-{n}"), f"text {n}").saved
            store.reading.set_position(f"w{worker}", n)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(work, range(4)))
    assert len(store.notes.all()) == 160
    assert {store.reading.get(f"w{w}").position for w in range(4)} == {39}
    for _ in range(160):
        store.undo()
    assert store.notes.all() == []
