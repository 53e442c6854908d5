"""Right-to-left text in the reader: each paragraph takes the direction of its own text.

An Arabic, Persian or Urdu paragraph runs from the right margin and is
right-aligned; an English paragraph quoting an Arabic name stays
left-to-right with the name in place; a Russian paragraph is left-to-right.
Names in Arabic script are highlighted where they stand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from briefreader.control.colours import load_palette
from briefreader.control.mentions import DocumentMentions
from briefreader.domain import Document
from briefreader.entities import find_mentions
from briefreader.ui.reader.view import ReaderView

ENGLISH = "An English paragraph that names ولاية خراسان in passing, then goes on in English."
ARABIC = (
    "أعلنت ولاية خراسان مسؤوليتها عن الهجوم في كابل يوم الجمعة، وقال بيان نشرته "
    "وكالة أعماق إن ISKP استهدفت حركة طالبان."
)
URDU = "تحریک طالبان پاکستان نے حملے کی ذمہ داری قبول کر لی ہے۔"
RUSSIAN = "ИГИЛ взяла на себя ответственность за нападение."


def _shown(qtbot) -> ReaderView:  # type: ignore[no-untyped-def]
    view = ReaderView(load_palette())
    qtbot.addWidget(view)
    view.resize(640, 480)
    doc = Document(id="rtl", title="عنوان عربي", body="\n\n".join([ENGLISH, ARABIC, URDU, RUSSIAN]))
    view.show_document(doc, DocumentMentions.build(doc, find_mentions))
    view.show()
    qtbot.waitExposed(view)
    return view


def _lines(view: ReaderView, paragraph: int) -> list[tuple[float, float]]:
    layout = view.document().findBlockByNumber(view.block_of_paragraph(paragraph)).layout()
    return [
        (layout.lineAt(i).naturalTextRect().left(), layout.lineAt(i).naturalTextRect().right())
        for i in range(layout.lineCount())
    ]


def test_each_paragraph_takes_its_own_direction(qtbot) -> None:
    view = _shown(qtbot)
    directions = [
        view.document().findBlockByNumber(view.block_of_paragraph(i)).textDirection()
        for i in range(4)
    ]
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert directions == [ltr, rtl, rtl, ltr]
    title = view.document().findBlockByNumber(0)
    assert title.textDirection() == rtl


def test_right_to_left_paragraphs_hang_from_the_right_margin(qtbot) -> None:
    view = _shown(qtbot)
    width = view.document().textWidth() - 2 * view.document().documentMargin()
    for paragraph in (1, 2):  # Arabic, Urdu
        lines = _lines(view, paragraph)
        assert all(abs(right - width) < 2 for _left, right in lines), lines
        assert lines[-1][0] > 10  # the last, short line is ragged on the left
    for paragraph in (0, 3):  # English, Russian
        assert all(left < 1 for left, _right in _lines(view, paragraph))


def test_an_arabic_name_is_highlighted_where_it_stands(qtbot) -> None:
    view = _shown(qtbot)
    block = view.document().findBlockByNumber(view.block_of_paragraph(1))
    name = "ولاية خراسان"
    start = block.position() + ARABIC.index(name)
    formats = [
        r for r in block.layout().formats() if r.start <= ARABIC.index(name) < r.start + r.length
    ]
    assert formats, "the name carries the group's highlight"
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    first_letter = view.cursorRect(cursor)
    assert first_letter.left() > view.viewport().width() / 2  # read from the right
