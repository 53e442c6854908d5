"""Unsaved note edits are written to the first place that takes them when the app quits."""

from __future__ import annotations

from briefreader.control.note_rescue import rescue_notes, rescue_places, rescue_text
from briefreader.store import NoteTarget


def test_rescue_writes_to_the_first_writable_place(tmp_path) -> None:
    unsaved = {NoteTarget.document("d1"): "keep me\n", NoteTarget.memo(): "memo text"}
    missing = tmp_path / "no-such-folder"
    taker = tmp_path / "ok"
    taker.mkdir()
    path = rescue_notes(unsaved, [missing, taker], {"d1": "Kabul attack"}.get)
    assert path is not None and path.parent == taker
    text = path.read_text(encoding="utf-8")
    assert "## Note on “Kabul attack” (document d1)\n\nkeep me\n" in text
    assert "## The memo\n\nmemo text" in text
    assert rescue_notes({}, [taker]) is None
    assert rescue_notes(unsaved, [missing]) is None  # nowhere to write: the caller says so
    assert rescue_places(tmp_path)[0] == tmp_path
    assert rescue_text({NoteTarget.excerpt(3): "x"}, lambda _id: "").count("excerpt 3") == 1
