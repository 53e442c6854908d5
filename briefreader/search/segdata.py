"""What queries read from a segment, loaded once and kept warm between queries.

A segment never changes once written, except for the documents an update
marks deleted. So a searcher keeps, per segment, each field's document
lengths (one array, read from Whoosh's length column) and which documents
are live, and shares one bounded cache of decoded posting lists across all
segments and queries: typing "taliban", then "taliban kabul", reads the
postings of "taliban" once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Final, TypeVar

import numpy as np
from whoosh.util.numeric import byte_to_length

from briefreader.search.blocks import TermPostings, length_bytes, read_term

#: Decoded postings kept across queries (bytes of numpy arrays).
POSTINGS_CACHE_BYTES: Final = 96 * 2**20
T = TypeVar("T")
_BYTE_TO_LENGTH: Final = np.array([byte_to_length(b) for b in range(256)], np.float32)


class PostingsCache:
    """An LRU of decoded posting lists, keyed by segment, field, term and detail."""

    def __init__(self, budget: int = POSTINGS_CACHE_BYTES) -> None:
        self._budget = budget
        self._used = 0
        self._items: OrderedDict[tuple[str, str, bytes, bool], TermPostings | None] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self, segid: str, reader: Any, fieldname: str, tbytes: bytes, positions: bool
    ) -> TermPostings | None:
        key = (segid, fieldname, tbytes, positions)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        found = read_term(reader, fieldname, tbytes, positions=positions)
        size = _size(found)
        if size > self._budget // 4:
            return found  # too big to keep: it would push out everything else
        with self._lock:
            self._items[key] = found
            self._used += size
            while self._used > self._budget and self._items:
                _, old = self._items.popitem(last=False)
                self._used -= _size(old)
        return found

    def forget(self, keep: set[str]) -> None:
        """Drop the postings of segments that are gone (merged or rebuilt)."""
        with self._lock:
            for key in [k for k in self._items if k[0] not in keep]:
                self._used -= _size(self._items.pop(key))


def _size(postings: TermPostings | None) -> int:
    if postings is None:
        return 64
    arrays = (postings.ids, postings.weights, postings.counts, postings.positions)
    return 64 + sum(a.nbytes for a in arrays if a is not None)


class SegmentData:
    """One segment of the current searcher: its reader, live documents and lengths."""

    def __init__(self, reader: Any, offset: int, postings: PostingsCache) -> None:
        self.reader = reader
        self.offset = offset
        self.segid: str = reader._segid
        self.size: int = reader.doc_count_all()
        self.live = np.ones(self.size, bool)
        deleted = list(reader._segment.deleted_docs())
        if deleted:
            self.live[np.asarray(deleted, np.int64)] = False
        self._lengths: dict[str, np.ndarray] = {}
        self._postings = postings
        self._memo: dict[Hashable, Any] = {}
        self._memo_lock = threading.Lock()

    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in `fieldname`, as Whoosh stores it (one byte)."""
        found = self._lengths.get(fieldname)
        if found is None:
            found = self._lengths[fieldname] = _BYTE_TO_LENGTH[length_bytes(self.reader, fieldname)]
        return found

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, computed once for this segment (tables derived from it, e.g. facets)."""
        with self._memo_lock:
            if key not in self._memo:
                self._memo[key] = make()
            found: T = self._memo[key]
            return found

    def term(
        self, fieldname: str, tbytes: bytes, *, positions: bool = False
    ) -> TermPostings | None:
        return self._postings.get(self.segid, self.reader, fieldname, tbytes, positions)
