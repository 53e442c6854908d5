"""How word positions are stored in a posting, so that a query can read them in bulk.

Whoosh's `Positions` format pickles each posting's position deltas: cheap to
read one posting at a time, as Whoosh's phrase matcher does, but at 100,000
documents a phrase touches hundreds of thousands of postings, and unpickling
each one in Python was most of a phrase query's time. `PackedPositions`
stores a posting's positions as little-endian uint32 values instead, and the
segment writer (`segment.py`) puts a whole block's positions in one buffer
(`PackedValues`). The query executor then turns a block's positions into one
numpy array with a single call, while every Whoosh reader, phrase and
proximity query still sees an ordinary sequence of per-posting values.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any, Final, SupportsIndex, overload

import numpy as np
from whoosh.formats import Positions

from briefreader.search.analysis import BriefAnalyzer, positions_of

#: Positions are stored as 4-byte little-endian unsigned integers.
POSITION_DTYPE: Final = np.dtype("<u4")
_WIDTH: Final = POSITION_DTYPE.itemsize


def encode_positions(positions: Sequence[int]) -> bytes:
    return np.asarray(positions, dtype=POSITION_DTYPE).tobytes()


def decode_positions(value: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(value, dtype=POSITION_DTYPE)


class PackedValues(Sequence[bytes]):
    """The values of one posting block: all positions in one buffer.

    `counts[i]` is the number of positions of posting `i`; item `i` is that
    posting's slice of `data`, exactly what `PackedPositions.encode` writes
    for it. Pickles as two bytes objects, so a reader unpickles a block
    without making an object per posting.
    """

    __slots__ = ("_ends", "counts", "data")

    def __init__(self, data: bytes, counts: array[int] | bytes) -> None:
        self.data = data
        self.counts = counts if isinstance(counts, array) else _uint_array(counts)
        self._ends: list[int] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (PackedValues, (self.data, self.counts.tobytes()))

    def __len__(self) -> int:
        return len(self.counts)

    @overload
    def __getitem__(self, index: SupportsIndex) -> bytes: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[bytes]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> bytes | Sequence[bytes]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        ends = self._ends
        if ends is None:
            ends = self._ends = [0, *accumulate(self.counts)]
        i = int(index)
        if i < 0:
            i += len(self.counts)
        return self.data[ends[i] * _WIDTH : ends[i + 1] * _WIDTH]

    def __iter__(self) -> Iterator[bytes]:
        return (self[i] for i in range(len(self.counts)))

    def positions(self) -> np.ndarray:
        """Every position of the block, posting after posting."""
        return decode_positions(self.data)


def _uint_array(raw: bytes) -> array[int]:
    out = array("I")
    out.frombytes(raw)
    return out


class PackedPositions(Positions):
    """Whoosh's `Positions` with packed uint32 values (see the module doc).

    `word_values` has a bulk path for `BriefAnalyzer` (Whoosh's own writers
    use it, for example the paragraph index of `export --query`); the search
    index's segment writer computes the same values with numpy.
    """

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, BriefAnalyzer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, poslist in positions_of(value).items():
            yield term, len(poslist), len(poslist) * boost, encode_positions(poslist)

    def encode(self, poslist: Sequence[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_positions(valuestring).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // _WIDTH

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def combine(self, vs: Sequence[bytes]) -> bytes:
        merged = sorted({p for v in vs for p in self.decode_positions(v)})
        return encode_positions(merged)
