"""A connection to the team's PostgreSQL server that speaks the store's SQL.

The store and the library write portable SQL with `?` placeholders (what
`sqlite3` takes); `Connection` turns them into psycopg's `%s` once per
statement text and passes values only as parameters, never spliced into the
text. Statements run in autocommit mode unless the caller opened a
transaction with `begin()`, as with `sqlite3` in `isolation_level=None`.

`BEGIN IMMEDIATE` (SQLite's "take the writer lock now") means the same
here: a transaction holding a transaction-scoped advisory lock, so two
analysts importing at once take turns instead of interleaving.

A dropped connection (server restart, network gone) marks the connection
broken; the next statement outside a transaction reconnects first. Errors
become `ServerError`s whose text never holds a password.

Why psycopg 3 (LGPL-3.0, used unmodified) rather than pg8000 (BSD):
measured here on one local server, a one-row insert-and-commit took 0.25 ms
at the median against 0.48 ms, and a primary-key read 0.12 ms against 0.32
ms; it waits for NOTIFY with a timeout (`notifies(timeout=…)`) where pg8000
only sees notifications while running another query; and it is libpq, so
`sslmode`, `sslrootcert`, `~/.pgpass`, service files and Kerberos work as
every other PostgreSQL client at a site does.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from briefreader.workspace.errors import (
    Contention,
    PermissionDenied,
    ServerError,
    ServerUnavailable,
)
from briefreader.workspace.settings import Workspace, redact

#: Seconds to wait for a server before saying it cannot be reached.
CONNECT_TIMEOUT = 5
#: The advisory lock `BEGIN IMMEDIATE` takes (one writer at a time in the library).
LIBRARY_WRITER = zlib.crc32(b"briefreader library writer")
#: The one the work store's writes take (see store/postgres/backend.py).
WORK_WRITER = zlib.crc32(b"briefreader work writer")
_DISCONNECT_STATES = ("08", "57P01", "57P02", "57P03")
#: `INSERT INTO t (a, b) VALUES (?, ?)` and nothing after: safe to send as many rows at once.
_VALUES = re.compile(
    r"^(INSERT\s+INTO\s+\w+\s*\([^)]*\))\s*VALUES\s*(\((?:\s*\?\s*,)*\s*\?\s*\))$", re.I
)


@functools.lru_cache(maxsize=1024)
def to_pyformat(sql: str) -> str:
    """`?` placeholders to `%s` (and `%` to `%%`), leaving quoted text alone."""
    out: list[str] = []
    quote: str | None = None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
            out.append("%%" if ch == "%" else ch)
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


def is_disconnect(error: BaseException) -> bool:
    """Whether an error means the connection is gone (not that the statement was wrong)."""
    if isinstance(error, ServerUnavailable):
        return True
    if not isinstance(error, psycopg.Error):
        return False
    state = getattr(error, "sqlstate", None) or ""
    if state.startswith(_DISCONNECT_STATES):
        return True
    return isinstance(error, psycopg.OperationalError) and not state


def translate(error: BaseException, workspace: Workspace) -> ServerError:
    """A ServerError with a sentence for the analyst (no password, no SQL)."""
    text = " ".join(str(error).split())
    if "FATAL:" in text:  # libpq's "connection to server at … failed: FATAL: <why>"
        text = text.split("FATAL:", 1)[1].strip()
    text = redact(text, workspace)
    who = workspace.user or "this user"
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return ServerError(
            f"the team server ({workspace.display}) refused the login for {who} ({text}); "
            "check the password in ~/.pgpass or PGPASSWORD"
        )
    if "does not exist" in lowered and isinstance(error, psycopg.OperationalError):
        return ServerError(f"the team server ({workspace.display}) says: {text}")
    if is_disconnect(error):
        return ServerUnavailable(
            f"the team server ({workspace.display}) cannot be reached ({text})"
        )
    if isinstance(error, pg_errors.InsufficientPrivilege | pg_errors.ReadOnlySqlTransaction):
        return PermissionDenied(text)
    if (getattr(error, "sqlstate", None) or "") in {"40001", "40P01"}:
        return Contention(text)
    return ServerError(text)


def open_raw(workspace: Workspace, *, application_name: str = "briefreader") -> psycopg.Connection:
    """A psycopg connection in autocommit mode; ServerError if it cannot be made."""
    try:
        return psycopg.connect(
            workspace.conninfo,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT,
            application_name=application_name,
        )
    except psycopg.Error as error:
        raise translate(error, workspace) from None


class Connection:
    """A `sqlite3.Connection`-shaped view of one server connection; thread-safe."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        application_name: str = "briefreader",
        schema: str | None = None,
    ) -> None:
        self.workspace = workspace
        self._application_name = application_name
        #: The schema unqualified names resolve in (set again after every reconnect).
        self.schema = schema
        self._lock = threading.RLock()
        self._raw: psycopg.Connection | None = None
        self.in_transaction = False
        self.connect()

    # -- connection state ------------------------------------------------
    def connect(self) -> None:
        with self._lock:
            if self._raw is not None and not self._raw.closed:
                self._raw.close()
            self._raw = None
            raw = open_raw(self.workspace, application_name=self._application_name)
            if self.schema:
                try:
                    raw.execute("SELECT set_config('search_path', %s, false)", (self.schema,))
                except psycopg.Error as error:
                    raw.close()
                    raise translate(error, self.workspace) from error
            self._raw = raw
            self.in_transaction = False

    @property
    def raw(self) -> psycopg.Connection:
        if self._raw is None or self._raw.closed or self._raw.broken:
            if self.in_transaction:
                raise ServerUnavailable(
                    f"the connection to the team server ({self.workspace.display}) "
                    "was lost mid-transaction"
                )
            self.connect()
        assert self._raw is not None
        return self._raw

    @property
    def broken(self) -> bool:
        return self._raw is None or self._raw.closed or bool(self._raw.broken)

    def close(self) -> None:
        with self._lock:
            if self._raw is not None:
                self._raw.close()
            self._raw = None

    # -- statements ------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | None = ()) -> psycopg.Cursor[Any]:
        word = sql.strip().upper()
        if word in _CONTROL:
            _CONTROL[word](self)
            return self.raw.cursor()
        with self._lock:
            try:
                return self.raw.execute(to_pyformat(sql), tuple(params or ()), prepare=None)
            except psycopg.Error as error:
                # A connection the server dropped while idle (a restart) fails on its
                # first use: a read outside a transaction is safe to send again.
                if self._may_retry(error) and word.startswith("SELECT"):
                    try:
                        return self.raw.execute(to_pyformat(sql), tuple(params or ()))
                    except psycopg.Error as again:
                        raise translate(again, self.workspace) from again
                raise translate(error, self.workspace) from error

    def _may_retry(self, error: psycopg.Error) -> bool:
        """Whether `error` was a dead connection outside a transaction, now replaced."""
        if self.in_transaction or not is_disconnect(error):
            return False
        try:
            self.connect()
        except ServerError:
            return False
        return True

    def script(self, sql: str) -> None:
        """Run fixed SQL with no values (several statements allowed): DDL, grants."""
        with self._lock:
            try:
                self.raw.execute(sql.encode())  # bytes: no placeholder processing at all
            except psycopg.Error as error:
                raise translate(error, self.workspace) from error

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        """Every row, in as few round trips as the statement allows.

        A plain `INSERT … VALUES (?, …)` becomes one multi-row INSERT per 500
        rows (values still travel as parameters); anything else runs once per
        row. Not psycopg's executemany: that runs in pipeline mode, whose error
        state outlived a failed statement in a transaction under load.
        """
        batch = list(rows)
        with self._lock:
            cur = self.raw.cursor()
            try:
                values = _VALUES.match(sql.strip())
                if values and batch:
                    head, group = values.group(1), values.group(2)
                    for start in range(0, len(batch), 500):
                        chunk = batch[start : start + 500]
                        query = to_pyformat(f"{head} VALUES " + ", ".join([group] * len(chunk)))
                        cur.execute(query, [v for row in chunk for v in row])
                else:
                    query = to_pyformat(sql)
                    for row in batch:
                        cur.execute(query, tuple(row))
            except psycopg.Error as error:
                raise translate(error, self.workspace) from error
            return cur

    def begin(self, *, serializable: bool = False, lock: int | None = None) -> None:
        """Open a transaction (SERIALIZABLE if asked), holding advisory lock `lock` if given."""
        with self._lock:
            opening = "BEGIN ISOLATION LEVEL SERIALIZABLE" if serializable else "BEGIN"
            raw = self.raw
            try:
                try:
                    raw.execute(opening)
                except psycopg.Error as error:  # nothing was done yet: a new connection may
                    if not self._may_retry(error):
                        raise
                    raw = self.raw
                    raw.execute(opening)
                self.in_transaction = True
                if lock is not None:
                    raw.execute("SELECT pg_advisory_xact_lock(%s)", (lock,))
            except psycopg.Error as error:
                self._forget_transaction()
                raise translate(error, self.workspace) from error

    def commit(self) -> None:
        self._end("COMMIT")

    def rollback(self) -> None:
        self._end("ROLLBACK")

    def _end(self, word: str) -> None:
        with self._lock:
            try:
                if self._raw is not None and not self._raw.broken and not self._raw.closed:
                    self._raw.execute(word)
                elif word == "COMMIT":
                    raise ServerUnavailable(
                        f"the connection to the team server ({self.workspace.display}) "
                        "was lost before the commit"
                    )
            except psycopg.Error as error:
                self._forget_transaction()
                raise translate(error, self.workspace) from error
            finally:
                self.in_transaction = False

    def _forget_transaction(self) -> None:
        self.in_transaction = False
        raw = self._raw
        if raw is not None and not raw.closed and not raw.broken:
            with contextlib.suppress(psycopg.Error):
                raw.execute("ROLLBACK")


_CONTROL = {
    "BEGIN": lambda c: c.begin(),
    "BEGIN IMMEDIATE": lambda c: c.begin(lock=LIBRARY_WRITER),
    "COMMIT": lambda c: c.commit(),
    "ROLLBACK": lambda c: c.rollback(),
}
