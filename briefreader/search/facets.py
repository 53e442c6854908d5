"""Facet counts for a set of matching documents (Datashare's side panel).

Every facet is counted per segment with one `np.bincount` over the
segment's match mask, from a table built once per segment and kept with
the searcher's `SegmentData` (segments never change, so the table is valid
until the segment is merged away):

- groups and countries are multi-valued with few distinct values: the table
  is every value's posting list, concatenated, with the value each posting
  belongs to;
- publisher and story are single-valued with possibly thousands of values:
  the table is the segment's column as one value code per document.

At 100,000 articles, counting every "taliban" match (96% of them) looked up
each match's column value and intersected each value's posting list with a
Python set: 2.25 s. With the tables built, the counts are a few numpy calls
per segment.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
from whoosh.columns import TranslatingColumnReader, VarBytesColumn

from briefreader.search.segdata import SegmentData

FACET_FIELDS: Final = ("group", "country", "publisher", "story")
#: Facet field -> the column it is counted from, for single-valued facets.
_COLUMNS: Final = {"publisher": "publisher_key", "story": "story"}

#: Facet name -> (value, count) pairs, most frequent first.
FacetCounts = dict[str, list[tuple[str, int]]]


@dataclass(frozen=True, slots=True)
class FacetTable:
    """One facet of one segment: `codes[i]` is the value (an index into `values`)
    of entry `i`; for a multi-valued facet, entry `i` is document `docs[i]`."""

    values: tuple[str, ...]
    codes: np.ndarray  # int32
    docs: np.ndarray | None = None  # uint32 document numbers; None: entry i is document i

    def counts(self, mask: np.ndarray) -> np.ndarray:
        """How many matching documents carry each value."""
        if not self.values:
            return np.zeros(0, np.int64)
        picked = self.codes[mask[self.docs]] if self.docs is not None else self.codes[mask]
        return np.bincount(picked, minlength=len(self.values))


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _column_table(seg: SegmentData, column: str) -> FacetTable:
    reader = seg.reader
    if not reader.has_column(column):
        return FacetTable((), np.zeros(0, np.int32))
    found = reader.column_reader(column)
    raw = found.raw_column() if isinstance(found, TranslatingColumnReader) else found
    numbers: dict[bytes, int] = {b"": 0}
    found_codes = [numbers.setdefault(v, len(numbers)) for v in _raw_values(raw, seg.size)]
    codes = np.zeros(seg.size, np.int32)  # an index written before columns were complete: ""
    codes[: len(found_codes)] = found_codes
    return FacetTable(tuple(_text(v) for v in numbers), codes)


def _raw_values(raw: Any, size: int) -> Iterator[bytes]:
    """The first `size` raw values of a column: a variable-bytes column is read as
    one slice of the segment file and cut, instead of one file read per document."""
    if isinstance(raw, VarBytesColumn.Reader):
        lengths = np.asarray(raw._lengths[:size], np.int64)
        offsets = np.asarray(raw._offsets[:size], np.int64)
        if not len(lengths):
            return
        end = int((offsets + lengths).max())
        data = raw._dbfile.get(raw._basepos, end)
        for offset, length in zip(offsets.tolist(), lengths.tolist(), strict=True):
            yield data[offset : offset + length]
        return
    for docnum, value in enumerate(raw):
        if docnum >= size:
            return
        yield value if isinstance(value, bytes) else str(value).encode("utf-8")


def _postings_table(seg: SegmentData, fieldname: str) -> FacetTable:
    reader = seg.reader
    if fieldname not in reader.indexed_field_names():
        return FacetTable((), np.zeros(0, np.int32))
    values: list[str] = []
    docs: list[np.ndarray] = []
    for tbytes in reader.lexicon(fieldname):
        postings = seg.term(fieldname, tbytes)
        if postings is None or not len(postings):
            continue
        values.append(_text(tbytes))
        docs.append(postings.ids)
    if not values:
        return FacetTable((), np.zeros(0, np.int32))
    codes = np.repeat(np.arange(len(values), dtype=np.int32), [len(d) for d in docs])
    return FacetTable(tuple(values), codes, np.concatenate(docs).astype(np.uint32))


def facet_table(seg: SegmentData, name: str) -> FacetTable:
    """The segment's table for facet `name`, built on first use and kept with the segment."""
    if name in _COLUMNS:
        return seg.memo(("facet", name), lambda: _column_table(seg, _COLUMNS[name]))
    return seg.memo(("facet", name), lambda: _postings_table(seg, name))


class Vocabulary:
    """Every value a facet has shown, numbered: segments' value codes map to these
    numbers once (kept with the segment), so summing counts over segments is
    one `np.bincount` per facet instead of a dictionary update per value."""

    def __init__(self) -> None:
        self._numbers: dict[str, dict[str, int]] = {}
        self.values: list[str] = []
        self._lock = threading.Lock()

    def numbers(self, name: str, values: tuple[str, ...]) -> np.ndarray:
        with self._lock:
            known = self._numbers.setdefault(name, {})
            for value in values:
                if value not in known:
                    known[value] = len(self.values)
                    self.values.append(value)
            return np.fromiter(map(known.__getitem__, values), np.int64, len(values))


def facet_counts(
    matches: Iterable[tuple[SegmentData, np.ndarray]], vocabulary: Vocabulary | None = None
) -> FacetCounts:
    """Counts per group, country, publisher and story over the matching documents
    (one mask of live matches per segment). A searcher passes the same
    `vocabulary` every time, so each segment's values are numbered once."""
    vocab = vocabulary if vocabulary is not None else Vocabulary()
    parts: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {name: [] for name in FACET_FIELDS}
    for seg, mask in matches:
        if not mask.any():
            continue
        for name in FACET_FIELDS:
            table = facet_table(seg, name)
            if not table.values:
                continue
            numbers = seg.memo(
                ("facet-numbers", name, id(vocab)),
                lambda t=table, n=name: vocab.numbers(n, t.values),
            )
            parts[name].append((numbers, table.counts(mask)))
    out: FacetCounts = {}
    values = vocab.values
    for name in FACET_FIELDS:
        if not parts[name]:
            out[name] = []
            continue
        numbers = np.concatenate([p[0] for p in parts[name]])
        counts = np.concatenate([p[1] for p in parts[name]])
        total = np.bincount(numbers, weights=counts, minlength=len(values))
        found = np.flatnonzero(total)
        pairs = [
            (values[i], int(c)) for i, c in zip(found.tolist(), total[found].tolist(), strict=True)
        ]
        out[name] = sorted((p for p in pairs if p[0]), key=lambda item: (-item[1], item[0]))
    return out
