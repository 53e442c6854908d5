"""Merging segments, posting list by posting list, without re-reading any text.

Every update adds at least one segment (adding one article adds a segment of
one), and an update marks old versions deleted instead of rewriting the
segment that holds them. Left alone, both slow searches down: a query pays a
little per segment and reads the deleted postings too. `merge_small` merges
small segments of about the same size once there are several, and rewrites
any segment that is mostly deleted.

Whoosh's own merge feeds every posting of every segment through its
one-tuple-per-posting pool; here each term is read from each segment as
arrays (`blocks.read_term`), renumbered, and written once (`blocks.write_term`).
"""

from __future__ import annotations

import heapq
from typing import Any, Final

import numpy as np
from whoosh.columns import TranslatingColumnReader
from whoosh.reading import SegmentReader

from briefreader.search.blocks import length_bytes, read_term, write_term
from briefreader.search.entries import Row, row_of, write_rows
from briefreader.search.segment import SEGMENT_DOCS, value_kind
from briefreader.search.toc import INDEX_NAME, commit, read_toc

#: Segments of about the same size (the same power of ten of live documents)
#: are merged once there are this many: each document is rewritten about once
#: per tier, and a library that grows one article at a time keeps a handful
#: of small segments instead of one per article, or one rewrite per article.
MERGE_FACTOR: Final = 4
#: A segment with more deleted documents than this share is rewritten.
MAX_DELETED: Final = 0.3


def _tier(live: int) -> int:
    return len(str(max(live, 1)))


def merge_small(storage: Any) -> bool:
    """Apply the merge policy once (the caller holds the write lock); True if
    anything changed. Segments a full writer wrote (`SEGMENT_DOCS` entries)
    are left as they are unless mostly deleted: merging them would cost a
    rewrite of the library for little gain (a query pays ~1 ms per segment)."""
    toc = read_toc(storage)
    chosen = [s for s in toc.segments if s.deleted_count() > MAX_DELETED * s.doc_count_all()]
    tiers: dict[int, list[Any]] = {}
    for segment in toc.segments:
        if segment not in chosen and segment.doc_count() < SEGMENT_DOCS:
            tiers.setdefault(_tier(segment.doc_count()), []).append(segment)
    for members in tiers.values():
        if len(members) >= MERGE_FACTOR:
            chosen.extend(members)
    if not chosen:
        return False
    merged = merge_segments(storage, toc.schema, chosen)
    kept = [s for s in toc.segments if s not in chosen]
    commit(storage, [*kept, merged] if merged is not None else kept, retired=chosen)
    return True


def merge_segments(storage: Any, schema: Any, segments: list[Any]) -> Any | None:
    """One new segment holding the live documents of `segments`, in order (None if none)."""
    readers = [SegmentReader(storage, schema, s) for s in segments]
    try:
        if not sum(r.doc_count() for r in readers):
            return None
        codec = segments[0].codec()
        segment = codec.new_segment(storage, INDEX_NAME)
        docmaps, lengths, rows = _write_per_doc(codec, storage, segment, schema, readers)
        fieldwriter = codec.field_writer(storage, segment)
        try:
            for fieldname in sorted(schema.names()):
                field = schema[fieldname]
                if field.indexed:
                    _merge_field(fieldwriter, fieldname, field, readers, docmaps, lengths)
        finally:
            fieldwriter.close()
        segment.set_doc_count(int(sum((m >= 0).sum() for m in docmaps)))
        if segment.should_assemble():
            segment.create_compound_file(storage)
            segment.compound = True
        write_rows(storage, segment, rows)
        return segment
    finally:
        for reader in readers:
            reader.close()


def _write_per_doc(
    codec: Any, storage: Any, segment: Any, schema: Any, readers: list[SegmentReader]
) -> tuple[list[np.ndarray], dict[str, np.ndarray], list[Row]]:
    """Stored fields, lengths and columns of every live document; old -> new numbers,
    the new lengths and the new segment's entry rows."""
    perdoc = codec.per_document_writer(storage, segment)
    names = sorted(schema.names())
    docmaps: list[np.ndarray] = []
    length_parts: dict[str, list[np.ndarray]] = {name: [] for name in names}
    newdoc = 0
    rows: list[Row] = []
    for reader in readers:
        docmap = np.full(reader.doc_count_all(), -1, np.int64)
        columns = {
            name: _raw_column(reader, name, schema[name].column_type)
            for name in names
            if schema[name].column_type and reader.has_column(name)
        }
        old_lengths = {name: length_bytes(reader, name) for name in names}
        for docnum, stored in reader.iter_docs():
            docmap[docnum] = newdoc
            perdoc.start_doc(newdoc)
            for name in names:
                length = reader.doc_field_length(docnum, name)
                perdoc.add_field(name, schema[name], stored.get(name), length)
                if name in columns:
                    perdoc.add_column_value(name, schema[name].column_type, columns[name][docnum])
            perdoc.finish_doc()
            rows.append(row_of(stored))
            newdoc += 1
        live = docmap >= 0
        for name in names:
            length_parts[name].append(old_lengths[name][live])
        docmaps.append(docmap)
    perdoc.close()
    return docmaps, {name: np.concatenate(parts) for name, parts in length_parts.items()}, rows


def _raw_column(reader: SegmentReader, name: str, column: Any) -> Any:
    values = reader.column_reader(name, column)
    return values.raw_column() if isinstance(values, TranslatingColumnReader) else values


def _merge_field(
    fieldwriter: Any,
    fieldname: str,
    field: Any,
    readers: list[SegmentReader],
    docmaps: list[np.ndarray],
    lengths: dict[str, np.ndarray],
) -> None:
    kind = value_kind(field.format)
    lexicons = [
        r.lexicon(fieldname) if fieldname in r.indexed_field_names() else () for r in readers
    ]
    started = False
    previous = None
    for tbytes in heapq.merge(*lexicons):
        if tbytes == previous:
            continue
        previous = tbytes
        parts = []
        for reader, docmap in zip(readers, docmaps, strict=True):
            postings = read_term(reader, fieldname, tbytes, positions=True)
            if postings is None or not len(postings):
                continue
            new_ids = docmap[postings.ids]
            keep = new_ids >= 0
            if not keep.any():
                continue
            assert postings.counts is not None and postings.positions is not None
            counts = postings.counts[keep]
            positions = (
                postings.positions[np.repeat(keep, postings.counts)]
                if kind == "positions"
                else None
            )
            parts.append((new_ids[keep], postings.weights[keep], counts, positions))
        if not parts:
            continue
        if not started:
            fieldwriter.start_field(fieldname, field)
            started = True
        ids = np.concatenate([p[0] for p in parts]).astype(np.uint32)
        write_term(
            fieldwriter,
            tbytes,
            ids=ids,
            weights=np.concatenate([p[1] for p in parts]),
            length_bytes=lengths[fieldname][ids],
            freqs=np.concatenate([p[2] for p in parts]),
            positions=np.concatenate([p[3] for p in parts]) if kind == "positions" else None,
            kind=kind,
        )
    if started:
        fieldwriter.finish_field()
