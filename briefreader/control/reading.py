"""Read state and reading positions kept in the analyst's store, not in the UI's state file.

"What have I read, where was I" is the analyst's work, so it lives in
`work.sqlite3` beside the notes. The store keeps a position as a character
offset into the body (stable whatever the window size); the reader thinks
in paragraphs, so this module converts both ways and writes only what
changed since the last sync. When the store cannot be opened or written
(another instance holds it, a read-only disk), the reader keeps working and
the window says why.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from briefreader.control.state import ReaderState
from briefreader.domain import Document
from briefreader.store import Store
from briefreader.store.errors import StoreError


def paragraph_offset(doc: Document, paragraph: int) -> int:
    spans = doc.paragraph_spans()
    if not spans:
        return 0
    return spans[min(max(paragraph, 0), len(spans) - 1)][0]


def offset_paragraph(doc: Document, offset: int) -> int:
    starts = [start for start, _ in doc.paragraph_spans()]
    return max(bisect_right(starts, offset) - 1, 0) if starts else 0


class ReadingSync:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._read: set[str] = set()
        self._positions: dict[str, int] = {}
        self.error: str | None = store.read_only_reason

    def load(self, documents: Iterable[Document]) -> tuple[set[str], dict[str, int]]:
        """The read ids and the paragraph each document was left at."""
        by_id = {doc.id: doc for doc in documents}
        states = self.store.reading.all()
        self._read = {doc_id for doc_id, s in states.items() if s.read}
        self._positions = {
            doc_id: offset_paragraph(by_id[doc_id], s.position)
            for doc_id, s in states.items()
            if doc_id in by_id and s.position > 0
        }
        return set(self._read), dict(self._positions)

    def push(self, state: ReaderState) -> str | None:
        """Write what changed since the last push; a one-line error if the store refused."""
        if self.store.read_only:
            return self.store.read_only_reason
        positions = dict(state.positions)
        if state.current is not None:
            positions[state.current.id] = state.paragraph
        try:
            newly_read = state.read - self._read
            unread = self._read - state.read
            if newly_read:
                self.store.reading.set_read(sorted(newly_read), True)
            if unread:
                self.store.reading.set_read(sorted(unread), False)
            self._read = set(state.read)
            for doc_id, paragraph in positions.items():
                if self._positions.get(doc_id) == paragraph:
                    continue
                doc = state.document(doc_id)
                if doc is not None:
                    self.store.reading.set_position(doc_id, paragraph_offset(doc, paragraph))
                self._positions[doc_id] = paragraph
        except StoreError as error:
            self.error = str(error)
            return self.error
        return None
