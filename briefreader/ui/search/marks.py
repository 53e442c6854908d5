"""Search matches painted in the reading pane, apart from the entity highlighting.

Entity highlighting lives in the text's character formats; putting search
marks there too would mean re-setting a 1 MB text on every keystroke. The
marks are painted instead, around the pane's own painting (an event filter
on its viewport): a yellow band under each visible match before the text is
drawn, so the words stay crisp, and after it an amber frame around the
current match; every match also gets an amber bar under it, which shows
on a match that is an entity (whose own background covers the band).
Only matches in the blocks on screen are measured, so a long document with
thousands of matches scrolls as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from briefreader.control.searching import LocalHit
from briefreader.ui.common.theme import is_dark
from briefreader.ui.reader.view import ReaderView

#: (band, current match frame) per theme.
LIGHT = ("#ffe46b", "#e07b00")
DARK = ("#7a6400", "#ffb347")


class HitMarks(QObject):
    """Paints one document's search matches in a `ReaderView`."""

    def __init__(self, reader: ReaderView) -> None:
        super().__init__(reader)
        self.reader = reader
        self.hits: tuple[LocalHit, ...] = ()
        self.current = -1
        self.dark = False
        self._by_paragraph: dict[int, list[int]] = {}
        reader.viewport().installEventFilter(self)

    def set_hits(self, hits: Sequence[LocalHit], current: int = -1) -> None:
        self.hits = tuple(hits)
        self.current = current
        self._by_paragraph = {}
        for number, hit in enumerate(self.hits):
            self._by_paragraph.setdefault(hit.paragraph, []).append(number)
        self.reader.viewport().update()

    def set_current(self, current: int) -> None:
        if current != self.current:
            self.current = current
            self.reader.viewport().update()

    # -- geometry ----------------------------------------------------------------------

    def rects_of(self, number: int) -> list[QRect]:
        """Viewport rectangles covering match `number` (one per line it spans)."""
        if not 0 <= number < len(self.hits):
            return []
        hit = self.hits[number]
        return self.reader.span_rects(hit.paragraph, hit.start, hit.end, pad=1)

    def visible_rects(self) -> list[tuple[int, QRect]]:
        """(match number, rectangle) for every match in the blocks on screen."""
        if not self.hits:
            return []
        reader = self.reader
        height = reader.viewport().height()
        block = reader.cursorForPosition(QPoint(0, 0)).block()
        layout = reader.document().documentLayout()
        scroll = reader.verticalScrollBar().value()
        out: list[tuple[int, QRect]] = []
        while block.isValid():
            if layout.blockBoundingRect(block).top() - scroll > height:
                break
            paragraph = reader.highlighter.paragraph_of_block(block.blockNumber())
            if paragraph is not None and block.isVisible():
                for number in self._by_paragraph.get(paragraph, ()):
                    out.extend((number, rect) for rect in self.rects_of(number))
            block = block.next()
        return out

    def ensure_visible(self, number: int) -> None:
        """Scroll so match `number` is on screen (a long paragraph may hide it)."""
        rects = self.rects_of(number)
        if not rects:
            return
        bar = self.reader.verticalScrollBar()
        height = self.reader.viewport().height()
        top, bottom = rects[0].top(), rects[-1].bottom()
        if top < 0 or bottom > height:
            bar.setValue(bar.value() + top - height // 3)

    # -- painting ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not self.hits:
            return False
        viewport: QWidget = self.reader.viewport()
        if watched is not viewport:
            return False
        self.dark = is_dark(self.reader.palette())  # follows the theme as it changes
        band, frame = (QColor(c) for c in (DARK if self.dark else LIGHT))
        marks = self.visible_rects()
        painter = QPainter(viewport)
        for _number, rect in marks:
            painter.fillRect(rect, band)
        painter.end()
        self.reader.viewportEvent(event)  # the pane paints its text over the bands
        if marks:
            painter = QPainter(viewport)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for number, rect in marks:
                # A bar under every match: it shows on an entity's own background too.
                painter.fillRect(rect.left(), rect.bottom() - 1, rect.width(), 3, frame)
                if number == self.current:
                    painter.setPen(QPen(frame, 2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
            painter.end()
        return True
