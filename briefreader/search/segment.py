"""Writing one index segment from documents, with postings kept as numpy columns.

Whoosh's writer pools one Python tuple per posting (~590 per 8 KB article)
and sorts them at commit; at 30,000 articles that pool was 3 GB, and past
its memory limit it spilled sorted runs to disk and stalled. Here

- a document's words become term ids through a per-field dict (a word's
  normalised form is memoised in `analysis`), and one numpy sort groups
  them into (term, frequency, positions) for every text field at once;
- postings live in a few flat arrays, ~10 bytes per posting plus 4 per
  position, so a segment of `SEGMENT_DOCS` articles stays near 100 MB;
- `finish` sorts all postings by (term, document) in one numpy pass and
  writes each term with `blocks.write_term`, and stored fields, lengths and
  columns through Whoosh's own per-document writer.

The result is an ordinary Whoosh segment (a test compares it posting by
posting with what Whoosh's own writer makes of the same documents). It is
not yet part of the index: `toc.commit` adds it.
"""

from __future__ import annotations

from array import array
from typing import Any, Final

import numpy as np
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import Schema
from whoosh.formats import Existence, Frequency
from whoosh.util.numeric import length_to_byte

from briefreader.search.analysis import BriefAnalyzer, normalise, split_words
from briefreader.search.blocks import BLOCK_LIMIT, COMPRESSION, ValueKind, write_term
from briefreader.search.entries import Row, row_of, write_rows
from briefreader.search.formats import PackedPositions

#: Articles per segment: bounds a writer's memory (about 100 MB per 5,000
#: articles of 8 KB) whatever the size of the library.
SEGMENT_DOCS: Final = 5_000
_LOW32: Final = np.uint64(0xFFFFFFFF)
_SHIFT: Final = np.uint64(32)


def codec() -> W3Codec:
    return W3Codec(blocklimit=BLOCK_LIMIT, compression=COMPRESSION)


class _Words(dict[str, int]):
    """word as written (a compound: its parts joined) -> term id, filled on first sight."""

    def __init__(self, intern: Any, fieldname: str) -> None:
        super().__init__()
        self._intern, self._field = intern, fieldname

    def __missing__(self, word: str) -> int:
        tid: int = self._intern(self._field, normalise(word).encode("utf-8"))
        self[word] = tid
        return tid


def value_kind(fmt: Any) -> ValueKind:
    if isinstance(fmt, PackedPositions):
        return "positions"
    if isinstance(fmt, Frequency):
        return "frequency"
    if isinstance(fmt, Existence):
        return "none"
    raise ValueError(f"unsupported posting format {type(fmt).__name__}")


class SegmentBuilder:
    """Collects documents for one new segment of the index in `storage`."""

    def __init__(self, storage: Any, indexname: str, schema: Schema) -> None:
        self.schema = schema
        self._storage = storage
        self._codec = codec()
        self.segment = self._codec.new_segment(storage, indexname)
        self._perdoc = self._codec.per_document_writer(storage, self.segment)
        self.doc_count = 0
        names = sorted(schema.names())
        self._field_index = {name: i for i, name in enumerate(names)}
        self._kinds: list[ValueKind | None] = []
        boosts: list[float] = []
        self._words: dict[str, _Words] = {}
        for name in names:
            field = schema[name]
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r}: vectors and spelling are not supported")
            fmt = field.format if field.indexed else None
            self._kinds.append(value_kind(fmt) if fmt is not None else None)
            boosts.append(float(fmt.field_boost) if fmt is not None else 1.0)
            if isinstance(fmt, PackedPositions) and isinstance(field.analyzer, BriefAnalyzer):
                self._words[name] = _Words(self._intern, name)
        self._boosts = np.asarray(boosts, np.float32)
        self._tids: dict[tuple[str, bytes], int] = {}
        self._keys: list[tuple[str, bytes]] = []
        self._lengths = [bytearray() for _ in names]
        # Positional postings, one chunk per document; other fields' postings.
        self._t: list[np.ndarray] = []
        self._f: list[np.ndarray] = []
        self._p: list[np.ndarray] = []
        self._terms_per_doc = array("I")
        self._other_t = array("I")
        self._other_d = array("I")
        self._other_f = array("I")
        self._other_w = array("f")
        self._rows: list[Row] = []

    def _intern(self, fieldname: str, tbytes: bytes) -> int:
        key = (fieldname, tbytes)
        tid = self._tids.get(key)
        if tid is None:
            tid = self._tids[key] = len(self._keys)
            self._keys.append(key)
        return tid

    @property
    def posting_count(self) -> int:
        return sum(len(t) for t in self._t) + len(self._other_t)

    def add(self, fields: dict[str, Any]) -> None:
        """Add one document (field name -> value, as `schema.document_fields` makes)."""
        docnum = self.doc_count
        perdoc = self._perdoc
        perdoc.start_doc(docnum)
        tids: list[int] = []
        positions: list[int] = []
        lengths = [0] * len(self._lengths)
        try:
            for name in sorted(fields):
                value = fields[name]
                if value is None:
                    continue
                field = self.schema[name]
                length = 0
                if field.indexed:
                    words = self._words.get(name)
                    if words is not None and isinstance(value, str):
                        length = self._text(value, words, tids, positions)
                    else:
                        length = self._other(name, field, value, docnum)
                    if not field.scorable:
                        length = 0
                lengths[self._field_index[name]] = length
                perdoc.add_field(name, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    perdoc.add_column_value(name, column, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._rows.append(row_of(fields))
        for i, length in enumerate(lengths):
            self._lengths[i].append(length_to_byte(length) if length else 0)
        self._group(tids, positions)
        self.doc_count += 1

    def _text(self, text: str, words: _Words, tids: list[int], positions: list[int]) -> int:
        found, compounds = split_words(text)
        tids.extend(map(words.__getitem__, found))
        positions.extend(range(len(found)))
        for joined, pos, _last in compounds:
            tids.append(words[joined])
            positions.append(pos)
        return len(found) + len(compounds)

    def _other(self, name: str, field: Any, value: Any, docnum: int) -> int:
        length = 0
        for tbytes, freq, weight, _vbytes in field.index(value):
            self._other_t.append(self._intern(name, tbytes))
            self._other_d.append(docnum)
            self._other_f.append(freq)
            self._other_w.append(weight)
            length += freq
        return length

    def _group(self, tids: list[int], positions: list[int]) -> None:
        if not tids:
            self._terms_per_doc.append(0)
            return
        key = np.asarray(tids, np.uint64) << _SHIFT
        key |= np.asarray(positions, np.uint64)
        key.sort()
        terms = key >> _SHIFT
        starts = np.flatnonzero(terms[1:] != terms[:-1]) + 1
        starts = np.concatenate(([0], starts))
        self._t.append(terms[starts].astype(np.uint32))
        self._f.append(np.diff(np.append(starts, len(key))).astype(np.uint32))
        self._p.append((key & _LOW32).astype(np.uint32))
        self._terms_per_doc.append(len(starts))

    # -- writing -----------------------------------------------------------
    def finish(self) -> Any:
        """Write the segment's files and return its Whoosh segment object."""
        self._perdoc.close()
        fieldwriter = self._codec.field_writer(self._storage, self.segment)
        try:
            self._write_postings(fieldwriter)
        finally:
            fieldwriter.close()
        self.segment.set_doc_count(self.doc_count)
        if self.segment.should_assemble():
            self.segment.create_compound_file(self._storage)
            self.segment.compound = True
        write_rows(self._storage, self.segment, self._rows)
        return self.segment

    def _columns(self) -> tuple[np.ndarray, ...]:
        """All postings as (term id, doc, freq, weight) arrays, text fields' first, and
        every text posting's positions in that order (the chunks are freed as they go)."""
        ntext = sum(len(t) for t in self._t)
        tids = np.concatenate([*self._t, np.frombuffer(self._other_t, np.uint32)])
        self._t = []
        freqs = np.concatenate([*self._f, np.frombuffer(self._other_f, np.uint32)])
        self._f = []
        positions = _concat(self._p, np.uint32)
        self._p = []
        per_doc = np.frombuffer(self._terms_per_doc, np.uint32)
        docs = np.concatenate(
            (
                np.repeat(np.arange(self.doc_count, dtype=np.uint32), per_doc),
                np.frombuffer(self._other_d, np.uint32),
            )
        )
        field_of = self._field_of()
        weights = np.empty(len(tids), np.float32)
        weights[:ntext] = freqs[:ntext] * self._boosts[field_of[tids[:ntext]]]
        weights[ntext:] = np.frombuffer(self._other_w, np.float32)
        return tids, docs, freqs, weights, positions

    def _field_of(self) -> np.ndarray:
        index = self._field_index
        return np.fromiter((index[k[0]] for k in self._keys), np.int32, len(self._keys))

    def _write_postings(self, fieldwriter: Any) -> None:
        """Every term's postings, in (field, term, document) order.

        The postings are appended document by document, so a stable sort by
        term keeps each term's documents in order; each term's columns are
        then gathered through that order, term by term, instead of
        reordering every column (and the positions) at once: a flush then
        needs about 40 bytes per posting on top of the postings themselves.
        """
        if not self._keys:
            return
        keys = self._keys
        ntext = sum(len(t) for t in self._t)
        tids, docs, freqs, weights, positions = self._columns()
        field_of = self._field_of()
        # Where each text posting's positions start.
        pstart = np.zeros(len(tids), np.int64)
        if ntext:
            np.cumsum(freqs[: ntext - 1], out=pstart[1:ntext])
        rank = np.empty(len(keys), np.uint32)
        rank[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys), dtype=np.uint32)
        order = np.argsort(rank[tids], kind="stable")
        by_term = tids[order]
        bounds = np.flatnonzero(by_term[1:] != by_term[:-1]) + 1
        term_starts = [0, *bounds.tolist()]
        term_ends = [*term_starts[1:], len(by_term)]
        term_ids = by_term[term_starts].tolist()
        del by_term, bounds, tids
        table = np.frombuffer(b"".join(self._lengths), np.uint8).reshape(len(self._lengths), -1)
        current = None
        for lo, hi, tid in zip(term_starts, term_ends, term_ids, strict=True):
            fieldname, tbytes = keys[tid]
            if fieldname != current:
                if current is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, self.schema[fieldname])
                current = fieldname
            field = int(field_of[tid])
            kind = self._kinds[field]
            assert kind is not None
            idx = order[lo:hi]
            ids = docs[idx]
            term_freqs = freqs[idx]
            write_term(
                fieldwriter,
                tbytes,
                ids=ids,
                weights=weights[idx],
                length_bytes=table[field, ids],
                freqs=term_freqs,
                positions=_gather(positions, pstart[idx], term_freqs)
                if kind == "positions"
                else None,
                kind=kind,
            )
        if current is not None:
            fieldwriter.finish_field()


def _gather(positions: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The runs positions[starts[i] : starts[i] + counts[i]], one after the other."""
    if len(starts) == 1:
        first = int(starts[0])
        return positions[first : first + int(counts[0])]
    ends = np.cumsum(counts, dtype=np.int64)
    return positions[np.repeat(starts - (ends - counts), counts) + np.arange(ends[-1])]


def _concat(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.empty(0, dtype)
