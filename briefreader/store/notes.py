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

Several analysts may edit one note (a team workspace). Every save bumps the
note's `revision`; an editor passes the revision it started from
(`base=NoteBase.of(note)`). If someone saved in between, the two texts are
merged line by line when they touched different lines (`merged` in the
answer: show the merged text), and otherwise nothing is written and the
answer carries a `NoteConflict` with both texts for the analyst to resolve;
the unsaved text stays pending until they do. Without a base (the CLI), the
last save wins, as it always did for one analyst.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from briefreader.store.backend import Backend
from briefreader.store.changes import NO_CHANGES, Changes
from briefreader.store.db import timestamp
from briefreader.store.errors import (
    NotFoundError,
    StoreOfflineError,
    StoreReadOnlyError,
    StoreWriteError,
)
from briefreader.store.merge import merge3
from briefreader.store.undo import Operation, Put

NoteKind = Literal["document", "excerpt", "briefing", "memo"]
NoteFormat = Literal["plain", "markdown"]
Runner = Callable[[Callable[[sqlite3.Connection], Operation | None]], Changes]

_COLUMNS = (
    "id, target_kind, target_id, format, text, created, updated, created_by, updated_by, revision"
)
#: Indexes into a `NoteRow`.
FORMAT, TEXT, CREATED, UPDATED, CREATED_BY, UPDATED_BY, REVISION = 3, 4, 5, 6, 7, 8, 9


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
    created_by: str = ""  # the analyst who wrote it first ("" before authors were kept)
    updated_by: str = ""  # the analyst who saved this text
    revision: int = 1  # +1 on every save; editors save against the one they loaded


@dataclass(frozen=True, slots=True)
class NoteBase:
    """The note an editor started from: its revision (0: there was none) and text."""

    revision: int = 0
    text: str = ""

    @classmethod
    def of(cls, note: Note | None) -> NoteBase:
        return cls(note.revision, note.text) if note is not None else cls()


@dataclass(frozen=True, slots=True)
class NoteConflict:
    """Someone else changed (or deleted) the note on the same lines: choose or combine.

    `theirs` is the note as it now stands (None: they deleted it), `mine` the
    text that was not saved, `base` what both started from.
    """

    target: NoteTarget
    mine: str
    theirs: Note | None
    base: NoteBase


@dataclass(frozen=True, slots=True)
class NoteSave:
    """The answer to `save()`. When `saved` is False, `error` says why in one
    sentence and the text is still held in `Notes.pending()`; `conflict` is
    set when the reason is another analyst's change. `merged` is True when the
    saved text combines the analyst's edit with someone else's."""

    saved: bool
    note: Note | None
    changes: Changes
    error: str = ""
    conflict: NoteConflict | None = None
    merged: bool = False
    #: The team's server was out of reach: the text waits in the outbox (outbox.py).
    queued: bool = False
    #: The note this answer is about (also when it was deleted, `note` None).
    target: NoteTarget | None = None


NoteRow = tuple[int, str, str, str, str, str, str, str, str, int]


def row_to_note(row: NoteRow) -> Note:
    return Note(
        row[0], NoteTarget(row[1], row[2]), row[TEXT], row[FORMAT],  # type: ignore[arg-type]
        row[CREATED], row[UPDATED], row[CREATED_BY], row[UPDATED_BY], row[REVISION],
    )  # fmt: skip


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
        marks = ", ".join("?" * len(row))
        conn.execute(f"INSERT INTO notes ({_COLUMNS}) VALUES ({marks})", row)
        ids.add(row[0])
    return Changes(notes=frozenset(ids))


def _write(conn: sqlite3.Connection, key: NoteTarget, row: NoteRow | None) -> Changes:
    return write_row(conn, key, row)


def _author(row: NoteRow | None) -> str:
    return row[UPDATED_BY] if row else ""


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

    def __init__(self, db: Backend, run: Runner) -> None:
        self._db = db
        self._run = run
        self._pending: dict[NoteTarget, tuple[str, NoteFormat | None, NoteBase | None]] = {}
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
    def save(
        self,
        target: NoteTarget,
        text: str,
        *,
        format: NoteFormat | None = None,
        base: NoteBase | None = None,
    ) -> NoteSave:
        """Store `text` as the note on `target`; see the module docstring.

        Raises NotFoundError only for a note on an excerpt or briefing that
        does not exist (a caller's mistake, not a failed save).
        """
        with self._pending_lock:
            self._pending[target] = (text, format, base)
        outcome: dict[str, object] = {}

        def build(conn: sqlite3.Connection) -> Operation | None:
            outcome.clear()
            _require_target(conn, target)
            before = read_row(conn, target)
            outcome["row"] = before
            new_text = text
            if base is not None and (before[REVISION] if before else 0) != base.revision:
                theirs = before[TEXT] if before else ""
                merged = None if before is None else merge3(base.text, text, theirs)
                if merged is None and not (before is None and not text.strip()):
                    outcome["conflict"] = NoteConflict(
                        target, text, row_to_note(before) if before else None, base
                    )
                    return None
                new_text = merged if merged is not None else text
                outcome["merged"] = new_text != text
            fmt = format or (before[FORMAT] if before else "markdown")
            if before is not None and before[TEXT] == new_text and before[FORMAT] == fmt:
                return None
            if before is None and not new_text.strip():
                return None
            after: NoteRow | None = None
            if new_text.strip():
                now, me = timestamp(), self._db.author
                note_id = before[0] if before else self._db.next_id(conn, "notes")
                created, creator = (before[CREATED], before[CREATED_BY]) if before else (now, me)
                revision = before[REVISION] + 1 if before else 1
                after = (
                    note_id, target.kind, target.id, fmt, new_text, created, now,
                    creator, me, revision,
                )  # fmt: skip
            outcome["row"] = after
            label = "delete note" if after is None else "edit note"
            return Put(
                label, target, before, after, _write,
                coalesce=("note", target), read=read_row, who=_author,
            )  # fmt: skip

        try:
            changes = self._run(build)
        except StoreOfflineError:
            with self._pending_lock:  # the store's outbox keeps it on disk (outbox.py)
                if self._pending.get(target) == (text, format, base):
                    del self._pending[target]
            raise
        except (StoreReadOnlyError, StoreWriteError) as error:
            return NoteSave(
                False, None, NO_CHANGES, f"{error}; the note is kept in memory", target=target
            )
        except NotFoundError:
            with self._pending_lock:
                self._pending.pop(target, None)
            raise
        conflict = outcome.get("conflict")
        if isinstance(conflict, NoteConflict):
            who = conflict.theirs.updated_by if conflict.theirs else ""
            did = "changed" if conflict.theirs else "deleted"
            return NoteSave(
                False,
                None,
                NO_CHANGES,
                f"{who or 'someone else'} {did} this note while you were editing it; "
                "your text is kept: choose which to keep or combine them",
                conflict,
                target=target,
            )
        with self._pending_lock:
            if self._pending.get(target) == (text, format, base):
                del self._pending[target]
        row = outcome.get("row")
        note = row_to_note(row) if row else None  # type: ignore[arg-type]
        return NoteSave(True, note, changes, merged=bool(outcome.get("merged")), target=target)

    def delete(self, target: NoteTarget) -> Changes:
        """Remove the note on `target` (undoable). Raises StoreWriteError."""

        def build(conn: sqlite3.Connection) -> Operation | None:
            before = read_row(conn, target)
            if before is None:
                return None
            return Put("delete note", target, before, None, _write, read=read_row, who=_author)

        changes = self._run(build)
        with self._pending_lock:
            self._pending.pop(target, None)
        return changes

    # -- unsaved edits ---------------------------------------------------
    def pending(self) -> dict[NoteTarget, str]:
        """Edits whose save failed, by target: show them, keep them, retry them."""
        with self._pending_lock:
            return {target: text for target, (text, _f, _b) in self._pending.items()}

    def discard(self, target: NoteTarget) -> None:
        """Forget `target`'s unsaved text: the analyst kept another analyst's version
        of a conflicting note instead (their own text is then not kept anywhere)."""
        with self._pending_lock:
            self._pending.pop(target, None)

    def flush(self) -> list[NoteSave]:
        """Retry every pending save (call on focus change, switch and quit)."""
        with self._pending_lock:
            waiting = list(self._pending.items())
        return [
            self.save(target, text, format=fmt, base=base) for target, (text, fmt, base) in waiting
        ]
