"""The `?` overlay: every key of every mode, generated from the key table and the registry."""

from __future__ import annotations

from PySide6.QtCore import Qt
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


def help_rows(registry: CommandRegistry, keymap: Keymap) -> list[tuple[str, str, str, str]]:
    """(mode, keys, command, help) for every command, in registry order within each mode."""
    rows = []
    for mode in MODES:
        for command in registry:
            keys = keymap.keys_for(command.name, mode)
            if keys:
                rows.append((mode, "  ".join(keys), command.name, command.help))
    bound = {row[2] for row in rows}
    rows += [("palette only", "", c.name, c.help) for c in registry if c.name not in bound]
    return rows


class HelpOverlay(QDialog):
    def __init__(
        self, registry: CommandRegistry, keymap: Keymap, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help")
        self.setWindowTitle("Keys")
        self.setModal(True)
        rows = help_rows(registry, keymap)
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels(["Mode", "Keys", "Command", "What it does"])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(
            "Override any key in keys.toml in the data directory, "
            'e.g. [normal] "x" = "next-document". '
            "Escape, q or ? closes.",
            self,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        self.resize(860, 600)
        mode_actions(self, registry, keymap, "help")

    def show_help(self) -> None:
        open_modal(self)
        self.table.setFocus()
