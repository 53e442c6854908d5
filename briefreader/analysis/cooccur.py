"""Who appears with whom: groups × countries or groups × groups, as a table of counts.

A cell counts the documents (or, per paragraph, the paragraphs) naming both
its row and its column. Each entity's documents and paragraphs are kept as
bitsets (bitsets.py), so a cell is one `&` and a `bit_count()`: a 30 × 30
table over 10,000 documents reads 60 small blobs and does 900 ANDs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from briefreader.analysis.bitsets import Bits, Layout, read_bits, scope_masks, set_bits
from briefreader.analysis.counts import Counts
from briefreader.analysis.scope import EVERYTHING, Scope, scoped
from briefreader.analysis.tally import EntityKey
from briefreader.analysis.trends import EntityTotal, top_entities
from briefreader.domain import EntityKind

CountBy = Literal["document", "paragraph"]
COUNT_BY: tuple[CountBy, ...] = ("document", "paragraph")


@dataclass(frozen=True, slots=True)
class Matrix:
    rows: tuple[EntityTotal, ...]
    columns: tuple[EntityTotal, ...]
    #: cells[r][c]; None where a row and a column are the same entity.
    cells: tuple[tuple[int | None, ...], ...]
    count_by: CountBy
    documents: int  # in the scope

    @property
    def largest(self) -> int:
        return max((v for row in self.cells for v in row if v is not None), default=0)

    def nonzero(self) -> Iterator[tuple[EntityKey, EntityKey, int]]:
        """(row, column, count) for every cell above zero, largest first."""
        found = [
            (self.rows[r].entity, self.columns[c].entity, value)
            for r, row in enumerate(self.cells)
            for c, value in enumerate(row)
            if value
        ]
        yield from sorted(found, key=lambda t: (-t[2], t[0][1], t[1][1]))


def matrix(
    counts: Counts,
    rows: Sequence[EntityKey] | EntityKind = "group",
    columns: Sequence[EntityKey] | EntityKind = "country",
    *,
    count_by: CountBy = "document",
    limit: int = 15,
    scope: Scope = EVERYTHING,
) -> Matrix:
    """The co-mention table; a kind picks that kind's `limit` most mentioned entities."""
    row_totals = _axis(counts, rows, limit, scope)
    column_totals = _axis(counts, columns, limit, scope)
    keys = list(dict.fromkeys([t.entity for t in (*row_totals, *column_totals)]))
    found = _bitsets(counts, keys, scope)
    sets = found.sets
    empty = Bits(0, 0)
    cells = []
    for row in row_totals:
        a = sets.get(row.entity, empty)
        line: list[int | None] = []
        for column in column_totals:
            if column.entity == row.entity:
                line.append(None)
                continue
            b = sets.get(column.entity, empty)
            both = (
                a.documents & b.documents if count_by == "document" else a.paragraphs & b.paragraphs
            )
            line.append(both.bit_count())
        cells.append(tuple(line))
    return Matrix(row_totals, column_totals, tuple(cells), count_by, found.documents)


def documents_behind(
    counts: Counts,
    a: EntityKey,
    b: EntityKey,
    *,
    count_by: CountBy = "document",
    scope: Scope = EVERYTHING,
) -> list[str]:
    """The documents a cell counts, oldest first: what selecting it puts in the list.

    Per paragraph, those with at least one paragraph naming both.
    """
    found = _bitsets(counts, [a, b], scope)
    if a not in found.sets or b not in found.sets:
        return []
    numbers = set_bits(found.sets[a].documents & found.sets[b].documents)
    if count_by == "paragraph":
        both = found.sets[a].paragraphs & found.sets[b].paragraphs
        shared = both.to_bytes(found.layout.size, "little")
        numbers = [
            n for n in numbers if any(shared[found.offsets[n] : found.offsets[n] + found.widths[n]])
        ]
    facts = counts.documents()
    ordered = sorted(numbers, key=lambda n: (facts[n].day, n))
    return [facts[n].doc_id for n in ordered]


def _axis(
    counts: Counts, axis: Sequence[EntityKey] | EntityKind, limit: int, scope: Scope
) -> tuple[EntityTotal, ...]:
    if isinstance(axis, str):
        return tuple(top_entities(counts, axis, limit=limit, scope=scope))
    wanted = list(dict.fromkeys(axis))
    found = {t.entity: t for t in top_entities(counts, None, limit=None, scope=scope)}
    return tuple(found.get(key, EntityTotal(key, 0, 0)) for key in wanted)


@dataclass(frozen=True, slots=True)
class _Found:
    sets: dict[EntityKey, Bits]
    documents: int  # in the scope
    layout: Layout
    #: Per document number in the scope: where its paragraphs start, and their bytes.
    offsets: dict[int, int]
    widths: dict[int, int]


def _bitsets(counts: Counts, keys: Sequence[EntityKey], scope: Scope) -> _Found:
    """Each entity's bitsets restricted to the scope."""
    ids = {i: key for key in keys if (i := counts.entity_id(key)) is not None}
    with scoped(counts, scope) as (where, args), counts.locked() as db:
        layout = Layout.read(db)
        docs = db.execute(
            f"SELECT d.n, d.slot, d.pbytes FROM analysis_docs d WHERE {where}", args
        ).fetchall()
        bits = read_bits(db, ids, layout)
    offsets = {n: layout.paragraph_offset(n, slot) for n, slot, _ in docs}
    widths = {n: pbytes for n, _, pbytes in docs}
    if not scope.is_everything:
        mask = scope_masks(layout, docs)
        bits = {
            i: Bits(b.documents & mask.documents, b.paragraphs & mask.paragraphs)
            for i, b in bits.items()
        }
    return _Found({ids[i]: b for i, b in bits.items()}, len(docs), layout, offsets, widths)
