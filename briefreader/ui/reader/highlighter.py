"""Marks groups and countries in the reading pane, over plain text, block by block.

The pane holds the document as plain text (never HTML), so a document can
never inject markup. This highlighter adds formats on top: it maps each
block to its paragraph and looks up that paragraph's mentions, which were
computed once when the document opened, so highlighting a 1 MB document is a
cheap walk over its blocks. Groups and countries differ by colour and by a
second cue from `resources/palette.toml` (weight and underline style), so a
colour-blind reader can tell them apart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from briefreader.control.colours import KindStyle
from briefreader.control.facets import EntityKey
from briefreader.control.mentions import DocumentMentions, entity_key
from briefreader.domain import EntityKind, Mention


def mention_format(style: KindStyle, *, dark: bool, selected: bool = False) -> QTextCharFormat:
    foreground, background = style.colours(dark=dark)
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(foreground))
    fmt.setBackground(QColor(background))
    if "bold" in style.cue:
        fmt.setFontWeight(QFont.Weight.Bold)
    if "italic" in style.cue:
        fmt.setFontItalic(True)
    if "underline" in style.cue:
        dotted = "dotted" in style.cue
        fmt.setUnderlineStyle(
            QTextCharFormat.UnderlineStyle.DotLine
            if dotted
            else QTextCharFormat.UnderlineStyle.SingleUnderline
        )
        fmt.setUnderlineColor(QColor(foreground if dark else style.underline))
    if selected:
        # The selected entity stands out from its kind: inverted colours.
        fmt.setForeground(QColor(background))
        fmt.setBackground(QColor(foreground))
    return fmt


def over(base: QTextCharFormat, mark: QTextCharFormat) -> QTextCharFormat:
    """`mark` laid over `base`: the base's size, weight and slant stay (a bold or
    italic cue may add to them, never take away)."""
    merged = QTextCharFormat(base)
    merged.merge(mark)
    if base.hasProperty(QTextCharFormat.Property.FontWeight):
        merged.setFontWeight(max(base.fontWeight(), merged.fontWeight()))
    if base.fontItalic():
        merged.setFontItalic(True)
    return merged


def utf16_offsets(text: str) -> Callable[[int], int] | None:
    """Python offsets count code points, Qt's count UTF-16 units: map one to the other.

    Returns None when the text has no character outside the BMP (the usual
    case), so the common path pays nothing.
    """
    if text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text):
        return None  # both checks run at C speed
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return lambda i: prefix[min(i, len(text))]


class MentionHighlighter(QSyntaxHighlighter):
    """Formats one document: its header blocks, then its paragraphs' mentions."""

    def __init__(self, document: QTextDocument, styles: dict[EntityKind, KindStyle]) -> None:
        super().__init__(document)
        self._styles = styles
        self._dark = False
        self._formats: dict[tuple[EntityKind, bool], QTextCharFormat] = {}
        self.mentions: DocumentMentions | None = None
        self.header_mentions: dict[int, list[Mention]] = {}
        self.header_formats: dict[int, QTextCharFormat] = {}
        self.body_block = 0  # block number of the first paragraph
        self.is_shown: Callable[[EntityKey], bool] = lambda key: True
        self.selected: EntityKey | None = None
        self._build_formats()

    def set_dark(self, dark: bool) -> None:
        if dark != self._dark:
            self._dark = dark
            self._build_formats()

    def _build_formats(self) -> None:
        self._formats = {
            (kind, selected): mention_format(style, dark=self._dark, selected=selected)
            for kind, style in self._styles.items()
            for selected in (False, True)
        }

    def format_for(self, kind: EntityKind, *, selected: bool = False) -> QTextCharFormat:
        return self._formats[(kind, selected)]

    def paragraph_of_block(self, block_number: int) -> int | None:
        """Paragraph index of a block (paragraphs are every other block), else None."""
        offset = block_number - self.body_block
        return offset // 2 if offset >= 0 and offset % 2 == 0 else None

    def highlightBlock(self, text: str) -> None:
        number = self.currentBlock().blockNumber()
        if number < self.body_block:
            header = self.header_formats.get(number)
            if header is not None:
                self.setFormat(0, len(text), header)
            spans = [(m.start, m.end, m) for m in self.header_mentions.get(number, [])]
            self._apply(text, spans, header)
            return
        paragraph = self.paragraph_of_block(number)
        if paragraph is None or self.mentions is None:
            return
        items = self.mentions.in_paragraph(paragraph)
        if items:
            self._apply(text, [(i.start, i.end, i.mention) for i in items])

    def _apply(
        self,
        text: str,
        spans: list[tuple[int, int, Mention]],
        base: QTextCharFormat | None = None,
    ) -> None:
        """Mark `spans`; over a header line (`base`) a mark only adds colour and its cue.

        `setFormat` replaces a range's format: a name in the title would drop
        to body size and lose its bold, one in the standfirst its italics.
        """
        to_qt = utf16_offsets(text) if spans else None
        for start, end, mention in spans:
            key = entity_key(mention)
            if not self.is_shown(key):
                continue
            fmt = self._formats[(mention.kind, key == self.selected)]
            if base is not None:
                fmt = over(base, fmt)
            if to_qt is not None:
                start, end = to_qt(start), to_qt(end)
            self.setFormat(start, end - start, fmt)
