"""The command palette: type part of a command's name, see its key, press Return to run it.

Generated from the registry and the key table, so it lists every command,
including the ones with no key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from briefreader.control.commands import Command, CommandRegistry
from briefreader.control.fuzzy import rank
from briefreader.control.keymap import Keymap
from briefreader.ui.common.actions import mode_actions
from briefreader.ui.common.focus import open_modal

Index = QModelIndex | QPersistentModelIndex
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class PaletteModel(QAbstractListModel):
    def __init__(
        self, registry: CommandRegistry, keymap: Keymap, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._all = [c for c in registry if c.category != "Palette"]
        self._keymap = keymap
        self._shown: list[Command] = list(self._all)

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self._shown = rank(query, self._all)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        command = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            key = self._keymap.first_key(command.name)
            return f"{command.help}  —  {command.name}" + (f"   [{key}]" if key else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{command.category}: {command.help}"
        if role == NAME_ROLE:
            return command.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class CommandPalette(QDialog):
    """A small modal box over the window: a query line and the matching commands."""

    def __init__(
        self,
        registry: CommandRegistry,
        keymap: Keymap,
        run: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        self.setWindowTitle("Commands")
        self.setModal(True)
        self._run = run
        self.model = PaletteModel(registry, keymap, self)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText("Type a command… (Return runs it, Escape closes)")
        self.query.setAccessibleName("Command")
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the query line
        self.hint = QLabel("↑/↓ or Ctrl+N/Ctrl+P pick · Return runs · Escape closes", self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(640, 420)
        self.query.textChanged.connect(self._filter)
        registry.bind_many(
            {
                "palette-run": self.run_current,
                "palette-next": lambda: self.step(1),
                "palette-previous": lambda: self.step(-1),
                "palette-close": self.reject,
            }
        )
        mode_actions(self, registry, keymap, "palette")

    def open_palette(self) -> None:
        self.query.clear()
        self._filter("")
        open_modal(self)
        self.query.setFocus()

    def _filter(self, text: str) -> None:
        self.model.set_query(text)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))

    def step(self, delta: int) -> None:
        count = self.model.rowCount()
        if count:
            row = (self.list.currentIndex().row() + delta) % count
            self.list.setCurrentIndex(self.model.index(row))

    def run_current(self) -> None:
        index = self.list.currentIndex()
        name = index.data(NAME_ROLE) if index.isValid() else None
        self.accept()
        if name:
            self._run(str(name))
