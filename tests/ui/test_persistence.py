"""Geometry, layout, the last document, positions, read state and filters survive a restart."""

from __future__ import annotations

import json

from briefreader.entities import find_mentions
from briefreader.ui.window import MainWindow
from tests.ui.conftest import SAMPLE_DOCS, press, sample_snapshot


def test_state_survives_a_restart(qtbot, window, data_paths) -> None:
    window.resize(700, 500)
    press(qtbot, "J")
    press(qtbot, "j")  # the last paragraph: read
    press(qtbot, "t c")
    press(qtbot, "+")
    window.docks["notes"].hide()
    window.close()
    saved = json.loads(data_paths.ui_state.read_text(encoding="utf-8"))
    assert saved["last_document"] == SAMPLE_DOCS[1].id
    assert saved["last_session"]["title"].endswith(SAMPLE_DOCS[1].title)

    again = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(again)
    again.apply_snapshot(sample_snapshot())
    assert again.state.current.id == SAMPLE_DOCS[1].id
    assert again.state.paragraph == 1
    assert SAMPLE_DOCS[1].id in again.state.read
    assert again.state.hidden_kinds == {"country"}
    assert again.reader.zoom == 1
    assert again.size().width() == 700
    assert not again.docks["notes"].isVisibleTo(again)


def test_a_damaged_state_file_is_set_aside(qtbot, data_paths) -> None:
    data_paths.ui_state.write_text("{not json", encoding="utf-8")
    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(sample_snapshot())
    assert win.state.current.id == SAMPLE_DOCS[0].id
    assert data_paths.ui_state.with_suffix(".damaged.json").exists()


def test_user_key_overrides_apply(qtbot, data_paths) -> None:
    data_paths.keys_file.write_text(
        '[normal]\n"x" = "next-document"\n"J" = ""\n"q" = "no-such-command"\n', encoding="utf-8"
    )
    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(sample_snapshot())
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow())
    win.focus_pane("reader")
    assert "no-such-command" in win.statusBar().currentMessage()
    press(qtbot, "J")
    assert win.state.current.id == SAMPLE_DOCS[0].id
    press(qtbot, "x")
    assert win.state.current.id == SAMPLE_DOCS[1].id


def test_read_state_and_positions_go_to_the_store(qtbot, data_paths) -> None:
    from briefreader.store import Store

    def open_window() -> MainWindow:
        win = MainWindow(data_paths, matcher=find_mentions)
        qtbot.addWidget(win)
        snapshot = sample_snapshot()
        win.state.set_library(snapshot.documents, snapshot.stories)
        win.attach_store(Store.open(data_paths))
        win.apply_snapshot(snapshot)
        return win

    win = open_window()
    win.apply(win.state.next_paragraph())
    win.apply(win.state.next_paragraph())
    win.apply(win.state.toggle_read())
    win.apply(win.state.next_document())  # switching documents saves the position
    with Store.open(data_paths, read_only=True) as store:
        state = store.reading.get(SAMPLE_DOCS[0].id)
    assert state.read
    assert state.position == SAMPLE_DOCS[0].paragraph_spans()[2][0]
    win.close()
    data_paths.ui_state.unlink()  # only the store remembers now

    again = open_window()
    assert SAMPLE_DOCS[0].id in again.state.read
    again.apply(again.state.open(SAMPLE_DOCS[0].id))
    assert again.state.paragraph == 2
    again.close()


def test_import_runs_in_a_worker_and_opens_the_new_document(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "report.txt").write_text(
        "Kabul blast claimed by ISKP\n\n"
        "The Islamic State Khorasan Province said it struck Kabul.\n\n"
        "Pakistan condemned the attack on Tuesday.\n",
        encoding="utf-8",
    )
    window.import_paths([folder])
    qtbot.waitUntil(lambda: "import:" in window.statusBar().currentMessage(), timeout=30000)
    assert "1 added" in window.statusBar().currentMessage()
    assert "Kabul blast" in window.windowTitle()
    assert window.state.mentions is not None and len(window.state.mentions) >= 2


def test_text_shows_before_the_matcher_and_highlighting_follows(qtbot, data_paths) -> None:
    win = MainWindow(data_paths)  # no matcher yet, as at start-up
    qtbot.addWidget(win)
    win.apply_snapshot(sample_snapshot())
    assert SAMPLE_DOCS[0].paragraphs[0] in win.reader.toPlainText()
    assert win.state.mentions is not None and len(win.state.mentions) == 0
    win.apply(win.state.next_paragraph())
    win.set_matcher(find_mentions)
    assert win.state.paragraph == 1  # the reader's place is kept
    assert len(win.state.mentions) > 0
    assert win.legend_model.rowCount() > 0
