"""Every reading command, driven by its key on the focused widget, with its visible effect."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLE_DOCS, press


def title_of(window) -> str:
    return window.windowTitle()


def test_window_title_and_status_name_the_document(window) -> None:
    assert title_of(window) == f"briefreader — {SAMPLE_DOCS[0].title}"
    assert SAMPLE_DOCS[0].title in window.doc_label.text()
    assert window.position_label.text().startswith("¶ 1/5")
    assert window.mode_label.text() == "NORMAL"


def test_documents_step_with_shift_j_and_shift_k(qtbot, window) -> None:
    press(qtbot, "J")
    assert title_of(window).endswith(SAMPLE_DOCS[1].title)
    press(qtbot, "J")
    assert title_of(window).endswith(SAMPLE_DOCS[2].title)
    press(qtbot, "J")  # the last: stays, and says so
    assert title_of(window).endswith(SAMPLE_DOCS[2].title)
    assert "no more documents" in window.statusBar().currentMessage()
    press(qtbot, "K")
    assert title_of(window).endswith(SAMPLE_DOCS[1].title)
    press(qtbot, "Ctrl+PgDown")
    assert title_of(window).endswith(SAMPLE_DOCS[2].title)


def test_paragraph_cursor_moves_and_is_drawn(qtbot, window) -> None:
    press(qtbot, "j")
    press(qtbot, "Down")
    assert window.state.paragraph == 2
    assert window.reader.paragraph == 2
    block = window.reader.document().findBlockByNumber(window.reader.block_of_paragraph(2))
    assert block.text() == SAMPLE_DOCS[0].paragraphs[2]
    assert window.reader.cursor_rect().height() > 0
    press(qtbot, "k")
    assert window.state.paragraph == 1
    press(qtbot, "G")
    assert window.state.paragraph == 4
    press(qtbot, "g g")
    assert window.state.paragraph == 0
    press(qtbot, "End")
    assert window.state.paragraph == 4
    press(qtbot, "Home")
    assert window.state.paragraph == 0


def test_reaching_the_end_marks_read_and_r_toggles_it(qtbot, window) -> None:
    doc = SAMPLE_DOCS[0].id
    assert doc not in window.state.read
    press(qtbot, "G")
    assert doc in window.state.read
    press(qtbot, "r")
    assert doc not in window.state.read
    assert "unread" in window.doc_label.text()


def test_mentions_step_and_show_name_and_kind(qtbot, window) -> None:
    press(qtbot, "]")
    assert window.state.mention is not None
    assert window.reader.mention_rects()  # outlined on screen
    first = window.state.mention.mention.canonical
    assert first in window.position_label.text()
    assert f"— {window.state.mention.mention.kind}" in window.position_label.text()
    press(qtbot, "]")
    second = window.state.mention
    press(qtbot, "[")
    assert window.state.mention.mention.canonical == first
    assert second is not None


def test_entity_mentions_and_focus_mode(qtbot, window) -> None:
    press(qtbot, "e")  # the first entity of paragraph 0: ISKP
    key = window.state.selected
    assert key is not None and key[0] == "group"
    paragraphs = []
    for _ in range(3):
        press(qtbot, "n")
        paragraphs.append(window.state.paragraph)
    assert all(
        any(m.mention.canonical == key[1] for m in window.state.mentions.in_paragraph(p))
        for p in paragraphs
    )
    press(qtbot, "N")
    press(qtbot, "f")
    assert window.state.focus_mode
    document = window.reader.document()
    quiet = document.findBlockByNumber(window.reader.block_of_paragraph(3))
    assert not quiet.isVisible()  # "a quiet paragraph" names nobody
    press(qtbot, "j")
    assert window.state.paragraph in window.state.visible_paragraphs()
    press(qtbot, "f")
    assert not window.state.focus_mode
    assert quiet.isVisible()


def mention_formats(window, paragraph: int) -> list:
    block = window.reader.document().findBlockByNumber(window.reader.block_of_paragraph(paragraph))
    return [r for r in block.layout().formats() if r.format.background().style() != 0]


def test_toggling_a_kind_removes_its_highlighting(qtbot, window) -> None:
    assert mention_formats(window, 0)
    press(qtbot, "t g")
    assert "group" in window.state.hidden_kinds
    kinds = {
        m.mention.kind
        for m in window.state.mentions.in_paragraph(0)
        if window.state.is_shown(("group", m.mention.canonical))
    }
    assert "group" not in kinds
    press(qtbot, "t c")
    assert not mention_formats(window, 0)
    press(qtbot, "t g")
    press(qtbot, "t c")
    assert mention_formats(window, 0)


def test_groups_and_countries_differ_by_more_than_colour(window) -> None:
    group = window.reader.highlighter.format_for("group")
    country = window.reader.highlighter.format_for("country")
    assert (group.fontWeight(), group.underlineStyle()) != (
        country.fontWeight(),
        country.underlineStyle(),
    )


def test_zoom_keys(qtbot, window) -> None:
    press(qtbot, "+")
    press(qtbot, "Ctrl++")
    assert window.reader.zoom == 2
    press(qtbot, "-")
    assert window.reader.zoom == 1
    press(qtbot, "Ctrl+0")
    assert window.reader.zoom == 0


def test_number_keys_focus_each_pane(qtbot, window) -> None:
    for key, widget in (
        ("1", window.doc_list),
        ("3", window.legend),
        ("4", window.facets.list),
        ("5", window.notes),
        ("2", window.reader),
    ):
        press(qtbot, key)
        focused = QApplication.focusWidget()  # the notes pane focuses its note editor
        assert focused is widget or widget.isAncestorOf(focused), key


def test_document_list_moves_with_j_and_opens(qtbot, window) -> None:
    press(qtbot, "1")
    press(qtbot, "j")
    assert title_of(window).endswith(SAMPLE_DOCS[1].title)
    press(qtbot, "Down")
    assert title_of(window).endswith(SAMPLE_DOCS[2].title)
    press(qtbot, "Escape")
    assert QApplication.focusWidget() is window.reader


def test_filter_by_selected_entity_and_clear(qtbot, window) -> None:
    press(qtbot, "e")
    press(qtbot, "F")
    selected = window.state.selected
    assert selected in window.state.filter.entities
    assert window.doc_model.rowCount() == 1
    press(qtbot, "c")
    assert window.doc_model.rowCount() == 3


def test_facet_values_tick_with_space_and_combine_with_and(qtbot, window) -> None:
    press(qtbot, "4")
    model = window.facet_model
    pakistan = model.row_of(("country", "Pakistan"))
    afghanistan = model.row_of(("country", "Afghanistan"))
    assert pakistan is not None and afghanistan is not None
    window.facets.list.setCurrentIndex(model.index(afghanistan))
    press(qtbot, "Space")
    assert window.doc_model.rowCount() == 2  # the ISKP piece and the pine nuts
    window.facets.list.setCurrentIndex(model.index(model.row_of(("country", "Pakistan"))))
    press(qtbot, "Space")
    assert window.doc_model.rowCount() == 1
    assert model.row(model.row_of(("country", "Pakistan"))).count == 1


def test_typing_in_the_facet_line_is_insert_mode(qtbot, window) -> None:
    window.facets.narrow.setFocus()
    assert window.mode() == "insert"
    press(qtbot, "j")
    press(qtbot, "J")
    assert window.facets.narrow.text() == "jJ"
    assert window.state.paragraph == 0
    assert title_of(window).endswith(SAMPLE_DOCS[0].title)
    press(qtbot, "Escape")
    assert QApplication.focusWidget() is window.reader


def test_read_filter_and_story_versions(qtbot, window) -> None:
    press(qtbot, "r")
    press(qtbot, "u")
    assert window.state.filter.read == "unread"
    assert window.doc_model.rowCount() == 2
    press(qtbot, "u")
    assert window.doc_model.rowCount() == 1
    press(qtbot, "u")
    press(qtbot, "s")
    assert window.state.filter.one_per_story


def test_palette_runs_a_command_by_fuzzy_name(qtbot, window) -> None:
    press(qtbot, ":")
    assert window.palette_box.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.palette_box.query)
    assert window.mode() == "palette"
    qtbot.keyClicks(window.palette_box.query, "nextdoc")
    first = window.palette_box.model.index(0).data()
    assert "next-document" in first and "[J]" in first
    press(qtbot, "Return")
    assert not window.palette_box.isVisible()
    assert title_of(window).endswith(SAMPLE_DOCS[1].title)


def test_palette_closes_with_escape(qtbot, window) -> None:
    press(qtbot, "Ctrl+Shift+P")
    assert window.palette_box.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.palette_box.query)
    press(qtbot, "Down")
    press(qtbot, "Escape")
    assert not window.palette_box.isVisible()


def test_help_overlay_lists_every_binding(qtbot, window) -> None:
    press(qtbot, "?")
    assert window.help_box.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.help_box.table)
    table = window.help_box.table
    rows = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert {c.name for c in window.registry} <= rows
    press(qtbot, "Escape")
    assert not window.help_box.isVisible()


def test_page_keys_scroll_and_move_the_cursor(qtbot, window) -> None:
    long_doc = window.state.documents[0]
    window.reader.resize(500, 200)
    bar = window.reader.verticalScrollBar()
    assert long_doc.id == window.state.current.id
    press(qtbot, "Space")
    assert bar.value() > 0
    assert window.state.paragraph >= 1
    press(qtbot, "Shift+Space")
    assert bar.value() == 0


def test_yank_copies_the_paragraph(qtbot, window) -> None:
    press(qtbot, "j")
    press(qtbot, "y")
    assert QApplication.clipboard().text() == SAMPLE_DOCS[0].paragraphs[1]


def test_ctrl_q_quits_and_saves_state(qtbot, window, data_paths) -> None:
    press(qtbot, "J")
    press(qtbot, "j")
    press(qtbot, "Ctrl+Q")
    assert not window.isVisible()
    saved = data_paths.ui_state.read_text(encoding="utf-8")
    assert window.state.current.id in saved


def test_a_mention_under_the_mouse_names_its_entity(qtbot, window) -> None:
    from PySide6.QtCore import QPoint

    press(qtbot, "]")
    rect = window.reader.mention_rects()[0]
    item = window.reader.mention_at(QPoint(rect.center().x(), rect.center().y()))
    assert item is not None
    assert item.mention.canonical == window.state.mention.mention.canonical
    assert window.reader.mention_at(QPoint(2, 2)) is None
