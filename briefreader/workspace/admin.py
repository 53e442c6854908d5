"""What an administrator does once for a team: group roles, one role per analyst.

Every analyst logs in as their own role, so the server itself records who
changed what (the journal's author is `current_user`) and can refuse a
reader's writes. Analysts are members of one of two group roles:
`briefreader_writers` (read and write) or `briefreader_readers` (read only);
the tables' grants go to the groups (schema.grant), so adding an analyst is
one statement and needs no per-table work.

Names go into statements only as identifiers quoted by psycopg's `sql`
module, never by string formatting; a password is hashed on this machine
(SCRAM, as psql's \\password does) so the server never sees it.
"""

from __future__ import annotations

from psycopg import sql

from briefreader.workspace.connection import Connection
from briefreader.workspace.errors import ServerError
from briefreader.workspace.schema import READERS, WRITERS, group_roles


def ensure_group_roles(conn: Connection) -> list[str]:
    """Create the two group roles if missing (needs CREATEROLE); returns those created."""
    made = []
    existing = group_roles(conn)
    for role in (WRITERS, READERS):
        if role not in existing:
            conn.raw.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
            made.append(role)
    return made


def add_analyst(
    conn: Connection, name: str, password: str | None, *, read_only: bool = False
) -> None:
    """Create (or move) `name` as a login role in the writers' or the readers' group."""
    if not name or len(name) > 63:
        raise ServerError("an analyst's role name must be 1 to 63 characters")
    group, other = (READERS, WRITERS) if read_only else (WRITERS, READERS)
    raw = conn.raw
    ident = sql.Identifier(name)
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone()
    try:
        if not exists:
            statement = sql.SQL("CREATE ROLE {} LOGIN").format(ident)
            raw.execute(statement)
        if password is not None:
            # Hashed here, as psql's \password does: the server (and any statement
            # log) only ever sees the SCRAM verifier, never the password.
            verifier = raw.pgconn.encrypt_password(
                password.encode(), name.encode(), b"scram-sha-256"
            ).decode()
            raw.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(verifier)))
        raw.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), ident))
        member_of_other = conn.execute(
            "SELECT pg_has_role(?, ?, 'MEMBER')", (name, other)
        ).fetchone()[0]
        if member_of_other:
            raw.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), ident))
    except Exception as error:
        from briefreader.workspace.connection import translate

        raise translate(error, conn.workspace) from None
