"""A highlighted name in a headline keeps the headline's look (issue 11, item 2).

The seeds' pine-nut article names "Afghan" in its bold title and "Taliban" in
its italic standfirst; the Telegraph's title names "Isis-K" and the Taliban.
A mark may add colour, a background and its underline cue, never take away
the line's size, weight or slant. Read from the character formats the
highlighter gave each range.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat

from briefreader.control.library import load_library
from briefreader.domain import Document
from briefreader.entities import find_mentions
from briefreader.paths import DataPaths
from briefreader.ui.window import MainWindow

PINE_NUTS = "Why Is Beijing Going Nuts for Afghan Pine Nuts?"
TELEGRAPH = "Isis-K has struck a massive blow"


@pytest.fixture(scope="module")
def seed_docs(tmp_path_factory) -> tuple[Document, ...]:
    paths = DataPaths.at(tmp_path_factory.mktemp("seeds")).ensure()
    return load_library(paths).documents


def _doc(docs: tuple[Document, ...], title: str) -> Document:
    return next(d for d in docs if d.title.startswith(title))


def _marked(window: MainWindow, block_number: int) -> list[tuple[str, QTextCharFormat]]:
    """(text, format) of each highlighted range in a block (ranges with a background)."""
    block = window.reader.document().findBlockByNumber(block_number)
    if not block.isValid():
        return []
    text = block.text()
    out = []
    for fr in block.layout().formats():
        fmt = QTextCharFormat(fr.format)  # a copy: the range's own goes with the list
        if fmt.background().style() != Qt.BrushStyle.NoBrush:
            out.append((text[fr.start : fr.start + fr.length], fmt))
    return out


def _header_block(window: MainWindow, text: str) -> int:
    doc = window.reader.document()
    for number in range(window.reader.highlighter.body_block):
        if doc.findBlockByNumber(number).text().startswith(text[:30]):
            return number
    raise AssertionError(f"no header line starts {text[:30]!r}")


@pytest.fixture
def reader_window(qtbot, data_paths, seed_docs) -> MainWindow:
    from tests.ui.conftest import sample_snapshot

    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(sample_snapshot(list(seed_docs)))
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.parametrize("zoom", [0, 3])
def test_a_name_in_the_title_keeps_the_titles_size_and_weight(reader_window, seed_docs, zoom):
    win = reader_window
    win.reader.set_zoom(zoom)
    for title, names in ((PINE_NUTS, {"Afghan"}), (TELEGRAPH, {"Isis-K", "Taliban"})):
        win.open_document(_doc(seed_docs, title).id)
        title_format = win.reader.highlighter.header_formats[0]
        marked = _marked(win, 0)
        assert names <= {text for text, _ in marked}, marked
        for text, fmt in marked:
            assert fmt.fontPointSize() == pytest.approx(title_format.fontPointSize()), text
            assert fmt.fontPointSize() > win.reader.document().defaultFont().pointSizeF() * 1.4
            assert fmt.fontWeight() >= QFont.Weight.Bold.value, text


def test_a_name_in_the_standfirst_keeps_its_italics_and_size(reader_window, seed_docs):
    win = reader_window
    doc = _doc(seed_docs, PINE_NUTS)
    win.open_document(doc.id)
    block = _header_block(win, doc.standfirst)
    standfirst_format = win.reader.highlighter.header_formats[block]
    assert standfirst_format.fontItalic()
    marked = _marked(win, block)
    assert "Taliban" in {text for text, _ in marked}, marked
    for text, fmt in marked:
        assert fmt.fontItalic(), text
        assert fmt.fontPointSize() == pytest.approx(standfirst_format.fontPointSize()), text
        assert fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline  # the cue


def test_a_name_in_the_body_still_carries_its_cue(reader_window, seed_docs):
    win = reader_window
    win.open_document(_doc(seed_docs, PINE_NUTS).id)
    body = win.reader.highlighter.body_block
    found = [
        (text, fmt)
        for n in range(body, body + 40, 2)
        for text, fmt in _marked(win, n)
        if fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    ]
    assert found and all(fmt.fontWeight() >= QFont.Weight.Bold.value for _, fmt in found)
