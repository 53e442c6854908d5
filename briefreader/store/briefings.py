"""Briefings: named, persistent selections of excerpts, composed for export.

A briefing has a unique name (what `briefreader export --briefing NAME`
takes), a title, author, date, handling marking and summary, an order of
items, and sections. `load()` returns the whole thing as frozen values in
one call, which is all the PDF exporter needs. Every change is one undo step
and returns a `Changes` report.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import NamedTuple

from briefreader.store.backend import Backend
from briefreader.store.briefing_rows import (
    CHARTS,
    CHARTS_COLUMN,
    GROUPINGS,
    SECTION_BREAKS,
    UPDATED,
    UPDATED_BY,
    Briefing,
    BriefingSnapshot,
    BriefingSummary,
    Grouping,
    build_sections,
    load,
    read_snapshot,
    write_snapshot,
)
from briefreader.store.changes import Changes
from briefreader.store.db import timestamp
from briefreader.store.errors import NotFoundError, StoreError
from briefreader.store.excerpt_rows import load_excerpts
from briefreader.store.undo import Operation, Put

Runner = Callable[[Callable[[sqlite3.Connection], Operation | None]], Changes]
BriefingRef = int | str  # an id, or a name (case-insensitive)
_FIELDS = {
    "name": 1,
    "title": 2,
    "author": 3,
    "date": 4,
    "marking": 5,
    "summary": 6,
    "grouping": 7,
    "charts": CHARTS_COLUMN,
    "section_breaks": SECTION_BREAKS,
}


class Created(NamedTuple):
    briefing: Briefing
    changes: Changes


class SectionAdded(NamedTuple):
    section_id: int
    changes: Changes


def resolve(conn: sqlite3.Connection, ref: BriefingRef) -> int:
    """The id of the briefing `ref` names; NotFoundError if none."""
    if isinstance(ref, int):
        row = conn.execute("SELECT id FROM briefings WHERE id = ?", (ref,)).fetchone()
    else:
        row = conn.execute("SELECT id FROM briefings WHERE name = ?", (ref.strip(),)).fetchone()
        if row is None and ref.strip().isdigit():
            row = conn.execute("SELECT id FROM briefings WHERE id = ?", (int(ref),)).fetchone()
    if row is None:
        raise NotFoundError(f"there is no briefing {ref!r}")
    return int(row[0])


def _check_name(conn: sqlite3.Connection, name: str, briefing_id: int | None) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise StoreError("a briefing needs a name")
    row = conn.execute("SELECT id FROM briefings WHERE name = ?", (clean,)).fetchone()
    if row is not None and row[0] != briefing_id:
        raise StoreError(f"there is already a briefing named {clean!r}")
    return clean


def _put(
    label: str, briefing_id: int, before: BriefingSnapshot | None, after: BriefingSnapshot | None
) -> Put:
    return Put(label, briefing_id, before, after, write_snapshot, read=read_snapshot, who=_author)


def _author(snap: BriefingSnapshot | None) -> str:
    return snap.row[UPDATED_BY] if snap else ""


def _renumber(
    items: list[tuple[int, int | None, int, str]],
) -> tuple[tuple[int, int | None, int, str], ...]:
    return tuple((eid, sid, pos, comment) for pos, (eid, sid, _old, comment) in enumerate(items))


class Briefings:
    """The briefings repository; reached as `Store.briefings`."""

    def __init__(self, db: Backend, run: Runner) -> None:
        self._db = db
        self._run = run

    # -- reading ---------------------------------------------------------
    def list(self) -> list[BriefingSummary]:
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT b.id, b.name, b.title, COUNT(i.excerpt_id), b.updated, b.updated_by "
                "FROM briefings b "
                "LEFT JOIN briefing_items i ON i.briefing_id = b.id GROUP BY b.id "
                "ORDER BY b.updated DESC, b.id DESC"
            ).fetchall()
        return [BriefingSummary(*row) for row in rows]

    def load(
        self, ref: BriefingRef, *, document_title: Callable[[str], str] | None = None
    ) -> Briefing:
        """Everything about a briefing, in display order, in one call.

        `document_title(doc_id)` names the sections of a briefing grouped by
        source (the library knows titles; the store does not).
        """
        with self._db.reading() as conn:
            briefing = load(conn, resolve(conn, ref), document_title)
        assert briefing is not None
        return briefing

    # -- the operation pattern -------------------------------------------
    def _change(
        self,
        label: str,
        ref: BriefingRef,
        change: Callable[[sqlite3.Connection, BriefingSnapshot], BriefingSnapshot | None],
    ) -> Changes:
        def build(conn: sqlite3.Connection) -> Operation | None:
            briefing_id = resolve(conn, ref)
            before = read_snapshot(conn, briefing_id)
            assert before is not None
            after = change(conn, before)
            if after == before:
                return None
            if after is not None:
                row = list(after.row)
                row[UPDATED], row[UPDATED_BY] = timestamp(), self._db.author
                after = replace(after, row=tuple(row))  # type: ignore[arg-type]
            return _put(label, briefing_id, before, after)

        return self._run(build)

    # -- the briefing itself ---------------------------------------------
    def create(
        self,
        name: str,
        *,
        title: str = "",
        author: str = "",
        date: str = "",
        marking: str = "",
        summary: str = "",
        grouping: Grouping = "manual",
    ) -> Created:
        if grouping not in GROUPINGS:
            raise StoreError(f"unknown grouping {grouping!r} (use one of {', '.join(GROUPINGS)})")
        holder: list[int] = []

        def build(conn: sqlite3.Connection) -> Operation:
            clean = _check_name(conn, name, None)
            briefing_id = self._db.next_id(conn, "briefings")
            holder[:] = [briefing_id]  # the build may run again (a retried transaction)
            now = timestamp()
            row = (
                briefing_id,
                clean,
                title or clean,
                author,
                date,
                marking,
                summary,
                grouping,
                now,
                now,
                self._db.author,
                self._db.author,
                ",".join(CHARTS),
                0,
            )
            snap = BriefingSnapshot(row, (), (), None)
            return _put("create briefing", briefing_id, None, snap)

        changes = self._run(build)
        return Created(self.load(holder[0]), changes)

    def update(self, ref: BriefingRef, **fields: str | bool | Iterable[str]) -> Changes:
        """Change any of name, title, author, date, marking, summary, grouping (text),
        charts (names from CHARTS) and section_breaks (bool)."""
        unknown = set(fields) - set(_FIELDS)
        if unknown:
            raise TypeError(f"unknown briefing fields: {', '.join(sorted(unknown))}")
        if "grouping" in fields and fields["grouping"] not in GROUPINGS:
            raise StoreError(f"unknown grouping {fields['grouping']!r}")
        if "charts" in fields:
            charts = fields["charts"]
            names = [c.strip() for c in charts.split(",")] if isinstance(charts, str) else charts
            wanted = {n for n in names if n}  # type: ignore[union-attr]
            if wanted - set(CHARTS):
                raise StoreError(
                    f"unknown chart {', '.join(sorted(wanted - set(CHARTS)))!r} "
                    f"(use {', '.join(CHARTS)})"
                )
            fields["charts"] = ",".join(c for c in CHARTS if c in wanted)
        if "section_breaks" in fields:
            fields["section_breaks"] = int(bool(fields["section_breaks"]))

        def change(conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            row = list(snap.row)
            for key, value in fields.items():
                row[_FIELDS[key]] = (
                    _check_name(conn, value, snap.row[0]) if key == "name" else value
                )
            return replace(snap, row=tuple(row))  # type: ignore[arg-type]

        return self._change("edit briefing", ref, change)

    def delete(self, ref: BriefingRef) -> Changes:
        return self._change("delete briefing", ref, lambda _c, _s: None)

    # -- items -----------------------------------------------------------
    def add(
        self, ref: BriefingRef, excerpt_ids: Iterable[int], *, section_id: int | None = None
    ) -> Changes:
        """Append excerpts (ones already in the briefing stay where they are)."""
        wanted = list(dict.fromkeys(excerpt_ids))

        def change(conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            if section_id is not None and section_id not in {s[0] for s in snap.sections}:
                raise NotFoundError(f"briefing {snap.row[1]!r} has no section {section_id}")
            have = {i[0] for i in snap.items}
            items = list(snap.items)
            for eid in wanted:
                if eid in have:
                    continue
                if not conn.execute("SELECT 1 FROM excerpts WHERE id = ?", (eid,)).fetchone():
                    raise NotFoundError("that excerpt is no longer in the work database")
                items.append((eid, section_id, len(items), ""))
            return replace(snap, items=_renumber(items))

        return self._change("add to briefing", ref, change)

    def remove(self, ref: BriefingRef, excerpt_ids: Iterable[int]) -> Changes:
        gone = set(excerpt_ids)
        return self._change(
            "remove from briefing",
            ref,
            lambda _c, s: replace(s, items=_renumber([i for i in s.items if i[0] not in gone])),
        )

    def set_comment(self, ref: BriefingRef, excerpt_id: int, comment: str) -> Changes:
        """The analyst's comment on one excerpt, in this briefing only."""

        def change(_conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            _require_item(snap, excerpt_id)
            items = tuple((e, s, p, comment if e == excerpt_id else c) for e, s, p, c in snap.items)
            return replace(snap, items=items)

        return self._change("edit briefing comment", ref, change)

    def reorder(self, ref: BriefingRef, excerpt_ids: Iterable[int]) -> Changes:
        """Put items in this order; items not named keep their order, after them."""
        order = list(dict.fromkeys(excerpt_ids))

        def change(_conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            by_id = {i[0]: i for i in snap.items}
            first = [by_id[e] for e in order if e in by_id]
            rest = [i for i in snap.items if i[0] not in set(order)]
            return replace(snap, items=_renumber(first + rest))

        return self._change("reorder briefing", ref, change)

    def move(self, ref: BriefingRef, excerpt_id: int, delta: int) -> Changes:
        """Move an item `delta` places up (<0) or down (>0) within its section
        as displayed (whatever the grouping); it stops at the section's ends."""

        def change(conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            _require_item(snap, excerpt_id)
            found = load_excerpts(
                conn,
                "WHERE e.id IN (SELECT excerpt_id FROM briefing_items WHERE briefing_id = ?)",
                (snap.row[0],),
            )
            sections = build_sections(snap, {e.id: e for e in found}, lambda _d: "")
            for section in sections:
                ids = [item.excerpt.id for item in section.items]
                if excerpt_id in ids:
                    break
            here = ids.index(excerpt_id)
            there = max(0, min(len(ids) - 1, here + delta))
            if here == there:
                return snap
            ids.insert(there, ids.pop(here))
            # The section's slots (positions) stay; its items fill them in the new order.
            slots = sorted(item.position for item in section.items)
            new_pos = dict(zip(ids, slots, strict=True))
            items = sorted(
                ((e, s, new_pos.get(e, p), c) for e, s, p, c in snap.items), key=lambda i: i[2]
            )
            return replace(snap, items=_renumber(items))

        return self._change("move in briefing", ref, change)

    def set_section(
        self, ref: BriefingRef, excerpt_ids: Iterable[int], section_id: int | None
    ) -> Changes:
        """Put items into a manual section (None: no section)."""
        moving = set(excerpt_ids)

        def change(_conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            if section_id is not None and section_id not in {s[0] for s in snap.sections}:
                raise NotFoundError(f"briefing {snap.row[1]!r} has no section {section_id}")
            items = tuple((e, section_id if e in moving else s, p, c) for e, s, p, c in snap.items)
            return replace(snap, items=items)

        return self._change("move to section", ref, change)

    # -- manual sections -------------------------------------------------
    def add_section(self, ref: BriefingRef, title: str) -> SectionAdded:
        holder: list[int] = []

        def change(conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            section_id = self._db.next_id(conn, "briefing_sections")
            holder[:] = [section_id]  # the build may run again (a retried transaction)
            return replace(snap, sections=(*snap.sections, (section_id, len(snap.sections), title)))

        changes = self._change("add section", ref, change)
        return SectionAdded(holder[0], changes)

    def rename_section(self, ref: BriefingRef, section_id: int, title: str) -> Changes:
        def change(_conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            _require_section(snap, section_id)
            sections = tuple((i, p, title if i == section_id else t) for i, p, t in snap.sections)
            return replace(snap, sections=sections)

        return self._change("rename section", ref, change)

    def remove_section(self, ref: BriefingRef, section_id: int) -> Changes:
        """Remove a section; its items stay in the briefing, without a section."""

        def change(_conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            _require_section(snap, section_id)
            sections = [s for s in snap.sections if s[0] != section_id]
            items = tuple((e, None if s == section_id else s, p, c) for e, s, p, c in snap.items)
            return replace(
                snap,
                sections=tuple((i, n, t) for n, (i, _p, t) in enumerate(sections)),
                items=items,
            )

        return self._change("remove section", ref, change)

    def move_section(self, ref: BriefingRef, section_id: int, delta: int) -> Changes:
        def change(_conn: sqlite3.Connection, snap: BriefingSnapshot) -> BriefingSnapshot:
            _require_section(snap, section_id)
            sections = list(snap.sections)
            here = next(n for n, s in enumerate(sections) if s[0] == section_id)
            there = max(0, min(len(sections) - 1, here + delta))
            sections.insert(there, sections.pop(here))
            return replace(snap, sections=tuple((i, n, t) for n, (i, _p, t) in enumerate(sections)))

        return self._change("move section", ref, change)


def _require_item(snap: BriefingSnapshot, excerpt_id: int) -> None:
    if excerpt_id not in {i[0] for i in snap.items}:
        raise NotFoundError(f"that excerpt is not in the briefing “{snap.row[1]}”")


def _require_section(snap: BriefingSnapshot, section_id: int) -> None:
    if section_id not in {s[0] for s in snap.sections}:
        raise NotFoundError(f"briefing {snap.row[1]!r} has no section {section_id}")
