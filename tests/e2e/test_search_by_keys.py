"""The real app under Xvfb, searched by keys only: the index builds itself, / finds, Enter reads."""

from __future__ import annotations

import time

import pytest

from briefreader.search.indexer import MARKER
from tests.e2e.xsession import ARTIFACTS, TITLE_PREFIX, Desktop, require_tools, running_app, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PREFIX = TITLE_PREFIX


def test_search_by_keys_only(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    with (
        xvfb() as display,
        running_app(Desktop(display), data_dir, "e2e-search-failure.png") as app,
    ):
        desktop, window, first = app.desktop, app.window, app.first_title
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
        desktop.key("backslash")
        app.quit()
    errors = app.stderr
    assert app.returncode == 0, errors
    assert "Traceback" not in errors, errors
    assert first.startswith(PREFIX)
    assert (ARTIFACTS / "e2e-search-by-keys.png").stat().st_size > 10_000
