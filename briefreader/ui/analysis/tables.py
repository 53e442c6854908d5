"""Plain tables for the analysis views: rows of text, each with a key the view acts on.

Cells are set as display text only (never rich text: document titles are
untrusted), with the full text as a plain tooltip. A table moves with the
arrows and j/k like every list pane; Return is the view's "open" command.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from briefreader.ui.common.panes import NAVIGATION_KEYS, claims_keys, vim_translated
from briefreader.ui.common.safe_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self.rows: list[tuple[str, ...]] = []
        self.keys: list[object] = []
        self.bold: set[int] = set()

    def set_rows(
        self, rows: Sequence[tuple[str, ...]], keys: Sequence[object], bold: Sequence[int] = ()
    ) -> None:
        self.beginResetModel()
        self.rows = [tuple(row) for row in rows]
        self.keys = list(keys)
        self.bold = set(bold)
        self.endResetModel()

    def key(self, row: int) -> object:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and len(text) > 24:
            return plain_tooltip(text)
        if role == Qt.ItemDataRole.FontRole and index.row() in self.bold:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class AnalysisTable(QTableView):
    """One table of a view: whole rows selected, the last column stretched."""

    def __init__(
        self, name: str, model: RowsModel, parent: QWidget | None = None, *, stretch: int = -1
    ) -> None:
        """`stretch` is the column that takes the spare width (default: the last)."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        column = stretch if stretch >= 0 else len(model.headers) - 1
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self._first_row)

    def current_key(self) -> object:
        model = self.model()
        assert isinstance(model, RowsModel)
        return model.key(self.currentIndex().row()) if self.currentIndex().isValid() else None

    def _first_row(self) -> None:
        if self.model().rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(self.model().index(0, 0))

    def event(self, event: QEvent) -> bool:
        return claims_keys(event, NAVIGATION_KEYS) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (moved := vim_translated(event)) is not None:
            super().keyPressEvent(moved)
            return
        super().keyPressEvent(event)
