"""Undo and redo as a pure-Python stack of reversible operations.

Every note, excerpt, tag and briefing action is recorded as a `Put`: "this
thing's state was `before`, make it `after`", where a state is a complete
snapshot of the thing (for an excerpt: its row, tags, entities, note and
briefing memberships) or None when it does not exist. Applying a Put writes
the snapshot; its inverse is the same Put with before and after swapped. So
create, edit and delete need no special cases, deleting an excerpt and
undoing it brings back its tags, note and place in every briefing, and an
operation can always be undone after a restart of the UI (not of the app:
the stack lives in memory). A `Batch` groups several Puts into one step
(tagging ten excerpts is one Ctrl+Z).

The store applies the operation inside a transaction and only then records
it, so a failed write never leaves an entry that undoes nothing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from briefreader.store.changes import NO_CHANGES, Changes

#: Consecutive saves of the same note less than this many seconds apart are one undo
#: step, so autosave every second does not make Ctrl+Z crawl back a word at a time...
COALESCE_SECONDS = 60.0
#: ...but one step never spans more than this, so an hour of writing is not one step.
COALESCE_SPAN = 300.0
#: Steps kept; the oldest fall off.
HISTORY_LIMIT = 1_000

Writer = Callable[[sqlite3.Connection, Any, Any], Changes]
Reader = Callable[[sqlite3.Connection, Any], Any]


class Operation(Protocol):
    """A reversible change: `apply` it in a transaction, `inverse` undoes it."""

    @property
    def label(self) -> str: ...

    def apply(self, conn: sqlite3.Connection) -> Changes: ...

    def inverse(self) -> Operation: ...


@dataclass(frozen=True, slots=True)
class Put:
    """Set the thing at `key` from snapshot `before` to snapshot `after`."""

    label: str
    key: Any
    before: Any
    after: Any
    write: Writer = field(repr=False, compare=False)
    #: Puts with equal, non-None coalesce keys recorded back to back merge.
    coalesce: Hashable | None = None
    #: Reads the thing's current snapshot: undo checks nobody changed it since.
    read: Reader | None = field(default=None, repr=False, compare=False)
    #: Who made a snapshot what it is (for "bob changed it since").
    who: Callable[[Any], str] | None = field(default=None, repr=False, compare=False)

    def apply(self, conn: sqlite3.Connection) -> Changes:
        return self.write(conn, self.key, self.after)

    def inverse(self) -> Put:
        return replace(self, before=self.after, after=self.before)

    @property
    def changes_anything(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True, slots=True)
class Batch:
    """Several operations undone and redone as one step."""

    label: str
    ops: tuple[Operation, ...]

    def apply(self, conn: sqlite3.Connection) -> Changes:
        changes = NO_CHANGES
        for op in self.ops:
            changes = changes | op.apply(conn)
        return changes

    def inverse(self) -> Batch:
        return Batch(self.label, tuple(op.inverse() for op in reversed(self.ops)))


def puts(op: Operation) -> list[Put]:
    """The Puts an operation is made of, in order."""
    if isinstance(op, Put):
        return [op]
    if isinstance(op, Batch):
        return [p for inner in op.ops for p in puts(inner)]
    return []


def changed_since(op: Operation, conn: sqlite3.Connection, *, undoing: bool) -> Put | None:
    """The first part of `op` whose thing is no longer as `op` left it (undo) or
    found it (redo): someone else changed it in between. None: safe to go on."""
    for put in puts(op):
        if put.read is None:
            continue
        expected = put.after if undoing else put.before
        if put.read(conn, put.key) != expected:
            return put
    return None


def batch(label: str, ops: Sequence[Operation]) -> Operation | None:
    """One op for `ops`: None if empty, the op itself if single, else a Batch."""
    kept = [op for op in ops if not isinstance(op, Put) or op.changes_anything]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else Batch(label, tuple(kept))


@dataclass(slots=True)
class _Entry:
    op: Operation
    at: float  # when last recorded or merged into
    started: float  # when first recorded


class History:
    """The undo and redo stacks. Not thread-safe on its own: the Store locks."""

    def __init__(
        self, limit: int = HISTORY_LIMIT, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._undo: list[_Entry] = []
        self._redo: list[Operation] = []
        self._limit = limit
        self._clock = clock

    def record(self, op: Operation) -> None:
        """Remember an applied op; a new action forgets what could be redone."""
        now = self._clock()
        self._redo.clear()
        top = self._undo[-1] if self._undo else None
        if (
            top is not None
            and isinstance(op, Put)
            and isinstance(top.op, Put)
            and op.coalesce is not None
            and op.coalesce == top.op.coalesce
            and now - top.at <= COALESCE_SECONDS
            and now - top.started <= COALESCE_SPAN
        ):
            merged = replace(op, before=top.op.before)
            if merged.changes_anything:
                self._undo[-1] = _Entry(merged, now, top.started)
            else:
                self._undo.pop()  # typed and deleted again: nothing to undo
            return
        self._undo.append(_Entry(op, now, now))
        del self._undo[: -self._limit]

    def next_undo(self) -> Operation | None:
        return self._undo[-1].op if self._undo else None

    def next_redo(self) -> Operation | None:
        return self._redo[-1] if self._redo else None

    def undone(self) -> None:
        """The top undo step was reverted: it becomes redoable."""
        self._redo.append(self._undo.pop().op)

    def redone(self) -> None:
        """The top redo step was reapplied: it becomes undoable again."""
        op = self._redo.pop()
        self._undo.append(_Entry(op, float("-inf"), float("-inf")))  # never merge into it

    def drop_undo(self) -> None:
        """Forget the top undo step (it can no longer be undone safely)."""
        self._undo.pop()

    def drop_redo(self) -> None:
        self._redo.pop()

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].op.label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None
