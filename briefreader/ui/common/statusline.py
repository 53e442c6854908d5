"""The status bar's permanent part: the document, the position, and the mode.

All three are plain-text labels (a title is document text). The position
names the entity under the paragraph cursor, as the tooltip does for the
mouse, so a keyboard reader gets the same information.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar

from briefreader.control.mentions import entity_key
from briefreader.control.state import ReaderState


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
    def __init__(self, bar: QStatusBar) -> None:
        self.doc_label = QLabel(bar)
        self.position_label = QLabel(bar)
        self.mode_label = QLabel("NORMAL", bar)
        self.mode_label.setObjectName("mode")
        for label in (self.doc_label, self.position_label, self.mode_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            bar.addPermanentWidget(label)

    def show_state(self, state: ReaderState) -> None:
        doc = state.current
        if doc is None:
            self.doc_label.setText("")
            self.position_label.setText("")
            return
        title = doc.title if len(doc.title) <= 48 else doc.title[:47] + "…"
        read = "read" if doc.id in state.read else "unread"
        self.doc_label.setText(f"{title} ({read})")
        self.position_label.setText(position_text(state))

    def show_mode(self, mode: str) -> None:
        self.mode_label.setText(mode.upper())
