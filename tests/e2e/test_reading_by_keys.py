"""The real app under Xvfb, read by keys only: open, move, filter by a group, toggle a kind."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from briefreader.corpus.library import open_library
from briefreader.export.links import doc_link
from briefreader.paths import DataPaths
from briefreader.store import Store
from tests.e2e.xsession import ARTIFACTS, TITLE_PREFIX, Desktop, require_tools, running_app, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PREFIX = TITLE_PREFIX


def open_link_in(app, data_dir) -> str:
    """`briefreader open URL` for another document's second paragraph; its id."""
    current = app.desktop.window_name(app.window).removeprefix(PREFIX)
    with open_library(DataPaths.at(data_dir), seed=False) as library:
        target = next(
            d for d in library.documents() if d.title != current and len(d.paragraphs) > 2
        )
    url = doc_link(target.id, 2)
    result = subprocess.run(
        [sys.executable, "-m", "briefreader", "--data-dir", str(data_dir), "open", url],
        env=app.desktop.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "at ¶ 2 in the open window" in result.stdout
    app.desktop.wait_for_name(app.window, lambda name: name == PREFIX + target.title)
    return target.id


def test_read_the_library_by_keys_only(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    with xvfb() as display, running_app(Desktop(display), data_dir, "e2e-failure.png") as app:
        desktop, window = app.desktop, app.window
        # Open: the first run imports the bundled seeds and opens the first document.
        first = app.first_title
        time.sleep(1.0)  # let the entity worker fill the facets

        desktop.key("shift+j")  # next document
        second = desktop.wait_for_name(window, lambda n: n != first)
        desktop.key("shift+k")  # and back
        desktop.wait_for_name(window, lambda n: n == first)
        desktop.key("j", "j", "bracketright")  # two paragraphs down, then the next mention

        # Filter by a group: the legend lists groups first; j onto one selects it.
        desktop.key("3", "j", "j", "shift+f", "2", "n")
        time.sleep(0.5)
        desktop.screenshot(ARTIFACTS / "e2e-reading-by-keys.png")

        desktop.key("t", "c")  # toggle a kind: hide the countries
        # A briefreader:// link (as a Markdown export writes them) goes to this window.
        opened = open_link_in(app, data_dir)
        app.quit()
    errors = app.stderr
    assert app.returncode == 0, errors
    state = json.loads((data_dir / "ui-state.json").read_text(encoding="utf-8"))
    session = state["last_session"]
    print(session, errors)  # shown by pytest when an assertion below fails
    assert second != first
    assert session["title"].startswith(PREFIX)
    assert session["hidden_kinds"] == ["country"]
    assert [kind for kind, _ in session["filter_entities"]] == ["group"]
    assert session["selected"][0] == "group"
    assert session["shown_documents"] > 0
    assert session["paragraph"] >= 0
    assert (ARTIFACTS / "e2e-reading-by-keys.png").stat().st_size > 10_000
    assert session["document"] == opened and session["paragraph"] == 1
    # Positions are the analyst's work: they went to the store, not only the state file.
    assert session["store"] == "work.sqlite3"
    with Store.open(DataPaths.at(data_dir), read_only=True) as store:
        positions = {doc_id: s.position for doc_id, s in store.reading.all().items()}
    assert positions.get(session["document"], 0) > 0
