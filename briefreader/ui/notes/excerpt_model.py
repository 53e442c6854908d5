"""Excerpts as an item model, and the two views over it (the bin's table, the panel's list).

Quotes, titles and tags are document or analyst text, so every cell is a
DisplayRole string (plain text) and tooltips go through `plain_tooltip`.
The views claim only their navigation keys (arrows, j/k, pages); Return,
t, c, p, d ... reach the window's "excerpts" mode commands, so every action
stays a named command with a key in the one key table.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QWidget

from briefreader.control.excerpt_filter import MISSING_SOURCE, flags_text
from briefreader.store import Excerpt
from briefreader.ui.common.columns import fit_columns
from briefreader.ui.common.panes import claims_keys, vim_translated
from briefreader.ui.common.safe_text import plain_tooltip

EXCERPT_ID_ROLE = Qt.ItemDataRole.UserRole + 21
COLUMNS = ("Quote", "Source", "Grade", "Tags", "Flags")
Index = QModelIndex | QPersistentModelIndex
#: The mode the window's key table uses while an excerpt view has focus.
EXCERPTS_MODE = "excerpts"
#: Lines of a quote shown in the bin's rows.
ROW_LINES = 3
#: The most of the bin's width each side column may take (the quote takes the rest).
BIN_COLUMN_CAPS = {1: 0.22, 2: 0.1, 3: 0.16, 4: 0.12}


def flags_and_claim(excerpt: Excerpt) -> str:
    """The flags column: priority and anchoring in words, then whose claim it is."""
    claim = f"claim: {excerpt.claimant}" if excerpt.claimant else ""
    return ", ".join(part for part in (flags_text(excerpt), claim) if part)


def one_line(text: str, limit: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def provenance(excerpt: Excerpt) -> str:
    """Who captured the excerpt and when, and who changed it last and when (UTC)."""
    captured = f"captured {excerpt.created[:10]} {excerpt.created[11:16]} UTC"
    if excerpt.created_by:
        captured += f" by {excerpt.created_by}"
    if excerpt.updated == excerpt.created and excerpt.updated_by in ("", excerpt.created_by):
        return captured
    changed = f"changed {excerpt.updated[:10]} {excerpt.updated[11:16]} UTC"
    if excerpt.updated_by:
        changed += f" by {excerpt.updated_by}"
    return f"{captured} · {changed}"


class ExcerptModel(QAbstractTableModel):
    """Excerpts as rows; `compact` puts flags and tags beside the quote in column 0."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._rows: list[Excerpt] = []
        self._title_of: Callable[[str], str] = lambda doc_id: ""
        self.compact = compact
        #: The excerpt's Admiralty code ("B2") and its words, from the window's grade labels.
        self.grade_of: Callable[[Excerpt], str] = lambda excerpt: ""
        self.describe_grade: Callable[[Excerpt], str] = lambda excerpt: ""

    def set_excerpts(
        self, excerpts: Sequence[Excerpt], title_of: Callable[[str], str] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(excerpts)
        if title_of is not None:
            self._title_of = title_of
        self.endResetModel()

    def upsert(self, excerpt: Excerpt, key: Callable[[Excerpt], tuple[str, int, int]]) -> None:
        """Put one excerpt in its row (replaced in place, or inserted in `key` order)."""
        row = self.row_of(excerpt.id)
        if row is not None and key(self._rows[row]) == key(excerpt):
            self._rows[row] = excerpt
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        if row is not None:
            self.remove(excerpt.id)
        keys = [key(e) for e in self._rows]
        at = bisect_left(keys, key(excerpt))
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, excerpt)
        self.endInsertRows()

    def redraw(self) -> None:
        """Every row's text again (a grade changed: a publisher's reaches many rows)."""
        if self._rows:
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def remove(self, excerpt_id: int) -> None:
        row = self.row_of(excerpt_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def excerpt(self, row: int) -> Excerpt | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, excerpt_id: int) -> int | None:
        for row, excerpt in enumerate(self._rows):
            if excerpt.id == excerpt_id:
                return row
        return None

    @property
    def excerpts(self) -> list[Excerpt]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (1 if self.compact else len(COLUMNS))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < self.columnCount()
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        excerpt = self.excerpt(index.row())
        if excerpt is None or not 0 <= index.column() < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(excerpt, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(excerpt))
        if role == EXCERPT_ID_ROLE:
            return excerpt.id
        if role == Qt.ItemDataRole.FontRole and excerpt.priority:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(excerpt)
        return None

    def _display(self, excerpt: Excerpt, column: int) -> str:
        if self.compact:
            flags = ", ".join(p for p in (self.grade_of(excerpt), flags_and_claim(excerpt)) if p)
            tags = f"  [{', '.join(excerpt.tags)}]" if excerpt.tags else ""
            prefix = f"({flags}) " if flags else ""
            return f"{prefix}{one_line(excerpt.quote, 160)}{tags}"
        if column == 0:
            return one_line(excerpt.quote)
        if column == 1:
            return one_line(self._title_of(excerpt.doc_id) or MISSING_SOURCE, 80)
        if column == 2:
            return self.grade_of(excerpt)
        if column == 3:
            return ", ".join(excerpt.tags)
        return flags_and_claim(excerpt)

    def _tooltip(self, excerpt: Excerpt) -> str:
        lines = [excerpt.quote, "", f"from: {self._title_of(excerpt.doc_id) or MISSING_SOURCE}"]
        if excerpt.entities:
            lines.append("names: " + ", ".join(e.canonical for e in excerpt.entities))
        if excerpt.tags:
            lines.append("tags: " + ", ".join(excerpt.tags))
        if excerpt.comment:
            lines.append("comment: " + excerpt.comment)
        if flags := flags_text(excerpt):
            lines.append("flags: " + flags)
        if grade := self.describe_grade(excerpt):
            lines.append("grade: " + grade)
        lines.append(provenance(excerpt))
        return "\n".join(lines)


class ExcerptTable(QTableView):
    """The bin's table: j/k and arrows move; every other key runs a command."""

    keymap_mode = EXCERPTS_MODE

    def __init__(self, model: ExcerptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excerpt-table")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        # Quotes wrap over a few lines (the last one ends in "…"); the side columns
        # take what their content needs, up to a share of the width (fit_columns).
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setResizeContentsPrecision(200)
        self._row_lines()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self.fit)
        self.setAccessibleName("Excerpt bin")

    def fit(self, *_args: object) -> None:
        fit_columns(self, BIN_COLUMN_CAPS, most=0.4)

    def _row_lines(self) -> None:
        self.verticalHeader().setDefaultSectionSize(
            ROW_LINES * self.fontMetrics().lineSpacing() + 8
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: rows keep their three lines
            self._row_lines()
            self.fit()

    def event(self, event: QEvent) -> bool:
        return claims_keys(event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(vim_translated(event) or event)


class ExcerptList(QListView):
    """The notes panel's list of the open document's excerpts (same keys as the bin)."""

    keymap_mode = EXCERPTS_MODE

    def __init__(self, model: ExcerptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document-excerpts")
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Quotes wrap to the panel's width: a sideways scroll bar would only cut them.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setAccessibleName("Excerpts in this document")

    def event(self, event: QEvent) -> bool:
        return claims_keys(event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(vim_translated(event) or event)


def current_excerpt_id(view: QAbstractItemView) -> int | None:
    index = view.currentIndex()
    value = index.data(EXCERPT_ID_ROLE) if index.isValid() else None
    return int(value) if value is not None else None


def select_excerpt(view: QAbstractItemView, model: ExcerptModel, excerpt_id: int | None) -> bool:
    row = model.row_of(excerpt_id) if excerpt_id is not None else None
    if row is None:
        return False
    index = model.index(row, 0)
    view.setCurrentIndex(index)
    view.scrollTo(index)
    return True
