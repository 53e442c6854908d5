"""The analysis pane in the window, driven by keys: dossier, timeline, matrix, since, inbox, batch.

The data directory is the bundled seeds, counted and indexed once per module
and copied for each test; the views read the real counts.
"""

from __future__ import annotations

import shutil
import time

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from briefreader.analysis.cooccur import documents_behind
from briefreader.analysis.counts import Counts
from briefreader.analysis.opening import counts_path
from briefreader.control.library import count_entities, load_library
from briefreader.entities import find_mentions
from briefreader.paths import DataPaths
from briefreader.search.sources import update_from_library
from briefreader.store import Store
from briefreader.ui.window import MainWindow
from tests.ui.conftest import press

ISKP = ("group", "Islamic State Khorasan Province")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> DataPaths:
    paths = DataPaths.at(tmp_path_factory.mktemp("analysis-seeded")).ensure()
    update_from_library(paths, procs=1, include_notes=False)  # seeds and indexes the library
    count_entities(paths)
    return paths


@pytest.fixture
def win(qtbot, seeded: DataPaths, tmp_path):
    paths = DataPaths.at(tmp_path / "data")
    shutil.copytree(seeded.root, paths.root)
    snapshot = load_library(paths, seed=False, entities=True)
    window = MainWindow(paths, matcher=find_mentions)
    qtbot.addWidget(window)
    window.attach_store(Store.open(paths))
    window.apply_snapshot(snapshot)
    window.search.indexing.sync_documents(force=True)
    window.search.indexing.updated_at = time.monotonic()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.focus_pane("reader")
    yield window
    window.close()


def key(qtbot, name: str) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(qtbot, name)


def shown_dialog() -> QDialog | None:
    """The open prompt (prompts are modal through the window's KeyGate, not Qt's modality)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return found[-1] if found else None


def dialog(qtbot) -> QDialog:
    qtbot.waitUntil(lambda: shown_dialog() is not None)
    found = shown_dialog()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is found)
    return found  # type: ignore[return-value]


def typed(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_d_on_a_mention_opens_its_dossier(qtbot, win) -> None:
    key(qtbot, "]")  # the first mention
    entity = win.state.mention.mention
    key(qtbot, "D")
    pane = win.analysis.pane
    qtbot.waitUntil(lambda: pane.dossier.heading.text() == f"{entity.canonical} ({entity.kind})")
    assert win.mode() == "analysis"
    assert "mentions in" in pane.dossier.summary.text()
    assert pane.dossier.documents_model.rowCount() >= 1
    key(qtbot, "Return")  # opens the newest document naming it
    qtbot.waitUntil(lambda: win.mode() == "normal")
    assert win.state.current.id == pane.dossier.documents_model.key(0)


def test_d_in_the_legend_opens_that_rows_dossier(qtbot, win) -> None:
    key(qtbot, "3")
    key(qtbot, "Down")
    key(qtbot, "Down")
    chosen = win.state.selected
    assert chosen is not None
    key(qtbot, "D")
    heading = win.analysis.pane.dossier.heading
    qtbot.waitUntil(lambda: heading.text() == f"{chosen[1]} ({chosen[0]})")


def test_timeline_by_keys_and_a_period_into_the_list(qtbot, win) -> None:
    key(qtbot, "8")
    key(qtbot, "L")
    view = win.analysis.pane.timeline
    qtbot.waitUntil(lambda: view.timeline is not None)
    assert len(view.timeline.series) == 5 and view.chart.hasFocus()
    last = view.chart.chosen
    key(qtbot, "Left")
    assert view.chart.chosen == last - 1
    key(qtbot, "End")
    assert view.chart.readout().startswith(view.timeline.periods[-1].label + ": ")
    key(qtbot, "w")
    qtbot.waitUntil(lambda: view.timeline.unit == "week")
    key(qtbot, "m")
    qtbot.waitUntil(lambda: view.timeline.metric == "documents")
    key(qtbot, "End")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: win.state.filter.subset is not None)
    assert win.state.filter.subset_label.startswith(view.timeline.periods[-1].label)
    assert {d.id for d in win.state.visible} <= win.state.filter.subset
    assert win.mode() == "normal"  # the document list has the keys
    key(qtbot, "c")  # clear-filters lifts it
    assert win.state.filter.subset is None


#: The completer's popup asks the offscreen platform for things it cannot do.
POPUP_NOISE = (
    r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))"
)


@pytest.mark.qt_log_ignore(POPUP_NOISE)
def test_timeline_adds_an_entity_by_any_spelling(qtbot, win) -> None:
    key(qtbot, "8")
    key(qtbot, "L")
    view = win.analysis.pane.timeline
    qtbot.waitUntil(lambda: view.timeline is not None)
    key(qtbot, "a")
    dialog(qtbot)
    typed(qtbot, "Tajik")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: len(view.timeline.series) == 6)
    assert view.timeline.series[-1].entity == ("country", "Tajikistan")
    key(qtbot, "x")
    qtbot.waitUntil(lambda: len(view.timeline.series) == 5)


def test_matrix_cell_lists_the_documents_behind_it(qtbot, win) -> None:
    key(qtbot, "8")
    key(qtbot, "C")
    view = win.analysis.pane.matrix
    qtbot.waitUntil(lambda: view.matrix is not None)
    assert view.matrix.columns[0].entity[0] == "country"
    key(qtbot, "Down")
    key(qtbot, "Right")
    cell = view.model.cell(view.table.currentIndex())
    assert cell is not None
    key(qtbot, "p")
    qtbot.waitUntil(lambda: view.matrix.count_by == "paragraph")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: win.state.filter.subset is not None)
    with Counts.open(counts_path(win.paths)) as counts:
        behind = documents_behind(counts, *cell, count_by="paragraph")
    assert win.state.filter.subset == frozenset(behind)
    key(qtbot, "8")
    key(qtbot, "c")
    qtbot.waitUntil(lambda: view.matrix.columns[0].entity[0] == "group")


@pytest.mark.qt_log_ignore(POPUP_NOISE)
def test_since_a_date_and_its_new_documents_in_the_list(qtbot, win) -> None:
    key(qtbot, "8")
    key(qtbot, "S")
    key(qtbot, "b")
    dialog(qtbot)
    typed(qtbot, "2000-01-01")
    key(qtbot, "Return")
    view = win.analysis.pane.since
    qtbot.waitUntil(lambda: view.since is not None and view.since.cut.label == "2000-01-01")
    assert len(view.since.documents) == len(win.state.documents)
    key(qtbot, "f")
    qtbot.waitUntil(lambda: win.state.filter.subset is not None)
    assert win.state.filter.subset_label == "new since 2000-01-01"


def test_save_a_search_as_a_standing_query_and_delete_it(qtbot, win) -> None:
    key(qtbot, "8")
    key(qtbot, "I")
    key(qtbot, "n")
    dialog(qtbot)
    typed(qtbot, "ISKP watch")
    key(qtbot, "Tab")
    typed(qtbot, "ISIS-K")
    key(qtbot, "Return")
    view = win.analysis.pane.inbox
    qtbot.waitUntil(lambda: view.watches_model.rowCount() == 1)
    assert view.watches_model.rows[0][:2] == ("ISKP watch", "ISIS-K")
    view.watches.setFocus()
    key(qtbot, "Delete")
    qtbot.waitUntil(lambda: view.watches_model.rowCount() == 0)
    key(qtbot, "Ctrl+Z")
    qtbot.waitUntil(lambda: view.watches_model.rowCount() == 1)


def test_new_matches_wait_in_the_inbox_with_a_count(qtbot, win) -> None:
    store = win.store()
    store.watches.add("everything about ISKP", "ISKP", checked="2000-01-01T00:00:00")
    win.analysis.run_watches()  # what the window does once the index took in an import
    label = win.analysis.pane.inbox_label
    qtbot.waitUntil(lambda: label.text().startswith("inbox "))
    unseen = store.watches.unseen_count()
    assert unseen >= 4 and label.text() == f"inbox {unseen}"
    key(qtbot, "8")
    key(qtbot, "I")
    view = win.analysis.pane.inbox
    qtbot.waitUntil(lambda: view.hits_model.rowCount() == unseen)
    view.hits.setFocus()
    key(qtbot, "s")
    qtbot.waitUntil(lambda: label.text() == f"inbox {unseen - 1}")
    key(qtbot, "A")
    qtbot.waitUntil(lambda: label.text() == "")


def test_batch_search_counts_and_opens_into_the_hits(qtbot, win) -> None:
    key(qtbot, "8")
    key(qtbot, "B")
    key(qtbot, "v")
    dialog(qtbot)
    typed(qtbot, "ISIL-K")
    key(qtbot, "Shift+Return")
    typed(qtbot, "zzzqq")
    key(qtbot, "Ctrl+Return")
    view = win.analysis.pane.batch
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    first, second = view.model.rows
    assert first[0] == "ISIL-K" and int(first[1]) >= 4 and ISKP[1] in first[3]
    assert second[:2] == ("zzzqq", "0")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: win.search.pane.line.text() == "ISIL-K")


def test_help_and_palette_list_the_analysis_commands(qtbot, win) -> None:
    names = {command.name for command in win.registry if command.category == "Analysis"}
    assert {"open-dossier", "show-timeline", "show-comentions", "show-since"} <= names
    assert not [name for name in names if not win.registry.is_bound(name)]
    analysis_keys = win.keymap.bindings("analysis")
    assert analysis_keys["L"] == "show-timeline" and analysis_keys["Return"] == "analysis-open"
