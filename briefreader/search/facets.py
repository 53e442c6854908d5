"""Facet counts for a set of matching documents (Datashare's side panel).

Groups and countries are multi-valued, with few distinct values (a few
hundred at most): each value's posting list is intersected with the
matches. Publisher and story are single-valued with possibly thousands of
values: they are read from Whoosh's per-document columns instead, one look-up
per match.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, Final

FACET_FIELDS: Final = ("group", "country", "publisher", "story")
#: Facet field -> the column it is counted from, for single-valued facets.
_COLUMNS: Final = {"publisher": "publisher_key", "story": "story"}

#: Facet name -> (value, count) pairs, most frequent first.
FacetCounts = dict[str, list[tuple[str, int]]]


def facet_counts(searcher: Any, docnums: Iterable[int]) -> FacetCounts:
    """Counts per group, country, publisher and story over `docnums`."""
    matched = set(docnums)
    reader = searcher.reader()
    out: FacetCounts = {}
    for name in FACET_FIELDS:
        counts: Counter[str] = Counter()
        if name in _COLUMNS:
            column = _COLUMNS[name]
            if reader.has_column(column):
                values = reader.column_reader(column)
                for docnum in matched:
                    try:
                        value = values[docnum]
                    except IndexError:  # an index written before columns were complete
                        continue
                    if value:
                        counts[
                            value.decode("utf-8") if isinstance(value, bytes) else str(value)
                        ] += 1
        elif name in reader.indexed_field_names():
            for term in reader.lexicon(name):
                ids = reader.postings(name, term).all_ids()
                hit = sum(1 for docnum in ids if docnum in matched)
                if hit:
                    counts[term.decode("utf-8") if isinstance(term, bytes) else str(term)] = hit
        out[name] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return out
