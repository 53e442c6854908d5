"""Which documents hold a phrase, or words within a distance, from the words' positions.

Whoosh checks a phrase document by document, decoding each word's positions
in Python; at 100,000 articles "central asia" has ~90,000 candidates. Here
every occurrence of a word becomes one sorted key, document << 32 | position,
and each next word of the phrase is looked up for all occurrences at once
with `np.searchsorted`. This follows Whoosh's `SpanNear2` with `ordered=True,
mindist=1`, which `Phrase` uses: each next word comes 1 to `slop` positions
after the end of what matched so far (slop 1: right after it).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefreader.search.blocks import TermPostings

_SHIFT = np.uint64(32)


def _keys(postings: TermPostings, docs: np.ndarray | None) -> np.ndarray:
    """Sorted document << 32 | position keys of every occurrence (in `docs` only)."""
    assert postings.counts is not None and postings.positions is not None
    ids, counts, positions = postings.ids, postings.counts, postings.positions
    if docs is not None:
        keep = np.isin(ids, docs, assume_unique=True)
        ids, counts = ids[keep], counts[keep]
        positions = positions[np.repeat(keep, postings.counts)]
    # Postings are in document order and positions ascend within a posting.
    return (np.repeat(ids, counts).astype(np.uint64) << _SHIFT) | positions.astype(np.uint64)


def phrase_docs(words: Sequence[TermPostings], slop: int = 1) -> np.ndarray:
    """The documents (sorted) where the words occur in order, each 1 to `slop` after the last."""
    docs = words[0].ids
    for word in words[1:]:
        docs = np.intersect1d(docs, word.ids, assume_unique=True)
        if not len(docs):
            return docs
    ends = _keys(words[0], docs)
    for word in words[1:]:
        keys = _keys(word, docs)
        lo = np.searchsorted(keys, ends + np.uint64(1), side="left")
        hi = np.searchsorted(keys, ends + np.uint64(slop), side="right")
        width = hi - lo
        if slop == 1:
            ends = keys[lo[width > 0]]
        else:
            # Every later occurrence within reach continues a match.
            starts = np.repeat(lo, width)
            offsets = np.arange(len(starts)) - np.repeat(np.cumsum(width) - width, width)
            ends = np.unique(keys[starts + offsets])
        if not len(ends):
            return np.empty(0, np.uint32)
    return np.unique((ends >> _SHIFT).astype(np.uint32))
