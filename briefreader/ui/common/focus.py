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
    """Open `dialog` as the window's prompt, active; focus comes back when it closes.

    Not modal in Qt's sense: Qt drops every key that reaches a window a modal dialog
    blocks, and until the window system hands the new dialog the keyboard, a fast
    typist's keys still reach the main window. The window's `KeyGate` makes the
    prompt modal instead: it types those keys into the prompt and ignores clicks
    on the window while the prompt is shown.
    """
    return_focus_after(dialog)
    # The window's (zoomed) font: Ctrl+= reaches every prompt, not only the panes.
    dialog.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation, True)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    dialog.activateWindow()
