"""The document list: title, publisher, a story and grade badge and read state, one per row.

The model adapts the reader state's visible documents; the delegate draws
plain text only (a title is document text, so never rich text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePath

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from briefreader.corpus.files import readable_file_name
from briefreader.domain import Document
from briefreader.ui.common.panes import PaneList
from briefreader.ui.common.safe_text import plain_tooltip

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
READ_ROLE = Qt.ItemDataRole.UserRole + 2
VERSIONS_ROLE = Qt.ItemDataRole.UserRole + 3
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 4
#: Whether the row is the open document.
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 5
#: The source's reliability letter (Admiralty A-F), "" when not graded.
GRADE_ROLE = Qt.ItemDataRole.UserRole + 6
Index = QModelIndex | QPersistentModelIndex


def subtitle(doc: Document) -> str:
    """Who published it (else its author, else its file's name) and when, or "undated".

    Never the local path (`file_name` is the name alone), and never a file name that
    is a hash or a number: it reads like an internal id.
    """
    who = (
        doc.publisher
        or doc.author
        or readable_file_name(doc.file_name or PurePath(doc.source).name)
    )
    return " · ".join(part for part in (who, doc.date or "undated") if part)


class DocumentListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: list[Document] = []
        self._rows: dict[str, int] = {}  # id -> row: opening a document must not scan the list
        self._read: set[str] = set()
        self._versions: dict[str, int] = {}
        self._current = ""
        #: The reliability letter of a document and its words (the window's grade labels).
        self.grade_of: Callable[[str], str] = lambda doc_id: ""
        self.describe_grade: Callable[[str], str] = lambda doc_id: ""

    def set_documents(
        self, docs: Sequence[Document], read: set[str], versions: dict[str, int]
    ) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self._rows = {doc.id: row for row, doc in enumerate(self._docs)}
        self._read = set(read)
        self._versions = dict(versions)
        self.endResetModel()

    def set_read(self, read: set[str]) -> None:
        flipped = read ^ self._read
        changed = sorted(row for doc_id in flipped if (row := self._rows.get(doc_id)) is not None)
        self._read = set(read)
        for row in changed:
            index = self.index(row)
            self.dataChanged.emit(index, index, [READ_ROLE, Qt.ItemDataRole.DisplayRole])

    def set_current(self, doc_id: str) -> None:
        """Remember the open document (`CURRENT_ROLE`).

        No dataChanged: QListView answers any of them by laying out every row
        again at the next scroll (20,000 model calls for 10,000 documents);
        the window repaints the list when it moves the current row instead.
        """
        self._current = doc_id

    def redraw_grades(self) -> None:
        """A grade changed: a publisher's grade reaches rows no change names, so all of them."""
        if self._docs:
            roles = [GRADE_ROLE, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole]
            self.dataChanged.emit(self.index(0), self.index(len(self._docs) - 1), roles)

    def row_of(self, doc_id: str) -> int | None:
        return self._rows.get(doc_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._docs) or index.column() != 0:
            return None
        doc = self._docs[index.row()]
        versions = self._versions.get(doc.id, 1)
        if role == Qt.ItemDataRole.DisplayRole:
            return doc.title or "(untitled)"
        if role == Qt.ItemDataRole.ToolTipRole:
            badge = f" ({versions} versions)" if versions > 1 else ""
            state = "read" if doc.id in self._read else "unread"
            grade = self.describe_grade(doc.id)
            return plain_tooltip(
                f"{doc.title}\n{subtitle(doc)}{badge}\n{grade}\n{state}, {doc.words} words"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            grade = self.grade_of(doc.id)
            graded = f", reliability {grade}" if grade else ""
            return f"{doc.title}, {'read' if doc.id in self._read else 'unread'}{graded}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(doc.id not in self._read)
            return font
        if role == DOC_ID_ROLE:
            return doc.id
        if role == READ_ROLE:
            return doc.id in self._read
        if role == VERSIONS_ROLE:
            return versions
        if role == SUBTITLE_ROLE:
            return subtitle(doc)
        if role == CURRENT_ROLE:
            return doc.id == self._current
        if role == GRADE_ROLE:
            return self.grade_of(doc.id)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class DocumentDelegate(QStyledItemDelegate):
    """Two lines per document: a read dot and the title; publisher, date and story badge."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(group)
        rect: QRect = option.rect.adjusted(22, 5, -8, -5)
        metrics = QFontMetrics(option.font)
        painter.save()
        read = bool(index.data(READ_ROLE))
        painter.setPen(colour)
        painter.setBrush(colour if not read else Qt.BrushStyle.NoBrush)
        dot = metrics.height() // 3
        painter.drawEllipse(
            option.rect.left() + 8, rect.top() + metrics.height() // 2 - dot // 2, dot, dot
        )
        versions = int(index.data(VERSIONS_ROLE) or 1)
        grade = str(index.data(GRADE_ROLE) or "")
        badge = " · ".join(p for p in (f"{versions} versions" if versions > 1 else "", grade) if p)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.85, 6))
        badge_width = QFontMetrics(small).horizontalAdvance(badge) + 12 if badge else 0
        title_font = QFont(option.font)
        title_font.setBold(not read)
        painter.setFont(title_font)
        title_rect = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        elided = QFontMetrics(title_font).elidedText(
            text, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        painter.setFont(small)
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText) if not selected else colour
        painter.setPen(muted)
        sub_rect = QRect(
            rect.left(),
            rect.top() + metrics.height() + 3,
            rect.width() - badge_width,
            metrics.height(),
        )
        sub = QFontMetrics(small).elidedText(
            str(index.data(SUBTITLE_ROLE) or ""), Qt.TextElideMode.ElideRight, sub_rect.width()
        )
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sub)
        if badge:
            badge_rect = QRect(
                rect.right() - badge_width + 4, sub_rect.top(), badge_width - 4, sub_rect.height()
            )
            painter.setPen(colour)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()


class DocumentList(PaneList):
    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__("documents", parent)
        self.setModel(model)
        self.setItemDelegate(DocumentDelegate(self))
        # Every row is two lines high: with uniform sizes Qt asks the delegate
        # once, not once per row on every scroll (10,000 documents: 60 ms a move).
        self.setUniformItemSizes(True)
        self.setAccessibleName("Documents")
