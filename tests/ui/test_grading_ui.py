"""Grading by keys: a publisher's reliability, a document's own, credibility and claims.

Each grade is set with one key in a picker and shows where the issue asks:
the document list, the excerpt bin, the notes panel's list and the composer.
"""

from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from briefreader.store import Store
from briefreader.ui.notes.grading import ClaimDialog, GradePicker
from briefreader.ui.reader.doclist import GRADE_ROLE
from tests.ui.conftest import make_doc, press, shown_window

TIMES = "The Example Times"
DOCS = [
    make_doc(
        "ISKP in Kabul",
        ["ISKP claimed the attack in Kabul.", "The Taliban denied everything."],
        publisher=TIMES,
        date="2024-03-01",
    ),
    make_doc("Pakistan border", ["Pakistan closed the border."], publisher="the example  times"),
    make_doc("Horn news", ["Al-Shabaab attacked a base in Somalia."], publisher="Horn Review"),
    make_doc("A pamphlet", ["The Taliban spoke of Kabul."]),
]


@pytest.fixture
def store(data_paths):
    opened = Store.open(data_paths)
    yield opened
    opened.close()


@pytest.fixture
def win(qtbot, data_paths, store):
    return shown_window(qtbot, data_paths, DOCS, store)


def row_grade(win, doc_id: str) -> str:
    model = win.doc_model
    return model.index(model.row_of(doc_id)).data(GRADE_ROLE)


def pick(qtbot, win, key: str, kind: type = GradePicker):
    """Wait for the picker, press one key in it, wait for the window to have focus again."""
    dialog = win.notes_work.grading.dialog
    assert isinstance(dialog, kind)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.list)
    press(qtbot, key)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return dialog


def open_document(win, index: int) -> None:
    win.open_document(DOCS[index].id)
    win.focus_pane("reader")


def test_r_grades_the_publisher_for_every_document_from_it(qtbot, win, store) -> None:
    assert row_grade(win, DOCS[0].id) == ""
    press(qtbot, "R")
    dialog = win.notes_work.grading.dialog
    assert isinstance(dialog, GradePicker)
    assert any(TIMES in label.text() for label in dialog.findChildren(QLabel))
    pick(qtbot, win, "b")
    assert store.grades.publisher(TIMES) == "B"
    # The same publisher written another way shares the grade; other publishers do not.
    assert row_grade(win, DOCS[0].id) == "B" and row_grade(win, DOCS[1].id) == "B"
    assert row_grade(win, DOCS[2].id) == ""
    assert "every document" in win.statusBar().currentMessage()
    tooltip = win.doc_model.index(win.doc_model.row_of(DOCS[1].id)).data(3)  # ToolTipRole
    assert "reliability B (usually reliable)" in tooltip
    # Ctrl+R gives the open document its own grade over the publisher's; undo takes it back.
    press(qtbot, "Ctrl+R")
    pick(qtbot, win, "d")
    assert store.grades.document(DOCS[0].id) == "D"
    assert row_grade(win, DOCS[0].id) == "D" and row_grade(win, DOCS[1].id) == "B"
    win.focus_pane("reader")
    press(qtbot, "Ctrl+Z")
    assert store.grades.document(DOCS[0].id) is None
    assert row_grade(win, DOCS[0].id) == "B"
    # 0 forgets the publisher's grade.
    press(qtbot, "R")
    pick(qtbot, win, "0")
    assert store.grades.publisher(TIMES) is None
    assert row_grade(win, DOCS[1].id) == ""


def test_escape_leaves_the_grade_and_a_document_without_publisher_is_graded_alone(
    qtbot, win, store
) -> None:
    press(qtbot, "R")
    pick(qtbot, win, "Escape")
    assert store.grades.book().publishers == {}
    open_document(win, 3)
    press(qtbot, "R")
    pick(qtbot, win, "e")
    assert store.grades.document(DOCS[3].id) == "E"
    assert "names no publisher" in win.statusBar().currentMessage()
    assert row_grade(win, DOCS[3].id) == "E"


def test_credibility_and_claims_from_the_bin_show_beside_the_quote(qtbot, win, store) -> None:
    press(qtbot, "R")
    pick(qtbot, win, "b")
    win.focus_pane("reader")
    press(qtbot, "x")
    (excerpt,) = store.excerpts.list()
    press(qtbot, "6")
    bin_ = win.notes_work.bin
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bin_.table)
    row = bin_.model.row_of(excerpt.id)
    assert bin_.model.index(row, 2).data() == "B–"  # the publisher's grade, no credibility yet
    press(qtbot, "i")
    pick(qtbot, win, "2")
    assert store.excerpts.get(excerpt.id).credibility == 2
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bin_.table)
    assert bin_.model.index(bin_.model.row_of(excerpt.id), 2).data() == "B2"
    press(qtbot, "w")
    claim = win.notes_work.grading.dialog
    assert isinstance(claim, ClaimDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is claim.line)
    qtbot.keyClicks(claim.line, "ISKP via Amaq")
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bin_.table)
    assert store.excerpts.get(excerpt.id).claimant == "ISKP via Amaq"
    flags = bin_.model.index(bin_.model.row_of(excerpt.id), 4).data()
    assert "claim: ISKP via Amaq" in flags
    assert "B2" in win.notes.excerpt_model.index(0, 0).data()  # the panel's list too
    # A publisher's new grade reaches the excerpt's row though the change names no excerpt.
    press(qtbot, "R")
    pick(qtbot, win, "a")
    assert bin_.model.index(bin_.model.row_of(excerpt.id), 2).data() == "A2"
    # Undo in the bin: the grade goes back.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bin_.table)
    press(qtbot, "Ctrl+Z")
    assert bin_.model.index(bin_.model.row_of(excerpt.id), 2).data() == "B2"


def test_the_composer_grades_its_item_and_shows_grade_and_claim(qtbot, win, store) -> None:
    press(qtbot, "x")
    (excerpt,) = store.excerpts.list()
    store.briefings.create("weekly", title="Weekly")
    store.briefings.add("weekly", [excerpt.id])
    press(qtbot, "7")
    controller = win.composer
    qtbot.waitUntil(lambda: controller.composer.briefing is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is controller.pane.tree)
    controller.pane.tree.setCurrentIndex(controller.pane.model.index_of_item(excerpt.id))
    assert win.mode() == "composer"
    press(qtbot, "R")
    pick(qtbot, win, "c")
    assert store.grades.publisher(TIMES) == "C"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is controller.pane.tree)
    press(qtbot, "i")
    pick(qtbot, win, "3")
    assert store.excerpts.get(excerpt.id).credibility == 3
    qtbot.waitUntil(lambda: QApplication.focusWidget() is controller.pane.tree)
    press(qtbot, "w")
    claim = win.notes_work.grading.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is claim.line)
    qtbot.keyClicks(claim.line, "Taliban spokesman")
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: store.excerpts.get(excerpt.id).claimant == "Taliban spokesman")
    model = controller.pane.model
    index = model.index_of_item(excerpt.id)
    assert model.index(index.row(), 1, index.parent()).data().startswith("C3 · ")
    assert "CLAIM · Taliban spokesman" in model.index(index.row(), 0, index.parent()).data()


def test_a_key_reaching_the_window_before_it_is_active_again_grades_in_the_composer(
    qtbot, win, store
) -> None:
    """A picker has closed and the window system has not yet given the window the
    keyboard back: Qt has no active window and no focus widget. The composer's i, which
    reached the window, must still grade the excerpt under the cursor (it ran as a
    key of no pane, and the 2 meant for its picker then moved focus to the reader)."""
    press(qtbot, "x")
    (excerpt,) = store.excerpts.list()
    store.briefings.create("weekly", title="Weekly")
    store.briefings.add("weekly", [excerpt.id])
    press(qtbot, "7")
    controller = win.composer
    qtbot.waitUntil(lambda: QApplication.focusWidget() is controller.pane.tree)
    controller.pane.tree.setCurrentIndex(controller.pane.model.index_of_item(excerpt.id))
    press(qtbot, "R")
    pick(qtbot, win, "c")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(None)  # the keyboard not yet back on the window
    assert QApplication.focusWidget() is None
    QTest.keyClick(win.windowHandle(), Qt.Key.Key_I)  # as the window system sends it
    pick(qtbot, win, "2")
    assert store.excerpts.get(excerpt.id).credibility == 2


def test_grading_commands_are_in_help_and_the_palette_with_their_keys(win) -> None:
    for name, key in (
        ("grade-publisher", "R"),
        ("grade-document", "Ctrl+R"),
        ("grade-credibility", "I"),
        ("mark-claim", "W"),
    ):
        assert win.registry.is_bound(name)
        assert key in win.keymap.keys_for(name, "normal")
        assert win.keymap.keys_for(name, "excerpts") and win.keymap.keys_for(name, "composer")
    assert win.keymap.problems == []
