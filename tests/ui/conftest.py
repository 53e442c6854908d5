"""Qt runs offscreen here: set before any test imports Qt, so no display is needed."""

from __future__ import annotations

import os
from dataclasses import replace

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from briefreader.control.library import LibrarySnapshot, document_entities
from briefreader.domain import Document, Story, content_id
from briefreader.entities import find_mentions
from briefreader.ui.common.actions import qt_key
from briefreader.ui.window import MainWindow


def make_doc(title: str, paragraphs: list[str], **fields) -> Document:
    body = "\n\n".join(paragraphs)
    return Document(id=content_id(title + body), title=title, body=body, **fields)


SAMPLE_DOCS = [
    make_doc(
        "ISKP claims attack in Kabul",
        [
            "The Islamic State Khorasan Province (ISKP) said it attacked a market in Kabul.",
            "Officials in Afghanistan blamed IS-K, while Pakistan condemned the attack.",
            "Analysts say the Taliban struggle to contain the group.",
            "A quiet paragraph about the weather, naming nobody.",
            "ISIS-K has also threatened targets in Pakistan and in Iran.",
        ],
        publisher="The Example Times",
        author="A. Writer",
        date="2024-03-01",
    ),
    make_doc(
        "Al-Shabaab in Somalia",
        [
            "Al-Shabaab fighters attacked a base in Somalia.",
            "Kenya sent troops to support Somalia against al-Shabaab.",
        ],
        publisher="Horn Review",
    ),
    make_doc(
        "Markets and pine nuts",
        ["China buys pine nuts from Afghanistan.", "Trade grew in 2019."],
        publisher="Trade Weekly",
    ),
]


def sample_snapshot(docs: list[Document] | None = None) -> LibrarySnapshot:
    docs = list(docs or SAMPLE_DOCS)
    stories = [Story(id=f"s-{d.id}", title=d.title, document_ids=(d.id,)) for d in docs]
    docs = [replace(d, story_id=f"s-{d.id}") for d in docs]
    entities = {d.id: document_entities(d, find_mentions) for d in docs}
    return LibrarySnapshot(tuple(docs), tuple(stories), (), entities)


def press(qtbot, keys: str) -> None:
    """Type one key of our notation (`j`, `J`, `t g`, `Ctrl+Q`) on the focused widget."""
    sequence = QKeySequence(qt_key(keys))
    for i in range(sequence.count()):
        combo = sequence[i]
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has focus"
        key, modifiers = combo.key(), combo.keyboardModifiers()
        if Qt.Key.Key_A.value <= key.value <= Qt.Key.Key_Z.value and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            # As a keyboard does: Shift+j arrives as "J" with Shift held, j as "j".
            char = chr(key.value) if modifiers else chr(key.value).lower()
            qtbot.keyClick(widget, char, modifiers)
        else:
            qtbot.keyClick(widget, key, modifiers)


def shown_window(qtbot, data_paths, docs: list[Document] | None = None, store=None) -> MainWindow:
    """A window on `docs` (the sample by default), with `store` attached, shown,
    active and reading."""
    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(sample_snapshot(docs))
    if store is not None:
        win.attach_store(store)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.focus_pane("reader")
    return win


@pytest.fixture
def window(qtbot, data_paths):
    return shown_window(qtbot, data_paths)


#: The offscreen platform says this whenever a dock or a dialog sets its size
#: hints; it is about the test platform, not about briefreader.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
