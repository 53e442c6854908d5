"""Search in the window, driven by keys: type, rank, open, step through matches, clear.

The data directory is the bundled seeds (10 articles) with their index,
built once per module in-process and copied for each test, so no test
waits for a child process except the ones about background indexing.
"""

from __future__ import annotations

import shutil
import time

import pytest
from PySide6.QtWidgets import QApplication
from whoosh.filedb.filestore import FileStorage

from briefreader.control.library import load_library
from briefreader.entities import find_mentions
from briefreader.paths import DataPaths
from briefreader.search.indexer import LOCK_NAME
from briefreader.search.sources import update_from_library
from briefreader.store import Store
from briefreader.store.notes import NoteTarget
from briefreader.ui.window import MainWindow
from tests.ui.conftest import press

CENTRAL_ASIA = "Central Asia"
NOTE_WORD = "zanzibarquest"
MEMO_WORD = "okavangoquery"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> DataPaths:
    paths = DataPaths.at(tmp_path_factory.mktemp("seeded")).ensure()
    update_from_library(paths, procs=1, include_notes=False)  # seeds the library
    snapshot = load_library(paths, seed=False)
    target = next(d for d in snapshot.documents if d.title == CENTRAL_ASIA)
    with Store.open(paths) as store:
        store.save_note(NoteTarget.document(target.id), f"Follow up the {NOTE_WORD} lead.")
        store.save_note(NoteTarget.memo(), f"Weekly memo: the {MEMO_WORD} question.")
    update_from_library(paths, procs=1)  # now with the note
    return paths


def open_window(qtbot, paths: DataPaths, *, indexed: bool = True) -> MainWindow:
    snapshot = load_library(paths, seed=False, entities=True)
    win = MainWindow(paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(snapshot)
    if indexed:  # as if the start-up update had just run: no child process in these tests
        win.search.indexing.sync_documents(force=True)
        win.search.indexing.updated_at = time.monotonic()
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.focus_pane("reader")
    return win


@pytest.fixture
def win(qtbot, seeded, tmp_path) -> MainWindow:
    root = tmp_path / "data"
    shutil.copytree(seeded.root, root)
    return open_window(qtbot, DataPaths.at(root))


def search(qtbot, win: MainWindow, query: str, rows: int | None = None) -> None:
    press(qtbot, "/")
    assert QApplication.focusWidget() is win.search.pane.line
    qtbot.keyClicks(win.search.pane.line, query)
    qtbot.waitUntil(lambda: win.search.state.query == query, timeout=10000)
    if rows is not None:
        qtbot.waitUntil(lambda: win.search.pane.model.rowCount() == rows, timeout=5000)


def labels(win: MainWindow) -> list[str]:
    model = win.search.pane.model
    return [model.data(model.index(r)) for r in range(model.rowCount())]


def wait_hits(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.search.state.current >= 0, timeout=5000)


def test_slash_types_a_query_and_hits_rank_as_you_type(qtbot, win) -> None:
    assert not win.search.dock.isVisible()
    search(qtbot, win, "Tajikistan", rows=4)
    assert win.search.dock.isVisible()
    assert labels(win)[0] == CENTRAL_ASIA
    assert win.search.pane.message.text().startswith("4 matches")
    assert win.mode_label.text() == "SEARCH"
    row = win.search.state.rows[0]
    assert row.hit.hit_count == 34 and row.hit.snippets and row.hit.marks[0]


def test_alias_query_finds_every_spelling(qtbot, win) -> None:
    search(qtbot, win, "ISIL-K", rows=10)  # no article writes ISIL-K
    assert any(label.startswith("Isis-K") for label in labels(win))


def test_enter_reads_the_best_result_at_its_first_match(qtbot, win) -> None:
    search(qtbot, win, "Tajikistan", rows=4)
    press(qtbot, "Return")
    wait_hits(qtbot, win)
    assert win.windowTitle().endswith(CENTRAL_ASIA)
    assert QApplication.focusWidget() is win.reader
    state = win.search.state
    assert len(state.hits) == 34 and state.counter() == "1/34"
    assert win.state.paragraph == state.hits[0].paragraph
    assert "1/34" in win.search.label.text()
    first = state.hits[0]
    text = win.state.current.paragraphs[first.paragraph][first.start : first.end]
    assert text == "Tajikistan"
    assert win.search.marks.visible_rects()  # painted on screen


def test_match_keys_step_count_and_wrap(qtbot, win) -> None:
    search(qtbot, win, "Tajikistan", rows=4)
    press(qtbot, "Return")
    wait_hits(qtbot, win)
    press(qtbot, ".")
    assert win.search.state.counter() == "2/34"
    assert "2/34" in win.search.label.text()
    press(qtbot, "F3")
    assert win.search.state.counter() == "3/34"
    press(qtbot, ",")
    press(qtbot, "Shift+F3")
    assert win.search.state.counter() == "1/34"
    press(qtbot, ",")  # wraps to the last
    assert win.search.state.counter() == "34/34"
    assert "wrapped to the bottom" in win.statusBar().currentMessage()
    assert win.state.paragraph == win.search.state.hits[-1].paragraph
    current = win.search.marks.current
    assert current == 33 and win.search.marks.rects_of(current)


def test_documents_with_matches_step_in_rank_order(qtbot, win) -> None:
    search(qtbot, win, '"pine nuts"', rows=2)
    press(qtbot, "Return")
    wait_hits(qtbot, win)
    first = win.state.current.id
    press(qtbot, ">")
    qtbot.waitUntil(lambda: win.state.current.id != first)
    wait_hits(qtbot, win)
    assert win.windowTitle().endswith(labels(win)[1])
    assert win.search.state.counter() == "1/1"
    press(qtbot, ">")
    assert "last document with matches" in win.statusBar().currentMessage()
    press(qtbot, "<")
    qtbot.waitUntil(lambda: win.state.current.id == first)


def test_arrows_in_the_line_preview_results_and_keep_typing(qtbot, win) -> None:
    search(qtbot, win, "Haqqani", rows=3)
    results = win.search.pane.results
    results.setCurrentIndex(win.search.pane.model.index(0))
    press(qtbot, "Down")
    assert results.currentIndex().row() == 1
    qtbot.waitUntil(lambda: win.windowTitle().endswith(labels(win)[1]))
    assert QApplication.focusWidget() is win.search.pane.line
    press(qtbot, "Down")
    press(qtbot, "Down")  # stays on the last
    assert results.currentIndex().row() == 2
    press(qtbot, "Up")
    press(qtbot, "Up")
    qtbot.waitUntil(lambda: win.windowTitle().endswith(labels(win)[0]))
    press(qtbot, "Return")
    wait_hits(qtbot, win)
    assert QApplication.focusWidget() is win.reader


def test_the_results_list_takes_j_k_and_return(qtbot, win) -> None:
    search(qtbot, win, "Haqqani", rows=3)
    win.search.pane.results.setCurrentIndex(win.search.pane.model.index(0))
    win.search.pane.results.setFocus()
    press(qtbot, "j")
    qtbot.waitUntil(lambda: win.windowTitle().endswith(labels(win)[1]))
    press(qtbot, "Return")
    wait_hits(qtbot, win)
    assert QApplication.focusWidget() is win.reader


@pytest.mark.parametrize(
    "query",
    ['"', "NOT NOT x", "(" * 1000 + "kabul" + ")" * 1000, "x" * 10000, "***", "group:("],
    ids=["lone-quote", "not-not", "1000-parentheses", "10000-characters", "stars", "field-paren"],
)
def test_hostile_queries_give_a_line_not_a_traceback(qtbot, win, query) -> None:
    press(qtbot, "/")
    win.search.pane.line.setText(query)
    qtbot.waitUntil(lambda: win.search.state.outcome is not None, timeout=10000)
    message = win.search.pane.message.text()
    assert message and "\n" not in message and "Traceback" not in message
    assert len(message) <= 200
    press(qtbot, "Return")  # never raises either
    assert win.isVisible()


def test_a_lone_quote_says_why(qtbot, win) -> None:
    press(qtbot, "/")
    qtbot.keyClicks(win.search.pane.line, '"')
    qtbot.waitUntil(lambda: win.search.state.outcome is not None, timeout=5000)
    assert win.search.pane.message.text().startswith("cannot search")
    assert win.search.pane.model.rowCount() == 0


def test_escape_keeps_the_search_and_backslash_clears_it(qtbot, win) -> None:
    search(qtbot, win, "Tajikistan", rows=4)
    press(qtbot, "Return")
    wait_hits(qtbot, win)
    press(qtbot, "/")
    press(qtbot, "Escape")
    assert QApplication.focusWidget() is win.reader
    assert win.search.state.active and win.search.marks.hits
    press(qtbot, "\\")
    assert not win.search.state.active
    assert win.search.marks.hits == () and win.search.pane.model.rowCount() == 0
    assert not win.search.dock.isVisible()
    assert "press /" in (press(qtbot, ".") or win.statusBar().currentMessage())


def test_ctrl_f_is_find(qtbot, win) -> None:
    press(qtbot, "Ctrl+F")
    assert QApplication.focusWidget() is win.search.pane.line


def test_emptying_the_line_ends_the_search(qtbot, win) -> None:
    search(qtbot, win, "Haqqani", rows=3)
    win.search.pane.line.selectAll()
    press(qtbot, "Backspace")
    qtbot.waitUntil(lambda: win.search.pane.model.rowCount() == 0, timeout=3000)
    assert not win.search.state.active


def test_opening_another_document_marks_its_matches(qtbot, win) -> None:
    search(qtbot, win, "Taliban", rows=None)
    qtbot.waitUntil(lambda: win.search.pane.model.rowCount() > 3, timeout=5000)
    press(qtbot, "Escape")
    press(qtbot, "J")  # the next document in the list, not from the results
    doc = win.state.current
    qtbot.waitUntil(lambda: win.search.state.doc_id == doc.id and bool(win.search.state.hits))
    press(qtbot, ".")
    hit = win.search.state.hits[win.search.state.current]
    assert doc.paragraphs[hit.paragraph][hit.start : hit.end].lower().startswith("taliban")


def test_filters_narrow_the_ranked_list(qtbot, win) -> None:
    search(qtbot, win, "ISIL-K", rows=10)
    press(qtbot, "Return")
    wait_hits(qtbot, win)
    press(qtbot, "r")  # the best result is read now
    press(qtbot, "u")  # only unread documents
    assert win.state.filter.read == "unread"
    qtbot.waitUntil(lambda: win.search.pane.model.rowCount() == 9)
    assert "1 hidden by the filters" in win.search.pane.message.text()
    press(qtbot, "c")
    qtbot.waitUntil(lambda: win.search.pane.model.rowCount() == 10)


def test_a_note_hit_opens_its_document_and_the_notes(qtbot, win) -> None:
    search(qtbot, win, NOTE_WORD, rows=1)
    row = win.search.state.rows[0]
    assert row.kind == "note" and row.label == f"Note on {CENTRAL_ASIA}"
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: win.windowTitle().endswith(CENTRAL_ASIA))
    focused = QApplication.focusWidget()
    assert focused is win.notes or win.notes.isAncestorOf(focused)


def test_results_model_with_real_hits(qtbot, qtmodeltester, win) -> None:
    search(qtbot, win, "attack", rows=9)
    qtmodeltester.check(win.search.pane.model)


def test_the_index_is_built_in_the_background(qtbot, seeded, tmp_path) -> None:
    root = tmp_path / "fresh"
    root.mkdir()
    shutil.copy(seeded.library_db, root / "library.sqlite3")  # a library, no index
    win = open_window(qtbot, DataPaths.at(root), indexed=False)
    win.search.library_changed()
    assert win.search.indexing.runner.running
    assert "index" in win.search.label.text()
    qtbot.waitUntil(lambda: not win.search.indexing.runner.running, timeout=60000)
    search(qtbot, win, "Tajikistan", rows=4)
    win.close()
    assert not win.search.indexing.runner.running


def test_a_busy_index_is_searched_as_it_is(qtbot, win) -> None:
    lock = FileStorage(str(win.paths.index_dir)).lock(LOCK_NAME)
    assert lock.acquire(blocking=False)  # another briefreader is "updating" it
    try:
        win.search.indexing.runner.lock_timeout = 0.3
        win.search.library_changed()
        qtbot.waitUntil(lambda: not win.search.indexing.runner.running, timeout=60000)
        assert "read-only" in win.search.label.text()
        search(qtbot, win, "Tajikistan", rows=4)  # searching still works
    finally:
        lock.release()


def test_an_import_is_indexed_in_the_background(qtbot, win, tmp_path) -> None:
    article = tmp_path / "quokka.txt"
    article.write_text(
        "Quokka sightings in Perth\n\n"
        "A long report on quokkarian habits around Perth, which names no militant group.\n\n"
        "A second paragraph, so the importer has a body to keep.\n",
        encoding="utf-8",
    )
    win.import_paths([article])
    qtbot.waitUntil(lambda: win.search.indexing.running, timeout=30000)
    qtbot.waitUntil(lambda: not win.search.indexing.running, timeout=60000)
    search(qtbot, win, "quokkarian", rows=1)
    assert labels(win) == ["Quokka sightings in Perth"]


def test_a_memo_hit_opens_the_memo(qtbot, win) -> None:
    search(qtbot, win, MEMO_WORD, rows=1)
    assert win.search.state.rows[0].label == "Note: the memo"
    press(qtbot, "Return")
    focused = QApplication.focusWidget()
    assert focused is not None and win.notes.isAncestorOf(focused)


def test_enter_right_after_typing_waits_for_the_answer(qtbot, win) -> None:
    press(qtbot, "/")
    qtbot.keyClicks(win.search.pane.line, "Tajikistan")
    press(qtbot, "Return")  # before the typing pause ran the query
    qtbot.waitUntil(lambda: win.windowTitle().endswith(CENTRAL_ASIA), timeout=10000)
    wait_hits(qtbot, win)
    assert QApplication.focusWidget() is win.reader


def test_a_corrupt_index_is_rebuilt_without_asking(qtbot, win) -> None:
    for segment in win.paths.index_dir.glob("*.seg"):
        segment.write_bytes(b"not a segment")
    win.search.library_changed()
    qtbot.waitUntil(lambda: not win.search.indexing.running, timeout=60000)
    assert "rebuilt" in win.statusBar().currentMessage()
    search(qtbot, win, "Tajikistan", rows=4)


def test_quitting_while_indexing_stops_the_indexer(qtbot, seeded, tmp_path) -> None:
    root = tmp_path / "fresh"
    root.mkdir()
    shutil.copy(seeded.library_db, root / "library.sqlite3")
    win = open_window(qtbot, DataPaths.at(root), indexed=False)
    win.search.library_changed()
    job = win.search.indexing.runner.job
    assert job is not None
    win.close()
    assert not win.search.indexing.running
    assert not job._process.is_alive()
    # A late "library loaded" (the first paint came just before the quit) starts
    # nothing: a child started now would hold the process open until it ended.
    win.search.library_changed()
    assert win.search.indexing.runner.job is None
