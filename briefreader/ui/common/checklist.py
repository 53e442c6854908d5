"""A flat, checkable list model with section headings: the base of the legend and the facets.

Rows are plain data (`Row`); ticking a row does not change the model itself
but emits `toggled` with the row's key, so the reader state stays the one
source of truth and the model is refreshed from it afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from briefreader.ui.common.safe_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    key: object = None  # None for a heading
    checked: bool = False
    count: int | None = None
    bold: bool = False
    italic: bool = False
    swatch: str = ""  # "#rrggbb" colour shown beside the row
    tooltip: str = ""
    #: The swatch's edge and underline colour, and its cue ("solid", "dotted"): the
    #: same underline as the text's, so the kinds differ without colour.
    edge: str = ""
    cue: str = ""

    @property
    def is_heading(self) -> bool:
        return self.key is None


SWATCH = 32  # drawn large, shown at the view's icon size


@cache
def swatch_icon(fill: str, edge: str, cue: str) -> QIcon:
    """A colour swatch with a dark edge and the kind's underline drawn in it."""
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(fill))
    painter = QPainter(pixmap)
    line = QColor(edge or "#000000")
    painter.setPen(QPen(line, 3))
    painter.drawRect(1, 1, SWATCH - 3, SWATCH - 3)
    if cue:
        pen = QPen(line, 5)
        if cue == "dotted":
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawLine(7, SWATCH - 10, SWATCH - 8, SWATCH - 10)
    painter.end()
    return QIcon(pixmap)


class CheckListModel(QAbstractListModel):
    toggled = Signal(object)  # the key of the row the user ticked or unticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        rows = list(rows)
        if [r.key for r in rows] == [r.key for r in self._rows]:
            self._rows = rows  # same rows, new values: keep the view's current row
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, key: object) -> int | None:
        for number, row in enumerate(self._rows):
            if row.key == key:
                return number
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.text if row.count is None else f"{row.text}, {row.count}"
        if role == COUNT_ROLE:
            return row.count
        if role == Qt.ItemDataRole.CheckStateRole and not row.is_heading:
            return Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(row.bold or row.is_heading)
            font.setItalic(row.italic)
            if row.is_heading:
                font.setCapitalization(QFont.Capitalization.SmallCaps)
            return font
        if role == Qt.ItemDataRole.DecorationRole and row.swatch:
            return swatch_icon(row.swatch, row.edge, row.cue)
        if role == Qt.ItemDataRole.ToolTipRole and row.tooltip:
            return plain_tooltip(row.tooltip)
        if role == KEY_ROLE:
            return row.key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].is_heading:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        if row.is_heading:
            return False
        self.toggled.emit(row.key)
        return True

    def toggle(self, number: int) -> None:
        """Tick or untick a row as the keyboard does (Space or Return on it)."""
        if 0 <= number < len(self._rows) and not self._rows[number].is_heading:
            self.toggled.emit(self._rows[number].key)


class CountDelegate(QStyledItemDelegate):
    """Draws each row's count right-aligned in a place of its own; the name, drawn beside it,
    ends in "…" when it does not fit (the count used to be painted over its end)."""

    def layout_row(self, option: QStyleOptionViewItem, index: Index) -> tuple[str, QRect, QRect]:
        """(the name as shown, the rectangle it is drawn in, the count's rectangle)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        count = index.data(COUNT_ROLE)
        width = (
            QFontMetrics(opt.font).horizontalAdvance(str(count)) + 12 if count is not None else 0
        )
        count_rect = QRect(
            option.rect.right() - width, option.rect.top(), width - 6, option.rect.height()
        )
        opt.rect = option.rect.adjusted(0, 0, -width, 0)
        style = opt.widget.style() if opt.widget is not None else None
        text_rect = (
            style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
            if style is not None
            else opt.rect
        )
        shown = QFontMetrics(opt.font).elidedText(
            opt.text, Qt.TextElideMode.ElideRight, max(text_rect.width() - 6, 0)
        )
        return shown, text_rect, count_rect

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        count = index.data(COUNT_ROLE)
        if count is None:
            super().paint(painter, option, index)
            return
        text = str(count)
        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(text) + 12
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(0, 0, -width, 0)  # the name elides before the count
        super().paint(painter, narrowed, index)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        rect = QRect(
            option.rect.right() - width, option.rect.top(), width - 6, option.rect.height()
        )
        painter.fillRect(
            rect.adjusted(-4, 1, 6, -1),
            option.palette.color(
                QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
            ),
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()
