"""The tag and comment prompts save the same way (Return), say how, and quote once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from briefreader.ui.notes.excerpt_dialogs import CommentDialog, TagsDialog, quoted


def labels(dialog: QWidget) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_return_saves_a_comment_and_shift_return_starts_a_new_line(qtbot) -> None:
    saved: list[str] = []
    dialog = CommentDialog("A quote.", "", saved.append)  # deletes itself on closing
    dialog.ask()
    qtbot.keyClicks(dialog.edit, "first line")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.edit, "second")
    assert saved == []
    assert any("Return saves" in text and "Shift+Return" in text for text in labels(dialog))
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert saved == ["first line\nsecond"]


def test_return_saves_tags_and_the_prompt_says_so(qtbot) -> None:
    saved: list[list[str]] = []
    dialog = TagsDialog("Tag the excerpt", "Tags:", [], saved.append)  # deletes itself
    dialog.ask()
    assert any(text.startswith("Return saves") for text in labels(dialog))
    qtbot.keyClicks(dialog.line, "pine nuts, trade")
    qtbot.keyClick(dialog.line, Qt.Key.Key_Return)
    assert saved == [["pine nuts", "trade"]]


def test_the_quote_in_the_header_is_quoted_once(qtbot) -> None:
    dialog = CommentDialog("“China hopes and believes,” he said.”", "", lambda _t: None)
    qtbot.addWidget(dialog)
    header = labels(dialog)[0]
    assert header == "“China hopes and believes,” he said.”"
    assert not header.startswith("““")
    assert quoted('"Plain quotes"', 100) == "“Plain quotes”"
    assert quoted("No marks at all", 100) == "“No marks at all”"
    assert quoted("‘Single’", 100) == "“Single”"
