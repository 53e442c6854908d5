"""Persistence of the window's state, the shared palette file, fuzzy matching, mentions."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from briefreader.control.colours import DEFAULTS, load_palette, palette_file
from briefreader.control.commands import COMMANDS
from briefreader.control.facets import FacetFilter
from briefreader.control.fuzzy import rank, score
from briefreader.control.mentions import DocumentMentions
from briefreader.control.uistate import UiState, load_ui_state, save_ui_state
from briefreader.domain import Document, Mention


def test_ui_state_round_trips_atomically(data_paths) -> None:
    state = UiState(last_document="abc", positions={"abc": 3}, read=["abc"], zoom=2)
    state.keep_filter(FacetFilter(frozenset({("group", "ISKP")}), True, "unread"))
    save_ui_state(data_paths.ui_state, state)
    again = load_ui_state(data_paths.ui_state)
    assert again == state
    assert again.facet_filter() == FacetFilter(frozenset({("group", "ISKP")}), True, "unread")
    assert [p.name for p in data_paths.root.iterdir()] == [data_paths.ui_state.name]


def test_ui_state_ignores_wrong_types_and_sets_damage_aside(data_paths) -> None:
    data_paths.ui_state.write_text(
        json.dumps({"zoom": "big", "positions": {"a": -1, "b": 2}, "read": "x"}), encoding="utf-8"
    )
    state = load_ui_state(data_paths.ui_state)
    assert state.zoom == 0 and state.positions == {"b": 2} and state.read == []
    data_paths.ui_state.write_text("{", encoding="utf-8")
    assert load_ui_state(data_paths.ui_state) == UiState()
    assert data_paths.ui_state.with_suffix(".damaged.json").exists()


def test_a_killed_writer_never_leaves_half_a_file(data_paths) -> None:
    """Kill a process mid-way through many saves: the file always parses."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefreader.control.uistate import UiState, save_ui_state\n"
        "path = Path(sys.argv[1])\n"
        "i = 0\n"
        "while True:\n"
        "    i += 1\n"
        "    save_ui_state(path, UiState(positions={str(n): n for n in range(2000)}, zoom=i % 5))\n"
        "    if i == 3: print('go', flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(data_paths.ui_state)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert child.stdout.readline().strip() == "go"
    child.kill()
    child.wait(10)
    state = load_ui_state(data_paths.ui_state)
    assert len(state.positions) == 2000


def test_the_palette_file_is_shared_and_complete() -> None:
    palette = load_palette()
    assert palette_file().exists()
    for kind, style in palette.items():
        assert style.cue, kind
        assert all(c.startswith("#") for c in style.colours(dark=False) + style.colours(dark=True))
    assert palette["group"].cue != palette["country"].cue


def test_a_broken_palette_falls_back_per_field(tmp_path) -> None:
    path = tmp_path / "palette.toml"
    path.write_text(
        '[group]\nlight_foreground = "not a colour"\ncue = "italic"\n', encoding="utf-8"
    )
    palette = load_palette(path)
    assert palette["group"].foreground == DEFAULTS["group"].foreground
    assert palette["group"].cue == ("italic",)
    assert palette["country"] == DEFAULTS["country"]
    path.write_text("[[[", encoding="utf-8")
    assert load_palette(path) == DEFAULTS


def test_fuzzy_ranking() -> None:
    assert score("nd", "next-document") is not None
    assert score("xyz", "next-document") is None
    names = [c.name for c in rank("nextdoc", COMMANDS)]
    assert names[0] == "next-document"
    assert rank("zoom in", COMMANDS)[0].name == "zoom-in"
    assert len(rank("", COMMANDS)) == len(COMMANDS)


def test_mentions_are_located_per_paragraph() -> None:
    body = "Alpha ISKP beta.\n\nGamma Pakistan."
    doc = Document(id="d", title="t", body=body)
    mentions = [
        Mention(
            body.index("Pakistan"), body.index("Pakistan") + 8, "country", "Pakistan", "Pakistan"
        ),
        Mention(6, 10, "group", "ISKP", "ISKP"),
    ]
    located = DocumentMentions(doc, mentions)
    assert [(i.paragraph, i.start, i.end) for i in located.items] == [(0, 6, 10), (1, 6, 14)]
    assert located.legend() == [(("group", "ISKP"), 1), (("country", "Pakistan"), 1)]
    assert located.paragraphs_naming(("country", "Pakistan")) == [1]
