"""Keyboard focus comes back after a dialog closes.

Window managers usually reactivate a dialog's parent; not all do (a bare X
server, Qt's offscreen platform), and a keyboard user must never be left
with nothing focused, typing into the void.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog


def return_focus_after(dialog: QDialog) -> None:
    """When `dialog` next finishes, its window and the widget that had focus get it back.

    Call it each time the dialog is opened: the connection lasts one closing,
    so a dialog kept and reopened does not pile up handlers.
    """
    before = QApplication.focusWidget()
    owner = dialog.parentWidget()

    def back(_result: int) -> None:
        if owner is not None:
            owner.window().activateWindow()
        if before is not None and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)

    dialog.finished.connect(back, Qt.ConnectionType.SingleShotConnection)


def open_modal(dialog: QDialog) -> None:
    """Open `dialog` window-modal and active; focus comes back when it closes."""
    return_focus_after(dialog)
    dialog.open()
    dialog.activateWindow()
