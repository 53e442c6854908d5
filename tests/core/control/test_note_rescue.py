"""Unsaved note edits are written to the first place that takes them when the app quits."""

from __future__ import annotations

from pathlib import Path

from briefreader.control.note_rescue import (
    place_in_words,
    rescue_message,
    rescue_notes,
    rescue_places,
    rescue_text,
    target_namer,
)
from briefreader.store import NoteTarget


def test_rescue_writes_to_the_first_writable_place(tmp_path) -> None:
    unsaved = {NoteTarget.document("d1"): "keep me\n", NoteTarget.memo(): "memo text"}
    missing = tmp_path / "no-such-folder"
    taker = tmp_path / "ok"
    taker.mkdir()
    path = rescue_notes(unsaved, [missing, taker], lambda t: {"d1": "Kabul attack"}.get(t.id, ""))
    assert path is not None and path.parent == taker
    text = path.read_text(encoding="utf-8")
    assert "## Note on “Kabul attack”\n\nkeep me\n" in text
    assert "d1" not in text  # the internal id is not shown
    assert "## The memo\n\nmemo text" in text
    assert rescue_notes({}, [taker]) is None
    assert rescue_notes(unsaved, [missing]) is None  # nowhere to write: the caller says so
    assert rescue_places(tmp_path)[0] == tmp_path
    gone = rescue_text({NoteTarget.excerpt(3): "x", NoteTarget.briefing(7): "y"}, lambda _t: "")
    assert "## Note on a deleted excerpt" in gone and "## Note on a deleted briefing" in gone
    assert "3" not in gone.split("UTC", 1)[1] and "7" not in gone.split("UTC", 1)[1]


def test_the_message_names_the_place_in_words_never_a_path(tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = rescue_notes({NoteTarget.memo(): "m"}, [data])
    assert path is not None
    said = rescue_message(1, path, data, "the disk is full")
    assert said.startswith(
        "1 note edit(s) could not be saved to the work database (the disk is full)"
    )
    assert path.name in said and "briefreader data folder" in said
    assert str(tmp_path) not in said and "/" not in said
    home = place_in_words(Path.home() / "x.md", data)
    assert home == "x.md in your home folder"
    assert "Copy them from below" in rescue_message(2, None, data, None)


def test_target_names_come_from_the_store(data_paths) -> None:
    from briefreader.store.store import Store

    store = Store.open(data_paths)
    body = (
        "ISKP claimed the attack on the bridge near Jalalabad on Tuesday evening, officials said."
    )
    excerpt = store.excerpts.capture("d1", body, 0, len(body)).excerpt
    name_of = target_namer(store, {"d1": "Kabul attack"}.get)
    assert name_of(NoteTarget.document("d1")) == "Kabul attack"
    assert (
        name_of(NoteTarget.excerpt(excerpt.id))
        == "excerpt “ISKP claimed the attack on the bridge near…”"
    )
    assert name_of(NoteTarget.excerpt(excerpt.id + 99)) == ""
    assert name_of(NoteTarget.briefing(5)) == ""
    assert target_namer(None, lambda _d: "")(NoteTarget.excerpt(1)) == ""
    store.close()
