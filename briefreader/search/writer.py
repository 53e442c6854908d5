"""Whoosh's segment writer, made lean for bulk indexing.

Profiling a full build showed most of the time spent per posting, not per
document: after the analysis (see `analysis.py`) the two biggest costs were
Whoosh reading every document's field length back from disk for every
posting it writes (~18% of the build), and a pool `add` that asserts types
and estimates sizes per posting. `BulkSegmentWriter` keeps field lengths in
memory and appends postings straight to the pool. The segments it writes are
ordinary Whoosh segments.

It handles the schemas of this package only (no term vectors, no separate
spelling fields) and falls back to Whoosh's own path for anything else.
"""

from __future__ import annotations

from typing import Any

from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter


class _MemoryLengths:
    """The one method `FieldWriter.add_postings` needs from a length reader.

    Lengths are quantised to a byte exactly as Whoosh stores them, so the
    per-block length bounds written into postings are the ones Whoosh's own
    writer would have written.
    """

    def __init__(self) -> None:
        self.by_field: dict[str, dict[int, int]] = {}

    def add(self, fieldname: str, docnum: int, length: int) -> None:
        self.by_field.setdefault(fieldname, {})[docnum] = byte_to_length(length_to_byte(length))

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return self.by_field.get(fieldname, {}).get(docnum, default)

    def close(self) -> None:
        """Nothing to release; present for the reader interface."""


class BulkSegmentWriter(SegmentWriter):
    """A `SegmentWriter` with in-memory lengths and a lean posting path."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self._lengths = _MemoryLengths()
        self._lean = not any(
            field.vector or field.separate_spelling() for _, field in self.schema.items()
        )

    def add_document(self, **fields: Any) -> None:
        if not self._lean or any(name.startswith("_") for name in fields):
            self._lean_lengths_unavailable()
            super().add_document(**fields)
            return
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        current = pool.current
        perdocwriter = self.perdocwriter
        fieldnames = sorted(fields)
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            added_bytes = 0
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    scorable = field.scorable
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if scorable:
                            length += freq
                        current.append((fieldname, tbytes, docnum, weight, vbytes))
                        added_bytes += 130 + len(tbytes) * 2 + len(vbytes or b"")
                    if length:
                        self._lengths.add(fieldname, docnum, length)
                perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        pool.fieldnames.update(fieldnames)
        pool.currentsize += added_bytes
        if pool.currentsize > pool.limit:
            pool.save()
        self._added = True
        self.docnum += 1

    def _lean_lengths_unavailable(self) -> None:
        # A document went through Whoosh's own path: its lengths are on disk
        # only, so the flush must read them back from there.
        self._lengths = None  # type: ignore[assignment]

    def add_reader(self, reader: Any) -> None:
        # Merged segments write their lengths through Whoosh's own path.
        self._lean_lengths_unavailable()
        super().add_reader(reader)

    def _flush_segment(self) -> None:
        if self._lengths is None or not self.codec.length_stats:
            super()._flush_segment()
            return
        self.perdocwriter.close()
        self.fieldwriter.add_postings(self.schema, self._lengths, self.pool.iter_postings())
        self.fieldwriter.close()
