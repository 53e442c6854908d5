"""The ranked hit list: rank, title, match count and score, and snippets with the matches marked.

Snippets are document text, so they are never markup: each is laid out as
plain text with `QTextLayout`, and the matched characters (offsets the
search core computed) get a background through format ranges. A title or a
snippet containing "<b>" shows those characters, nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from briefreader.control.contrast import READABLE, contrast_ratio
from briefreader.control.searching import ResultRow
from briefreader.ui.common.panes import PaneList
from briefreader.ui.common.safe_text import plain_tooltip
from briefreader.ui.reader.highlighter import utf16_offsets

RESULT_DOC_ROLE: Final = Qt.ItemDataRole.UserRole + 40
RESULT_KIND_ROLE: Final = Qt.ItemDataRole.UserRole + 41
RESULT_RANK_ROLE: Final = Qt.ItemDataRole.UserRole + 42
RESULT_COUNT_ROLE: Final = Qt.ItemDataRole.UserRole + 43
RESULT_SCORE_ROLE: Final = Qt.ItemDataRole.UserRole + 44
#: A list of (snippet text, ((start, end), ...)) pairs: plain text and offsets.
RESULT_SNIPPETS_ROLE: Final = Qt.ItemDataRole.UserRole + 45
#: Lines of snippets drawn under a result's title: two of the first, one of the next.
ROW_LINES: Final = 3
SNIPPET_LINES: Final = 2
PAD: Final = 6

Index = QModelIndex | QPersistentModelIndex

#: Match marks: a light yellow under dark text, readable in light and dark themes.
MARK_BACKGROUND: Final = "#ffe46b"
MARK_FOREGROUND: Final = "#1a1a1a"


class SearchResultsModel(QAbstractListModel):
    """The listed rows of the current search, best first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []

    def set_rows(self, rows: Sequence[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> ResultRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        hit = row.hit
        count = f"{hit.hit_count} match{'es' if hit.hit_count != 1 else ''}"
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.label, f"rank {row.rank}, {count}, score {hit.score:.2f}", *hit.snippets]
            return plain_tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.rank}. {row.label}, {count}"
        if role == RESULT_DOC_ROLE:
            return row.doc_id
        if role == RESULT_KIND_ROLE:
            return row.kind
        if role == RESULT_RANK_ROLE:
            return row.rank
        if role == RESULT_COUNT_ROLE:
            return hit.hit_count
        if role == RESULT_SCORE_ROLE:
            return hit.score
        if role == RESULT_SNIPPETS_ROLE:
            return [
                (text, tuple(marks)) for text, marks in zip(hit.snippets, hit.marks, strict=False)
            ]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class RowColours(NamedTuple):
    background: QColor
    text: QColor
    muted: QColor  # the snippets and the match count


def _readable(candidates: Sequence[QColor], background: QColor) -> QColor:
    """The first colour readable on `background` (4.5:1), else the one that contrasts most."""
    ratios = [(contrast_ratio(c.name(), background.name()), c) for c in candidates]
    for ratio, colour in ratios:
        if ratio >= READABLE:
            return colour
    return max(ratios, key=lambda pair: pair[0])[1]


def row_colours(palette: QPalette, *, selected: bool, focused: bool) -> RowColours:
    """A result row's colours, every text readable on its background in any theme.

    A chosen row in a list with focus is the highlight; without focus it is a
    light tint of the highlight under the ordinary text (it used to be the
    highlight's pale text on mid-grey). Snippets are quieter than titles only
    where the quieter colour is still readable.
    """
    Role = QPalette.ColorRole
    base = palette.color(Role.Base)
    text, placeholder = palette.color(Role.Text), palette.color(Role.PlaceholderText)
    light, dark = QColor("#ffffff"), QColor("#000000")
    if selected and focused:
        background = palette.color(QPalette.ColorGroup.Active, Role.Highlight)
        own = palette.color(QPalette.ColorGroup.Active, Role.HighlightedText)
        strong = _readable([own, light, dark], background)
        return RowColours(background, strong, strong)
    if selected:
        highlight = palette.color(QPalette.ColorGroup.Active, Role.Highlight)
        background = QColor(
            *(
                round(0.78 * b + 0.22 * h)
                for b, h in zip(base.getRgb()[:3], highlight.getRgb()[:3], strict=True)
            )
        )
    else:
        background = base
    strong = _readable([text, light, dark], background)
    return RowColours(background, strong, _readable([placeholder, strong], background))


def mark_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(MARK_BACKGROUND))
    fmt.setForeground(QColor(MARK_FOREGROUND))
    return fmt


def snippet_layout(
    text: str, marks: Sequence[tuple[int, int]], font: QFont, width: float, max_lines: int
) -> QTextLayout:
    """A plain-text layout of one snippet, marks as format ranges, at most `max_lines` lines."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    to_qt = utf16_offsets(text)
    ranges = []
    for start, end in marks:
        if to_qt is not None:
            start, end = to_qt(start), to_qt(end)
        if end > start:
            fr = QTextLayout.FormatRange()
            fr.start, fr.length, fr.format = start, end - start, mark_format()
            ranges.append(fr)
    layout.setFormats(ranges)
    layout.beginLayout()
    y = 0.0
    for _ in range(max_lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 20.0))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


class SearchResultDelegate(QStyledItemDelegate):
    """Title line (rank, title, matches and score), then each snippet's first lines.

    Laying out snippets is the costly part of a row, and a view asks for every
    row's size when the results change: layouts are kept per row and width
    until the rows change (`forget`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[int, int, float], list[QTextLayout]] = {}

    def forget(self) -> None:
        self._cache.clear()

    def _snippet_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(option.font.pointSizeF() * 0.9, 6))
        return font

    def _width(self, option: QStyleOptionViewItem) -> float:
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QListView) else option.rect.width()
        return float(max(width - 2 * PAD - 8, 60))

    def _layouts(self, option: QStyleOptionViewItem, index: Index) -> list[QTextLayout]:
        font, width = self._snippet_font(option), self._width(option)
        key = (index.row(), int(width), font.pointSizeF())
        cached = self._cache.get(key)
        if cached is None:
            snippets = index.data(RESULT_SNIPPETS_ROLE) or []
            cached, budget = [], ROW_LINES
            for text, marks in snippets:  # compact rows: more results fit the pane
                if budget <= 0:
                    break
                layout = snippet_layout(text, marks, font, width, min(SNIPPET_LINES, budget))
                budget -= layout.lineCount()
                cached.append(layout)
            if len(self._cache) > 2000:  # many widths after resizing: start over
                self._cache.clear()
            self._cache[key] = cached
        return cached

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).height() + 2 * PAD
        for layout in self._layouts(option, index):
            height += int(layout.boundingRect().height()) + 3
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        title = option.text
        option.text = ""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        widget = option.widget
        focused = bool(widget is not None and widget.hasFocus())
        colours = row_colours(option.palette, selected=selected, focused=focused)
        style = widget.style() if widget else None
        if selected:
            painter.fillRect(option.rect, colours.background)  # our colours, checked for contrast
        elif style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        colour, muted = colours.text, colours.muted
        rect: QRect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        metrics = QFontMetrics(option.font)
        painter.save()
        small = self._snippet_font(option)
        count = int(index.data(RESULT_COUNT_ROLE) or 0)
        score = float(index.data(RESULT_SCORE_ROLE) or 0.0)
        side = f"{count} match{'es' if count != 1 else ''} · {score:.1f}"
        side_width = QFontMetrics(small).horizontalAdvance(side) + 8
        title_font = QFont(option.font)
        title_font.setBold(index.data(RESULT_KIND_ROLE) == "document")
        title_font.setItalic(index.data(RESULT_KIND_ROLE) == "note")
        line = QRect(rect.left(), rect.top(), rect.width() - side_width, metrics.height())
        head = f"{index.data(RESULT_RANK_ROLE)}. {title}"
        painter.setFont(title_font)
        painter.setPen(colour)
        elided = QFontMetrics(title_font).elidedText(
            head, Qt.TextElideMode.ElideRight, line.width()
        )
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(line, align, elided)
        painter.setFont(small)
        painter.setPen(muted)
        side_rect = QRect(rect.right() - side_width, rect.top(), side_width, metrics.height())
        painter.drawText(
            side_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, side
        )
        painter.setPen(colour)
        y = float(rect.top() + metrics.height() + 3)
        for layout in self._layouts(option, index):
            layout.draw(painter, QPointF(rect.left() + 4, y))
            y += layout.boundingRect().height() + 3
        painter.restore()


class SearchResultsView(PaneList):
    """The ranked list: j/k and arrows move, Return opens the hit in the reader."""

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__("search-results", parent)
        self.setModel(model)
        delegate = SearchResultDelegate(self)
        self.setItemDelegate(delegate)
        model.modelReset.connect(delegate.forget)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName("Search results")
