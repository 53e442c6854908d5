"""Briefings as frozen values, their grouping into sections, and snapshots.

`Briefing` is everything the PDF exporter and the composer need in one value:
metadata, the summary, and sections of items in display order, each item
carrying its full `Excerpt` and its briefing-specific comment. Sections are
either the analyst's own ("manual") or computed at load time from the
excerpts: by the first group or first country each quote mentions, or by
source document. Item order is one sequence per briefing; sections show
their items in that order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from briefreader.store import notes
from briefreader.store.changes import Changes
from briefreader.store.excerpt_rows import Excerpt, load_excerpts

Grouping = Literal["manual", "group", "country", "source"]
GROUPINGS: tuple[Grouping, ...] = ("manual", "group", "country", "source")
COLUMNS = (
    "id, name, title, author, date, marking, summary, grouping, created, updated, "
    "created_by, updated_by, charts, section_breaks"
)
BriefingRow = tuple[int, str, str, str, str, str, str, str, str, str, str, str, str, int]
#: Indexes into a `BriefingRow`.
UPDATED, CREATED_BY, UPDATED_BY, CHARTS_COLUMN, SECTION_BREAKS = 9, 10, 11, 12, 13
#: Charts a briefing can carry: its groups over time, and groups × countries.
CHARTS: tuple[str, ...] = ("trend", "matrix")
SectionRow = tuple[int, int, str]  # id, position, title
ItemRow = tuple[int, int | None, int, str]  # excerpt_id, section_id, position, comment
#: Title of the section collecting items that fit no other (never empty when shown).
OTHER_TITLE = {
    "manual": "Other excerpts",
    "group": "No group named",
    "country": "No country named",
    "source": "Unknown source",
}


@dataclass(frozen=True, slots=True)
class BriefingItem:
    excerpt: Excerpt
    comment: str  # the analyst's comment on this excerpt in this briefing
    position: int
    section_id: int | None  # the manual section it was put in, if any


@dataclass(frozen=True, slots=True)
class BriefingSection:
    """A heading and its items. `key` is stable ("section:7", "group:ISKP",
    "source:<doc id>", "other"); `id` is set for manual sections only. A
    briefing with no manual sections has one section with an empty title."""

    key: str
    title: str
    items: tuple[BriefingItem, ...]
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Briefing:
    id: int
    name: str
    title: str
    author: str
    date: str
    marking: str  # handling marking, printed in every page header and footer
    summary: str  # key judgements
    grouping: Grouping
    sections: tuple[BriefingSection, ...]
    created: str
    updated: str
    note: str = ""  # the analyst's note on the briefing, if any
    created_by: str = ""  # the analyst who created it ("" before authors were kept)
    updated_by: str = ""  # the analyst who last changed it
    charts: tuple[str, ...] = CHARTS  # which of CHARTS the export draws
    section_breaks: bool = False  # each section starts a new page

    @property
    def items(self) -> tuple[BriefingItem, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @property
    def excerpt_ids(self) -> tuple[int, ...]:
        return tuple(item.excerpt.id for item in self.items)


@dataclass(frozen=True, slots=True)
class BriefingSummary:
    id: int
    name: str
    title: str
    items: int
    updated: str
    updated_by: str = ""


@dataclass(frozen=True, slots=True)
class BriefingSnapshot:
    row: BriefingRow
    sections: tuple[SectionRow, ...]
    items: tuple[ItemRow, ...]
    note: notes.NoteRow | None


def read_snapshot(conn: sqlite3.Connection, briefing_id: int) -> BriefingSnapshot | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM briefings WHERE id = ?", (briefing_id,)).fetchone()
    if row is None:
        return None
    sections = conn.execute(
        "SELECT id, position, title FROM briefing_sections WHERE briefing_id = ? "
        "ORDER BY position, id",
        (briefing_id,),
    ).fetchall()
    items = conn.execute(
        "SELECT excerpt_id, section_id, position, comment FROM briefing_items "
        "WHERE briefing_id = ? ORDER BY position, excerpt_id",
        (briefing_id,),
    ).fetchall()
    return BriefingSnapshot(
        tuple(row),  # type: ignore[arg-type]
        tuple(tuple(s) for s in sections),  # type: ignore[misc]
        tuple(tuple(i) for i in items),  # type: ignore[misc]
        notes.read_row(conn, notes.NoteTarget.briefing(briefing_id)),
    )


def write_snapshot(
    conn: sqlite3.Connection, briefing_id: int, snap: BriefingSnapshot | None
) -> Changes:
    """Make briefing `briefing_id` exactly `snap` (None: delete it)."""
    changes = notes.write_row(
        conn, notes.NoteTarget.briefing(briefing_id), snap.note if snap else None
    )
    conn.execute("DELETE FROM briefings WHERE id = ?", (briefing_id,))  # cascades
    if snap is not None:
        marks = ",".join("?" * len(snap.row))
        conn.execute(f"INSERT INTO briefings ({COLUMNS}) VALUES ({marks})", snap.row)
        conn.executemany(
            "INSERT INTO briefing_sections (id, briefing_id, position, title) VALUES (?, ?, ?, ?)",
            [(sid, briefing_id, pos, title) for sid, pos, title in snap.sections],
        )
        existing = existing_excerpts(conn, [i[0] for i in snap.items])
        conn.executemany(
            "INSERT INTO briefing_items (briefing_id, excerpt_id, section_id, position, comment) "
            "VALUES (?, ?, ?, ?, ?)",
            [(briefing_id, *item) for item in snap.items if item[0] in existing],
        )
    return changes | Changes(briefings=frozenset({briefing_id}))


def existing_excerpts(conn: sqlite3.Connection, ids: list[int]) -> set[int]:
    """Which of `ids` are excerpts that exist (chunked: both backends cap parameters)."""
    found: set[int] = set()
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0] for r in conn.execute(f"SELECT id FROM excerpts WHERE id IN ({marks})", chunk)
        )
    return found


def _group_key(
    excerpt: Excerpt, grouping: Grouping, title_of: Callable[[str], str]
) -> tuple[str, str]:
    if grouping == "source":
        return f"source:{excerpt.doc_id}", title_of(excerpt.doc_id) or excerpt.doc_id
    names = excerpt.mentions_of("group" if grouping == "group" else "country")
    if names:
        return f"{grouping}:{names[0]}", names[0]
    return "other", OTHER_TITLE[grouping]


def build_sections(
    snap: BriefingSnapshot,
    excerpts: dict[int, Excerpt],
    title_of: Callable[[str], str],
) -> tuple[BriefingSection, ...]:
    """Sections in display order for a briefing snapshot (see module docstring)."""
    grouping: Grouping = snap.row[7]  # type: ignore[assignment]
    items = [
        BriefingItem(excerpts[eid], comment, pos, sid)
        for eid, sid, pos, comment in snap.items
        if eid in excerpts
    ]
    if grouping == "manual":
        by_section: dict[int | None, list[BriefingItem]] = {}
        for item in items:
            by_section.setdefault(item.section_id, []).append(item)
        result = [
            BriefingSection(f"section:{sid}", title, tuple(by_section.get(sid, [])), sid)
            for sid, _pos, title in snap.sections
        ]
        loose = tuple(by_section.get(None, []))
        if loose or not result:
            result.append(BriefingSection("other", OTHER_TITLE["manual"] if result else "", loose))
        return tuple(result)
    groups: dict[str, tuple[str, list[BriefingItem]]] = {}
    for item in items:
        key, title = _group_key(item.excerpt, grouping, title_of)
        groups.setdefault(key, (title, []))[1].append(item)
    ordered = [k for k in groups if k != "other"] + (["other"] if "other" in groups else [])
    return tuple(BriefingSection(k, groups[k][0], tuple(groups[k][1])) for k in ordered)


def load(
    conn: sqlite3.Connection, briefing_id: int, title_of: Callable[[str], str] | None = None
) -> Briefing | None:
    snap = read_snapshot(conn, briefing_id)
    if snap is None:
        return None
    found = load_excerpts(
        conn,
        "WHERE e.id IN (SELECT excerpt_id FROM briefing_items WHERE briefing_id = ?)",
        (briefing_id,),
    )
    sections = build_sections(snap, {e.id: e for e in found}, title_of or (lambda _doc: ""))
    bid, name, title, author, date, marking, summary, grouping, created, updated = snap.row[:10]
    return Briefing(
        bid, name, title, author, date, marking, summary, grouping,  # type: ignore[arg-type]
        sections, created, updated, snap.note[4] if snap.note else "",
        snap.row[CREATED_BY], snap.row[UPDATED_BY],
        parse_charts(snap.row[CHARTS_COLUMN]), bool(snap.row[SECTION_BREAKS]),
    )  # fmt: skip


def parse_charts(stored: str) -> tuple[str, ...]:
    """The stored comma list as CHARTS members, in CHARTS order (unknown names dropped)."""
    named = {part.strip() for part in stored.split(",")}
    return tuple(c for c in CHARTS if c in named)
