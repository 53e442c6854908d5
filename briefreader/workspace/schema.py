"""The team workspace's tables on the server, versioned per component.

Everything briefreader keeps lives in one schema, `briefreader`, so it sits
beside whatever else the database holds. Each component (`workspace`: the
version table and the change journal; `library`; `work`) has numbered steps,
applied in one transaction under an advisory lock so two clients starting at
once never both migrate. Never edit a released step: add one.

Analysts' roles need no right to create tables: an administrator runs
`briefreader workspace setup` once (or after an upgrade), which creates the
schema and the two group roles, `briefreader_writers` and
`briefreader_readers`, and grants them what they need. A role that may not
create or upgrade the tables gets a sentence saying who can.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from briefreader.workspace.connection import Connection
from briefreader.workspace.errors import PermissionDenied, ServerError

SCHEMA = "briefreader"
WRITERS = "briefreader_writers"
READERS = "briefreader_readers"
_SCHEMA_LOCK = zlib.crc32(b"briefreader schema")


class SchemaError(ServerError):
    """The tables are missing, too old for this role to upgrade, or newer than this app."""


class SchemaTooNew(SchemaError):
    """The server's tables were made by a newer briefreader."""


@dataclass(frozen=True, slots=True)
class Step:
    version: int
    description: str
    sql: str


BASE: tuple[Step, ...] = (
    Step(
        1,
        "the change journal",
        """
        CREATE TABLE journal (
            seq BIGSERIAL PRIMARY KEY,
            at TIMESTAMPTZ NOT NULL DEFAULT now(),
            author TEXT NOT NULL DEFAULT current_user,
            client TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX journal_at ON journal (at);
        """,
    ),
)


def version_of(conn: Connection, component: str) -> int:
    """The component's version on the server (0: not there)."""
    found = conn.execute("SELECT to_regclass(?)", (f"{SCHEMA}.schema_versions",)).fetchone()
    if found is None or found[0] is None:
        return 0
    row = conn.execute(
        f"SELECT version FROM {SCHEMA}.schema_versions WHERE component = ?", (component,)
    ).fetchone()
    return int(row[0]) if row else 0


def ensure(conn: Connection, component: str, steps: Sequence[Step]) -> list[Step]:
    """Bring `component` to its newest step; returns the steps applied (none: up to date).

    Raises SchemaTooNew for tables from a newer briefreader, and SchemaError
    when they need creating or upgrading and this role may not.
    """
    latest = steps[-1].version
    current = version_of(conn, component)
    _check_not_newer(conn, component, current, latest)
    if current == latest:
        return []
    try:
        conn.begin()
        conn.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
        current = version_of(conn, component)  # another client may have just done it
        _check_not_newer(conn, component, current, latest)
        conn.script(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        conn.script(
            f"CREATE TABLE IF NOT EXISTS {SCHEMA}.schema_versions "
            "(component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
        )
        applied = [s for s in steps if s.version > current]
        for step in applied:
            conn.script(f"SET LOCAL search_path TO {SCHEMA};\n{step.sql}")
        conn.execute(
            f"INSERT INTO {SCHEMA}.schema_versions (component, version) VALUES (?, ?) "
            "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
            (component, latest),
        )
        grant(conn)
        conn.commit()
    except PermissionDenied as error:
        _abandon(conn)
        verb = "set up" if current == 0 else f"upgraded to version {latest}"
        raise SchemaError(
            f"the team workspace's {component} tables need to be {verb}, and your role may "
            f"not do it ({error}); ask your administrator to run `briefreader workspace setup`"
        ) from error
    except BaseException:
        _abandon(conn)
        raise
    return applied


def _abandon(conn: Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(ServerError):
            conn.rollback()


def _check_not_newer(conn: Connection, component: str, current: int, latest: int) -> None:
    if current > latest:
        raise SchemaTooNew(
            f"the team workspace's {component} tables are at version {current}, but this "
            f"briefreader only knows up to {latest}: update briefreader (nothing was changed)"
        )


def group_roles(conn: Connection) -> set[str]:
    rows = conn.execute(
        "SELECT rolname FROM pg_roles WHERE rolname IN (?, ?)", (WRITERS, READERS)
    ).fetchall()
    return {r[0] for r in rows}


def grant(conn: Connection) -> None:
    """Give the group roles (where they exist) what they need on every table."""
    roles = group_roles(conn)
    if READERS in roles:
        conn.script(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {READERS}")
        conn.script(f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {READERS}")
    if WRITERS in roles:
        conn.script(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {WRITERS}")
        conn.script(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SCHEMA} TO {WRITERS}"
        )
        conn.script(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {WRITERS}")
