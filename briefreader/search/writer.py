"""Whoosh's segment writer, made lean for bulk indexing.

Profiling a full build showed the time going per posting, not per document
(~590 postings per 8 KB article). Whoosh's writer puts every posting in a
flat pool, sorts millions of 5-tuples at commit, reads each document's field
length back from disk for every posting, and type-checks each one on the way
into its block. `BulkSegmentWriter` instead

- groups postings by (field, term) as it goes, so the commit sorts only the
  distinct terms, and each term's postings are already in document order;
- keeps quantised field lengths with the postings (no read-back);
- fills each posting block with a few list operations per block instead of
  a Python call per posting.

The files it writes are ordinary Whoosh segments (a test compares them with
Whoosh's own writer, posting by posting). It handles the schemas of this
package (no term vectors, no separate spelling fields), and hands over to
Whoosh's own path when anything else comes up: a merge of existing segments
at commit, or a batch too large for `limitmb` of memory.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from briefreader.search.analysis import FastPositions

Posting = tuple[int, float, bytes, int]  # docnum, weight, encoded value, field length


def _fill(postwriter: Any, postings: list[Posting]) -> None:
    """What `W3PostingsWriter.add_posting` does, a block at a time."""
    limit = postwriter._blocklimit
    start = 0
    while start < len(postings):
        room = limit - len(postwriter._ids)
        if room <= 0:
            postwriter._write_block()
            continue
        chunk = postings[start : start + room]
        start += len(chunk)
        postwriter._ids.extend([p[0] for p in chunk])
        weights = [p[1] for p in chunk]
        postwriter._weights.extend(weights)
        postwriter._maxweight = max(postwriter._maxweight, *weights)
        postwriter._values.extend([p[2] for p in chunk if p[2]])
        lengths = [p[3] for p in chunk if p[3]]
        if lengths:
            low, high = min(lengths), max(lengths)
            if postwriter._minlength is None or low < postwriter._minlength:
                postwriter._minlength = low
            if high > postwriter._maxlength:
                postwriter._maxlength = high


class BulkSegmentWriter(SegmentWriter):
    """A `SegmentWriter` with grouped postings and block-wise writing."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        # zlib level 1 instead of 3: a fifth of the commit time was spent
        # compressing posting blocks; readers decompress any level alike.
        kwargs.setdefault("codec", W3Codec(compression=1))
        super().__init__(ix, **kwargs)
        self._grouped: dict[tuple[str, bytes], list[Posting]] | None = {}
        self._grouped_bytes = 0
        if any(field.vector or field.separate_spelling() for _, field in self.schema.items()):
            self._grouped = None

    def add_document(self, **fields: Any) -> None:
        grouped = self._grouped
        if grouped is None or any(name.startswith("_") for name in fields):
            self._ungroup()
            super().add_document(**fields)
            return
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        perdocwriter = self.perdocwriter
        fieldnames = sorted(fields)
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        added_bytes = 0
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    if isinstance(field.format, FastPositions) and isinstance(value, str):
                        # `field.index` minus a generator layer: same bytes.
                        items = [
                            (term.encode("utf-8"), freq, weight, vbytes)
                            for term, freq, weight, vbytes in field.format.word_values(
                                value, field.analyzer, mode="index"
                            )
                        ]
                    else:
                        items = list(field.index(value))
                    if field.scorable:
                        length = sum(item[1] for item in items)
                    stored_length = byte_to_length(length_to_byte(length)) if length else 0
                    for tbytes, _freq, weight, vbytes in items:
                        key = (fieldname, tbytes)
                        posting = (docnum, weight, vbytes or b"", stored_length)
                        bucket = grouped.get(key)
                        if bucket is None:
                            grouped[key] = [posting]
                            added_bytes += 120 + len(tbytes)
                        else:
                            bucket.append(posting)
                        added_bytes += 72 + len(vbytes or b"")
                perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1
        self._grouped_bytes += added_bytes
        if self._grouped_bytes > self.pool.limit:
            self._ungroup()  # too big for memory: Whoosh's pool spills to disk

    def _ungroup(self) -> None:
        """Move grouped postings into Whoosh's pool and use Whoosh's path from now on."""
        grouped, self._grouped = self._grouped, None
        if not grouped:
            return
        add = self.pool.add
        for (fieldname, tbytes), postings in grouped.items():
            for docnum, weight, vbytes, _length in postings:
                add((fieldname, tbytes, docnum, weight, vbytes))

    def add_reader(self, reader: Any) -> None:
        # Merging an existing segment at commit goes through Whoosh's pool.
        self._ungroup()
        super().add_reader(reader)

    def _flush_segment(self) -> None:
        grouped = self._grouped
        if grouped is None:
            super()._flush_segment()
            return
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        schema = self.schema
        current = None
        for key in sorted(grouped):
            fieldname, tbytes = key
            if fieldname != current:
                if current is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, schema[fieldname])
                current = fieldname
            fieldwriter.start_term(tbytes)
            _fill(fieldwriter._postwriter, grouped[key])
            fieldwriter.finish_term()
        if current is not None:
            fieldwriter.finish_field()
        fieldwriter.close()
        self._grouped = {}
