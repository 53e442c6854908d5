"""The real app under Xvfb: SIGTERM right after typing a note; the note is on disk."""

from __future__ import annotations

import signal
import time

import pytest

from briefreader.paths import DataPaths
from briefreader.store import Store
from tests.e2e.xsession import Desktop, require_tools, running_app, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_sigterm_saves_the_last_second_of_typing(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    with xvfb() as display, running_app(Desktop(display), data_dir, "e2e-sigterm.png") as app:
        desktop = app.desktop
        time.sleep(1.5)  # the store loads after the first paint
        desktop.key("5")
        desktop.xdotool("type", "--delay", "20", "typed just before the signal")
        app.process.send_signal(signal.SIGTERM)
        app.process.wait(60)
    assert app.returncode == 0, app.stderr
    assert "Traceback" not in app.stderr
    with Store.open(DataPaths.at(data_dir), read_only=True) as store:
        texts = [n.text for n in store.notes.all(kind="document")]
    assert texts == ["typed just before the signal"]
