"""The search widgets on their own: results model and delegate, query line, workers, marks."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from briefreader.control.colours import load_palette
from briefreader.control.mentions import DocumentMentions
from briefreader.control.searching import LocalHit, ResultRow
from briefreader.domain import Hit
from briefreader.entities import find_mentions
from briefreader.search.background import IndexJob
from briefreader.ui.reader.view import ReaderView
from briefreader.ui.search.bar import SearchPane, key_name
from briefreader.ui.search.marks import LIGHT, HitMarks
from briefreader.ui.search.results import (
    RESULT_DOC_ROLE,
    RESULT_SNIPPETS_ROLE,
    SearchResultsModel,
    SearchResultsView,
)
from briefreader.ui.search.worker import IndexRunner, SearchThread
from tests.ui.conftest import SAMPLE_DOCS

HOSTILE_TITLE = '<img src="x" onerror="alert(1)"><b>bold</b> &amp;'


def rows() -> list[ResultRow]:
    first = Hit(
        "a",
        HOSTILE_TITLE,
        3.5,
        snippets=("… the <b>attack</b> on Kabul …", "𝔘nicode 𝔞ttack here"),
        marks=(((11, 17),), ((9, 15),)),
        hit_count=4,
    )
    second = Hit("note:1", "", 1.0, snippets=("memo text",), marks=((),), hit_count=1)
    return [
        ResultRow(first, 1, "document", "a", HOSTILE_TITLE),
        ResultRow(second, 2, "note", "", "Note: the memo"),
    ]


def test_results_model_passes_the_model_tester(qtmodeltester) -> None:
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.set_rows(rows())
    qtmodeltester.check(model)
    index = model.index(0)
    assert model.data(index) == HOSTILE_TITLE  # as text, to be drawn as text
    assert model.data(index, RESULT_DOC_ROLE) == "a"
    snippets = model.data(index, RESULT_SNIPPETS_ROLE)
    assert snippets[0] == ("… the <b>attack</b> on Kabul …", ((11, 17),))
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip
    model.set_rows([])
    qtmodeltester.check(model)
    assert model.row(0) is None


def test_delegate_paints_marks_and_never_markup(qtbot) -> None:
    model = SearchResultsModel()
    view = SearchResultsView(model)
    qtbot.addWidget(view)
    view.resize(360, 400)
    model.set_rows(rows())
    view.show()
    qtbot.waitExposed(view)
    hint = view.sizeHintForIndex(model.index(0))
    assert hint.height() > 3 * view.fontMetrics().height()  # title plus two snippets
    image: QImage = view.viewport().grab().toImage()
    mark = QColor("#ffe46b")
    found = any(
        image.pixelColor(x, y) == mark
        for x in range(0, image.width(), 2)
        for y in range(0, min(image.height(), hint.height()), 2)
    )
    assert found, "the matched words are marked"


def test_key_names_follow_the_key_table() -> None:
    def event(key, modifiers=Qt.KeyboardModifier.NoModifier):
        return QKeyEvent(QEvent.Type.KeyPress, key, modifiers)

    assert key_name(event(Qt.Key.Key_Return)) == "Return"
    assert key_name(event(Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)) == "Enter"
    assert key_name(event(Qt.Key.Key_Down)) == "Down"
    assert key_name(event(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)) == "Ctrl+N"
    assert key_name(event(Qt.Key.Key_Escape)) == "Escape"
    assert key_name(event(Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)) is None


def test_the_line_debounces_and_runs_its_bound_keys(qtbot) -> None:
    pane = SearchPane()
    qtbot.addWidget(pane)
    ran: list[str] = []
    pane.line.bind({"Return": "search-commit", "Down": "search-next-result"}, ran.append)
    pane.show()
    qtbot.waitExposed(pane)
    pane.open_line()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.line)
    asked: list[str] = []
    pane.query_changed.connect(asked.append)
    qtbot.keyClicks(pane.line, "kabul")
    assert asked == []  # typing has not paused yet
    qtbot.waitUntil(lambda: asked == ["kabul"], timeout=2000)
    qtbot.keyClick(pane.line, Qt.Key.Key_Down)
    qtbot.keyClick(pane.line, Qt.Key.Key_Return)
    assert ran == ["search-next-result", "search-commit"]
    assert pane.line.text() == "kabul"
    pane.show_message("cannot search: <b>no</b> words", error=True)
    assert pane.message.textFormat() == Qt.TextFormat.PlainText


def test_search_thread_keeps_only_the_newest_waiting_request(qtbot) -> None:
    thread = SearchThread()
    answers: list[tuple[str, int, object]] = []
    thread.answered.connect(lambda kind, token, result: answers.append((kind, token, result)))

    def slow(value: str) -> object:
        time.sleep(0.15)
        return value

    thread.submit("query", 1, lambda: slow("first"))
    thread.submit("query", 2, lambda: slow("second"))  # waits
    thread.submit("query", 3, lambda: slow("third"))  # replaces the waiting one
    thread.submit("marks", 3, lambda: 1 / 0)  # a failure comes back as an error value
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=5000)
    assert [(k, t) for k, t, _r in answers] == [("query", 1), ("query", 3), ("marks", 3)]
    assert isinstance(answers[2][2], Exception) and "ZeroDivisionError" in str(answers[2][2])
    assert not thread.busy
    thread.stop()


def test_index_runner_reports_progress_and_the_result(qtbot, data_paths) -> None:
    runner = IndexRunner(data_paths)
    progress: list[tuple[int, int]] = []
    runner.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(runner.finished, timeout=60000) as finished:
        assert runner.start()
        assert not runner.start()  # one at a time: the second runs after
    assert finished.args[0].added  # the seeds were indexed in a child process
    assert progress and progress[-1][0] == progress[-1][1]
    with qtbot.waitSignal(runner.finished, timeout=60000) as again:
        pass  # the queued second update: nothing new to index
    assert not again.args[0].changed
    assert not runner.running


def test_index_runner_says_when_the_index_is_busy(qtbot, data_paths) -> None:
    def busy_job(paths, lock_timeout):
        return IndexJob.start_call(_raise_busy)

    runner = IndexRunner(data_paths, start=busy_job)
    with qtbot.waitSignal(runner.busy, timeout=30000) as busy:
        runner.start()
    assert "busy" in busy.args[0]


def _raise_busy(*, progress) -> None:
    from briefreader.search.indexer import IndexBusyError

    raise IndexBusyError("the search index is busy: another briefreader is updating it")


def yellowish(colour: QColor) -> bool:
    band = QColor(LIGHT[0])
    return (
        abs(colour.redF() - band.redF()) < 0.15
        and abs(colour.greenF() - band.greenF()) < 0.15
        and abs(colour.blueF() - band.blueF()) < 0.15
    )


def test_hit_marks_paint_under_the_text_and_frame_the_current(qtbot) -> None:
    reader = ReaderView(load_palette())
    qtbot.addWidget(reader)
    reader.resize(700, 500)
    doc = SAMPLE_DOCS[2]  # names China and Afghanistan only
    reader.show_document(doc, DocumentMentions.build(doc, find_mentions))
    reader.show()
    qtbot.waitExposed(reader)
    marks = HitMarks(reader)
    paragraph = doc.paragraphs[0]
    start = paragraph.index("pine")
    marks.set_hits([LocalHit(0, start, start + 4), LocalHit(1, 0, 5)], current=1)
    rects = marks.visible_rects()
    assert [n for n, _r in rects] == [0, 1]
    assert all(r.width() > 5 and r.height() > 5 for _n, r in rects)
    image = reader.viewport().grab().toImage()
    first = rects[0][1]
    inside = [
        image.pixelColor(x, first.top() + 2) for x in range(first.left() + 1, first.right(), 1)
    ]
    assert any(yellowish(c) for c in inside)  # the band (under the cursor's tint)
    outside = [image.pixelColor(x, first.top() + 2) for x in range(0, max(first.left() - 30, 1))]
    assert not any(yellowish(c) for c in outside)
    assert marks.rects_of(5) == [] and marks.rects_of(-1) == []
    reader.show_only([1])  # focus mode hides paragraph 0: its mark goes too
    assert [n for n, _r in marks.visible_rects()] == [1]
    marks.ensure_visible(1)
