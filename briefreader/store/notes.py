"""Notes: one per document, excerpt or briefing, plus one free memo.

`save()` is what the GUI calls within a second of typing and again on every
focus change, document switch and quit, so it is cheap and idempotent: saving
the text the note already holds writes nothing. It never raises for a failed
write: it answers with a `NoteSave` saying why, and keeps the text in
`pending()` until a later save or `flush()` succeeds, so the analyst's words
survive a full disk or a read-only folder for as long as the app runs
(Zotero lost notes to a debounce timer cancelled by navigation; here
nothing is cancelled, only retried).

Saving whitespace only deletes the note. Consecutive saves of one note
coalesce into one undo step (undo.COALESCE_SECONDS).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from briefreader.store.changes import NO_CHANGES, Changes
from briefreader.store.db import Database, next_id, timestamp
from briefreader.store.errors import NotFoundError, StoreReadOnlyError, StoreWriteError
from briefreader.store.undo import Operation, Put

NoteKind = Literal["document", "excerpt", "briefing", "memo"]
NoteFormat = Literal["plain", "markdown"]
Runner = Callable[[Callable[[sqlite3.Connection], Operation | None]], Changes]

_COLUMNS = "id, target_kind, target_id, format, text, created, updated"


@dataclass(frozen=True, slots=True)
class NoteTarget:
    """What a note is attached to. `id` is a document id, or an excerpt's or
    briefing's id as a string; the memo has kind "memo" and id ""."""

    kind: NoteKind
    id: str = ""

    @classmethod
    def document(cls, doc_id: str) -> NoteTarget:
        return cls("document", doc_id)

    @classmethod
    def excerpt(cls, excerpt_id: int) -> NoteTarget:
        return cls("excerpt", str(excerpt_id))

    @classmethod
    def briefing(cls, briefing_id: int) -> NoteTarget:
        return cls("briefing", str(briefing_id))

    @classmethod
    def memo(cls) -> NoteTarget:
        return cls("memo", "")


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    target: NoteTarget
    text: str
    format: NoteFormat
    created: str  # ISO 8601 UTC
    updated: str


@dataclass(frozen=True, slots=True)
class NoteSave:
    """The answer to `save()`. When `saved` is False, `error` says why in one
    sentence and the text is still held in `Notes.pending()`."""

    saved: bool
    note: Note | None
    changes: Changes
    error: str = ""


NoteRow = tuple[int, str, str, str, str, str, str]


def row_to_note(row: NoteRow) -> Note:
    return Note(row[0], NoteTarget(row[1], row[2]), row[4], row[3], row[5], row[6])  # type: ignore[arg-type]


def read_row(conn: sqlite3.Connection, target: NoteTarget) -> NoteRow | None:
    return conn.execute(
        f"SELECT {_COLUMNS} FROM notes WHERE target_kind = ? AND target_id = ?",
        (target.kind, target.id),
    ).fetchone()


def write_row(conn: sqlite3.Connection, target: NoteTarget, row: NoteRow | None) -> Changes:
    """Make the note on `target` exactly `row` (None: no note). Used by undo."""
    old = conn.execute(
        "DELETE FROM notes WHERE target_kind = ? AND target_id = ? RETURNING id",
        (target.kind, target.id),
    ).fetchall()
    ids = {r[0] for r in old}
    if row is not None:
        conn.execute(f"INSERT INTO notes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", row)
        ids.add(row[0])
    return Changes(notes=frozenset(ids))


def _write(conn: sqlite3.Connection, key: NoteTarget, row: NoteRow | None) -> Changes:
    return write_row(conn, key, row)


def _require_target(conn: sqlite3.Connection, target: NoteTarget) -> None:
    """Excerpt and briefing notes need their excerpt or briefing to exist."""
    table = {"excerpt": "excerpts", "briefing": "briefings"}.get(target.kind)
    if table is None:
        return
    exists = (
        target.id.isdigit()
        and conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (int(target.id),)).fetchone()
    )
    if not exists:
        raise NotFoundError(f"there is no {target.kind} {target.id} to attach a note to")


class Notes:
    """The notes repository; reached as `Store.notes`."""

    def __init__(self, db: Database, run: Runner) -> None:
        self._db = db
        self._run = run
        self._pending: dict[NoteTarget, tuple[str, NoteFormat | None]] = {}
        self._pending_lock = threading.Lock()

    # -- reading ---------------------------------------------------------
    def get(self, target: NoteTarget) -> Note | None:
        with self._db.reading() as conn:
            row = read_row(conn, target)
        return row_to_note(row) if row else None

    def by_id(self, note_id: int) -> Note | None:
        with self._db.reading() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        return row_to_note(row) if row else None

    def memo(self) -> Note | None:
        return self.get(NoteTarget.memo())

    def all(self, kind: NoteKind | None = None) -> list[Note]:
        """Every note (optionally of one target kind), most recently updated first."""
        sql = f"SELECT {_COLUMNS} FROM notes"
        args: tuple[str, ...] = ()
        if kind is not None:
            sql += " WHERE target_kind = ?"
            args = (kind,)
        with self._db.reading() as conn:
            rows = conn.execute(sql + " ORDER BY updated DESC, id DESC", args).fetchall()
        return [row_to_note(r) for r in rows]

    def iter_notes(self) -> Iterator[Note]:
        """Every note, for the search index (id, target, text, updated)."""
        yield from self.all()

    # -- writing ---------------------------------------------------------
    def save(self, target: NoteTarget, text: str, *, format: NoteFormat | None = None) -> NoteSave:
        """Store `text` as the note on `target`; see the module docstring.

        Raises NotFoundError only for a note on an excerpt or briefing that
        does not exist (a caller's mistake, not a failed save).
        """
        with self._pending_lock:
            self._pending[target] = (text, format)
        result_row: list[NoteRow | None] = [None]

        def build(conn: sqlite3.Connection) -> Operation | None:
            _require_target(conn, target)
            before = read_row(conn, target)
            result_row[0] = before
            fmt = format or (before[3] if before else "markdown")
            if before is not None and before[4] == text and before[3] == fmt:
                return None
            if before is None and not text.strip():
                return None
            after: NoteRow | None = None
            if text.strip():
                now = timestamp()
                note_id = before[0] if before else next_id(conn, "notes")
                created = before[5] if before else now
                after = (note_id, target.kind, target.id, fmt, text, created, now)
            result_row[0] = after
            label = "delete note" if after is None else "edit note"
            return Put(label, target, before, after, _write, coalesce=("note", target))

        try:
            changes = self._run(build)
        except (StoreReadOnlyError, StoreWriteError) as error:
            return NoteSave(False, None, NO_CHANGES, f"{error}; the note is kept in memory")
        except NotFoundError:
            with self._pending_lock:
                self._pending.pop(target, None)
            raise
        with self._pending_lock:
            if self._pending.get(target) == (text, format):
                del self._pending[target]
        row = result_row[0]
        return NoteSave(True, row_to_note(row) if row else None, changes)

    def delete(self, target: NoteTarget) -> Changes:
        """Remove the note on `target` (undoable). Raises StoreWriteError."""

        def build(conn: sqlite3.Connection) -> Operation | None:
            before = read_row(conn, target)
            return None if before is None else Put("delete note", target, before, None, _write)

        changes = self._run(build)
        with self._pending_lock:
            self._pending.pop(target, None)
        return changes

    # -- unsaved edits ---------------------------------------------------
    def pending(self) -> dict[NoteTarget, str]:
        """Edits whose save failed, by target: show them, keep them, retry them."""
        with self._pending_lock:
            return {target: text for target, (text, _) in self._pending.items()}

    def flush(self) -> list[NoteSave]:
        """Retry every pending save (call on focus change, switch and quit)."""
        with self._pending_lock:
            waiting = list(self._pending.items())
        return [self.save(target, text, format=fmt) for target, (text, fmt) in waiting]
