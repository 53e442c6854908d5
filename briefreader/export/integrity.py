"""Checking each excerpt's quote against its source document before export.

An excerpt is "ok" when its quote is still exactly at its recorded offsets,
"stale" when the source changed but the quote is still there elsewhere (or
only approximately), and "orphaned" when the quote or the whole document is
gone. Nothing is dropped: flagged excerpts are printed with a visible mark.

The export layer cannot import the store (they are sibling layers), so the
fuller anchoring search (`briefreader.store.anchoring`, with fuzzy matching)
is passed in by the caller as `locate`; the default here finds exact and
whitespace-insensitive matches only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefreader.export.model import Briefing, BriefingExcerpt

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Located:
    """Where a quote was found in the current text, and whether verbatim."""

    start: int
    end: int
    exact: bool


#: (document text, excerpt) -> where its quote is now, or None.
Locator = Callable[[str, BriefingExcerpt], Located | None]
#: document id -> its current body text, or None if the document is gone.
TextLookup = Callable[[str], str | None]


def simple_locate(text: str, excerpt: BriefingExcerpt) -> Located | None:
    """Exact match (nearest the old offset), else a whitespace-insensitive one."""
    quote = excerpt.quote
    if not quote:
        return None
    hint = excerpt.start or 0
    before = text.rfind(quote, 0, hint + len(quote))
    after = text.find(quote, hint)
    found = [p for p in (before, after) if p != -1]
    if found:
        best = min(found, key=lambda p: abs(p - hint))
        return Located(best, best + len(quote), True)
    words = quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    match = pattern.search(text)
    return Located(match.start(), match.end(), False) if match else None


def check_excerpt(
    excerpt: BriefingExcerpt, text: str | None, locate: Locator = simple_locate
) -> BriefingExcerpt:
    """`excerpt` with its integrity set against the document's current `text`."""
    if text is None:
        return excerpt.with_integrity("orphaned", "the source document is no longer in the library")
    start, end = excerpt.start, excerpt.end
    if start is not None and end is not None and text[start:end] == excerpt.quote:
        return excerpt.with_integrity("ok")
    where = locate(text, excerpt)
    if where is None:
        return excerpt.with_integrity(
            "orphaned", "the quote no longer appears in the source document"
        )
    if where.exact:
        note = "the source changed; the quote is unchanged but now at another place"
    else:
        note = "the source changed; the quote now reads differently there"
    return excerpt.with_integrity("stale", note)


def check_integrity(
    briefing: Briefing, text_of: TextLookup, locate: Locator = simple_locate
) -> Briefing:
    """Every excerpt checked against its source; excerpts without a source stay unchecked."""
    cache: dict[str, str | None] = {}

    def check(excerpt: BriefingExcerpt) -> BriefingExcerpt:
        if excerpt.citation is None or not excerpt.citation.document_id:
            return excerpt.with_integrity("unchecked", "no source document recorded")
        doc_id = excerpt.citation.document_id
        if doc_id not in cache:
            cache[doc_id] = text_of(doc_id)
        return check_excerpt(excerpt, cache[doc_id], locate)

    return briefing.map_excerpts(check)


def integrity_counts(briefing: Briefing) -> dict[str, int]:
    counts = {"ok": 0, "stale": 0, "orphaned": 0, "unchecked": 0}
    for excerpt in briefing.excerpts:
        counts[excerpt.integrity] += 1
    return counts
