"""The co-mention matrix as a heat table: the count in every cell, its shade behind it.

The number is always written, so the table never depends on colour; the
shade (from the palette's base to its highlight colour, on a square-root
scale so that small counts still show) only helps the eye find the big
cells. Text on a cell is black or white, whichever contrasts more with it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from briefreader.analysis.cooccur import Matrix
from briefreader.analysis.tally import EntityKey
from briefreader.ui.common.panes import NAVIGATION_KEYS, claims_keys, vim_translated
from briefreader.ui.common.safe_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
#: The share of the way from the base colour to the highlight for a cell (0 to 1).
SHADE_ROLE = Qt.ItemDataRole.UserRole + 1
_ARROWS = NAVIGATION_KEYS | {Qt.Key.Key_Left, Qt.Key.Key_Right}


def short_name(name: str, acronyms: dict[str, str], width: int = 18) -> str:
    """A header that fits: the name, or its acronym when the name is long."""
    if len(name) <= width:
        return name
    return acronyms.get(name) or name[: width - 1] + "…"


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.acronyms: dict[str, str] = {}

    def set_matrix(self, matrix: Matrix | None, acronyms: dict[str, str]) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.acronyms = acronyms
        self.endResetModel()

    def cell(self, index: Index) -> tuple[EntityKey, EntityKey] | None:
        """The (row, column) entities of a cell, None on the diagonal or off the table."""
        m = self.matrix
        if m is None or not index.isValid() or m.cells[index.row()][index.column()] is None:
            return None
        return m.rows[index.row()].entity, m.columns[index.column()].entity

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        m = self.matrix
        if m is None or not index.isValid():
            return None
        value = m.cells[index.row()][index.column()]
        row, column = m.rows[index.row()].entity[1], m.columns[index.column()].entity[1]
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SHADE_ROLE:
            return math.sqrt(value / m.largest) if value and m.largest else 0.0
        if role == Qt.ItemDataRole.ToolTipRole:
            unit = "documents" if m.count_by == "document" else "paragraphs"
            count = "—" if value is None else str(value)
            return plain_tooltip(f"{row} with {column}: {count} {unit}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row} with {column}: {value or 'none'}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        m = self.matrix
        if m is None:
            return None
        totals = m.rows if orientation == Qt.Orientation.Vertical else m.columns
        if not 0 <= section < len(totals):
            return None
        total = totals[section]
        if role == Qt.ItemDataRole.DisplayRole:
            name = total.entity[1]
            return (
                name if orientation == Qt.Orientation.Vertical else short_name(name, self.acronyms)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{total.entity[1]}: {total.documents} documents")
        return None


class HeatDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = option.palette  # type: ignore[attr-defined]
        base = palette.color(QPalette.ColorRole.Base)
        hot = palette.color(QPalette.ColorRole.Highlight)
        share = float(index.data(SHADE_ROLE) or 0.0)
        fill = QColor(
            round(base.red() + (hot.red() - base.red()) * share),
            round(base.green() + (hot.green() - base.green()) * share),
            round(base.blue() + (hot.blue() - base.blue()) * share),
        )
        rect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.fillRect(rect, fill)
        ink = QColor("black") if fill.lightnessF() > 0.55 else QColor("white")
        painter.setPen(ink)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
        if option.state & option.state.State_HasFocus:  # type: ignore[attr-defined]
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


class HeatTable(QTableView):
    """The matrix, moved through with the arrows or h/j/k/l; Return opens a cell's documents."""

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comention-matrix")
        self.setModel(model)
        self.setItemDelegate(HeatDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def event(self, event: QEvent) -> bool:
        return claims_keys(event, _ARROWS) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (moved := vim_translated(event)) is not None:
            super().keyPressEvent(moved)
            return
        super().keyPressEvent(event)
