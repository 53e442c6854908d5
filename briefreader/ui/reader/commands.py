"""What the reading commands do: moving through documents and paragraphs, toggles.

Most are reader-state methods whose `Changes` the host applies; the rest act
on the reading pane itself (paging by its height, copying a paragraph). Zoom is
the whole window's (`ui/appearance.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication

from briefreader.control.changes import Changes
from briefreader.ui.common.host import Host
from briefreader.ui.reader.view import ReaderView


def bind_reader_commands(host: Host, reader: ReaderView) -> None:
    state = host.state

    def do(method: Callable[[], Changes]) -> Callable[[], None]:
        return lambda: host.apply(method())

    def page(direction: int) -> None:
        paragraph = reader.page(direction)
        if paragraph is not None:
            changes = state.set_paragraph(paragraph)
            if changes.any:
                host.apply(changes)
            reader.set_cursor(state.paragraph, state.mention, scroll=False)

    def yank() -> None:
        text = state.current_paragraph_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            host.status(f"copied paragraph {state.paragraph + 1} ({len(text)} characters)")

    host.registry.bind_many(
        {
            "next-document": do(state.next_document),
            "previous-document": do(state.previous_document),
            "first-document": do(state.first_document),
            "last-document": do(state.last_document),
            "toggle-read": do(state.toggle_read),
            "next-paragraph": do(state.next_paragraph),
            "previous-paragraph": do(state.previous_paragraph),
            "page-down": lambda: page(1),
            "page-up": lambda: page(-1),
            "top": do(state.top),
            "bottom": do(state.bottom),
            "yank-paragraph": yank,
            "next-mention": do(state.next_mention),
            "previous-mention": do(state.previous_mention),
            "select-entity": do(state.select_entity),
            "next-entity-mention": do(state.next_entity_mention),
            "previous-entity-mention": do(state.previous_entity_mention),
            "toggle-focus-mode": do(state.toggle_focus_mode),
            "toggle-groups": lambda: host.apply(state.toggle_kind("group")),
            "toggle-countries": lambda: host.apply(state.toggle_kind("country")),
            "toggle-entity": do(state.toggle_entity),
            "filter-selected-entity": do(state.toggle_filter_entity),
            "cycle-read-filter": do(state.cycle_read_filter),
            "cycle-document-order": do(state.cycle_document_order),
            "toggle-story-versions": do(state.toggle_story_versions),
            "clear-filters": do(state.clear_filters),
        }
    )
