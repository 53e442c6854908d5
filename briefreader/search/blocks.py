"""Posting lists in Whoosh's W3 block layout, written from and read into numpy arrays.

A W3 posting list is a header tag and a run of blocks; each block is a
pickled info tuple (count, last id, max weight, compression, min and max
length byte) and a zlib-compressed pickle of (ids, weights, values). Whoosh
writes and reads those one posting at a time in Python. Here a whole term
is written from arrays and read back into arrays, a block at a time:

- ids are an `array("I")` of deltas (Whoosh's own reader decodes any
  iterable of deltas), weights `None` (all 1.0), one float (all equal) or an
  `array("f")`, and positional values a `formats.PackedValues`;
- blocks hold up to `BLOCK_LIMIT` postings, more than Whoosh's 128: the
  executor reads whole posting lists, and the per-block cost is what counts.

Only the file layout is Whoosh's; which postings go in is the caller's.
"""

from __future__ import annotations

import pickle
import zlib
from array import array
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN as _LENGTHS_COLUMN
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo, _lenfield
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length

from briefreader.search.formats import POSITION_DTYPE, PackedValues

if array("I").itemsize != 4 or array("f").itemsize != 4:  # pragma: no cover - exotic platforms
    raise ImportError("the search index needs 4-byte unsigned ints and floats")

#: Postings per block.
BLOCK_LIMIT: Final = 1024
#: zlib level: 1 compresses nearly as well as Whoosh's default 3, much faster.
COMPRESSION: Final = 1
#: Blocks smaller than this are stored uncompressed.
_MIN_COMPRESS: Final = 64

ValueKind = Literal["positions", "frequency", "none"]


@dataclass(slots=True)
class TermPostings:
    """One term's postings in one segment, as arrays (docnums local to the segment).

    `counts`/`positions` are set for positional fields only: `counts[i]`
    positions of posting `i`, all of them in `positions`, posting after posting.
    """

    ids: np.ndarray  # uint32, ascending
    weights: np.ndarray  # float32
    counts: np.ndarray | None = None  # uint32
    positions: np.ndarray | None = None  # uint32

    def __len__(self) -> int:
        return len(self.ids)

    def starts(self) -> np.ndarray:
        """Where each posting's positions begin in `positions`."""
        assert self.counts is not None
        out = np.zeros(len(self.counts), dtype=np.int64)
        np.cumsum(self.counts[:-1], out=out[1:])
        return out


def _weights_value(weights: np.ndarray) -> Any:
    first = float(weights[0])
    if (weights == first).all():
        return None if first == 1.0 else first
    return array("f", weights.astype(np.float32).tobytes())


def _values(kind: ValueKind, freqs: np.ndarray, positions: np.ndarray | None) -> Any:
    if kind == "positions":
        assert positions is not None
        return PackedValues(
            positions.astype(POSITION_DTYPE).tobytes(), freqs.astype(np.uint32).tobytes()
        )
    if kind == "frequency":  # whoosh.formats.Frequency: pack_uint(freq), joined
        return freqs.astype(">u4").tobytes()
    return None


def write_term(
    fieldwriter: Any,
    tbytes: bytes,
    *,
    ids: np.ndarray,
    weights: np.ndarray,
    length_bytes: np.ndarray,
    freqs: np.ndarray,
    positions: np.ndarray | None,
    kind: ValueKind,
) -> None:
    """Write one term's posting list to a started field of a `W3FieldWriter`.

    `length_bytes` is each posting's document field length as Whoosh's
    length byte (0: none); `positions` holds every posting's positions in
    order (`freqs[i]` of them for posting `i`) for `kind == "positions"`.
    """
    postfile = fieldwriter._postfile
    start = postfile.tell()
    postfile.write(WHOOSH3_HEADER_MAGIC)
    count = len(ids)
    pos_ends = np.cumsum(freqs, dtype=np.int64) if kind == "positions" else None
    for lo in range(0, count, BLOCK_LIMIT):
        hi = min(count, lo + BLOCK_LIMIT)
        block_ids = ids[lo:hi]
        deltas = np.empty(hi - lo, dtype=np.uint32)
        deltas[0] = block_ids[0]
        np.subtract(block_ids[1:], block_ids[:-1], out=deltas[1:])
        block_weights = weights[lo:hi]
        block_positions = None
        if pos_ends is not None and positions is not None:
            p_lo = int(pos_ends[lo - 1]) if lo else 0
            block_positions = positions[p_lo : int(pos_ends[hi - 1])]
        data = pickle.dumps(
            (
                array("I", deltas.tobytes()),
                _weights_value(block_weights),
                _values(kind, freqs[lo:hi], block_positions),
            ),
            protocol=4,
        )
        comp = COMPRESSION if len(data) >= _MIN_COMPRESS else 0
        if comp:
            data = zlib.compress(data, comp)
        lengths = length_bytes[lo:hi]
        nonzero = lengths[lengths > 0]
        info = pickle.dumps(
            (
                hi - lo,
                int(block_ids[-1]),
                float(block_weights.max()),
                comp,
                int(nonzero.min()) if len(nonzero) else 0,
                int(lengths.max()),
            ),
            protocol=2,
        )
        size = len(info) + len(data)
        postfile.write_int(-size if hi == count else size)
        postfile.write(info)
        postfile.write(data)
    nonzero = length_bytes[length_bytes > 0]
    terminfo = W3TermInfo(
        weight=float(weights.sum(dtype=np.float64)),
        df=count,
        minlength=byte_to_length(int(nonzero.min())) if len(nonzero) else None,
        maxlength=byte_to_length(int(length_bytes.max())),
        maxweight=float(weights.max()),
        minid=int(ids[0]),
        maxid=int(ids[-1]),
    )
    terminfo.set_extent(start, postfile.tell() - start)
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + tbytes, terminfo.to_bytes())


_EMPTY_IDS: Final = np.empty(0, dtype=np.uint32)


def read_term(
    segment_reader: Any, fieldname: str, tbytes: bytes, *, positions: bool = False
) -> TermPostings | None:
    """A term's postings in one segment (deleted documents included), or None.

    With `positions`, `counts` holds each posting's frequency (for a
    positional field, its number of positions, which `positions` then holds;
    for a frequency field, the stored frequency; otherwise 1).
    """
    terms = segment_reader._terms
    if (fieldname, tbytes) not in terms:
        return None
    field = segment_reader.schema[fieldname]
    matcher = terms.matcher(fieldname, tbytes, field.format)
    if not hasattr(matcher, "_read_data"):  # inlined postings: tiny, read them plainly
        return _read_plain(matcher, field.format, positions)
    id_parts: list[np.ndarray] = []
    weight_parts: list[np.ndarray] = []
    count_parts: list[np.ndarray] = []
    position_parts: list[np.ndarray] = []
    while True:
        matcher._read_data()
        raw_ids, raw_weights, raw_values = matcher._data
        n = matcher._blocklength
        ids = np.frombuffer(raw_ids, np.uint32) if isinstance(raw_ids, array) else raw_ids
        id_parts.append(np.cumsum(ids, dtype=np.uint32))
        if raw_weights is None:
            weight_parts.append(np.ones(n, np.float32))
        elif isinstance(raw_weights, float):
            weight_parts.append(np.full(n, raw_weights, np.float32))
        elif isinstance(raw_weights, array):
            weight_parts.append(np.frombuffer(raw_weights, np.float32))
        else:
            weight_parts.append(np.asarray(raw_weights, np.float32))
        if positions:
            counts, flat = _block_values(raw_values, n)
            count_parts.append(counts)
            position_parts.append(flat)
        if matcher._lastblock:
            break
        matcher._next_block()
    out = TermPostings(_join(id_parts, np.uint32), _join(weight_parts, np.float32))
    if positions:
        out.counts = _join(count_parts, np.uint32)
        out.positions = _join(position_parts, np.uint32)
    return out


def _join(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
    if len(parts) == 1:
        return parts[0].astype(dtype, copy=False)
    return np.concatenate(parts).astype(dtype, copy=False)


_NO_POSITIONS: Final = np.empty(0, dtype=np.uint32)


def _block_values(values: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(frequency per posting, positions) of one block's values."""
    if values is None:  # whoosh.formats.Existence
        return np.ones(n, np.uint32), _NO_POSITIONS
    if isinstance(values, bytes):  # whoosh.formats.Frequency: pack_uint(freq), joined
        return np.frombuffer(values, ">u4").astype(np.uint32), _NO_POSITIONS
    return _block_positions(values)


def _block_positions(values: Any) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(values, PackedValues):
        return (
            np.frombuffer(values.counts, np.uint32),
            values.positions().astype(np.uint32, copy=False),
        )
    # A block written by Whoosh's own writer: one value per posting.
    joined = b"".join(values)
    counts = np.fromiter((len(v) // POSITION_DTYPE.itemsize for v in values), np.uint32)
    return counts, np.frombuffer(joined, POSITION_DTYPE).astype(np.uint32)


def _read_plain(matcher: Any, fmt: Any, positions: bool) -> TermPostings:
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if positions:
            values.append(matcher.value())
        matcher.next()
    out = TermPostings(np.asarray(ids, np.uint32), np.asarray(weights, np.float32))
    if positions:
        out.counts, out.positions = (
            _block_positions(values) if fmt.supports("positions") else _block_values(None, len(ids))
        )
    if not ids:
        out.ids = _EMPTY_IDS
    return out


def length_bytes(segment_reader: Any, fieldname: str) -> np.ndarray:
    """Each document's length byte for `fieldname` (0 where it has none)."""
    doccount = segment_reader.doc_count_all()
    out = np.zeros(doccount, np.uint8)
    perdoc = segment_reader._perdoc
    lenfield = _lenfield(fieldname)
    if not perdoc.has_column(lenfield):
        return out
    column = perdoc._cached_reader(lenfield, _LENGTHS_COLUMN)
    count = min(column._count, doccount)
    if count:
        out[:count] = np.frombuffer(column._dbfile.get(column._basepos, count), np.uint8)
    return out
