"""Keys typed before the window is ready, or while a prompt opens, do what they say.

A fast typist does not wait for the library to load or for a prompt to appear:
keys typed as the window shows are held until the library, the store and the
matcher have loaded and then run in order; keys typed right after a command that
opens a prompt go into that prompt, not to the window's commands.
"""

from __future__ import annotations

import pytest

from briefreader.paths import DataPaths
from briefreader.store import Store
from tests.e2e.xsession import Desktop, require_tools, running_app, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_keys_typed_as_the_window_appears_run_once_it_is_ready(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    with xvfb() as display:
        desktop = Desktop(display)
        # Typed the moment the window is shown, showing no document yet: the library,
        # the store and the matcher load in workers. Two excerpts, then quit.
        keys = ("x", "j", "j", "x", "ctrl+q")
        with running_app(
            desktop, data_dir, "e2e-type-ahead.png", wait_for_document=False, first_keys=keys
        ) as app:
            print(
                f"first key at most {app.first_keys_after * 1000:.0f} ms after the window was shown"
            )
            app.process.wait(90)
    assert app.returncode == 0, app.stderr
    assert "Traceback" not in app.stderr, app.stderr
    with Store.open(DataPaths.at(data_dir), read_only=True) as store:
        excerpts = store.excerpts.list()
    assert len(excerpts) == 2, [e.quote[:40] for e in excerpts]
    assert len({e.doc_id for e in excerpts}) == 1
    first, third = sorted(excerpts, key=lambda e: e.paragraph)
    assert (first.paragraph, third.paragraph) == (0, 2)


def test_a_name_typed_right_after_the_key_that_asks_for_it_is_the_name(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    with xvfb() as display:
        desktop = Desktop(display)
        with running_app(desktop, data_dir, "e2e-type-ahead-prompt.png") as app:
            for name in ("Weekly ISKP", "Sahel watch", "Bay of Bengal"):
                # the composer, a new briefing, its name: no pause anywhere
                desktop.type_keys("7", "shift+b")
                desktop.xdotool("type", "--delay", "20", name)
                desktop.type_keys("Return")
            desktop.type_keys("ctrl+q")
            app.process.wait(90)
    assert app.returncode == 0, app.stderr
    with Store.open(DataPaths.at(data_dir), read_only=True) as store:
        names = sorted(b.name for b in store.briefings.list())
    assert names == ["Bay of Bengal", "Sahel watch", "Weekly ISKP"]
