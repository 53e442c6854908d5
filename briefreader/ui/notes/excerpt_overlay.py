"""Painting a keyboard selection, a jumped-to excerpt and excerpt marks over the reading pane.

The reader draws its text and paragraph cursor itself and warns that extra
selections cost hundreds of milliseconds per move on a 1 MB document, so the
selection is painted by a transparent widget lying over the reader's viewport
(a sibling, not a child: scrolling moves a viewport's children) instead:
only the lines of paragraphs on screen are measured, whatever the span's size.
Passages already captured get a bar in the right margin (the paragraph
cursor has the left one), so the analyst sees what is excerpted while reading.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from briefreader.control.excerpting import Span, excerpt_paragraphs
from briefreader.ui.reader.view import ReaderView

SpanKind = Literal["selection", "excerpt"]


class ExcerptOverlay(QWidget):
    def __init__(self, reader: ReaderView) -> None:
        super().__init__(reader)
        self.setObjectName("excerpt-overlay")
        self.reader = reader
        self.span: Span | None = None
        self.kind: SpanKind = "selection"
        self.marks: list[Span] = []  # the open document's excerpts (anchored ones)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        #: Held here: while the reader is being destroyed its wrapper is gone first.
        self._viewport = reader.viewport()
        self._viewport.installEventFilter(self)
        reader.verticalScrollBar().valueChanged.connect(self._scrolled)
        reader.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.setGeometry(self._viewport.geometry())
        self.show()

    def _scrolled(self, _value: int) -> None:
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.setGeometry(self._viewport.geometry())
        return False

    def set_span(self, span: Span | None, kind: SpanKind = "selection") -> None:
        self.span = span
        self.kind = kind
        self.raise_()
        self.update()

    def set_marks(self, marks: list[Span]) -> None:
        self.marks = list(marks)
        self.update()

    def rects(self, span: Span | None = None) -> list[QRect]:
        """Viewport rectangles covering the span, one per line on screen."""
        doc = self.reader.doc
        span = span or self.span
        if span is None or doc is None or not doc.body:
            return []
        start, end = span
        first, last = excerpt_paragraphs(doc, start, end)
        spans = doc.paragraph_spans()
        document = self.reader.document()
        layout_of = document.documentLayout()
        scroll_y = self.reader.verticalScrollBar().value()
        height = self.reader.viewport().height()
        found: list[QRect] = []
        for paragraph in range(first, min(last, len(spans) - 1) + 1):
            block = document.findBlockByNumber(self.reader.block_of_paragraph(paragraph))
            if not block.isValid() or not block.isVisible():
                continue
            box = layout_of.blockBoundingRect(block)
            if box.bottom() - scroll_y < 0:
                continue
            if box.top() - scroll_y > height:
                break
            p_start, p_end = spans[paragraph]
            a, b = max(start, p_start) - p_start, min(end, p_end) - p_start
            found.extend(self.reader.span_rects(paragraph, a, b))
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        marked = QColor(self.palette().link().color())
        for mark in self.marks:
            for rect in self.rects(mark):
                painter.fillRect(QRect(self.width() - 14, rect.top(), 4, rect.height()), marked)
        rects = self.rects()
        colour = QColor(self.palette().highlight().color())
        if self.kind == "selection":
            colour.setAlpha(80)
            for rect in rects:
                painter.fillRect(rect, colour)
        else:
            colour.setAlpha(200)
            pen = QPen(colour, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for rect in rects:
                painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.end()
