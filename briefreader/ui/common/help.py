"""The `?` overlay: every key of every mode, generated from the key table and the registry.

The keys of the mode `?` was pressed in come first (opened from the search line,
the search keys), then every other mode's; Home, End, PageUp and PageDown move
through the list as in any list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefreader.control.commands import CommandRegistry
from briefreader.control.keymap import MODES, Keymap
from briefreader.ui.common.actions import mode_actions
from briefreader.ui.common.focus import open_modal


def help_rows(
    registry: CommandRegistry, keymap: Keymap, first: str | None = None
) -> list[tuple[str, str, str, str]]:
    """(mode, keys, command, help) for every command, in registry order within each mode;
    the modes in the key table's order, `first` (the mode the user is in) before them."""
    rows = []
    modes = ([first] if first in MODES else []) + [m for m in MODES if m != first]
    for mode in modes:
        for command in registry:
            keys = keymap.keys_for(command.name, mode)
            if keys:
                rows.append((mode, "  ".join(keys), command.name, command.help))
    bound = {row[2] for row in rows}
    rows += [("palette only", "", c.name, c.help) for c in registry if c.name not in bound]
    return rows


class HelpTable(QTableWidget):
    """The rows of keys: Home and End go to the first and the last row (a table's own
    Home and End move between its columns, which here is nothing a reader sees)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        rows = self.rowCount()
        target = {Qt.Key.Key_Home: 0, Qt.Key.Key_End: rows - 1}.get(Qt.Key(event.key()))
        if target is not None and rows:
            self.selectRow(target)
            self.scrollToItem(self.item(target, 0))
            return
        super().keyPressEvent(event)


class HelpOverlay(QDialog):
    def __init__(
        self, registry: CommandRegistry, keymap: Keymap, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help")
        self.setWindowTitle("Keys")
        self.setModal(True)
        self._registry, self._keymap = registry, keymap
        self.heading = QLabel(self)
        self.heading.setObjectName("help-heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.table = HelpTable(0, 4, self)
        self.table.setObjectName("help-keys")
        self.table.setHorizontalHeaderLabels(["Mode", "Keys", "Command", "What it does"])
        # No rows yet: `show_help` fills them for the mode it opens in, so building
        # them here (about 20 ms) would only delay the window's first paint.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(
            "Override any key in keys.toml in the data directory, "
            'e.g. [normal] "x" = "next-document". '
            "Home, End, PageUp and PageDown move through the list; Escape, q or ? closes.",
            self,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(note)
        self.resize(860, 600)
        mode_actions(self, registry, keymap, "help")

    def fill(self, first: str) -> None:
        """The rows, the keys of mode `first` before the others."""
        rows = help_rows(self._registry, self._keymap, first)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.heading.setText(f"The keys of {first} mode first, then every other mode's.")

    def show_help(self, mode: str = "normal") -> None:
        """Open on the keys of `mode`, the one the user was in."""
        self.fill(mode)
        open_modal(self)
        self.table.setFocus()
        if self.table.rowCount():
            self.table.selectRow(0)
            self.table.scrollToTop()
