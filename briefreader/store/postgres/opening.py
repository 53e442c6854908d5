"""Opening the team's workspace: connect, check the tables, learn who we are.

The tables are created (or upgraded) here only if this analyst's role may;
otherwise a sentence says an administrator must run `briefreader workspace
setup`. A role without the right to write (a reader's) opens read-only and
is told so in words, not with a permission error at the first keystroke.
"""

from __future__ import annotations

from briefreader.paths import DataPaths
from briefreader.store.errors import StoreError, StoreVersionError
from briefreader.store.opening import Opened
from briefreader.store.postgres.backend import PgDatabase, read_only_role_reason
from briefreader.store.postgres.schema import STEPS
from briefreader.workspace import journal, schema
from briefreader.workspace.connection import Connection
from briefreader.workspace.errors import ServerError


def open_workspace(paths: DataPaths, *, read_only: bool = False) -> Opened:
    """The team's work as a store backend; StoreError (with a sentence) if it cannot be used."""
    workspace = paths.workspace
    assert workspace is not None
    try:
        conn = Connection(workspace, application_name="briefreader", schema=schema.SCHEMA)
    except ServerError as error:
        raise StoreError(str(error)) from error
    try:
        schema.ensure(conn, "workspace", schema.BASE)
        schema.ensure(conn, "work", STEPS)
        role, may_write = conn.execute(
            "SELECT current_user, has_table_privilege('notes', 'INSERT')"
        ).fetchone()
        seq = journal.last_seq(conn)
    except schema.SchemaTooNew as error:
        conn.close()
        raise StoreVersionError(str(error)) from error
    except ServerError as error:
        conn.close()
        raise StoreError(str(error)) from error
    reason = None
    if read_only:
        reason = "opened read-only on request; changes are not saved"
    elif not may_write:
        reason = read_only_role_reason(role)
    database = PgDatabase(
        conn,
        role=role,
        client=journal.new_client_id(),
        read_only_reason=reason,
        journal_seq=seq,
    )
    return Opened(database, None, None)  # type: ignore[arg-type]
