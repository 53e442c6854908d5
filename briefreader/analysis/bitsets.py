"""Each entity's documents and paragraphs as bitsets, kept up to date at import.

Document number n is bit n of an entity's document bitset; its paragraphs
own `pbytes` bytes at `slot` of its chunk's paragraph space, where bit i of
those bytes is body paragraph i. With them a co-mention cell is one `&` and
a `bit_count()`, and a dossier's companions are one `&` per entity, instead
of a join over hundreds of thousands of rows.

The bitsets are stored in chunks of 1,024 document numbers (`CHUNK`): an
import touches only the chunks of its new documents, so it rewrites a few
kilobytes per entity, not the whole library's bitset. Reading puts the
chunks end to end: chunk k's documents start at bit k * 1024, and its
paragraph space after the widths of the chunks before it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

CHUNK = 1024
CHUNK_BYTES = CHUNK // 8


@dataclass(frozen=True, slots=True)
class Bits:
    """One entity's documents and paragraphs across the whole library."""

    documents: int
    paragraphs: int


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each chunk's paragraph space starts once the chunks are put end to end."""

    bases: dict[int, int]
    size: int

    @classmethod
    def read(cls, db: sqlite3.Connection) -> Layout:
        bases: dict[int, int] = {}
        total = 0
        for chunk, width in db.execute("SELECT chunk, width FROM analysis_chunks ORDER BY chunk"):
            bases[chunk] = total
            total += width
        return cls(bases, total)

    def paragraph_offset(self, n: int, slot: int) -> int:
        return self.bases.get(n // CHUNK, 0) + slot


@dataclass
class BitsWriter:
    """Changes to the bitsets of one transaction, written together by `flush`."""

    #: (entity, chunk) -> [(document bit in chunk, set?, slot, paragraph bytes)]
    _changes: dict[tuple[int, int], list[tuple[int, bool, int, bytes]]] = field(
        default_factory=dict
    )

    def add(self, entity: int, n: int, slot: int, paragraphs: bytes) -> None:
        self._changes.setdefault((entity, n // CHUNK), []).append(
            (n % CHUNK, True, slot, paragraphs)
        )

    def remove(self, entity: int, n: int, slot: int, pbytes: int) -> None:
        self._changes.setdefault((entity, n // CHUNK), []).append(
            (n % CHUNK, False, slot, bytes(pbytes))
        )

    def flush(self, db: sqlite3.Connection) -> None:
        for (entity, chunk), changes in self._changes.items():
            row = db.execute(
                "SELECT documents, paragraphs FROM analysis_bits WHERE entity = ? AND chunk = ?",
                (entity, chunk),
            ).fetchone()
            documents = bytearray(row[0]) if row else bytearray(CHUNK_BYTES)
            paragraphs = bytearray(row[1]) if row else bytearray()
            for bit, present, slot, data in changes:
                if present:
                    documents[bit >> 3] |= 1 << (bit & 7)
                else:
                    documents[bit >> 3] &= ~(1 << (bit & 7)) & 0xFF
                if len(paragraphs) < slot + len(data):
                    paragraphs.extend(bytes(slot + len(data) - len(paragraphs)))
                paragraphs[slot : slot + len(data)] = data
            db.execute(
                "INSERT OR REPLACE INTO analysis_bits (entity, chunk, documents, paragraphs) "
                "VALUES (?, ?, ?, ?)",
                (entity, chunk, bytes(documents), bytes(paragraphs.rstrip(b"\0"))),
            )
        self._changes.clear()


def allocate(db: sqlite3.Connection, n: int, pbytes: int) -> int:
    """A slot for `pbytes` paragraph bytes in document n's chunk (widths never shrink)."""
    chunk = n // CHUNK
    row = db.execute("SELECT width FROM analysis_chunks WHERE chunk = ?", (chunk,)).fetchone()
    slot = row[0] if row else 0
    db.execute(
        "INSERT OR REPLACE INTO analysis_chunks (chunk, width) VALUES (?, ?)",
        (chunk, slot + pbytes),
    )
    return slot


def read_bits(
    db: sqlite3.Connection, entities: Iterable[int], layout: Layout, *, paragraphs: bool = True
) -> dict[int, Bits]:
    """The bitsets of `entities` (those never counted are left out).

    Without `paragraphs`, only the document bitsets are read (their
    paragraphs are 0): a tenth of the bytes, for views that count documents.
    """
    wanted = list(dict.fromkeys(entities))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    top = max(layout.bases, default=0)
    documents = {e: bytearray((top + 1) * CHUNK_BYTES) for e in wanted}
    spaces = {e: bytearray(layout.size if paragraphs else 0) for e in wanted}
    found: set[int] = set()
    column = "paragraphs" if paragraphs else "x''"
    for entity, chunk, doc_bytes, para_bytes in db.execute(
        f"SELECT entity, chunk, documents, {column} FROM analysis_bits WHERE entity IN ({marks})",
        wanted,
    ):
        found.add(entity)
        start = chunk * CHUNK_BYTES
        documents[entity][start : start + CHUNK_BYTES] = doc_bytes
        base = layout.bases.get(chunk, 0)
        spaces[entity][base : base + len(para_bytes)] = para_bytes
    return {
        e: Bits(int.from_bytes(documents[e], "little"), int.from_bytes(spaces[e], "little"))
        for e in wanted
        if e in found
    }


def scope_masks(layout: Layout, documents: Iterable[tuple[int, int, int]]) -> Bits:
    """Masks selecting these (n, slot, pbytes) documents and their paragraphs."""
    top = max(layout.bases, default=0)
    doc_mask = bytearray((top + 1) * CHUNK_BYTES)
    para_mask = bytearray(layout.size)
    for n, slot, pbytes in documents:
        doc_mask[n >> 3] |= 1 << (n & 7)
        start = layout.paragraph_offset(n, slot)
        para_mask[start : start + pbytes] = b"\xff" * pbytes
    return Bits(int.from_bytes(doc_mask, "little"), int.from_bytes(para_mask, "little"))


def set_bits(value: int) -> list[int]:
    """The positions of the set bits of `value`, lowest first."""
    out = []
    data = value.to_bytes((value.bit_length() + 7) // 8, "little")
    for index, byte in enumerate(data):
        while byte:
            low = byte & -byte
            out.append(index * 8 + low.bit_length() - 1)
            byte ^= low
    return out
