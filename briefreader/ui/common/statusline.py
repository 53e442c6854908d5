"""The status bar's permanent part: the document, the position, and the mode.

All three are plain-text labels (a title is document text). The position
names the entity under the paragraph cursor, as the tooltip does for the
mouse, so a keyboard reader gets the same information.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption, QWidget

from briefreader.control.backup_files import status_text
from briefreader.control.mentions import entity_key
from briefreader.control.state import ReaderState
from briefreader.last_net import without_paths
from briefreader.paths import DataPaths
from briefreader.store import Store
from briefreader.ui.common.announce import announce
from briefreader.ui.common.elided import ElidedLabel, elide


def position_text(state: ReaderState) -> str:
    count = state.paragraph_count
    parts = [f"¶ {state.paragraph + 1}/{count}" if count else "¶ –"]
    pages = state.current.pages if state.current is not None else ()
    if 0 <= state.paragraph < len(pages):  # a paged source (PDF): the page, as citations give it
        parts[0] += f"  p. {pages[state.paragraph]}"
    if state.focus_mode and state.selected:
        parts.append(f"focus: {state.selected[1]}")
    item = state.mention_under_cursor()
    if item is not None:
        key = entity_key(item.mention)
        parts.append(f"{key[1]} — {key[0]}")
    return "  ·  ".join(parts)


class StatusLine:
    """The document and position labels elide ("…") rather than widen the window or clip."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.doc_label = ElidedLabel("", bar)
        self.doc_label.setObjectName("status-document")
        self.position_label = ElidedLabel("", bar)
        self.position_label.setObjectName("status-position")
        self.mode_label = QLabel("NORMAL", bar)
        self.mode_label.setObjectName("mode")
        self.mode_label.setTextFormat(Qt.TextFormat.PlainText)
        #: The last backup's time, or the last backup's failure (control/backup_files.py).
        self.backup_label = ElidedLabel("", bar)
        self.backup_label.setObjectName("status-backup")
        for label in (self.doc_label, self.position_label, self.backup_label, self.mode_label):
            bar.addPermanentWidget(label)
        self.backup_label.setAccessibleDescription("When the last backup was taken, or why not")
        self.doc_label.setAccessibleDescription("The open document and whether it is read")
        self.position_label.setAccessibleDescription(
            "The paragraph cursor's place and the entity under it"
        )
        self.mode_label.setAccessibleDescription("The key mode: which keys act where")

    def show_state(self, state: ReaderState) -> None:
        doc = state.current
        if doc is None:
            self.doc_label.setText("")
            self.position_label.setText("")
            return
        title = doc.title
        read = "read" if doc.id in state.read else "unread"
        self.doc_label.setText(f"{title} ({read})")
        self.position_label.setText(position_text(state))

    def show_mode(self, mode: str) -> None:
        text = mode.upper()
        if text != self.mode_label.text():
            self.mode_label.setText(text)
            announce(self.mode_label, f"{mode} mode")

    def follow_backups(self, paths: DataPaths, store: Callable[[], Store | None]) -> None:
        """Show the newest backup's time or the last failure, now and every minute."""
        self._paths, self._store = paths, store
        self._library_backup_error: str | None = None
        self._backup_timer = QTimer(self.backup_label, interval=60_000)
        self._backup_timer.timeout.connect(self.refresh_backup)
        self._backup_timer.start()
        self.refresh_backup()

    def set_library_backup_error(self, error: str | None) -> None:
        """The library's last automatic backup failure (None: it did not fail)."""
        self._library_backup_error = error
        self.refresh_backup()

    def refresh_backup(self) -> None:
        """Read the backups folder and the stores' last failures again."""
        store = self._store()
        store_error = store.backup_error if store is not None else None
        text, problem = status_text(self._paths, store_error, self._library_backup_error)
        self.show_backup(text, problem)

    def show_backup(self, text: str, problem: bool) -> None:
        """The backup indicator; a failure is marked so it is not read as a time."""
        self.backup_label.setText(("⚠ " if problem else "") + text)


class StatusBar(QStatusBar):
    """A status bar whose passing message ends in "…" where the permanent labels begin.

    QStatusBar draws its message clipped mid-word under them. The whole
    message stays `currentMessage()` and the bar's accessible description.
    Every message loses its local paths here (a file keeps its name): many
    carry an error's text, and an OSError's names the file with its folders.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-bar")
        self.setAccessibleName("Status")
        self.messageChanged.connect(self.setAccessibleDescription)

    def showMessage(self, message: str, timeout: int = 0) -> None:
        super().showMessage(without_paths(message), timeout)

    def message_rect(self) -> QRect:
        """Where the message is drawn: from the left edge to the first visible label."""
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        lefts = [
            w.geometry().left()
            for w in self.findChildren(QWidget, options=direct)
            if w.isVisible() and w.geometry().left() > 0
        ]
        right = min(lefts, default=self.width()) - 8
        return QRect(6, 0, max(right - 6, 0), self.height())

    def shown_message(self) -> str:
        return elide(self, self.currentMessage(), self.message_rect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        align = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.message_rect(), int(align), self.shown_message())
        painter.end()
