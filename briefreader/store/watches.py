"""Standing queries: saved searches that run again on every import, and their inbox.

A watch is a named query and the moment up to which imports have been
checked against it (`checked`, UTC to the second). Its hits are the
documents found after it was saved; a hit waits in the inbox until the
analyst reads the document (read state) or marks the hit seen. Saving,
editing and deleting a watch are undo steps (deleting one and undoing it
brings its hits back); recording hits and marking them seen are not, like
read state: they are what happened, not edits.

The analysis package runs the queries (analysis/watch.py); this module only
keeps them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from briefreader.store.backend import Backend
from briefreader.store.changes import NO_CHANGES, Changes
from briefreader.store.db import timestamp
from briefreader.store.errors import NotFoundError
from briefreader.store.undo import Operation, Put

Runner = Callable[[Callable[[sqlite3.Connection], Operation | None]], Changes]
WatchRef = int | str

#: Hits waiting in the inbox: not marked seen, and their document not read.
#: Takes one parameter: whose reading counts (the store's `reader`; read state is per analyst).
_UNSEEN = (
    "h.seen = 0 AND NOT EXISTS (SELECT 1 FROM reading r "
    "WHERE r.analyst = ? AND r.doc_id = h.doc_id AND r.read = 1)"
)


@dataclass(frozen=True, slots=True)
class Watch:
    id: int
    name: str
    query: str
    created: str
    #: Imports up to this moment (UTC, "YYYY-MM-DDTHH:MM:SS") have been checked.
    checked: str
    hits: int = 0
    unseen: int = 0


@dataclass(frozen=True, slots=True)
class WatchHit:
    watch_id: int
    watch: str  # the watch's name
    doc_id: str
    found: str  # when the run found it (store timestamp)
    unseen: bool


# (id, name, query, created, checked), hits as (doc_id, found, seen)
_Snapshot = tuple[tuple[int, str, str, str, str], tuple[tuple[str, str, int], ...]]


def _write(conn: sqlite3.Connection, watch_id: int, snap: _Snapshot | None) -> Changes:
    conn.execute("DELETE FROM watches WHERE id = ?", (watch_id,))
    if snap is not None:
        conn.execute(
            "INSERT INTO watches (id, name, query, created, checked) VALUES (?, ?, ?, ?, ?)",
            snap[0],
        )
        conn.executemany(
            "INSERT INTO watch_hits (watch_id, doc_id, found, seen) VALUES (?, ?, ?, ?)",
            [(watch_id, *hit) for hit in snap[1]],
        )
    return Changes(watches=True)


def _snapshot(conn: sqlite3.Connection, watch_id: int) -> _Snapshot | None:
    row = conn.execute(
        "SELECT id, name, query, created, checked FROM watches WHERE id = ?", (watch_id,)
    ).fetchone()
    if row is None:
        return None
    hits = conn.execute(
        "SELECT doc_id, found, seen FROM watch_hits WHERE watch_id = ? ORDER BY found, doc_id",
        (watch_id,),
    ).fetchall()
    return (tuple(row), tuple(tuple(h) for h in hits))  # type: ignore[return-value]


def _resolve(conn: sqlite3.Connection, ref: WatchRef) -> int:
    if isinstance(ref, int):
        row = conn.execute("SELECT id FROM watches WHERE id = ?", (ref,)).fetchone()
    else:
        row = conn.execute(
            "SELECT id FROM watches WHERE name = ? COLLATE NOCASE", (ref.strip(),)
        ).fetchone()
    if row is None:
        raise NotFoundError(f"there is no standing query {ref!r}")
    return int(row[0])


class Watches:
    """The standing-query repository; reached as `Store.watches`."""

    def __init__(self, db: Backend, run: Runner) -> None:
        self._db = db
        self._run = run

    # -- reading ---------------------------------------------------------
    def list(self) -> list[Watch]:
        """Every watch with its hit counts, by name."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT w.id, w.name, w.query, w.created, w.checked, "
                "(SELECT COUNT(*) FROM watch_hits h WHERE h.watch_id = w.id), "
                f"(SELECT COUNT(*) FROM watch_hits h WHERE h.watch_id = w.id AND {_UNSEEN}) "
                "FROM watches w ORDER BY w.name COLLATE NOCASE",
                (self._db.reader,),
            ).fetchall()
        return [Watch(*row) for row in rows]

    def get(self, ref: WatchRef) -> Watch:
        """A watch by id or name (any case); raises NotFoundError."""
        with self._db.reading() as conn:
            watch_id = _resolve(conn, ref)
        return next(w for w in self.list() if w.id == watch_id)

    def hits(self, ref: WatchRef | None = None, *, unseen_only: bool = False) -> list[WatchHit]:
        """Hits newest first, of one watch or of all."""
        clauses, args = [], [self._db.reader]  # the first for the SELECT's own _UNSEEN
        with self._db.reading() as conn:
            if ref is not None:
                clauses.append("h.watch_id = ?")
                args.append(_resolve(conn, ref))
            if unseen_only:
                clauses.append(_UNSEEN)
                args.append(self._db.reader)
            where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
            rows = conn.execute(
                f"SELECT h.watch_id, w.name, h.doc_id, h.found, {_UNSEEN} FROM watch_hits h "
                f"JOIN watches w ON w.id = h.watch_id {where} "
                "ORDER BY h.found DESC, w.name, h.doc_id",
                args,
            ).fetchall()
        return [WatchHit(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]

    def found_already(self, watch_id: int, doc_ids: Iterable[str]) -> set[str]:
        """Which of `doc_ids` the watch has found before (read, seen or still waiting)."""
        ids = list(dict.fromkeys(doc_ids))
        found: set[str] = set()
        with self._db.reading() as conn:
            for start in range(0, len(ids), 500):  # under every backend's parameter limit
                chunk = ids[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                found.update(
                    row[0]
                    for row in conn.execute(
                        f"SELECT doc_id FROM watch_hits WHERE watch_id = ? AND doc_id IN ({marks})",
                        [watch_id, *chunk],
                    ).fetchall()
                )
        return found

    def unseen_count(self) -> int:
        """Documents waiting in the inbox (one document found by two watches counts once)."""
        with self._db.reading() as conn:
            row = conn.execute(
                f"SELECT COUNT(DISTINCT h.doc_id) FROM watch_hits h WHERE {_UNSEEN}",
                (self._db.reader,),
            ).fetchone()
        return int(row[0])

    # -- saving (undo steps) -----------------------------------------------
    def add(self, name: str, query: str, *, checked: str) -> Changes:
        """Save a watch; imports after `checked` will be run against it."""
        name, query = name.strip(), query.strip()
        if not name or not query:
            raise ValueError("a standing query needs a name and a query")

        def build(conn: sqlite3.Connection) -> Operation:
            if conn.execute(
                "SELECT 1 FROM watches WHERE name = ? COLLATE NOCASE", (name,)
            ).fetchone():
                raise ValueError(f"there is already a standing query called {name!r}")
            watch_id = self._db.next_id(conn, "watches")
            after = ((watch_id, name, query, timestamp(), checked), ())
            return Put(f"save the standing query {name!r}", watch_id, None, after, _write)

        return self._run(build)

    def edit(self, ref: WatchRef, *, name: str | None = None, query: str | None = None) -> Changes:
        """Rename a watch or change its query (its hits so far stay)."""

        def build(conn: sqlite3.Connection) -> Operation | None:
            watch_id = _resolve(conn, ref)
            before = _snapshot(conn, watch_id)
            assert before is not None
            row = list(before[0])
            if name is not None and name.strip():
                row[1] = name.strip()
            if query is not None and query.strip():
                row[2] = query.strip()
            after = (tuple(row), before[1])
            if after == before:
                return None
            return Put(f"edit the standing query {row[1]!r}", watch_id, before, after, _write)

        return self._run(build)

    def remove(self, ref: WatchRef) -> Changes:
        """Delete a watch and its hits (Ctrl+Z brings both back)."""

        def build(conn: sqlite3.Connection) -> Operation:
            watch_id = _resolve(conn, ref)
            before = _snapshot(conn, watch_id)
            assert before is not None
            return Put(
                f"delete the standing query {before[0][1]!r}", watch_id, before, None, _write
            )

        return self._run(build)

    # -- what happened (no undo) -------------------------------------------
    def record(self, found: Mapping[int, Iterable[str]], *, checked: str) -> Changes:
        """Add one run's hits (watch id -> documents; those already found stay as they
        were) and move each watch's `checked` to the run's start, in one transaction."""
        runs = {watch_id: list(dict.fromkeys(ids)) for watch_id, ids in found.items()}
        stamp = timestamp()

        def write(conn: sqlite3.Connection) -> int:
            added = 0
            for watch_id, ids in runs.items():
                if not conn.execute(
                    "UPDATE watches SET checked = ? WHERE id = ?", (checked, watch_id)
                ).rowcount:
                    continue  # deleted while it ran
                for doc_id in ids:
                    added += conn.execute(
                        "INSERT INTO watch_hits (watch_id, doc_id, found, seen) "
                        "VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING",
                        (watch_id, doc_id, stamp),
                    ).rowcount
            return added

        return Changes(watches=True) if self._db.write(write) else NO_CHANGES

    def mark_seen(self, doc_ids: Iterable[str] | None = None) -> Changes:
        """Take hits out of the inbox without reading them: these documents', or all."""
        ids = None if doc_ids is None else list(dict.fromkeys(doc_ids))

        def write(conn: sqlite3.Connection) -> int:
            if ids is None:
                return conn.execute("UPDATE watch_hits SET seen = 1 WHERE seen = 0").rowcount
            return sum(
                conn.execute(
                    "UPDATE watch_hits SET seen = 1 WHERE doc_id = ? AND seen = 0", (doc_id,)
                ).rowcount
                for doc_id in ids
            )

        return Changes(watches=True) if self._db.write(write) else NO_CHANGES
