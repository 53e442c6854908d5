"""Excerpts by keys: capture, visual selection, tags/comment/priority, the bin, jumps, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefreader.store import Store
from briefreader.ui.notes.excerpt_model import EXCERPT_ID_ROLE, ExcerptModel
from tests.ui.conftest import make_doc, press, shown_window

DOCS = [
    make_doc(
        "ISKP in Kabul",
        [
            "ISKP claimed the attack in Kabul. Gen. Smith said the U.S. would respond. "
            "Pakistan closed the border.",
            "Iran sent envoys. The Taliban denied everything.",
            "A quiet closing paragraph.",
        ],
    ),
    make_doc(
        "Al-Shabaab in Somalia", ["Al-Shabaab attacked a base in Somalia. Kenya sent troops."]
    ),
]


@pytest.fixture
def store(data_paths):
    opened = Store.open(data_paths)
    yield opened
    opened.close()


@pytest.fixture
def win(qtbot, data_paths, store):
    return shown_window(qtbot, data_paths, DOCS, store)


def body(window) -> str:
    return window.state.current.body


def wait_focus_in(qtbot, widget) -> None:
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and (
                QApplication.focusWidget() is widget
                or widget.isAncestorOf(QApplication.focusWidget())
            )
        )
    )


def test_x_captures_the_paragraph_with_its_entities(qtbot, win, store) -> None:
    press(qtbot, "x")
    (excerpt,) = store.excerpts.list()
    assert excerpt.quote == DOCS[0].paragraphs[0]
    names = {e.canonical for e in excerpt.entities}
    assert {"Islamic State Khorasan Province", "Pakistan"} <= names
    assert excerpt.content_hash == DOCS[0].content_hash
    assert "captured" in win.statusBar().currentMessage()
    assert win.notes.excerpt_model.rowCount() == 1
    assert win.notes_work.bin.model.rowCount() == 1
    assert win.notes.current_excerpt_id() == excerpt.id
    assert win.notes_work.overlay.marks == [(excerpt.start, excerpt.end)]  # a margin bar
    assert win.notes_work.overlay.rects((excerpt.start, excerpt.end))


def test_shift_x_captures_the_sentence_of_the_current_mention(qtbot, win, store) -> None:
    press(qtbot, "]")
    press(qtbot, "]")
    press(qtbot, "]")  # ISKP, United States, Pakistan: the third sentence
    assert win.state.mention.mention.canonical == "Pakistan"
    press(qtbot, "X")
    assert store.excerpts.list()[0].quote == "Pakistan closed the border."


def test_visual_selection_by_sentence_and_paragraph(qtbot, win, store) -> None:
    press(qtbot, "v")
    assert win.mode() == "visual"
    assert win.mode_label.text() == "VISUAL"
    assert win.notes_work.overlay.rects()  # painted on screen
    press(qtbot, ")")
    assert win.notes_work.selection.visual.text == (
        "ISKP claimed the attack in Kabul. Gen. Smith said the U.S. would respond."
    )
    press(qtbot, "j")  # the end moves to the whole next paragraph
    assert win.state.paragraph == 1  # the cursor follows the moving end
    press(qtbot, "k")
    assert win.notes_work.selection.visual.text == DOCS[0].paragraphs[0]
    press(qtbot, "w")  # only the sentence after the selection
    assert win.notes_work.selection.visual.text == "Iran sent envoys."
    press(qtbot, "b")
    assert win.notes_work.selection.visual.text == "Pakistan closed the border."
    press(qtbot, "l")
    press(qtbot, "o")
    press(qtbot, "h")  # the other end moves back a sentence
    press(qtbot, "y")
    assert win.mode() == "normal"
    overlay = win.notes_work.overlay
    assert not overlay.rects()
    win.reader.verticalScrollBar().setValue(40)  # scrolling moves the text, not the overlay
    assert overlay.geometry() == win.reader.viewport().geometry()
    (excerpt,) = store.excerpts.list()
    assert excerpt.quote == (
        "Gen. Smith said the U.S. would respond. Pakistan closed the border.\n\nIran sent envoys."
    )
    start = body(win).index("Gen. Smith")
    assert (excerpt.start, excerpt.end) == (start, start + len(excerpt.quote))
    press(qtbot, "V")
    press(qtbot, "Escape")
    assert win.mode() == "normal" and len(store.excerpts.list()) == 1


def test_capture_with_details_is_one_undo_step(qtbot, win, store) -> None:
    press(qtbot, "V")
    press(qtbot, "Y")
    dialog = win.notes_work.selection.dialog
    wait_focus_in(qtbot, dialog)
    qtbot.keyClicks(dialog.tags, "kabul, attack")
    press(qtbot, "Tab")
    qtbot.keyClicks(dialog.comment, "corroborate")
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is dialog.priority
    press(qtbot, "Space")
    press(qtbot, "Return")
    (excerpt,) = store.excerpts.list()
    assert (excerpt.tags, excerpt.comment, excerpt.priority) == (
        ("attack", "kabul"),
        "corroborate",
        True,
    )
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.focus_pane("reader")
    press(qtbot, "Ctrl+Z")
    assert store.excerpts.list() == []


def test_tag_comment_flag_delete_and_jump_from_the_bin(qtbot, win, store) -> None:
    press(qtbot, "x")
    press(qtbot, "J")
    press(qtbot, "x")
    press(qtbot, "6")
    bin_ = win.notes_work.bin
    assert QApplication.focusWidget() is bin_.table
    assert win.mode() == "excerpts"
    assert bin_.model.rowCount() == 2
    first = bin_.current_id()
    press(qtbot, "a")
    dialog = win.notes_work.dialog
    wait_focus_in(qtbot, dialog)
    qtbot.keyClicks(dialog.line, "border, ISKP")
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bin_.table)
    assert store.excerpts.get(first).tags == ("border", "ISKP")
    press(qtbot, "-")
    wait_focus_in(qtbot, win.notes_work.dialog)
    qtbot.keyClicks(win.notes_work.dialog.line, "border")
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bin_.table)
    assert store.excerpts.get(first).tags == ("ISKP",)
    press(qtbot, "c")
    comment = win.notes_work.dialog
    wait_focus_in(qtbot, comment)
    qtbot.keyClicks(comment.edit, "ask the desk")
    press(qtbot, "Ctrl+Return")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bin_.table)
    assert store.excerpts.get(first).comment == "ask the desk"
    press(qtbot, "p")
    assert store.excerpts.get(first).priority
    assert "priority" in bin_.model.index(bin_.model.row_of(first), 4).data()
    press(qtbot, "j" if bin_.model.row_of(first) == 0 else "k")  # the list's own keys
    second = bin_.current_id()
    assert second != first
    press(qtbot, "d")
    assert [e.id for e in store.excerpts.list()] == [first]
    press(qtbot, "Ctrl+Z")
    assert {e.id for e in store.excerpts.list()} == {first, second}
    bin_.select(first)
    press(qtbot, "Return")  # go to the excerpt: its document, its paragraph, the reader
    assert win.state.current.id == store.excerpts.get(first).doc_id
    assert QApplication.focusWidget() is win.reader
    assert win.state.paragraph == 0
    assert win.notes_work.overlay.span == (
        store.excerpts.get(first).start,
        store.excerpts.get(first).end,
    )


def test_the_bin_filters_from_the_keyboard(qtbot, win, store) -> None:
    press(qtbot, "x")
    press(qtbot, "j")
    press(qtbot, "x")
    press(qtbot, "J")
    press(qtbot, "x")
    press(qtbot, "6")
    bin_ = win.notes_work.bin
    assert bin_.model.rowCount() == 3
    press(qtbot, "f")
    assert QApplication.focusWidget() is bin_.words
    assert win.mode() == "insert"
    qtbot.keyClicks(bin_.words, "somalia")
    assert bin_.model.rowCount() == 1
    press(qtbot, "Return")  # back to the list, the filter stays
    assert QApplication.focusWidget() is bin_.table
    press(qtbot, "F")
    assert bin_.model.rowCount() == 3
    press(qtbot, "f")
    press(qtbot, "Tab")  # the entity filter: letters pick, they run no command
    combo = bin_.combos["entity"]
    assert QApplication.focusWidget() is combo
    combo.setCurrentIndex(combo.findData("Iran"))
    assert bin_.model.rowCount() == 1
    assert "Iran" in bin_.model.index(0, 0).data()
    press(qtbot, "Escape")
    assert QApplication.focusWidget() is bin_.table
    assert "entity Iran" in bin_.count.text()


def test_undo_and_redo_across_the_panes(qtbot, win, store) -> None:
    press(qtbot, "x")  # in the reader
    eid = store.excerpts.list()[0].id
    press(qtbot, "E")  # the open document's excerpts in the notes panel
    assert QApplication.focusWidget() is win.notes.excerpts
    assert win.mode() == "excerpts"
    press(qtbot, "p")
    assert store.excerpts.get(eid).priority
    press(qtbot, "2")
    press(qtbot, "Ctrl+Z")  # in the reader: the flag goes
    assert not store.excerpts.get(eid).priority
    press(qtbot, "1")
    press(qtbot, "Ctrl+Z")  # in the document list: the capture goes
    assert store.excerpts.list() == []
    press(qtbot, "Ctrl+Z")
    assert "nothing to undo" in win.statusBar().currentMessage()
    press(qtbot, "Ctrl+Shift+Z")
    press(qtbot, "Ctrl+Y")
    assert store.excerpts.get(eid).priority
    assert win.notes.excerpt_model.rowCount() == 1


def test_excerpt_models_pass_the_model_tester(qtmodeltester, store) -> None:
    doc = DOCS[0]
    markup = make_doc("<b>t</b>", ["<img src=x onerror=alert(1)> said <i>ISKP</i>."])
    for d in (doc, markup):
        store.excerpts.capture(d.id, d.body, 0, len(d.paragraphs[0]), tags=["<b>tag</b>"])
    for compact in (False, True):
        model = ExcerptModel(compact=compact)
        model.set_excerpts(store.excerpts.list(), {doc.id: doc.title}.get)
        qtmodeltester.check(model)
        texts = [model.index(r, 0).data() for r in range(model.rowCount())]
        assert any("<img src=x" in t for t in texts)  # shown as the characters it is
        tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert "&lt;" in tip and "<b>tag</b>" not in tip
        assert model.index(0, 0).data(EXCERPT_ID_ROLE) is not None


def test_excerpts_follow_a_reimported_article_to_its_new_version(
    qtbot, win, store, tmp_path
) -> None:
    article = tmp_path / "article.txt"
    text = (
        "Kabul attack claimed by ISKP\n\n"
        "Islamic State Khorasan Province claimed the attack in Kabul on Monday.\n\n"
        "A spokesman blamed fighters who had crossed from Pakistan.\n"
    )
    article.write_text(text, encoding="utf-8")
    win.import_paths([article])
    qtbot.waitUntil(lambda: not win.jobs.running, timeout=20000)
    old = win.state.current
    assert old.title == "Kabul attack claimed by ISKP"
    press(qtbot, "x")
    press(qtbot, "G")
    press(qtbot, "x")
    article.write_text(text.replace("on Monday", "early on Monday"), encoding="utf-8")
    win.import_paths([article])
    qtbot.waitUntil(lambda: not win.jobs.running, timeout=20000)
    qtbot.waitUntil(lambda: "excerpts on new versions" in win.statusBar().currentMessage())
    moved = store.excerpts.list()
    assert {e.doc_id for e in moved} == {win.state.current.id} != {old.id}
    assert sorted(e.status for e in moved) == ["anchored", "fuzzy"]
    assert "1 moved" in win.statusBar().currentMessage()
    assert win.notes.excerpt_model.rowCount() == 2  # the panel shows them on the new version


def test_notes_on_an_excerpt_and_on_a_briefing_by_keys(qtbot, win, store) -> None:
    from briefreader.store import NoteTarget

    press(qtbot, "x")
    press(qtbot, "6")  # the bin
    bin_ = win.notes_work.bin
    excerpt_id = bin_.current_id()
    press(qtbot, "n")  # a note on the excerpt: the notes panel's editor points at it
    panel = win.notes_work.panel
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.editor)
    assert panel.title.text().startswith("Note on the excerpt “ISKP claimed")
    qtbot.keyClicks(panel.editor, "Check against the UN report")
    press(qtbot, "Escape")  # leaving the editor saves at once
    note = store.notes.get(NoteTarget.excerpt(excerpt_id))
    assert note is not None and note.text == "Check against the UN report"
    assert store.notes.get(NoteTarget.document(win.state.current.id)) is None
    press(qtbot, "5")  # back to the document's own note
    assert panel.title.text() == "Note on “ISKP in Kabul”"
    assert panel.editor.toPlainText() == ""
    press(qtbot, "Escape")  # out of the editor (5 focused it)
    # The open briefing's note, from the composer.
    press(qtbot, "7")
    win.composer.apply(win.composer.composer.create("Weekly"))
    briefing_id = win.composer.composer.briefing_id
    assert win.mode() == "composer"
    press(qtbot, "n")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.editor)
    assert panel.title.text() == "Note on briefing “Weekly”"
    qtbot.keyClicks(panel.editor, "For the Thursday meeting")
    press(qtbot, "Escape")
    note = store.notes.get(NoteTarget.briefing(briefing_id))
    assert note is not None and note.text == "For the Thursday meeting"
    press(qtbot, "J")  # another document: its own note again
    assert panel.title.text() == "Note on “Al-Shabaab in Somalia”"
