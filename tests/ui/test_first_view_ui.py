"""A cold start paints the reopened document highlighted before the matcher has loaded.

The last session keeps the mentions of the document it closed on
(`control.first_view`); the next start paints them at once and loads the
matcher after that paint. The analysis pane is built after it too, and the
keys wait for both.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import pytest

from briefreader.control.first_view import read_first_view
from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.ui import launch
from briefreader.ui.window import MainWindow
from tests.core.safety.reports import write_reports


def _library(data_paths: DataPaths, folder: Path) -> None:
    write_reports(folder, 4, seed=8)
    with open_library(data_paths, seed=False) as library:
        library.import_paths([folder])


def _start(qtbot, data_paths: DataPaths) -> tuple[MainWindow, list[bool]]:
    """A window started as `run_gui` starts it; records matcher_ready at the first paint."""
    win = MainWindow(data_paths, defer_panes=True)
    qtbot.addWidget(win)
    painted: list[bool] = []
    win.first_paint.painted.connect(lambda: painted.append(win.matcher_ready))
    win.key_gate.hold()
    win.show()
    launch.start_loading(win, data_paths, lambda: launch.finish_when_painted(win))
    return win, painted


def _shown(win: MainWindow) -> list[tuple[str, str, int, int]]:
    """The body's mentions, then the title's, byline's and standfirst's."""
    assert win.state.mentions is not None
    body = [(i.mention.canonical, i.mention.kind, i.start, i.end) for i in win.state.mentions.items]
    heads = win.reader.highlighter.header_mentions
    return body + [(m.canonical, m.kind, n, m.start) for n in sorted(heads) for m in heads[n]]


@pytest.fixture
def held_matcher(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The matcher's loading waits until the test sets the event."""
    release = threading.Event()
    real = launch.load_matcher

    def slow(paths: DataPaths | None = None):  # type: ignore[no-untyped-def]
        assert release.wait(60)
        return real(paths)

    monkeypatch.setattr(launch, "load_matcher", slow)
    return release


def _first_session(
    qtbot, data_paths: DataPaths, folder: Path, held_matcher: threading.Event
) -> tuple[MainWindow, list[bool]]:
    """A library of reports, and a window started on it with the matcher let through."""
    _library(data_paths, folder)
    held_matcher.set()
    first, painted = _start(qtbot, data_paths)
    qtbot.waitUntil(lambda: bool(painted), timeout=60000)
    return first, painted


def test_the_second_start_paints_kept_mentions_first(
    qtbot, data_paths: DataPaths, tmp_path: Path, held_matcher: threading.Event
) -> None:
    first, painted = _first_session(qtbot, data_paths, tmp_path / "reports", held_matcher)
    assert painted == [True]  # no kept view yet: the first paint waited for the matcher
    qtbot.waitUntil(lambda: first.analysis is not None, timeout=30000)
    assert first.state.current is not None
    opened, highlighted = first.state.current.id, _shown(first)
    assert highlighted, "the sample names groups"
    first.close()
    assert read_first_view(data_paths) is not None

    held_matcher.clear()
    again, painted = _start(qtbot, data_paths)
    qtbot.waitUntil(lambda: bool(painted), timeout=60000)
    assert painted == [False]  # highlighted, and the matcher still held back
    assert again.state.current is not None and again.state.current.id == opened
    assert _shown(again) == highlighted
    assert again.composer is None and again.analysis is None  # they wait for the matcher,
    assert not again.key_gate.is_ready  # and the keys for them
    held_matcher.set()
    qtbot.waitUntil(lambda: again.matcher_ready, timeout=60000)
    qtbot.waitUntil(lambda: again.analysis is not None and again.key_gate.is_ready, timeout=30000)
    assert _shown(again) == highlighted  # matched again: the same
    assert again.docks["analysis"].isHidden()  # built late, still where the layout keeps it
    assert again.current_briefing() is None  # no briefing yet, and the composer says so
    again.close()


def test_a_kept_view_of_a_changed_text_is_not_shown(
    qtbot, data_paths: DataPaths, tmp_path: Path, held_matcher: threading.Event
) -> None:
    first, _ = _first_session(qtbot, data_paths, tmp_path / "reports", held_matcher)
    assert first.state.current is not None
    body_sha = hashlib.sha256(first.state.current.body.encode("utf-8")).hexdigest()
    first.close()
    path = data_paths.cache_dir / "first-view.json"
    kept = json.loads(path.read_text(encoding="utf-8"))
    kept["found"]["0" + body_sha[1:]] = kept["found"].pop(body_sha)  # as if the text changed
    path.write_text(json.dumps(kept), encoding="utf-8")
    held_matcher.clear()
    again, painted = _start(qtbot, data_paths)
    qtbot.waitUntil(lambda: again.state.current is not None, timeout=60000)
    assert not again.first_paint.from_kept
    assert again.state.mentions is not None
    assert again.state.mentions.items == ()  # the body waits for the matcher
    held_matcher.set()
    qtbot.waitUntil(lambda: bool(painted), timeout=60000)
    assert painted == [True]
    assert _shown(again)
    again.close()


def test_panes_built_late_take_their_saved_places(qtbot, data_paths: DataPaths) -> None:
    """The analyst left the composer's tab in front and the analysis pane open: a window
    that builds them late lays them out as one that builds them at once."""
    from briefreader.entities import find_mentions
    from tests.ui.conftest import sample_snapshot

    def window(*, defer: bool) -> MainWindow:
        win = MainWindow(data_paths, matcher=find_mentions, defer_panes=defer)
        qtbot.addWidget(win)
        win.apply_snapshot(sample_snapshot())
        win.show()
        qtbot.waitExposed(win)
        return win

    first = window(defer=False)
    assert first.composer is not None and first.analysis is not None
    first.docks["composer"].raise_()
    first.analysis.show("show-timeline")
    qtbot.waitUntil(lambda: not first.docks["composer"].visibleRegion().isEmpty())
    import sys

    for n, d in first.docks.items():
        print("first", n, d.geometry(), file=sys.stderr)
    print(first.geometry(), file=sys.stderr)
    first.close()
    saved = data_paths.ui_state.read_bytes()

    eager = window(defer=False)
    qtbot.wait(200)
    places = {name: dock.geometry() for name, dock in eager.docks.items()}
    eager.close()
    data_paths.ui_state.write_bytes(saved)

    late = window(defer=True)
    assert late.composer is None and late.analysis is None
    late.finish_building()
    for name in ("composer", "analysis"):
        qtbot.waitUntil(lambda name=name: late.docks[name].isVisible())
    qtbot.waitUntil(lambda: not late.docks["composer"].visibleRegion().isEmpty())
    assert late.docks["notes"].visibleRegion().isEmpty()  # behind the composer, as left
    qtbot.wait(300)
    import sys

    for n, d in late.docks.items():
        print(n, d.geometry(), places[n], d.geometry() == places[n], file=sys.stderr)
    print(late.geometry(), file=sys.stderr)
    late.close()
