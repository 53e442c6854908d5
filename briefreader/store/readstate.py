"""Read/unread and reading position per document.

These are the analyst's work too (what have I read, where was I), so they
live in the work database, not in the UI's state file. They are not undo
steps: marking read and scrolling are navigation, not edits. Saving a
position is idempotent and cheap, so the reader can call it on every
document switch and at quit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from briefreader.store.backend import Backend
from briefreader.store.changes import NO_CHANGES, Changes
from briefreader.store.db import timestamp


@dataclass(frozen=True, slots=True)
class ReadingState:
    doc_id: str
    read: bool = False
    position: int = 0  # character offset into Document.body of the top of the view
    updated: str = ""


class Reading:
    """The read-state repository; reached as `Store.reading`."""

    def __init__(self, db: Backend) -> None:
        self._db = db
        self._me = db.reader  # read state is each analyst's own

    def get(self, doc_id: str) -> ReadingState:
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT read, position, updated FROM reading WHERE analyst = ? AND doc_id = ?",
                (self._me, doc_id),
            ).fetchone()
        return ReadingState(doc_id, bool(row[0]), row[1], row[2]) if row else ReadingState(doc_id)

    def all(self) -> dict[str, ReadingState]:
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT doc_id, read, position, updated FROM reading WHERE analyst = ?",
                (self._me,),
            ).fetchall()
        return {d: ReadingState(d, bool(r), p, u) for d, r, p, u in rows}

    def read_ids(self) -> set[str]:
        with self._db.reading() as conn:
            return {
                r[0]
                for r in conn.execute(
                    "SELECT doc_id FROM reading WHERE analyst = ? AND read = 1", (self._me,)
                )
            }

    def set_read(self, doc_ids: Iterable[str], read: bool = True) -> Changes:
        """Mark documents read (or unread); reports only those that changed."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return NO_CHANGES

        def write(conn: sqlite3.Connection) -> set[str]:
            changed = set()
            now = timestamp()
            for doc_id in ids:
                cur = conn.execute(
                    "INSERT INTO reading (analyst, doc_id, read, position, updated) "
                    "VALUES (?, ?, ?, 0, ?) "
                    "ON CONFLICT (analyst, doc_id) DO UPDATE SET read = excluded.read, "
                    "updated = excluded.updated WHERE reading.read != excluded.read",
                    (self._me, doc_id, int(read), now),
                )
                if cur.rowcount:
                    changed.add(doc_id)
            return changed

        return Changes(documents=frozenset(self._db.write(write)))

    def set_position(self, doc_id: str, position: int) -> Changes:
        """Remember where the analyst is in a document (no write if unchanged)."""
        if position < 0:
            raise ValueError("a reading position cannot be negative")

        def write(conn: sqlite3.Connection) -> int:
            return conn.execute(
                "INSERT INTO reading (analyst, doc_id, read, position, updated) "
                "VALUES (?, ?, 0, ?, ?) "
                "ON CONFLICT (analyst, doc_id) DO UPDATE SET position = excluded.position, "
                "updated = excluded.updated WHERE reading.position != excluded.position",
                (self._me, doc_id, position, timestamp()),
            ).rowcount

        return Changes(documents=frozenset({doc_id})) if self._db.write(write) else NO_CHANGES
