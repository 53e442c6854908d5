"""`?` shows the keys of the mode it was pressed in first, and moves like a list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefreader.control.keymap import MODES
from tests.ui.conftest import press


def modes_in_order(table) -> list[str]:
    seen: list[str] = []
    for r in range(table.rowCount()):
        mode = table.item(r, 0).text()
        if not seen or seen[-1] != mode:
            seen.append(mode)
    return seen


def open_help(qtbot, window, key: str):
    press(qtbot, key)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.help_box.table)
    return window.help_box.table


def test_from_the_reader_the_normal_keys_come_first(qtbot, window) -> None:
    table = open_help(qtbot, window, "?")
    order = modes_in_order(table)
    assert order[0] == "normal"
    assert len(order) == len(set(order)), "each mode's keys in one block"
    assert set(MODES) - {"palette", "help"} <= set(order)  # every other mode follows


def test_from_the_search_line_the_search_keys_come_first(qtbot, window) -> None:
    press(qtbot, "/")
    qtbot.waitUntil(lambda: window.mode() == "search")
    table = open_help(qtbot, window, "F1")
    order = modes_in_order(table)
    assert order[0] == "search"
    assert "normal" in order[1:]
    commands = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert {c.name for c in window.registry} <= set(commands)  # nothing left out
    assert "search mode first" in window.help_box.heading.text()
    assert window.help_box.windowTitle() == "Keys"  # what the e2e tests find it by


def test_end_home_and_the_page_keys_move_through_the_list(qtbot, window) -> None:
    table = open_help(qtbot, window, "?")
    last = table.rowCount() - 1
    assert table.currentRow() == 0
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentRow() == last
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentRow() == 0
    qtbot.keyClick(table, Qt.Key.Key_PageDown)
    below = table.currentRow()
    assert below > 0
    qtbot.keyClick(table, Qt.Key.Key_PageUp)
    assert table.currentRow() < below
    press(qtbot, "Escape")
    assert not window.help_box.isVisible()
