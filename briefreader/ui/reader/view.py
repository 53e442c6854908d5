"""The reading pane: a document as plain text at a comfortable measure, with a paragraph cursor.

Text goes in with `setPlainText` only; titles and mentions are formatted by
`MentionHighlighter`. The body keeps its "\\n\\n" separators, so each
paragraph is one block with an empty block after it, and a body offset is
the block position minus where the body starts. The paragraph cursor is a
tinted full-width band plus a bar in the margin, drawn whether or not the
pane has focus, so the reader always knows where they are.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCharFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from briefreader.control.colours import KindStyle
from briefreader.control.contrast import READABLE, contrast_ratio
from briefreader.control.mentions import DocumentMentions, LocalMention, Matcher
from briefreader.domain import Document, EntityKind
from briefreader.ui.common.safe_text import plain_tooltip
from briefreader.ui.common.theme import is_dark
from briefreader.ui.reader.highlighter import MentionHighlighter, utf16_offsets

#: The widest line, in average characters: long lines tire the eye.
MEASURE_CHARS = 75
PROSE = "Officials in Kabul said the Taliban had detained 12 suspects; ISKP denied it."
#: A floor: side panes may never squeeze the text below this (at 1280 px the reader keeps
#: 60 and more; a hard minimum of 60 would stop the window from being made small).
MIN_MEASURE_CHARS = 30
BASE_POINT_SIZE = 12.0


def byline(doc: Document) -> str:
    return " · ".join(part for part in (doc.author, doc.publisher, doc.date) if part)


class ReaderView(QTextEdit):
    #: A document has been painted (the start-up benchmark waits for the first).
    document_painted = Signal()

    def __init__(self, styles: dict[EntityKind, KindStyle], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        # Mouse selection (for Ctrl+C) only: keys belong to the reading commands.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(24)
        self.zoom = 0
        self.document().setDefaultFont(self.reading_font())
        self._apply_min_width()
        self.highlighter = MentionHighlighter(self.document(), styles)
        self.doc: Document | None = None
        self.paragraph = 0
        self.mention: LocalMention | None = None
        self._body_start = 0
        self._header_specs: dict[int, tuple[float, bool, bool, bool]] = {}
        self._text = ""
        self._shown_only: list[int] | None = None
        self.header_texts: list[str] = []  # the lines above the body (highlighted too)

    # -- content -----------------------------------------------------------------------

    def show_document(
        self, doc: Document, mentions: DocumentMentions, header_matcher: Matcher | None = None
    ) -> None:
        header = self.header_texts = [doc.title or "(untitled)"]
        self._header_specs = {0: (1.6, True, False, False)}
        if line := byline(doc):
            self._header_specs[len(header)] = (0.9, False, True, True)
            header.append(line)
        if doc.standfirst:
            self._header_specs[len(header)] = (1.1, False, True, False)
            header.append(doc.standfirst.replace("\n", " "))
        header.append("")  # a blank line before the body
        body = "\n\n".join(p.replace("\n", "\u2028") for p in doc.paragraphs)
        hl = self.highlighter
        hl.mentions = mentions
        hl.header_formats = self._header_formats()
        hl.header_mentions = (
            {i: header_matcher(text) for i, text in enumerate(header) if text}
            if header_matcher
            else {}
        )
        hl.body_block = len(header)
        self.doc = doc
        self.paragraph = 0
        self.mention = None
        self._text = "\n".join([*header, body])
        self._body_start = len("\n".join(header)) + 1
        self._shown_only = None
        self.setPlainText(self._text)  # plain text: a document can never inject markup
        self.verticalScrollBar().setValue(0)

    def refresh_highlights(self) -> None:
        """Apply changed highlighting (a kind hidden, another entity selected, zoom, theme).

        QSyntaxHighlighter.rehighlight() on a laid-out document relayouts block
        by block: seconds for 1 MB. Putting the same text back highlights
        before layout, like opening the document, in a fraction of that.
        """
        if self.doc is None:
            self.highlighter.rehighlight()
            return
        bar = self.verticalScrollBar()
        value = bar.value()
        shown = self._shown_only
        self.setPlainText(self._text)
        if shown is not None:
            self.show_only(shown)
        self._update_selections()
        bar.setValue(value)

    def restyle(self) -> None:
        """The palette changed (a theme): header colours are read from it, so rebuild them."""
        self.highlighter.set_dark(is_dark(self.palette()))
        self.highlighter.header_formats = self._header_formats()
        self.refresh_highlights()

    def _header_formats(self) -> dict[int, QTextCharFormat]:
        return {
            block: self._header_format(scale, bold=bold, italic=italic, muted=muted)
            for block, (scale, bold, italic, muted) in self._header_specs.items()
        }

    def _header_format(
        self, scale: float, *, bold: bool = False, italic: bool = False, muted: bool = False
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self._point_size() * scale)
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontItalic(italic)
        if muted:
            fmt.setForeground(self.muted_colour())
        return fmt

    def muted_colour(self) -> QColor:
        """The byline's quieter colour, unless the palette's is too faint to read on the page
        (some dark system palettes): then the text colour itself."""
        palette = self.palette()
        muted, page = palette.placeholderText().color(), palette.base().color()
        if contrast_ratio(muted.name(), page.name()) >= READABLE:
            return muted
        return palette.text().color()

    def block_of_paragraph(self, index: int) -> int:
        return self.highlighter.body_block + 2 * index

    def paragraph_at(self, y: int) -> int | None:
        """The paragraph shown at viewport height `y` (the one starting after a gap)."""
        block = self.cursorForPosition(QPoint(0, y)).block()
        number = block.blockNumber()
        start = self.highlighter.body_block
        if number < start:
            return 0 if self.doc and self.doc.body else None
        offset = number - start
        return offset // 2 + (offset % 2)

    # -- paragraph cursor --------------------------------------------------------------

    def set_cursor(
        self, paragraph: int, mention: LocalMention | None, *, scroll: bool = True
    ) -> None:
        self.paragraph = paragraph
        self.mention = mention
        self._update_selections()
        if scroll:
            self.ensure_paragraph_visible(paragraph)
        self.viewport().update()

    def _update_selections(self) -> None:
        """The cursor is painted in paintEvent; this only schedules the repaint.

        (Extra selections would do, but setting them on a laid-out 1 MB
        document costs hundreds of milliseconds per cursor move.)
        """
        self.viewport().update()

    def mention_rects(self) -> list[QRect]:
        """Viewport rectangles covering the current mention (one per line it spans)."""
        if self.mention is None:
            return []
        return self.span_rects(self.paragraph, self.mention.start, self.mention.end, pad=2)

    def span_rects(self, paragraph: int, start: int, end: int, *, pad: int = 0) -> list[QRect]:
        """Viewport rectangles covering characters `start:end` of a paragraph, one per line.

        Offsets count code points as the core does; Qt counts UTF-16 units, so
        text beyond the BMP is converted. A hidden paragraph has none.
        """
        block = self.document().findBlockByNumber(self.block_of_paragraph(paragraph))
        if not block.isValid() or not block.isVisible():
            return []
        to_qt = utf16_offsets(block.text())
        if to_qt is not None:
            start, end = to_qt(start), to_qt(end)
        layout = block.layout()
        origin = self.document().documentLayout().blockBoundingRect(block).topLeft()
        dy = origin.y() - self.verticalScrollBar().value()
        dx = origin.x() - self.horizontalScrollBar().value()
        rects = []
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            first, last = line.textStart(), line.textStart() + line.textLength()
            if last <= start or first >= end:
                continue
            x1 = line.cursorToX(max(start, first))[0]
            x2 = line.cursorToX(min(end, last))[0]
            rects.append(
                QRect(
                    int(dx + x1) - pad,
                    int(dy + line.y()),
                    int(x2 - x1) + 2 * pad,
                    int(line.height()),
                )
            )
        return rects

    def cursor_rect(self) -> QRect:
        block = self.document().findBlockByNumber(self.block_of_paragraph(self.paragraph))
        rect = self.document().documentLayout().blockBoundingRect(block).toRect()
        return rect.translated(0, -self.verticalScrollBar().value())

    def ensure_paragraph_visible(self, paragraph: int) -> None:
        if paragraph == 0 and self.verticalScrollBar().value() == 0:
            return  # the top is showing: no need to lay the document out to know it
        block = self.document().findBlockByNumber(self.block_of_paragraph(paragraph))
        rect = self.document().documentLayout().blockBoundingRect(block)
        bar = self.verticalScrollBar()
        top, height = bar.value(), self.viewport().height()
        if paragraph == 0 and rect.top() < height:
            bar.setValue(0)
        elif rect.top() < top or rect.bottom() > top + height - height / 8:
            # Keep some text below the cursor visible: reading looks ahead.
            bar.setValue(
                int(rect.top() - height / 4) if rect.height() < height else int(rect.top())
            )

    def page(self, direction: int) -> int | None:
        """Scroll one screen; the paragraph now at the top of the view (None if none)."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + direction * max(self.viewport().height() - 40, 40))
        return self.paragraph_at(8)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.doc is None or not self.doc.body:
            super().paintEvent(event)
            return
        rect = self.cursor_rect()
        highlight = self.palette().highlight().color()
        painter = QPainter(self.viewport())
        band = QColor(highlight)
        band.setAlpha(30)
        painter.fillRect(QRect(0, rect.top(), self.viewport().width(), rect.height()), band)
        painter.end()
        super().paintEvent(event)  # the text, over the band
        painter = QPainter(self.viewport())
        bar = QColor(highlight)
        if not self.hasFocus():
            bar.setAlpha(120)
        painter.fillRect(QRect(6, rect.top(), 4, rect.height()), bar)
        pen = QPen(highlight, 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for mention in self.mention_rects():
            painter.drawRoundedRect(mention, 3, 3)
        painter.end()
        self.document_painted.emit()

    # -- focus mode --------------------------------------------------------------------

    def show_only(self, paragraphs: list[int] | None) -> None:
        """Hide every paragraph not in `paragraphs` (None shows them all)."""
        if paragraphs is None and self._shown_only is None:
            return  # every block is visible already
        self._shown_only = list(paragraphs) if paragraphs is not None else None
        document = self.document()
        keep = set(paragraphs) if paragraphs is not None else None
        start = self.highlighter.body_block
        block = document.findBlockByNumber(start)
        number = 0
        while block.isValid():
            paragraph = number // 2
            visible = keep is None or (paragraph in keep)
            block.setVisible(visible)
            block = block.next()
            number += 1
        document.markContentsDirty(0, document.characterCount())
        self.viewport().update()

    # -- measure and zoom --------------------------------------------------------------

    def _point_size(self) -> float:
        return BASE_POINT_SIZE * (1.1**self.zoom)

    def reading_font(self) -> QFont:
        """The text's own serif at the zoomed size (the panes' font is the window's)."""
        font = QFont()
        font.setFamilies(["Noto Serif", "DejaVu Serif", "Georgia", "serif"])
        font.setPointSizeF(self._point_size())
        return font

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()  # the reader's own palette has changed only now
        if event.type() == QEvent.Type.FontChange:
            # A QTextEdit hands its widget font to its document: the window's zoomed
            # sans serif would replace the reading font.
            self.document().setDefaultFont(self.reading_font())
            self._apply_min_width()
            self._apply_measure()

    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(-6, min(12, zoom))
        self.document().setDefaultFont(self.reading_font())
        self.highlighter.header_formats = self._header_formats()
        self.refresh_highlights()
        self._apply_min_width()
        self._apply_measure()
        self.ensure_paragraph_visible(self.paragraph)

    def _apply_min_width(self) -> None:
        """Room for MIN_MEASURE_CHARS a line, so docks give way rather than the text; never
        over 60% of the window (a small window, a large zoom must still fit their panes)."""
        # Prose is wider than the font's "average character": measure some.
        average = QFontMetricsF(self.reading_font()).horizontalAdvance(PROSE) / len(PROSE)
        want = (
            int(average * MIN_MEASURE_CHARS) + 2 * 24 + self.verticalScrollBar().sizeHint().width()
        )
        room = self.window().width()
        if room > 0:
            want = min(want, int(room * 0.6))
        want += 2 * self.frameWidth() + 4
        if want != self.minimumWidth():
            self.setMinimumWidth(want)

    def _apply_measure(self) -> None:
        """Centre a column about MEASURE_CHARS wide, however wide the window."""
        metrics_width = QFontMetricsF(self.document().defaultFont()).averageCharWidth()
        column = int(metrics_width * MEASURE_CHARS) + 2 * 24
        spare = max(self.width() - column - self.verticalScrollBar().sizeHint().width(), 0)
        self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_min_width()
        self._apply_measure()
        super().resizeEvent(event)

    def mention_at(self, point: QPoint) -> LocalMention | None:
        """The shown mention under a viewport point, if any."""
        mentions = self.highlighter.mentions
        if mentions is None:
            return None
        cursor = self.cursorForPosition(point)
        paragraph = self.highlighter.paragraph_of_block(cursor.block().blockNumber())
        if paragraph is None:
            return None
        offset = cursor.positionInBlock()
        for item in mentions.in_paragraph(paragraph):
            key = (item.mention.kind, item.mention.canonical)
            if item.start <= offset <= item.end and self.highlighter.is_shown(key):
                return item
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.mention_at(event.pos())
            if item is None:
                QToolTip.hideText()
                event.ignore()
                return True
            m = item.mention
            text = f"{m.canonical} — {m.kind}\nwritten here as “{m.surface}”"
            QToolTip.showText(event.globalPos(), plain_tooltip(text), self.viewport())
            return True
        return super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        # Never take a reading key for ourselves: the window's commands own them.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            event.ignore()
            return True
        return super().event(event)
