"""Document text is shown as text: markup in a document is never interpreted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from briefreader.ui.common.safe_text import plain_tooltip
from briefreader.ui.window import MainWindow
from tests.ui.conftest import make_doc, sample_snapshot

HOSTILE_TITLE = '<img src="http://example.com/x.png"><b>Bold</b> ISKP'
HOSTILE_BODY = [
    '<a href="http://example.com">click</a> <script>alert(1)</script> Pakistan',
    "<h1>Not a heading</h1> &amp; ISIS-K",
]


def test_markup_in_a_document_is_shown_literally(qtbot, data_paths) -> None:
    from briefreader.entities import find_mentions

    doc = make_doc(HOSTILE_TITLE, HOSTILE_BODY, publisher="<i>pub</i>")
    win = MainWindow(data_paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.apply_snapshot(sample_snapshot([doc]))
    text = win.reader.toPlainText()
    assert HOSTILE_TITLE in text
    assert "<script>alert(1)</script>" in text
    assert "<h1>Not a heading</h1> &amp; ISIS-K" in text
    assert win.reader.document().allFormats()  # formats exist, yet no anchors or images:
    block = win.reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            assert not fragment.charFormat().isAnchor()
            assert not fragment.charFormat().isImageFormat()
            it += 1
        block = block.next()
    assert win.windowTitle().endswith(HOSTILE_TITLE)
    for label in win.findChildren(QLabel):
        if HOSTILE_TITLE[:10] in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText
    tooltip = win.doc_model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip


def test_plain_tooltip_escapes() -> None:
    assert plain_tooltip("<b>x</b>\ny") == "<qt>&lt;b&gt;x&lt;/b&gt;<br>y</qt>"
