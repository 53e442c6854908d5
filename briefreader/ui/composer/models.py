"""Item models for the composer: the briefing's sections and items, and excerpts to add.

Both only display values the control layer computed (`SectionView`,
`ItemView`, store `Excerpt`s). Every string is DisplayRole text or a tooltip
escaped by `plain_tooltip`, since quotes and titles are document text.
Flags carry words ("stale", "orphaned"), not only a colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from briefreader.control.composer_views import ItemView, SectionView
from briefreader.control.excerpt_filter import MISSING_SOURCE
from briefreader.store import Excerpt
from briefreader.ui.common.safe_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 1  # an item row's excerpt id (None on sections)
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the section key of a row
COLUMNS = ("Excerpt", "Source", "Comment", "Check")
#: Internal id of a top-level (section) row; item rows hold their section's row + 1.
_TOP = 0
WARNING = QColor("#b3261e")


def one_line(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ComposerModel(QAbstractItemModel):
    """Sections (top level) and their excerpts (children), in export order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sections: tuple[SectionView, ...] = ()
        self.checking = False  # a check is running: unchecked rows say so

    # -- data in -----------------------------------------------------------------------

    def set_sections(self, sections: Sequence[SectionView]) -> None:
        sections = tuple(sections)
        shape = [(s.key, tuple(i.excerpt_id for i in s.items)) for s in sections]
        if shape == [(s.key, tuple(i.excerpt_id for i in s.items)) for s in self._sections]:
            self._sections = sections  # same rows, new values: keep the view's state
            self._changed_all()
            return
        self.beginResetModel()
        self._sections = sections
        self.endResetModel()

    def set_checking(self, checking: bool) -> None:
        self.checking = checking
        self._changed_all()

    def _changed_all(self) -> None:
        last = len(COLUMNS) - 1
        for row, section in enumerate(self._sections):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            if section.items:
                parent = self.index(row, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(section.items) - 1, last, parent)
                )

    # -- lookups -----------------------------------------------------------------------

    def index_of_item(self, excerpt_id: int | None) -> QModelIndex:
        for row, section in enumerate(self._sections):
            for child, item in enumerate(section.items):
                if item.excerpt_id == excerpt_id:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def index_of_section(self, key: str | None) -> QModelIndex:
        for row, section in enumerate(self._sections):
            if section.key == key:
                return self.index(row, 0)
        return QModelIndex()

    def _section(self, index: Index) -> SectionView | None:
        if index.internalId() == _TOP and 0 <= index.row() < len(self._sections):
            return self._sections[index.row()]
        return None

    def _item(self, index: Index) -> ItemView | None:
        parent_row = index.internalId() - 1
        if parent_row < 0 or parent_row >= len(self._sections):
            return None
        items = self._sections[parent_row].items
        return items[index.row()] if 0 <= index.row() < len(items) else None

    # -- the model interface -----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        if parent.column() != 0:
            return 0
        section = self._section(parent)
        return len(section.items) if section is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        section = self._section(index)
        if section is not None:
            return self._section_data(section, index.column(), role)
        item = self._item(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._item_text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            cited = f"— {item.source}, paragraph {item.paragraph + 1}"
            parts = [item.quote, cited + (f" · graded {item.grade}" if item.grade else "")]
            if item.claimant:
                parts.insert(0, f"Claim by {item.claimant}:")
            if item.comment:
                parts.append(f"Comment: {item.comment}")
            if item.flag is not None and item.flag.detail:
                parts.append(item.flag.detail)
            return plain_tooltip("\n".join(parts))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            if item.flag is not None and item.flag.problem:
                return QBrush(WARNING)
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._item_text(item, index.column())
        if role == EXCERPT_ROLE:
            return item.excerpt_id
        if role == SECTION_ROLE:
            return self._sections[index.internalId() - 1].key
        return None

    def _item_text(self, item: ItemView, column: int) -> str:
        if column == 0:
            claim = f"CLAIM · {item.claimant}: " if item.claimant else ""
            return f"{item.number}. {claim}{one_line(item.quote)}"
        if column == 1:
            grade = f"{item.grade} · " if item.grade else ""  # first: a narrow column cuts the end
            return f"{grade}{one_line(item.source, 80)}, ¶ {item.paragraph + 1}"
        if column == 2:
            return one_line(item.comment, 120)
        if item.flag is None:
            return "checking…" if self.checking else ""
        label = item.flag.label
        return f"⚠ {label}" if item.flag.problem else label

    def _section_data(self, section: SectionView, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            n = len(section.items)
            title = section.title or "Excerpts"
            return f"{one_line(title, 120)}  ({n})"
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            kind = "your section" if section.section_id is not None else "computed section"
            return plain_tooltip(f"{section.title or 'Excerpts'} ({kind})")
        if role == SECTION_ROLE:
            return section.key
        return None


class CandidateModel(QAbstractListModel):
    """Excerpts that could be added, each with a tick box (Space ticks)."""

    def __init__(
        self, title_of: Callable[[str], str] = lambda _d: "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[Excerpt] = []
        self._ticked: set[int] = set()
        self._title_of = title_of

    def set_excerpts(self, excerpts: Sequence[Excerpt]) -> None:
        self.beginResetModel()
        self._rows = list(excerpts)
        self.endResetModel()

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            eid = self._rows[row].id
            self._ticked ^= {eid}
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def ticked(self) -> list[int]:
        """Ticked excerpt ids, in the order shown (ticks survive re-filtering)."""
        shown = [e.id for e in self._rows if e.id in self._ticked]
        hidden = sorted(self._ticked - set(shown))
        return shown + hidden

    def excerpt_at(self, row: int) -> Excerpt | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        excerpt = self.excerpt_at(index.row()) if index.isValid() else None
        if excerpt is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            source = self._title_of(excerpt.doc_id) or MISSING_SOURCE
            extra = []
            if excerpt.priority:
                extra.append("★")
            if excerpt.status != "anchored":
                extra.append(excerpt.status)
            extra += [f"#{t}" for t in excerpt.tags]
            tail = f"  [{' '.join(extra)}]" if extra else ""
            return f"{one_line(excerpt.quote, 160)} — {one_line(source, 60)}{tail}"
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = excerpt.id in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(excerpt.quote)
        if role == EXCERPT_ROLE:
            return excerpt.id
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        excerpt = self.excerpt_at(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.CheckStateRole or excerpt is None:
            return False
        want = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if (excerpt.id in self._ticked) != want:
            self.toggle(index.row())
        return True
