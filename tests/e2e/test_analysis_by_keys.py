"""The real app under Xvfb, its analysis pane driven by keys only.

From the legend, D opens the top group's dossier and Return reads its newest
document; the co-mention matrix's first cell and the timeline's first period
go to the document list as filters, and the list's ends are read; a search is
saved as a standing query. Each landing is checked against the analysis
core run on the same data directory, and each view is photographed.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from briefreader.analysis.cooccur import documents_behind, matrix
from briefreader.analysis.counts import Counts
from briefreader.analysis.dossier import dossier
from briefreader.analysis.opening import counts_path, load_matcher
from briefreader.analysis.trends import documents_in, timeline, top_entities
from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.store import Store
from tests.e2e.xsession import ARTIFACTS, TITLE_PREFIX, Desktop, require_tools, running_app, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def counted(paths: DataPaths, timeout: float = 120) -> None:
    """Wait until the start-up job has counted every document."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with sqlite3.connect(counts_path(paths)) as db:
                if db.execute("SELECT COUNT(*) FROM analysis_docs").fetchone()[0] >= 10:
                    return
        except sqlite3.Error:
            pass
        time.sleep(0.3)
    raise TimeoutError("the documents were never counted")


def in_list_order(paths: DataPaths, ids: list[str]) -> list[str]:
    """The titles of `ids` in the order the document list shows them (the library's)."""
    wanted = set(ids)
    with open_library(paths, seed=False) as library:
        return [doc.title for doc in library.documents() if doc.id in wanted]


def test_analysis_by_keys_only(tmp_path: Path) -> None:
    require_tools()
    paths = DataPaths.at(tmp_path / "data")
    shots = ARTIFACTS / "analysis"
    with (
        xvfb(1400, 900) as display,
        running_app(Desktop(display), paths.root, "e2e-analysis-failure.png") as app,
    ):
        desktop, window = app.desktop, app.window
        counted(paths)
        time.sleep(1.0)  # the facets, then the window, take the counts in
        first = app.first_title.removeprefix(TITLE_PREFIX)
        with Counts.open(counts_path(paths)) as counts:
            facts = {f.title: f for f in counts.documents().values()}
            doc = facts[first]
            named = counts.read(
                "SELECT e.kind, e.canonical, c.mentions FROM analysis_counts c "
                "JOIN analysis_entities e ON e.id = c.entity WHERE c.doc = ? AND e.kind = 'group' "
                "ORDER BY c.mentions DESC, e.canonical LIMIT 1",
                (doc.n,),
            )
            top_group = (named[0][0], named[0][1])
            newest = dossier(counts, top_group, load_matcher(paths).gazetteer).documents[0]
            table = matrix(counts, "group", "country", limit=15)
            cell = (table.rows[0].entity, table.columns[0].entity)
            cell_titles = in_list_order(paths, documents_behind(counts, *cell))
            groups = [t.entity for t in top_entities(counts, "group", limit=5)]
            last = timeline(counts, groups).periods[0]  # the first period: after Home
            period_titles = in_list_order(paths, documents_in(counts, last, groups))

        # The dossier, from the legend's top group (the legend lists groups first).
        desktop.key("3", "Down", "D")
        time.sleep(1.5)
        desktop.screenshot(shots / "e2e-dossier.png")
        desktop.key("Return")  # the newest document naming it
        desktop.wait_for_name(window, lambda n: n == TITLE_PREFIX + newest.title)

        # The co-mention matrix: the first cell's documents in the list, then read one.
        desktop.key("8", "C")
        time.sleep(1.5)
        desktop.screenshot(shots / "e2e-comentions.png")
        desktop.key("Return")  # the cell's documents are the list now
        time.sleep(0.5)
        desktop.key("ctrl+shift+End")  # the list's last document
        desktop.wait_for_name(window, lambda n: n == TITLE_PREFIX + cell_titles[-1])

        # The timeline: the first period's documents, then read the list's first.
        desktop.key("c", "8", "L")
        time.sleep(1.5)
        desktop.screenshot(shots / "e2e-timeline.png")
        desktop.key("Home", "Return")
        time.sleep(0.5)
        desktop.key("ctrl+shift+Home")
        desktop.wait_for_name(window, lambda n: n == TITLE_PREFIX + period_titles[0])

        # What's new since a date, and a standing query saved from the inbox.
        desktop.key("c", "8", "S", "b")
        time.sleep(0.8)
        desktop.xdotool("type", "--delay", "30", "2000-01-01")
        desktop.key("Return")
        time.sleep(1.5)
        desktop.screenshot(shots / "e2e-since.png")
        desktop.key("I", "n")
        time.sleep(0.8)
        desktop.xdotool("type", "--delay", "30", "Sahel watch")
        desktop.key("Tab")
        desktop.xdotool("type", "--delay", "30", "JNIM OR Mali")
        desktop.key("Return")
        time.sleep(1.0)
        desktop.screenshot(shots / "e2e-inbox.png")
        app.quit()
    errors = app.stderr
    assert app.returncode == 0, errors
    assert "Traceback" not in errors, errors
    with Store.open(paths, read_only=True) as store:
        assert [(w.name, w.query) for w in store.watches.list()] == [
            ("Sahel watch", "JNIM OR Mali")
        ]
    for view in ("dossier", "comentions", "timeline", "since", "inbox"):
        assert (shots / f"e2e-{view}.png").stat().st_size > 10_000
