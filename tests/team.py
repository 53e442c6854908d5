"""A team on the test server: three analysts (two writers, one reader), a fresh database each.

Roles are cluster-wide, so they are made once per session (`team_roles`);
every test gets its own database with the workspace's tables set up by the
administrator (`team` fixture in tests/conftest.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefreader.paths import DataPaths
from briefreader.workspace import Workspace, parse_workspace
from briefreader.workspace.admin import add_analyst, ensure_group_roles
from briefreader.workspace.connection import Connection
from briefreader.workspace.schema import SCHEMA
from tests.pg_server import PgServer

#: name -> (password, read only)
ANALYSTS = {
    "alice": ("alice-pw-71c3", False),
    "bob": ("bob-pw-0d9e", False),
    "carol": ("carol-pw-5a21", True),
}


def make_roles(server: PgServer) -> None:
    conn = Connection(parse_workspace(server.url()))
    try:
        ensure_group_roles(conn)
        for name, (password, read_only) in ANALYSTS.items():
            add_analyst(conn, name, password, read_only=read_only)
    finally:
        conn.close()


@dataclass(frozen=True)
class Team:
    server: PgServer
    dbname: str

    def url(self, analyst: str, **params: str) -> str:
        return self.server.url(self.dbname, analyst, ANALYSTS[analyst][0], **params)

    def workspace(self, analyst: str) -> Workspace:
        return parse_workspace(self.url(analyst))

    def admin_workspace(self) -> Workspace:
        return parse_workspace(self.server.url(self.dbname))

    def paths(self, analyst: str, root: Path) -> DataPaths:
        """A data directory on `analyst`'s machine, working in this team's workspace."""
        return DataPaths.at(root / analyst, self.workspace(analyst)).ensure()

    def reset(self) -> None:
        """Empty every table of the workspace (keeping its schema) and drop other sessions.

        DELETE, not TRUNCATE: on a handful of rows it is several times faster.
        """
        self.server.terminate(self.dbname)
        with self.server.admin(self.dbname) as conn:  # type: ignore[attr-defined]
            tables = conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s AND tablename <> %s",
                (SCHEMA, "schema_versions"),
            ).fetchall()
            sequences = conn.execute(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = %s", (SCHEMA,)
            ).fetchall()
            with conn.transaction():
                conn.execute("SET LOCAL session_replication_role = replica")  # no FK checks
                for (table,) in tables:
                    conn.execute(f"DELETE FROM {SCHEMA}.{table}")
                for (sequence,) in sequences:
                    conn.execute(f"ALTER SEQUENCE {SCHEMA}.{sequence} RESTART")
