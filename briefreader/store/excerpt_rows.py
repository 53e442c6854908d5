"""Excerpts as frozen values, and their complete snapshots for undo.

`Excerpt` is what views and the exporter get. `ExcerptSnapshot` is everything
that belongs to one excerpt across tables (row, entities, tags, its note and
its places in briefings), so that writing a snapshot back re-creates the
excerpt exactly as it was, under the same id.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from briefreader.domain import EntityKind
from briefreader.store import notes
from briefreader.store.anchoring import TextQuoteSelector
from briefreader.store.changes import Changes

ExcerptStatus = Literal["anchored", "fuzzy", "orphaned"]

COLUMNS = (
    'id, doc_id, content_hash, start, "end", exact, prefix, suffix, paragraph, comment, '
    "priority, status, created, updated, credibility, claimant, created_by, updated_by"
)
ExcerptRow = tuple[
    int, str, str, int, int, str, str, str, int, str, int, str, str, str, int | None, str, str, str
]
#: Indexes into `ExcerptRow` of the columns edits change.
COMMENT, PRIORITY, STATUS, UPDATED, CREDIBILITY, CLAIMANT = 9, 10, 11, 13, 14, 15
CREATED_BY, UPDATED_BY = 16, 17
EntityRow = tuple[str, str, int]  # kind, canonical, offset of first mention in the quote
MembershipRow = tuple[int, int | None, int, str]  # briefing_id, section_id, position, comment


#: Quote marks a quote may carry at its ends; names and headers add their own, never doubled.
QUOTE_MARKS = "“”\"'‘’«»„"


def excerpt_name(quote: str, limit: int = 48) -> str:
    """`excerpt “The Taliban said…”`: the quote on one line, cut at a word with an ellipsis,
    never with doubled quote marks."""
    inner = " ".join(quote.split()).strip(QUOTE_MARKS).strip()
    if len(inner) > limit:
        head = inner[: limit - 1]
        cut = head.rsplit(" ", 1)[0] if " " in head else head
        inner = cut.rstrip(" ,;:.") + "…"
    return f"excerpt “{inner}”"


@dataclass(frozen=True, slots=True)
class EntityRef:
    kind: EntityKind
    canonical: str


@dataclass(frozen=True, slots=True)
class Excerpt:
    """One captured passage.

    `start`/`end` index the document body whose SHA-256 is `content_hash`.
    `status` is "anchored" (the quote is at start:end), "fuzzy" (re-anchored
    to a passage that differs slightly from the quote: review it) or
    "orphaned" (the quote could not be found in the current text; the
    excerpt keeps its last known place and its quote). `entities` are in order
    of first mention in the quote; `paragraph` is the 0-based paragraph index.
    `credibility` is the analyst's Admiralty grade of the information, 1
    (confirmed) to 6 (cannot be judged), None when not graded; `claimant` is
    the named actor when the quote reports a claim ("Taliban spokesman",
    "ISKP via Amaq"), "" when it is not a claim.
    """

    id: int
    doc_id: str
    content_hash: str
    start: int
    end: int
    selector: TextQuoteSelector
    paragraph: int
    entities: tuple[EntityRef, ...]
    tags: tuple[str, ...]
    comment: str
    priority: bool
    status: ExcerptStatus
    created: str
    updated: str
    credibility: int | None = None
    claimant: str = ""
    created_by: str = ""  # the analyst who captured it ("" before authors were kept)
    updated_by: str = ""  # the analyst who last changed it

    @property
    def quote(self) -> str:
        return self.selector.exact

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"

    @property
    def name(self) -> str:
        """How a message names the excerpt: its quote's first words, as the analyst
        sees it in the bin. The store id is not shown to users."""
        return excerpt_name(self.quote)

    def mentions_of(self, kind: EntityKind) -> tuple[str, ...]:
        return tuple(e.canonical for e in self.entities if e.kind == kind)


@dataclass(frozen=True, slots=True)
class ExcerptSnapshot:
    row: ExcerptRow
    entities: tuple[EntityRow, ...]
    tags: tuple[str, ...]
    note: notes.NoteRow | None
    memberships: tuple[MembershipRow, ...]


def load_excerpts(
    conn: sqlite3.Connection, where: str = "", args: Sequence[object] = ()
) -> list[Excerpt]:
    """Excerpts matching a WHERE clause over `excerpts e`, with tags and entities."""
    rows = conn.execute(f"SELECT {COLUMNS} FROM excerpts e {where}", tuple(args)).fetchall()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    entities: dict[int, list[tuple[int, EntityRef]]] = {}
    tags: dict[int, list[str]] = {}
    for chunk_start in range(0, len(ids), 900):  # SQLite's variable limit
        chunk = ids[chunk_start : chunk_start + 900]
        marks = ",".join("?" * len(chunk))
        for eid, kind, canonical, first in conn.execute(
            f"SELECT excerpt_id, kind, canonical, first FROM excerpt_entities "
            f"WHERE excerpt_id IN ({marks})",
            chunk,
        ):
            entities.setdefault(eid, []).append((first, EntityRef(kind, canonical)))
        for eid, tag in conn.execute(
            f"SELECT excerpt_id, tag FROM excerpt_tags WHERE excerpt_id IN ({marks})", chunk
        ):
            tags.setdefault(eid, []).append(tag)
    return [
        _to_excerpt(
            row,
            tuple(
                ref
                for _, ref in sorted(entities.get(row[0], []), key=lambda p: (p[0], p[1].canonical))
            ),
            tuple(sorted(tags.get(row[0], []), key=str.casefold)),
        )
        for row in rows
    ]


def _to_excerpt(row: ExcerptRow, entities: tuple[EntityRef, ...], tags: tuple[str, ...]) -> Excerpt:
    (eid, doc_id, chash, start, end, exact, prefix, suffix, para, comment, prio, status, cr, up) = (
        row[:14]
    )
    return Excerpt(
        id=eid,
        doc_id=doc_id,
        content_hash=chash,
        start=start,
        end=end,
        selector=TextQuoteSelector(exact, prefix, suffix),
        paragraph=para,
        entities=entities,
        tags=tags,
        comment=comment,
        priority=bool(prio),
        status=status,  # type: ignore[arg-type]
        created=cr,
        updated=up,
        credibility=row[CREDIBILITY],
        claimant=row[CLAIMANT],
        created_by=row[CREATED_BY],
        updated_by=row[UPDATED_BY],
    )


def read_snapshot(conn: sqlite3.Connection, excerpt_id: int) -> ExcerptSnapshot | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM excerpts WHERE id = ?", (excerpt_id,)).fetchone()
    if row is None:
        return None
    # Sorted here, not by the database: collations differ between backends,
    # and undo compares snapshots for equality.
    entities = sorted(
        conn.execute(
            "SELECT kind, canonical, first FROM excerpt_entities WHERE excerpt_id = ?",
            (excerpt_id,),
        ).fetchall()
    )
    tags = sorted(
        conn.execute("SELECT tag FROM excerpt_tags WHERE excerpt_id = ?", (excerpt_id,)),
        key=lambda t: (t[0].casefold(), t[0]),
    )
    memberships = conn.execute(
        "SELECT briefing_id, section_id, position, comment FROM briefing_items "
        "WHERE excerpt_id = ? ORDER BY briefing_id",
        (excerpt_id,),
    ).fetchall()
    note = notes.read_row(conn, notes.NoteTarget.excerpt(excerpt_id))
    return ExcerptSnapshot(
        tuple(row),  # type: ignore[arg-type]
        tuple(tuple(e) for e in entities),  # type: ignore[misc]
        tuple(t[0] for t in tags),
        note,
        tuple(tuple(m) for m in memberships),  # type: ignore[misc]
    )


def write_snapshot(
    conn: sqlite3.Connection, excerpt_id: int, snap: ExcerptSnapshot | None
) -> Changes:
    """Make excerpt `excerpt_id` exactly `snap` (None: delete it and all it owns)."""
    old_briefings = {
        r[0]
        for r in conn.execute(
            "SELECT briefing_id FROM briefing_items WHERE excerpt_id = ?", (excerpt_id,)
        )
    }
    had_tags = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM excerpt_tags WHERE excerpt_id = ?)", (excerpt_id,)
    ).fetchone()[0]
    changes = notes.write_row(
        conn, notes.NoteTarget.excerpt(excerpt_id), snap.note if snap else None
    )
    conn.execute("DELETE FROM excerpts WHERE id = ?", (excerpt_id,))  # cascades
    new_briefings: set[int] = set()
    if snap is not None:
        marks = ",".join("?" * len(snap.row))
        conn.execute(f"INSERT INTO excerpts ({COLUMNS}) VALUES ({marks})", snap.row)
        conn.executemany(
            "INSERT INTO excerpt_entities (excerpt_id, kind, canonical, first) VALUES (?, ?, ?, ?)",
            [(excerpt_id, *e) for e in snap.entities],
        )
        conn.executemany(
            "INSERT INTO excerpt_tags (excerpt_id, tag) VALUES (?, ?)",
            [(excerpt_id, t) for t in snap.tags],
        )
        for briefing_id, section_id, position, comment in snap.memberships:
            if not conn.execute("SELECT 1 FROM briefings WHERE id = ?", (briefing_id,)).fetchone():
                continue  # the briefing is gone: nothing to go back into
            section = conn.execute(
                "SELECT id FROM briefing_sections WHERE id = ? AND briefing_id = ?",
                (section_id, briefing_id),
            ).fetchone()
            conn.execute(
                "INSERT INTO briefing_items "
                "(briefing_id, excerpt_id, section_id, position, comment) VALUES (?, ?, ?, ?, ?)",
                (briefing_id, excerpt_id, section[0] if section else None, position, comment),
            )
            new_briefings.add(briefing_id)
    return changes | Changes(
        excerpts=frozenset({excerpt_id}),
        briefings=frozenset(old_briefings | new_briefings),
        tags=bool(had_tags) or bool(snap and snap.tags),
    )


def stamped(snap: ExcerptSnapshot, when: str, who: str) -> ExcerptSnapshot:
    """`snap` marked as changed now by `who` (every edit records its author and time)."""
    row = list(snap.row)
    row[UPDATED], row[UPDATED_BY] = when, who
    return replace(snap, row=tuple(row))  # type: ignore[arg-type]


def with_column(snap: ExcerptSnapshot, index: int, value: object) -> ExcerptSnapshot:
    """`snap` with one column of its excerpt row replaced (see the column indexes above)."""
    row = list(snap.row)
    row[index] = value
    return replace(snap, row=tuple(row))  # type: ignore[arg-type]
