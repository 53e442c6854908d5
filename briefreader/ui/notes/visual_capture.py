"""The keyboard selection in the reading pane ("visual" mode), and capturing it.

`v` starts a selection on the current sentence (the current mention's, else
the paragraph's first), `V` on the whole paragraph; keys move its ends by
sentence or paragraph (see `control/excerpting.py`), the paragraph cursor
follows the moving end, and the selection is painted by the overlay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefreader.control.excerpting import VisualSelection
from briefreader.ui.common.host import Host
from briefreader.ui.notes.excerpt_dialogs import CaptureDialog
from briefreader.ui.notes.excerpt_overlay import ExcerptOverlay
from briefreader.ui.reader.view import ReaderView

VISUAL_MODE = "visual"


class VisualCapture:
    def __init__(
        self,
        host: Host,
        reader: ReaderView,
        overlay: ExcerptOverlay,
        capture: Callable[..., None],
        tags_in_use: Callable[[], list[str]],
    ) -> None:
        self.host = host
        self.reader = reader
        self.overlay = overlay
        self._capture_span: Callable[..., Any] = capture
        self._tags_in_use = tags_in_use
        self.visual: VisualSelection | None = None
        self.dialog: CaptureDialog | None = None

    def clear(self) -> None:
        self.visual = None
        self.overlay.set_span(None)

    def _show_mode(self) -> None:
        self.host.show_mode()

    # -- visual selection --------------------------------------------------------------

    def start_visual(self, unit: str) -> None:
        state = self.host.state
        if state.current is None:
            return
        if not self.reader.hasFocus():
            self.host.focus_pane("reader")
        selection = VisualSelection.start(
            state.current,
            state.paragraph,
            state.mention,
            "paragraph" if unit == "paragraph" else "sentence",
        )
        if selection is None:
            self.host.status("this paragraph is empty")
            return
        self._set_visual(selection)

    def _set_visual(self, selection: VisualSelection | None) -> None:
        self.visual = selection
        if selection is None:
            self.overlay.set_span(None)
            self._show_mode()
            return
        paragraph = selection.head_paragraph
        if paragraph != self.host.state.paragraph:
            self.host.apply(self.host.state.set_paragraph(paragraph))
        self.reader.ensure_paragraph_visible(paragraph)
        self.overlay.set_span(selection.span, "selection")
        self.host.status(f"selected {selection.describe()} · y captures, Escape cancels")
        self._show_mode()

    def move(self, step: Callable[[VisualSelection], VisualSelection]) -> Callable[[], None]:
        def run() -> None:
            if self.visual is not None:
                moved = step(self.visual)
                if moved is self.visual:
                    self.host.status("the selection cannot go further that way")
                    return
                self._set_visual(moved)

        return run

    def capture_selection(self) -> None:
        selection = self.visual
        if selection is None:
            return
        self._set_visual(None)
        self._capture_span(selection.span)

    def capture_selection_with_details(self) -> None:
        selection = self.visual
        if selection is None:
            return
        tags = self._tags_in_use()

        def done(tags: list[str], comment: str, priority: bool) -> None:
            self._set_visual(None)
            self._capture_span(selection.span, tags=tags, comment=comment, priority=priority)

        self.dialog = CaptureDialog(selection.text, tags, done, self.host.main_window())
        self.dialog.ask()

    def cancel(self) -> None:
        self._set_visual(None)
        self.host.status("selection cancelled")

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "visual-select": lambda: self.start_visual("sentence"),
            "visual-select-paragraphs": lambda: self.start_visual("paragraph"),
            "selection-forward-sentence": self.move(lambda s: s.extend_sentence(1)),
            "selection-back-sentence": self.move(lambda s: s.extend_sentence(-1)),
            "selection-forward-paragraph": self.move(lambda s: s.extend_paragraph(1)),
            "selection-back-paragraph": self.move(lambda s: s.extend_paragraph(-1)),
            "selection-next-sentence": self.move(lambda s: s.select_sentence(1)),
            "selection-previous-sentence": self.move(lambda s: s.select_sentence(-1)),
            "selection-next-paragraph": self.move(lambda s: s.select_paragraph(1)),
            "selection-previous-paragraph": self.move(lambda s: s.select_paragraph(-1)),
            "selection-swap-ends": self.move(lambda s: s.swap()),
            "capture-selection": self.capture_selection,
            "capture-selection-with-details": self.capture_selection_with_details,
            "cancel-selection": self.cancel,
        }
