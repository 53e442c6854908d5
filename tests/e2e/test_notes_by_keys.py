"""The real app under Xvfb: capture, select by sentence, write a note, undo; keys only."""

from __future__ import annotations

import time

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store
from tests.e2e.xsession import ARTIFACTS, Desktop, require_tools, running_app, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_excerpts_and_notes_by_keys_only(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    with xvfb() as display, running_app(Desktop(display), data_dir, "e2e-notes-failure.png") as app:
        desktop = app.desktop
        time.sleep(1.5)  # the store and the matcher load after the first paint
        desktop.key("x")  # capture the first paragraph
        desktop.key("j", "v", "parenright", "parenright", "parenleft", "y")  # two sentences
        desktop.key("j", "shift+x")  # the current sentence: the paragraph's first
        desktop.key("x", "ctrl+z")  # a capture, undone
        desktop.key("5")
        desktop.xdotool("type", "--delay", "30", "Cross-check with the UN report")
        desktop.key("Escape", "6")  # flushed on leaving the editor; the bin
        desktop.key("p", "a")  # flag the first excerpt; tag it
        time.sleep(0.5)
        desktop.xdotool("type", "--delay", "30", "pine nuts")
        desktop.key("Return")
        time.sleep(0.5)
        desktop.screenshot(ARTIFACTS / "e2e-notes-by-keys.png")
        app.quit()
    errors = app.stderr
    assert app.returncode == 0, errors
    with Store.open(DataPaths.at(data_dir), read_only=True) as store:
        excerpts = store.excerpts.list(order="recent")
        notes = store.notes.all(kind="document")
        assert store.notes.get(NoteTarget.memo()) is None
    print([(e.quote[:60], e.tags, e.priority) for e in excerpts], errors)
    assert len(excerpts) == 3, "x, v..y and X captured; the fourth capture was undone"
    first, visual, sentence = sorted(excerpts, key=lambda e: e.id)
    assert visual.paragraph == first.paragraph + 1
    assert visual.quote.count(". ") >= 1  # two sentences, not the whole paragraph
    assert sentence.paragraph == visual.paragraph + 1
    assert len(sentence.quote) < len(first.quote) or sentence.quote.count(". ") == 0
    assert [n.text for n in notes] == ["Cross-check with the UN report"]
    assert first.priority and first.tags == ("pine nuts",)
