"""The real app under Xvfb, searched by keys only: the index builds itself, / finds, Enter reads."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefreader.search.indexer import MARKER
from tests.e2e.xsession import Desktop, require_tools, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
PREFIX = "briefreader — "


def test_search_by_keys_only(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    with xvfb() as display:
        desktop = Desktop(display)
        app = subprocess.Popen(
            [sys.executable, "-m", "briefreader", "--data-dir", str(data_dir)],
            env=desktop.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            window = desktop.find_window("^briefreader")
            desktop.focus(window)
            first = desktop.wait_for_name(window, lambda n: n.startswith(PREFIX), timeout=90)
            # The index is built in the background after the library loaded, unasked.
            deadline = time.monotonic() + 90
            while not (data_dir / "index" / MARKER).exists():
                assert time.monotonic() < deadline, "the index was never built"
                time.sleep(0.2)
            time.sleep(0.5)
            desktop.key("slash")
            desktop.xdotool("type", "--delay", "40", "Tajikistan")
            time.sleep(1.5)  # typing pauses: the ranked list fills
            desktop.key("Return")  # the best result, at its first match
            reading = desktop.wait_for_name(window, lambda n: n == PREFIX + "Central Asia")
            desktop.key("period", "period", "F3")  # the third match on: 4/34
            time.sleep(0.5)
            desktop.screenshot(ARTIFACTS / "e2e-search-by-keys.png")
            desktop.key("greater")  # the next document with matches
            desktop.wait_for_name(window, lambda n: n != reading)
            desktop.key("backslash", "ctrl+q")
            app.wait(60)
        except Exception:
            desktop.screenshot(ARTIFACTS / "e2e-search-failure.png")
            raise
        finally:
            if app.poll() is None:
                app.kill()
                app.wait(10)
    errors = app.stderr.read()
    assert app.returncode == 0, errors
    assert "Traceback" not in errors, errors
    assert first.startswith(PREFIX)
    assert (ARTIFACTS / "e2e-search-by-keys.png").stat().st_size > 10_000
