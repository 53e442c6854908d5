"""The change journal: who changed what, when, and a nudge to everyone else.

Every write to the team workspace appends one journal row in the same
transaction (its author is the server's `current_user`, which a client
cannot forge, and its time the server's clock) and sends `NOTIFY
briefreader` with the row's number, delivered only when the transaction
commits. A `Listener` in each client waits for those nudges on its own
connection and reads the journal past the last row it saw, so nothing is
missed when a nudge is lost: after a dropped connection it reconnects with
backoff and catches up from where it was. Rows a client wrote itself (same
`client` id) are skipped: it has already shown its own changes.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg

from briefreader.workspace.connection import Connection, open_raw
from briefreader.workspace.settings import Workspace

CHANNEL = "briefreader"
#: This process's id in the journal (a Store takes its own, see `new_client_id`).
PROCESS_CLIENT = uuid.uuid4().hex
#: How long the listener waits for a nudge before checking whether it should stop.
POLL_SECONDS = 0.5
_BACKOFF = (0.2, 0.5, 1.0, 2.0, 5.0)


def new_client_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Entry:
    seq: int
    at: str  # ISO 8601 UTC, like the store's own timestamps
    author: str  # the database role that made the change
    client: str
    kind: str
    payload: dict[str, Any]


def record(conn: Connection, client: str, kind: str, payload: dict[str, Any]) -> int:
    """Append a journal row and queue the nudge (sent when the transaction commits)."""
    seq = conn.execute(
        "INSERT INTO journal (client, kind, payload) VALUES (?, ?, ?) RETURNING seq",
        (client, kind, json.dumps(payload, sort_keys=True)),
    ).fetchone()[0]
    conn.execute("SELECT pg_notify(?, ?)", (CHANNEL, str(seq)))
    return int(seq)


def last_seq(conn: Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM journal").fetchone()[0])


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def since(conn: Connection | psycopg.Connection, after: int, limit: int = 10_000) -> list[Entry]:
    """Journal rows after `after`, oldest first."""
    sql = (
        "SELECT seq, at, author, client, kind, payload FROM journal "
        "WHERE seq > ? ORDER BY seq LIMIT ?"
    )
    if isinstance(conn, Connection):
        rows = conn.execute(sql, (after, limit)).fetchall()
    else:
        rows = conn.execute(sql.replace("?", "%s"), (after, limit)).fetchall()
    return [Entry(r[0], _iso(r[1]), r[2], r[3], r[4], json.loads(r[5])) for r in rows]


class Listener:
    """A daemon thread calling `on_entries` with other clients' journal rows.

    `on_state(True/False)` reports the connection coming and going (for a
    "reconnecting…" notice). Both callbacks run on the listener's thread:
    a GUI marshals them to its own.
    """

    def __init__(
        self,
        workspace: Workspace,
        schema: str,
        client: str,
        after: int,
        on_entries: Callable[[list[Entry]], None],
        on_state: Callable[[bool], None] | None = None,
    ) -> None:
        self._workspace = workspace
        self._schema = schema
        self._client = client
        self.last_seen = after
        self._on_entries = on_entries
        self._on_state = on_state or (lambda _up: None)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="briefreader-listener", daemon=True)
        self.connected = threading.Event()

    def start(self) -> Listener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                with open_raw(self._workspace, application_name="briefreader listener") as conn:
                    conn.execute("SELECT set_config('search_path', %s, false)", (self._schema,))
                    conn.execute(f"LISTEN {CHANNEL}")
                    failures = 0
                    self.connected.set()
                    self._on_state(True)
                    self._catch_up(conn)  # whatever happened while we were away
                    while not self._stop.is_set():
                        # Drained with list(): a half-consumed notifies() generator
                        # keeps the connection's lock, and the catch-up would wait forever.
                        nudges = list(conn.notifies(timeout=POLL_SECONDS, stop_after=1))
                        if nudges:
                            self._catch_up(conn)
            except Exception:  # the server went away (or never answered): wait, then retry
                if self.connected.is_set():
                    self.connected.clear()
                    self._on_state(False)
                self._stop.wait(_BACKOFF[min(failures, len(_BACKOFF) - 1)])
                failures += 1

    def _catch_up(self, conn: psycopg.Connection) -> None:
        while True:
            entries = since(conn, self.last_seen)
            if not entries:
                return
            self.last_seen = entries[-1].seq
            theirs = [e for e in entries if e.client != self._client]
            if theirs:
                self._on_entries(theirs)
