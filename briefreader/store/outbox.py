"""Writes made while the team's server is out of reach, kept on disk until it is back.

When the server restarts or the network drops, a note, an excerpt, a tag or
a briefing change must not be lost. Every mutating call of the store's
repositories is wrapped (`Outbox.wrap`): if the backend says the server
cannot be reached, the call itself (its name and arguments, as JSON) goes
into a small SQLite file on this machine (`DataPaths.outbox_db`, written
with synchronous=FULL), and the caller is told the change is waiting
(`StoreQueuedError`; a note save answers `NoteSave(queued=True)`).

Queued calls are sent in order, before any newer write (so they land in the
order the analyst made them): at the next write, when the listener sees the
server again, and when the store opens or closes. Each is replayed through
the same repository method, so it is checked against the server's current
state like any write: a queued note save carries the revision it was typed
against, and if someone else changed that note meanwhile it is merged, or
else saved with both texts between conflict markers for the analyst to
resolve (never dropped). A call the server refuses for good (the excerpt it
tags was deleted) is set aside in the same file with the reason, and
reported, never silently discarded.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefreader.domain import Mention
from briefreader.store.changes import NO_CHANGES, Changes
from briefreader.store.db import timestamp
from briefreader.store.errors import StoreError, StoreOfflineError
from briefreader.store.notes import NoteBase, NoteSave, NoteTarget

#: The repository methods that change something, by repository.
MUTATIONS: Mapping[str, tuple[str, ...]] = {
    "notes": ("save", "delete"),
    "excerpts": (
        "capture", "set_comment", "set_priority", "toggle_priority", "set_credibility",
        "set_claim", "add_tags", "remove_tags", "rename_tag", "delete",
    ),
    "briefings": (
        "create", "update", "delete", "add", "remove", "set_comment", "reorder", "move",
        "set_section", "add_section", "rename_section", "remove_section", "move_section",
    ),
    "grades": ("set_publisher", "set_documents", "follow_version"),
    "reading": ("set_read", "set_position"),
    "watches": ("add", "edit", "remove", "record", "mark_seen"),
}  # fmt: skip

_SCHEMA = """
CREATE TABLE IF NOT EXISTS queued (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace TEXT NOT NULL,
    call TEXT NOT NULL,
    args TEXT NOT NULL,
    queued_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS refused (
    seq INTEGER PRIMARY KEY,
    workspace TEXT NOT NULL,
    call TEXT NOT NULL,
    args TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    reason TEXT NOT NULL
);
"""


class StoreQueuedError(StoreOfflineError):
    """The server is out of reach: the change was kept on this machine and will be sent."""


@dataclass(frozen=True, slots=True)
class Sent:
    """What one drain did: calls sent, their changes, and calls the server refused."""

    sent: int
    changes: Changes
    refused: tuple[str, ...]  # one sentence per refused call
    waiting: int  # still queued (the server went away again)


# -- arguments as JSON ---------------------------------------------------------------


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, NoteTarget):
        return {"$": "target", "kind": value.kind, "id": value.id}
    if isinstance(value, NoteBase):
        return {"$": "base", "revision": value.revision, "text": value.text}
    if isinstance(value, Mention):
        return {"$": "mention", **value._asdict()}
    if isinstance(value, Mapping):
        return {"$": "map", "items": {str(k): _encode(v) for k, v in value.items()}}
    if isinstance(value, Iterable):
        return [_encode(v) for v in value]
    raise TypeError(f"cannot keep a {type(value).__name__} in the outbox")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        kind = value.get("$")
        if kind == "target":
            return NoteTarget(value["kind"], value["id"])
        if kind == "base":
            return NoteBase(value["revision"], value["text"])
        if kind == "mention":
            return Mention(**{k: v for k, v in value.items() if k != "$"})
        if kind == "map":
            return {k: _decode(v) for k, v in value["items"].items()}
    return value


def _materialise(value: Any) -> Any:
    """Generators and other one-shot iterables as lists (they are read twice)."""
    if isinstance(value, str | bytes | Mapping | NoteTarget | NoteBase | Mention) or value is None:
        return value
    if isinstance(value, Iterable) and not isinstance(value, list | tuple):
        return list(value)
    return value


def conflict_text(mine: str, theirs: str, who: str, when: str) -> str:
    """Both texts of a note two analysts changed apart, for the analyst to resolve."""
    return (
        f"<<<<<<< your text, written while the team server was out of reach\n{mine.rstrip()}\n"
        f"======= {who or 'another analyst'}'s text, saved {when}\n{theirs.rstrip()}\n"
        ">>>>>>> keep one, or combine them, and delete these marker lines\n"
    )


class Outbox:
    """The durable queue of one analyst's writes to one workspace."""

    def __init__(self, path: Path, workspace: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.executescript(_SCHEMA)
        self._workspace = workspace
        self._lock = threading.RLock()
        self._calls: dict[str, Callable[..., Any]] = {}
        self._waiting = self._count()
        # Wrapped calls made by another wrapped call (toggle_priority calls
        # set_priority) or by a drain go straight through: the outermost call
        # is the one queued.
        self._depth = threading.local()

    # -- wrapping ----------------------------------------------------------
    def wrap(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        """`method` that queues itself when the server is out of reach."""
        self._calls[name] = method

        @functools.wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            if getattr(self._depth, "n", 0):
                return method(*args, **kwargs)
            args = tuple(_materialise(a) for a in args)
            kwargs = {k: _materialise(v) for k, v in kwargs.items()}
            with self._lock:
                if self._waiting:
                    self.drain()
                self._depth.n = 1
                try:
                    if self._waiting:  # still out of reach: stay behind the others
                        raise StoreOfflineError("the team server cannot be reached")
                    return method(*args, **kwargs)
                except StoreOfflineError as error:
                    self._put(name, args, kwargs)
                    return self._queued_answer(name, args, error)
                finally:
                    self._depth.n = 0

        return call

    def _queued_answer(self, name: str, args: tuple[Any, ...], error: StoreError) -> Any:
        message = (
            f"{error}; the change is kept on this machine and will be sent when the server is back"
        )
        if name == "notes.save":
            return NoteSave(False, None, NO_CHANGES, message, queued=True, target=args[0])
        raise StoreQueuedError(message)

    # -- the queue ------------------------------------------------------------
    def _put(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        payload = json.dumps({"args": _encode(args), "kwargs": _encode(kwargs)})
        with self._lock:
            if name == "notes.save":  # only the newest text of a note needs sending
                target = json.dumps(_encode(args[0]))
                for seq, old in self._db.execute(
                    "SELECT seq, args FROM queued WHERE workspace = ? AND call = ?",
                    (self._workspace, name),
                ).fetchall():
                    if json.dumps(json.loads(old)["args"][0]) == target:
                        self._db.execute("DELETE FROM queued WHERE seq = ?", (seq,))
            self._db.execute(
                "INSERT INTO queued (workspace, call, args, queued_at) VALUES (?, ?, ?, ?)",
                (self._workspace, name, payload, timestamp()),
            )
            self._waiting = self._count()

    def _count(self) -> int:
        return int(
            self._db.execute(
                "SELECT COUNT(*) FROM queued WHERE workspace = ?", (self._workspace,)
            ).fetchone()[0]
        )

    @property
    def waiting(self) -> int:
        """How many changes wait for the server."""
        return self._waiting

    def refused(self) -> list[tuple[str, str, str]]:
        """(call, queued at, why) for queued changes the server refused."""
        return self._db.execute(
            "SELECT call, queued_at, reason FROM refused WHERE workspace = ? ORDER BY seq",
            (self._workspace,),
        ).fetchall()

    def drain(self) -> Sent:
        """Send queued calls in order until done or the server goes away again."""
        with self._lock:
            self._depth.n = 1
            try:
                return self._drain()
            finally:
                self._depth.n = 0

    def _drain(self) -> Sent:
        sent, changes, refused = 0, NO_CHANGES, []
        rows = self._db.execute(
            "SELECT seq, call, args, queued_at FROM queued WHERE workspace = ? ORDER BY seq",
            (self._workspace,),
        ).fetchall()
        for seq, name, payload, queued_at in rows:
            data = json.loads(payload)
            args, kwargs = _decode(data["args"]), _decode(data["kwargs"])
            try:
                result = self._send(name, args, kwargs)
            except StoreOfflineError:
                break
            except (StoreError, ValueError) as error:
                self._db.execute("BEGIN IMMEDIATE")  # set aside and dequeued together
                try:
                    self._db.execute(
                        "INSERT INTO refused (seq, workspace, call, args, queued_at, reason) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (seq, self._workspace, name, payload, queued_at, str(error)),
                    )
                    self._db.execute("DELETE FROM queued WHERE seq = ?", (seq,))
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                refused.append(f"{name.replace('.', ' ')} ({queued_at}): {error}")
                continue
            # Sent: forget it. A crash right here sends it once more at the next
            # start, which a note's save absorbs; losing it is the one thing ruled out.
            self._db.execute("DELETE FROM queued WHERE seq = ?", (seq,))
            sent += 1
            changes = changes | _changes_of(result)
        self._waiting = self._count()
        return Sent(sent, changes, tuple(refused), self._waiting)

    def _send(self, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        method = self._calls[name]
        result = method(*args, **kwargs)
        if name == "notes.save" and isinstance(result, NoteSave) and result.conflict is not None:
            c = result.conflict
            theirs = c.theirs.text if c.theirs else ""
            who = c.theirs.updated_by if c.theirs else ""
            when = c.theirs.updated if c.theirs else ""
            text = conflict_text(c.mine, theirs, who, when) if theirs else c.mine
            result = method(c.target, text, **{k: v for k, v in kwargs.items() if k != "base"})
        if isinstance(result, NoteSave) and not result.saved:
            raise StoreError(result.error)
        return result

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _changes_of(result: Any) -> Changes:
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else NO_CHANGES
