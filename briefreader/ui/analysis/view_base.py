"""What every analysis view has: a heading, a plain-text summary, and one widget to focus.

Headings and summaries are QLabels set to plain text, so an entity name or a
document title can never be read as markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def plain_label(name: str, *, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
    return label


class AnalysisView(QWidget):
    """A view of the analysis pane; `focus_widget` is where its keys act."""

    #: Shown on the tab and in messages.
    title = ""
    #: The command that shows this view.
    command = ""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.heading = plain_label(f"{name}-heading", bold=True)
        self.summary = plain_label(f"{name}-summary")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.summary)

    def focus_widget(self) -> QWidget:
        raise NotImplementedError

    def show_message(self, heading: str, summary: str = "") -> None:
        """Say why there is nothing to show (no entity chosen yet, no briefing...)."""
        self.heading.setText(heading)
        self.summary.setText(summary)
