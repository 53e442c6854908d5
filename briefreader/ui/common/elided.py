"""A one-line plain-text label that ends in "…" when it does not fit, instead of clipping mid-word.

A QLabel asks for its whole text's width, so a long title in the status bar
widens the window (or is cut off mid-letter when it cannot). This one asks
for little, draws as much as fits with an ellipsis, and keeps the whole text
in its tooltip and accessible name, so nothing is lost to a screen reader.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from briefreader.ui.common.safe_text import plain_tooltip

#: The least width (in average characters) an elided label asks for.
MIN_CHARS = 6
#: The most it asks for: a longer text is elided unless the layout gives it more.
MAX_CHARS = 48


def elide(widget: QWidget, text: str, width: int) -> str:
    return widget.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))


class ElidedLabel(QLabel):
    """Plain text on one line, elided on the right to the width it is given."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        text = " ".join(text.split())
        super().setText(text)
        self.setToolTip(plain_tooltip(text) if text else "")
        self.updateGeometry()

    def shown_text(self) -> str:
        """What is drawn: the text, elided to the label's width."""
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right() - 2 * self.margin()
        return elide(self, self.text(), width)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        most = self.fontMetrics().averageCharWidth() * MAX_CHARS
        margins = self.contentsMargins()
        return QSize(min(hint.width(), most + margins.left() + margins.right()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        least = self.fontMetrics().averageCharWidth() * MIN_CHARS
        margins = self.contentsMargins()
        return QSize(min(hint.width(), least + margins.left() + margins.right()), hint.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(self.margin(), 0, -self.margin(), 0)
        painter.setPen(self.palette().color(self.foregroundRole()))
        align = self.alignment() | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, int(align), self.shown_text())
        painter.end()
