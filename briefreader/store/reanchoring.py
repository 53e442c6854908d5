"""Finding an excerpt again in a changed text: the snapshot it becomes, and how it fared.

Split from the excerpts repository, which calls it once per excerpt of a
re-imported document inside one transaction.
"""

from __future__ import annotations

from dataclasses import replace

from briefreader.domain import PARAGRAPH_SEPARATOR
from briefreader.store.anchoring import DEFAULT_CONTEXT, TextQuoteSelector, anchor
from briefreader.store.db import timestamp
from briefreader.store.excerpt_rows import ExcerptSnapshot


def reanchored(
    snap: ExcerptSnapshot, text: str, doc_id: str, new_hash: str
) -> tuple[ExcerptSnapshot, str]:
    """The excerpt re-anchored in `text`, and the outcome's name.

    An orphan keeps its document id, offsets and hash: they still describe
    the text its quote was taken from (the library keeps old versions).
    """
    row = list(snap.row)
    start, end, exact, prefix, suffix, status = row[3], row[4], row[5], row[6], row[7], row[11]
    found = anchor(text, TextQuoteSelector(exact, prefix, suffix), hint=start)
    if found is None:
        if status == "orphaned":
            return snap, "orphaned"
        row[11], row[13] = "orphaned", timestamp()
        return replace(snap, row=tuple(row)), "orphaned"  # type: ignore[arg-type]
    same_place = (found.start, found.end, new_hash, doc_id) == (start, end, row[2], row[1])
    if found.exact and same_place and status == "anchored":
        return snap, "unchanged"
    row[1], row[2], row[3], row[4] = doc_id, new_hash, found.start, found.end
    if found.exact:  # refresh the context from the new text
        row[6] = text[max(0, found.start - DEFAULT_CONTEXT) : found.start]
        row[7] = text[found.end : found.end + DEFAULT_CONTEXT]
    row[8] = text.count(PARAGRAPH_SEPARATOR, 0, found.start)
    row[11], row[13] = ("anchored" if found.exact else "fuzzy"), timestamp()
    kind = "fuzzy" if not found.exact else ("unchanged" if same_place else "moved")
    return replace(snap, row=tuple(row)), kind  # type: ignore[arg-type]
