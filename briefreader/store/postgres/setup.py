"""Setting up a team workspace on a server: every component's tables, roles, grants.

`briefreader workspace setup` runs this as an administrator (a role that may
create schemas and roles). It is idempotent: run again after upgrading
briefreader, it applies only the new steps and re-grants.
"""

from __future__ import annotations

from briefreader.corpus.shared import STEPS as LIBRARY_STEPS
from briefreader.store.postgres.schema import STEPS as WORK_STEPS
from briefreader.workspace import schema
from briefreader.workspace.admin import ensure_group_roles
from briefreader.workspace.connection import Connection
from briefreader.workspace.settings import Workspace

#: (component, steps) in the order they are set up.
COMPONENTS: tuple[tuple[str, tuple[schema.Step, ...]], ...] = (
    ("workspace", schema.BASE),
    ("library", LIBRARY_STEPS),
    ("work", WORK_STEPS),
)


def setup_workspace(workspace: Workspace, *, roles: bool = True) -> dict[str, int]:
    """Create or upgrade every component; returns {component: steps applied}."""
    conn = Connection(workspace, application_name="briefreader setup", schema=schema.SCHEMA)
    try:
        if roles:
            ensure_group_roles(conn)
        applied = {name: len(schema.ensure(conn, name, steps)) for name, steps in COMPONENTS}
        conn.begin()
        schema.grant(conn)
        conn.commit()
        return applied
    finally:
        conn.close()
