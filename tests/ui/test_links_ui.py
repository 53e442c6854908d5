"""The window's side of briefreader:// links: a link sent to the open window shows its paragraph."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from briefreader.control.link_channel import send
from briefreader.entities import find_mentions
from briefreader.export.links import doc_link
from briefreader.ui.window import MainWindow
from tests.ui.conftest import SAMPLE_DOCS, sample_snapshot


@pytest.fixture(autouse=True)
def runtime(monkeypatch):
    folder = Path(tempfile.mkdtemp(prefix="br-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()


def make_window(qtbot, data_paths) -> MainWindow:
    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(sample_snapshot())
    win.show()
    qtbot.waitExposed(win)
    return win


def ask(qtbot, data_paths, url: str) -> str:
    """What `briefreader open URL` would print: sent from a thread while Qt runs."""
    answers: list[str | None] = []
    sender = threading.Thread(target=lambda: answers.append(send(data_paths, url)), daemon=True)
    sender.start()
    qtbot.waitUntil(lambda: bool(answers), timeout=10000)
    sender.join(5)
    assert answers[0] is not None
    return answers[0]


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")
def test_a_link_sent_to_the_window_shows_its_paragraph(qtbot, data_paths) -> None:
    win = make_window(qtbot, data_paths)
    assert win.links.listen() is None
    target = SAMPLE_DOCS[0]
    assert win.state.current.id != target.id or win.state.paragraph != 3
    win.open_document(SAMPLE_DOCS[1].id)
    answer = ask(qtbot, data_paths, doc_link(target.id, 4))
    assert answer == "opened “ISKP claims attack in Kabul” at ¶ 4"
    assert win.state.current.id == target.id and win.state.paragraph == 3
    assert QApplication.focusWidget() is win.reader
    assert "at ¶ 4" in win.statusBar().currentMessage()
    # Past the end: the last paragraph, and the answer says so.
    answer = ask(qtbot, data_paths, doc_link(SAMPLE_DOCS[2].id, 9))
    assert answer.endswith("at ¶ 2 (it has 2 paragraphs, not 9)")
    assert win.state.paragraph == 1
    assert ask(qtbot, data_paths, "briefreader://doc/zzzzzzzzzzzz#p1").startswith(
        "error no document in this library has that link"
    )
    assert ask(qtbot, data_paths, "") == "opened the window"
    # A second window on the same library leaves the links to the first.
    second = make_window(qtbot, data_paths)
    assert "another briefreader window" in (second.links.listen() or "")
    win.links.close()


def test_a_window_started_on_a_link_goes_there_once_loaded(qtbot, data_paths) -> None:
    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.links.pending = doc_link(SAMPLE_DOCS[2].id, 2)
    win.apply_snapshot(sample_snapshot())
    win.links.open_pending()
    assert win.state.current.id == SAMPLE_DOCS[2].id and win.state.paragraph == 1
    assert win.links.pending == ""
