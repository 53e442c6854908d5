"""A fast typist's keys go where they were meant: into the prompt being opened, or to the
window once it is ready, in the order typed (the window's KeyGate)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def shown(window) -> int:
    """Which of the listed documents the reader shows."""
    return [doc.id for doc in window.state.visible].index(window.state.current.id)


def test_keys_reaching_the_window_while_a_prompt_opens_go_into_the_prompt(qtbot, window) -> None:
    """The palette is up but the window system has not yet handed it the keyboard: the
    keys still reach the reader. They must not run as reading commands (f is focus
    mode, j the next paragraph) but be typed into the prompt."""
    window.run_command("command-palette")
    palette = window.palette_box
    assert palette.isVisible()
    qtbot.keyClicks(window.reader, "fj")
    assert palette.query.text() == "fj"
    assert not window.state.focus_mode and window.state.paragraph == 0
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)  # into the palette too: it closes
    qtbot.waitUntil(lambda: not palette.isVisible())
    assert window.key_gate.prompt() is None


def test_keys_reaching_a_closed_prompt_go_to_the_window(qtbot, window) -> None:
    """The palette has closed; the keyboard is not back on the window yet."""
    window.run_command("command-palette")
    palette = window.palette_box
    palette.reject()
    assert not palette.isVisible()
    qtbot.keyClick(palette.query, "j")
    qtbot.waitUntil(lambda: window.state.paragraph == 1)
    assert palette.query.text() == ""


def test_a_click_on_the_window_while_a_prompt_is_up_is_ignored(qtbot, window) -> None:
    window.run_command("command-palette")
    view = window.doc_list
    third = view.visualRect(window.doc_model.index(2, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=third)
    assert window.doc_list.currentIndex().row() == 0
    window.palette_box.reject()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=third)
    assert window.doc_list.currentIndex().row() == 2  # the same click, once it is closed


def test_keys_typed_before_the_window_is_ready_run_in_order_once_it_is(qtbot, window) -> None:
    gate = window.key_gate
    gate.hold()  # as the launcher does until the library, the store and the matcher load
    for key in "jjk":
        qtbot.keyClick(window.reader, key)
    qtbot.keyClick(window.reader, "J", Qt.KeyboardModifier.ShiftModifier)  # next document
    assert window.state.paragraph == 0 and shown(window) == 0
    assert [k.text for k in gate.held] == ["j", "j", "k", "J"]
    gate.open()
    qtbot.waitUntil(lambda: gate.is_ready)
    assert shown(window) == 1  # after j j k on the first: the second document


def test_held_keys_that_open_a_prompt_type_the_rest_into_it(qtbot, window) -> None:
    gate = window.key_gate
    gate.hold()
    qtbot.keyClick(window.reader, ":", Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.reader, "next-doc")
    gate.open()
    qtbot.waitUntil(lambda: gate.is_ready)
    assert window.palette_box.isVisible()
    assert window.palette_box.query.text() == "next-doc"
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)  # runs the palette's first match
    qtbot.waitUntil(lambda: not window.palette_box.isVisible())
    assert shown(window) == 1
    assert QApplication.activeModalWidget() is None
